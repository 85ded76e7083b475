import { INHERITED_FIELDS, type InheritedField } from '../../domain/provenance-input';
import { isOrdered, REL_KEYS } from '../../domain/rel-keys';
import { DATE_PAIRS, REL_PROPS, storedProps, type PropTable, type WritableLabel } from '../../domain/entity-props';
import { IDENTIFIER_LABELS, IMPORT_BACKUP_LABEL, LOCATION_LABELS, PERSON_ROLE_LABELS, type RelationshipType } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { lockIfVisible, visible, withheldLinks } from './access';
import { AFTER, AFTER_LABELS } from './import-run.query';

/**
 * Batch writers for imports and the synthetic world: one `UNWIND $rows` statement writes many
 * nodes of one label, or many relationships of one type, with provenance on every item. Labels,
 * types and property keys in the text come from the registry and the property tables; every
 * value is in `$rows`.
 *
 * Two modes. `create` only creates (a fresh world: fastest). `upsert` classifies each row
 * first: `created` (no such item), `unchanged` (same properties and provenance: nothing is
 * written, so importing a file twice changes nothing), `updated` (written with the provenance
 * rule of the API: handling never loosened), `hidden` (the id names a node the caller may not
 * see: nothing written) or `conflict` (the id names another kind of node or reference data:
 * nothing written). The importer checks for the last two before it writes, and the statements
 * test them again as they write, in the write's own transaction: the graph may have changed
 * since the check (README.md#who-may-see-what).
 *
 * Visibility, as the statements test it: a node is updated only when the caller may see it; a
 * relationship is created or updated only between ends the caller may see (or that the same
 * import writes above the caller's clearance, `$own`: a caller may import such a record and
 * link it); an existing relationship is updated only when the caller may see it, and beside a
 * hidden one the row's relationship is created. A node that a create (or a `created` row) would
 * make over an id or a natural key (an identifier's value, a report's reference) already in use
 * fails on the uniqueness constraints, in the same transaction, whoever holds it.
 *
 * Every existing item a statement tests (a node it may update, an end it links, a relationship
 * it may update, a report a row cites) is tested on a first, unlocked read, locked only if the
 * caller may see it (`lockIfVisible`), and tested again after the lock: under read-committed, a
 * test made before the statement waits for an item's lock would miss a change committed meanwhile
 * (another writer raising the item to H3), and the write would land on an item hidden by then. An
 * item hidden from the caller is never locked by it: it never waits for a hidden item (which would
 * tell it that someone is writing a hidden record, or that a hidden link is there), nor holds a
 * hidden item's lock (which would delay others' writes); to it, such an item is not there (a
 * record: refused; a link: the row's is created beside it). An item the statement may change is
 * locked for every caller (its backup must hold the values it changes, not older ones); an end,
 * which it only tests, for a caller some items are hidden from. The cited reports are locked for
 * every caller, first, in id order, before any record of the statement (see rowsWithProvenance).
 * The links a relationship batch may update are locked before anything else of its transaction
 * is written (lockLinksQuery: a link found from an end its transaction has written is read as it
 * was before the wait). Locks are taken in more than one order across statements and writers (an
 * API write locks the report it cites, then its record; a one-transaction import may lock a
 * record in a node statement, then a report in a later one), so two transactions can deadlock:
 * Neo4j then stops one with a transient error, and its managed transaction is run again.
 *
 * Provenance, as the statements take it: a row citing a report already in the graph (not one the
 * same import writes: `fromReport`) is written only if the caller may see that report as the
 * statement runs, and takes the report's agency, grading and handling as they are then (where the
 * row does not give its own), as the API resolves a write's report in its transaction; a row
 * whose report is missing or hidden, or whose own handling or UK handling is below the report's
 * now (the report was raised since the check; a fact is never shared more widely than its
 * source), is not written (the writer counts rows, and refuses a batch that is short). A row of
 * a JSON export citing a report the graph did not have at the check (`orAbsent`) is written as
 * the file gives it while the graph still has no such report, and as above once it has one. Any
 * other row's provenance (a report the same import writes) is written as given, but not below
 * the report as the graph has it, if it has it (a file restating a report at a lower handling
 * does not lower it), nor citing a report the caller may not see unless the row is itself above
 * the caller's clearance (rowsWithProvenance).
 *
 * With a run id (`$run`), created items carry it in `__importRun`, and the nodes a statement
 * creates are noted, with the `recordedAt` each was given, in one ImportBackup node; an updated
 * item's values before the change are copied once into an ImportBackup node, and its values
 * after the change (`AFTER`) with them; a relationship created in upsert mode (between nodes that
 * were there before) is noted in one with its values. So an unfinished run can be rolled back
 * (import-run.query.ts), and the rollback can tell what someone changed since the run wrote it:
 * its new nodes go with their relationships, its noted relationships one by one. Without a run
 * (`$run` null) nothing extra is written. Create mode is for relationships with an end the same
 * run creates.
 */

export type BulkMode = 'create' | 'upsert';

/** Provenance as stored: flat, `recordedAt` as an ISO date-time string. */
export interface StoredProvenanceRow {
  reportId: string;
  agency: string;
  recordedAt: string;
  gradeSource: number;
  gradeIntel: string;
  ukHandling: string;
  handling: string;
  consent: boolean;
  /**
   * Present when the cited report is in the graph, not written by the same import: the fields
   * the item takes from the report (those the source does not give). The statement reads the
   * report as it writes (it must be visible to the caller) and takes the agency and these fields
   * from it, instead of the values above, which the check before the write read.
   */
  fromReport?: InheritedField[];
  /**
   * With `fromReport`, for a JSON export's item citing a report the graph did not have at the
   * check (an export from another graph cites reports it does not carry): while the graph still
   * has no report of that id, the values above are written as they are (agency included). A
   * report of that id hidden from the caller refuses the row, as for any other.
   */
  orAbsent?: boolean;
}

/** A provenance as sent in `$provs`: as written, or (`fromReport`) what the item gives itself, null where the report decides. */
type SentProvenance = Omit<StoredProvenanceRow, 'recordedAt' | 'fromReport' | 'orAbsent'> | { reportId: string; fromReport: true; [field: string]: string | number | boolean | null };

export interface BulkNodeRow {
  id: string;
  /** Checked non-date properties (no nulls: a missing value is left out). */
  props: Record<string, unknown>;
  /** Date properties as `YYYY-MM-DD`. */
  dates: Record<string, string>;
  prov: StoredProvenanceRow;
  /** Person role labels (Victim, Offender, Suspect) the node must hold. */
  roles?: string[];
}

export interface BulkRelRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
  dates: Record<string, string>;
  prov: StoredProvenanceRow;
}

/**
 * The rows as sent: a batch's facts mostly share a report's grading, so each distinct provenance
 * (recordedAt aside) goes once into `$provs` and a row names it by index (`p`), with its own
 * `at` (recordedAt). Half the bytes on the wire, and half the parameter maps to read.
 */
function pack<R extends { prov: StoredProvenanceRow }>(rows: readonly R[]): { rows: (Omit<R, 'prov'> & { p: number; at: string })[]; provs: SentProvenance[] } {
  const index = new Map<string, number>();
  const provs: SentProvenance[] = [];
  const packed = rows.map(({ prov, ...rest }) => {
    const { recordedAt, fromReport, orAbsent, ...given } = prov;
    const shared: SentProvenance = fromReport
      ? {
          reportId: given.reportId,
          fromReport: true,
          ...(orAbsent ? { orAbsent: true, agency: given.agency } : {}),
          ...Object.fromEntries(INHERITED_FIELDS.map((f) => [f, fromReport.includes(f) ? null : given[f]])),
        }
      : given;
    const key = JSON.stringify(shared);
    let p = index.get(key);
    if (p === undefined) {
      p = provs.length;
      provs.push(shared);
      index.set(key, p);
    }
    return { ...rest, p, at: recordedAt };
  });
  return { rows: packed, provs };
}

/**
 * Each row with its provenance (`prov`), against the reports the rows cite as they are in the
 * graph now, read after their locks are taken.
 *
 * First, every cited report in the graph that the caller may see is locked (`lockIfVisible`'s
 * rule, for a list: tested on an unlocked read, locked if it passes, in id order), before the
 * statement takes any record's lock: so a report raised while the statement waits, for the
 * report's lock or later for a record's (another writer raising it and editing a record the
 * import updates, in one transaction), is read as raised, and no report the rows rely on can
 * change until the transaction ends. A report hidden from the caller is never locked by it.
 *
 * Then each provenance is resolved once per statement, against the reports as they are after
 * those locks (a report not locked above is one the caller may not see):
 * - citing a report in the graph (`fromReport`): taken from that report, only if the caller may
 *   see it and the handling and UK handling the row gives itself are not below the report's (the
 *   floor resolveProvenance keeps: the report may have been raised since the check); missing or
 *   hidden, the row is dropped (an `orAbsent` row's report may be missing: it is then written as
 *   given);
 * - any other (a report the same import writes, or a world's): written as given, but only if,
 *   when the graph has a report of that id, the row's handling and UK handling are not below that
 *   report's (a file restating a report at a lower handling does not lower it, and its facts may
 *   not be written at the file's handling either; nor below a raise since the check), and the
 *   caller may see that report, unless the row itself is above the caller's clearance (an import
 *   may write a report and its facts above its clearance, as it may a record; the floor then
 *   keeps the row at or above the report). The report's own row (a report cites itself) is
 *   exempt: it never loosens the report (an update never lowers handling).
 * A dropped row makes its batch come out short.
 */
function rowsWithProvenance(opts: { selfCited?: boolean } = {}): string {
  const inherited = INHERITED_FIELDS.map((f) => `${f}: coalesce(p.${f}, rep.${f}${f === 'consent' ? ', false' : ''})`).join(', ');
  const given = INHERITED_FIELDS.map((f) => `${f}: p.${f}`).join(', ');
  // Handling codes order as text (H0 < H3); UK handling C is above P.
  const floor = "(p.handling IS NULL OR p.handling >= rep.handling) AND (p.ukHandling IS NULL OR p.ukHandling = 'C' OR rep.ukHandling = 'P')";
  const seen = `rep.id IN reports AND ${visible('rep')}`;
  const prov = opts.selfCited
    ? 'CASE WHEN row.id = $provs[toInteger(row.p)].reportId THEN $provs[toInteger(row.p)] ELSE provs[toInteger(row.p)] END'
    : 'provs[toInteger(row.p)]';
  return `CALL () {
  UNWIND $provs AS p
  WITH DISTINCT p.reportId AS id ORDER BY id
  MATCH (rep:IntelligenceReport {id: id})
  WHERE ${visible('rep')}
  SET rep.__lock = true REMOVE rep.__lock
  RETURN collect(id) AS reports
}
WITH [p IN $provs | CASE WHEN p.fromReport IS NULL THEN CASE WHEN NOT EXISTS {
    MATCH (rep:IntelligenceReport {id: p.reportId})
    WHERE NOT coalesce(${floor} AND (${seen} OR NOT ${visible('p')}), false)
  } THEN p END ELSE coalesce(head(COLLECT {
    MATCH (rep:IntelligenceReport {id: p.reportId})
    WHERE ${seen} AND ${floor}
    RETURN {reportId: p.reportId, agency: rep.agency, ${inherited}}
  }), CASE WHEN p.orAbsent AND NOT EXISTS { MATCH (:IntelligenceReport {id: p.reportId}) } THEN {reportId: p.reportId, agency: p.agency, ${given}} END) END] AS provs
UNWIND $rows AS row
WITH row, ${prov} AS prov
WHERE prov IS NOT NULL`;
}

const keysOfKind = (table: PropTable, kind: string) =>
  Object.entries(table)
    .filter(([, s]) => s.kind === kind)
    .map(([k]) => k);

/** The labels a node of this kind carries besides its own: Entity, and Identifier or Location. */
export function extraLabels(label: WritableLabel): string[] {
  const out = ['Entity'];
  if ((IDENTIFIER_LABELS as readonly string[]).includes(label)) out.push('Identifier');
  if ((LOCATION_LABELS as readonly string[]).includes(label)) out.push('Location');
  return out;
}

/** SET parts that give integer and date properties their Neo4j types (JS numbers arrive as floats). */
function typedSets(v: string, table: PropTable, keep: boolean): string[] {
  const ints = keysOfKind(table, 'int').map((k) => `${v}.${k} = toInteger(${v}.${k})`);
  const dates = keysOfKind(table, 'date').map((k) => (keep ? `${v}.${k} = coalesce(date(row.dates.${k}), ${v}.${k})` : `${v}.${k} = date(row.dates.${k})`));
  return [...ints, ...dates];
}

function provenanceCreate(v: string): string {
  return `${v} += prov, ${v}.recordedAt = datetime(row.at), ${v}.gradeSource = toInteger(prov.gradeSource)`;
}

/**
 * The API's rule on update: the new report and grading; handling never loosened; consent only kept
 * if both say so. And, as an API write does, the mark of another run that created the item comes
 * off (the run's own re-update keeps it): rolling that run back must not delete an item another
 * import has changed since.
 */
function provenanceUpdate(v: string): string {
  return `${v}.reportId = prov.reportId, ${v}.agency = prov.agency, ${v}.recordedAt = datetime(row.at),
      ${v}.__importRun = CASE WHEN ${v}.__importRun = $run THEN $run END,
      ${v}.gradeSource = toInteger(prov.gradeSource), ${v}.gradeIntel = prov.gradeIntel,
      ${v}.handling = CASE WHEN ${v}.handling > prov.handling THEN ${v}.handling ELSE prov.handling END,
      ${v}.ukHandling = CASE WHEN ${v}.ukHandling = 'C' OR prov.ukHandling = 'C' THEN 'C' ELSE 'P' END,
      ${v}.consent = coalesce(${v}.consent, false) AND prov.consent`;
}

/** True when applying the row would leave the item as it is (recordedAt aside: a re-import does not re-date a fact). */
function sameAs(v: string, withRoles: boolean): string {
  return [
    `all(k IN keys(row.props) WHERE ${v}[k] = row.props[k])`,
    `all(k IN keys(row.dates) WHERE ${v}[k] = date(row.dates[k]))`,
    ...(withRoles ? [`all(l IN coalesce(row.roles, []) WHERE l IN labels(${v}))`] : []),
    `${v}.reportId = prov.reportId AND ${v}.agency = prov.agency`,
    `${v}.gradeSource = prov.gradeSource AND ${v}.gradeIntel = prov.gradeIntel`,
    `${v}.handling >= prov.handling AND (${v}.ukHandling = 'C' OR prov.ukHandling = 'P')`,
    `(coalesce(${v}.consent, false) = false OR prov.consent = true)`,
  ].join('\n       AND ');
}

function roleSets(v: string): string {
  return PERSON_ROLE_LABELS.map((l) => `FOREACH (_ IN CASE WHEN '${l}' IN coalesce(row.roles, []) THEN [1] ELSE [] END | SET ${v}:${l})`).join('\n  ');
}

/**
 * Notes an item the run changes in its ImportBackup (none without a run): its values (and a
 * node's labels) from before the run, `was`, the first time the run changes it, and, every
 * time, its values as the run leaves them, under `AFTER`, so that a rollback can tell what
 * someone changed since (import-run.query.ts).
 *
 * The backup is found by a seek of the run-and-item index, named in a hint: as a MERGE, the
 * planner could take the run's index alone (it did when it planned the statement while the graph
 * had no backups), and then read every backup of the run for each row: a CTDC-sized update spent
 * 121 s on its first 10,000 rows, and about 1.2 s on each later batch. Named as an index only, it
 * could still be scanned whole for each row (the first 10,000 links of the same update: 52 s,
 * 50 million index entries read); a seek is named. Not found, it is created: the item's lock,
 * taken before, keeps any other writer from noting it at the same time.
 */
function note(v: string, key: 'node' | 'rel'): string {
  const vars = key === 'node' ? `${v}, was, wasLabels` : `${v}, was`;
  const [prop, value] = key === 'node' ? ['__of', `${v}.id`] : ['__relId', `elementId(${v})`];
  const first = key === 'node' ? 'nb += was, nb.__labels = wasLabels' : `nb += was, nb.__from = startNode(${v}).id, nb.__to = endNode(${v}).id, nb.__type = type(${v})`;
  // The item's key as a variable of its own: the planner takes a hint on `= elementId(...)` for none.
  const find = (b: string) => `MATCH (${b}:${IMPORT_BACKUP_LABEL}) USING INDEX SEEK ${b}:${IMPORT_BACKUP_LABEL}(__run, ${prop})
    WHERE ${b}.__run = $run AND ${b}.${prop} = item`;
  return `WITH ${vars}
  CALL (${vars}) {
    WITH ${vars}, ${value} AS item WHERE $run IS NOT NULL
    OPTIONAL ${find('found')}
    FOREACH (_ IN CASE WHEN found IS NULL THEN [1] ELSE [] END |
      CREATE (nb:${IMPORT_BACKUP_LABEL} {__run: $run, ${prop}: item})
      SET ${first})
    WITH ${v}, item
    ${find('b')}
    FOREACH (k IN [k IN keys(b) WHERE k STARTS WITH '${AFTER}'] | SET b[k] = null)
    FOREACH (k IN keys(${v}) | SET b['${AFTER}' + k] = ${v}[k])
    SET b.${AFTER_LABELS} = ${key === 'node' ? `labels(${v})` : '[]'}
  }`;
}

/**
 * The end of a node statement: one row per outcome with its count, and with a run, the ids of
 * the nodes it created and the `recordedAt` it gave each, noted in one ImportBackup.
 */
function countsNotingCreated(): string {
  return `WITH outcome, count(*) AS n, collect(CASE WHEN $run IS NOT NULL THEN row.id END) AS ids, collect(CASE WHEN $run IS NOT NULL THEN row.at END) AS ats
CALL (outcome, ids, ats) {
  WITH ids, ats WHERE outcome = 'created' AND size(ids) > 0
  CREATE (:${IMPORT_BACKUP_LABEL} {__run: $run, __createdNodes: ids, __createdAt: [a IN ats | datetime(a)]})
}
RETURN outcome, n`;
}

/** Whether the row gives a date of the pair `a`, `b` and the pair, as `v` will hold it, is out of order. */
function outOfOrder(v: string, a: string, b: string): string {
  const after = (k: string) => `coalesce(date(row.dates.${k}), ${v}.${k})`;
  return `((row.dates.${a} IS NOT NULL OR row.dates.${b} IS NOT NULL) AND coalesce(${after(a)} > ${after(b)}, false))`;
}

/**
 * A row that would leave a record's paired dates out of order (an end before its start), with
 * the record's other date as it is now: checked before the write (prepare-import.ts), and here
 * again, since the record may have been changed between that check and a staged run's batch.
 */
function misdated(label: WritableLabel): string {
  const pairs = DATE_PAIRS[label] ?? [];
  if (pairs.length === 0) return '';
  // Only a pair the row gives a date of: a record already holding a pair out of order (written
  // before these checks) may still be updated in its other fields.
  return `
    WHEN ${pairs.map(([a, b]) => outOfOrder('old', a, b)).join(' OR ')} THEN 'misdated'`;
}

export function bulkNodesQuery(label: WritableLabel, mode: BulkMode, rows: readonly BulkNodeRow[], run: string | null): CypherQuery {
  const table = storedProps(label);
  const labels = [label, ...extraLabels(label)].map((l) => `:${l}`).join('');
  const isPerson = label === 'Person';
  const create = `CREATE (n${labels})
  SET n = row.props, n.id = row.id, ${provenanceCreate('n')}, n.__importRun = $run${typedSets('n', table, false).map((s) => `, ${s}`).join('')}
  ${isPerson ? roleSets('n') : ''}`.trimEnd();
  const params = { ...pack(rows), run };
  const provs = rowsWithProvenance({ selfCited: label === 'IntelligenceReport' });
  if (mode === 'create') {
    return { cypher: `${provs}\n${create}\nWITH 'created' AS outcome, row\n${countsNotingCreated()}`, params };
  }
  return {
    cypher: `${provs}
OPTIONAL MATCH (old:Entity {id: row.id})
${lockIfVisible('old', 'seen')}
WITH row, prov, old, CASE
    WHEN old IS NULL THEN 'created'
    WHEN NOT (seen AND coalesce(${visible('old')}, false)) THEN 'hidden'
    WHEN NOT old:${label} OR old:Reference THEN 'conflict'${misdated(label)}${label === 'IntelligenceReport' ? `
    WHEN prov.reportId = row.id AND old.agency <> prov.agency THEN 'reissued'` : ''}
    WHEN ${sameAs('old', isPerson)} THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
CALL (row, prov, outcome) {
  WITH row, prov WHERE outcome = 'created'
  ${create.replace(/\n/g, '\n  ')}
}
CALL (row, prov, old, outcome) {
  WITH row, prov, old WHERE outcome = 'updated'
  WITH row, prov, old, properties(old) AS was, labels(old) AS wasLabels
  SET old += row.props${typedSets('old', table, true).map((s) => `, ${s}`).join('')},
      ${provenanceUpdate('old')}
  ${isPerson ? roleSets('old').replace(/\n/g, '\n  ') : ''}
  ${note('old', 'node')}
}
${countsNotingCreated()}`,
    params,
  };
}

/** Key properties that tell two relationships of a type between the same ends apart (on `v`). */
function keyMatch(type: RelationshipType, v: string): string {
  const table = REL_PROPS[type];
  const keys = REL_KEYS[type] ?? [];
  const conds = keys.map((k) => (table[k]?.kind === 'date' ? `(row.dates.${k} IS NULL OR ${v}.${k} = date(row.dates.${k}))` : `(row.props.${k} IS NULL OR ${v}.${k} = row.props.${k})`));
  return conds.length > 0 ? `\n    WHERE ${conds.join(' AND ')}` : '';
}

/**
 * Locks the existing links a relationship batch may update (those the caller may see, between
 * ends it may see or writes itself: `own`), and nothing else: run before anything else of the
 * transaction is written (lockRelBatch). A link must be locked before its transaction writes
 * either of its ends: once an end is written (its `__lock`, or an update by an earlier statement
 * of a one-transaction import), a link found from it after waiting for its lock is read as it was
 * before the wait (Neo4j 5.26, reproduced in the import-visibility tests), so a link raised while
 * the import waited would be taken as visible, and updated. Once locked here, a link cannot
 * change until the transaction ends, and bulkRelsQuery, which finds and locks it again, reads
 * it as it is.
 */
export function lockLinksQuery(type: RelationshipType, rows: readonly BulkRelRow[], own: readonly string[] = []): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) WHERE ${visible('a')} OR row.from IN $own
MATCH (b:Entity {id: row.to}) WHERE ${visible('b')} OR row.to IN $own
CALL (a, b, row) {
  OPTIONAL MATCH (a)-[c:${type}]->(b)${keyMatch(type, 'c')}
  WITH c ORDER BY elementId(c)
  ${lockIfVisible('c', 'seen', { rel: true }).replace(/\n/g, '\n  ')}
  RETURN count(seen) AS n
}
RETURN count(*) AS rows`,
    params: { rows: rows.map((r) => ({ from: r.from, to: r.to, props: r.props, dates: r.dates })), own: [...new Set(own)] },
  };
}

/**
 * For each row (`i`), the `since` and `until` of the link a relationship batch would update: the
 * first the caller may see between its ends with its key properties, as bulkRelsQuery finds it.
 */
export function storedLinkDatesQuery(type: RelationshipType, rows: readonly { i: number; from: string; to: string; props: Record<string, unknown>; dates: Record<string, string> }[]): CypherQuery {
  const match = keyMatch(type, 'c');
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[c:${type}]->(b:Entity {id: row.to})${match ? `${match} AND ` : '\n    WHERE '}${visible('c')} AND ${visible('a')} AND ${visible('b')}
WITH row, c ORDER BY elementId(c)
WITH row, head(collect(c)) AS c
RETURN row.i AS i, toString(c.since) AS since, toString(c.until) AS until`,
    params: { rows: [...rows] },
  };
}

/**
 * `own`: ids among the rows' ends that the same import writes itself (earlier in its transaction,
 * or in an earlier batch of its run) at a handling the caller may not see, which it may link;
 * any other end must be visible to the caller. A row with an end missing or hidden, or citing a
 * report missing or hidden, is not written (the writer counts rows, and refuses the batch when
 * one is short).
 */
export function bulkRelsQuery(type: RelationshipType, mode: BulkMode, rows: readonly BulkRelRow[], run: string | null, own: readonly string[] = []): CypherQuery {
  const table = REL_PROPS[type];
  const create = `CREATE (a)-[r:${type}]->(b)
  SET r = row.props, ${provenanceCreate('r')}, r.__importRun = $run${typedSets('r', table, false).map((s) => `, ${s}`).join('')}`;
  // A start with ordered links (a route's stops) the caller is not given is not written to: it
  // reads their numbers shifted (projection.ts; the import check names such rows first).
  const ordered = isOrdered(type);
  // An end is only tested, not written or backed up: a caller no item is hidden from needs no lock on it.
  const ends = `${rowsWithProvenance()}
MATCH (a:Entity {id: row.from})
${lockIfVisible('a', 'seenA', { unlessClearedForAll: true })}
WITH row, prov, a WHERE (seenA AND ${visible('a')}${ordered ? ` AND NOT EXISTS { ${withheldLinks('a', type, true)} }` : ''}) OR row.from IN $own
MATCH (b:Entity {id: row.to})
${lockIfVisible('b', 'seenB', { unlessClearedForAll: true })}
WITH row, prov, a, b WHERE (seenB AND ${visible('b')}) OR row.to IN $own`;
  const params = { ...pack(rows), run, own: [...new Set(own)] };
  if (mode === 'create') {
    return { cypher: `${ends}\n${create}\nRETURN 'created' AS outcome, count(*) AS n`, params };
  }
  // Only a link the caller may see is updated (only those are locked); beside a hidden one, the row's link is created.
  return {
    cypher: `${ends}
CALL (a, b, row) {
  OPTIONAL MATCH (a)-[c:${type}]->(b)${keyMatch(type, 'c')}
  ${lockIfVisible('c', 'seen', { rel: true }).replace(/\n/g, '\n  ')}
  WITH c, seen ORDER BY elementId(c)
  RETURN head(collect(CASE WHEN seen AND ${visible('c')} THEN c END)) AS old
}
WITH row, prov, a, b, old, CASE
    WHEN old IS NULL THEN 'created'${'since' in table && 'until' in table ? `
    WHEN ${outOfOrder('old', 'since', 'until')} THEN 'misdated'` : ''}
    WHEN ${sameAs('old', false)} THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
CALL (row, prov, a, b, outcome) {
  WITH row, prov, a, b WHERE outcome = 'created'
  ${create.replace(/\n/g, '\n  ')}
  WITH r WHERE $run IS NOT NULL
  CREATE (k:${IMPORT_BACKUP_LABEL})
  SET k = properties(r), k.__run = $run, k.__createdRel = elementId(r), k.__from = startNode(r).id, k.__to = endNode(r).id, k.__type = type(r)
}
CALL (row, prov, old, outcome) {
  WITH row, prov, old WHERE outcome = 'updated'
  WITH row, prov, old, properties(old) AS was
  SET old += row.props${typedSets('old', table, true).map((s) => `, ${s}`).join('')},
      ${provenanceUpdate('old')}
  ${note('old', 'rel')}
}
RETURN outcome, count(*) AS n`,
    params,
  };
}
