import { INHERITED_FIELDS, type InheritedField } from '../../domain/provenance-input';
import { REL_KEYS } from '../../domain/rel-keys';
import { REL_PROPS, storedProps, type PropTable, type WritableLabel } from '../../domain/entity-props';
import { IDENTIFIER_LABELS, IMPORT_BACKUP_LABEL, LOCATION_LABELS, PERSON_ROLE_LABELS, type RelationshipType } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { visible } from './access';

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
 * Provenance, as the statements take it: a row citing a report already in the graph (not one the
 * same import writes: `fromReport`) is written only if the caller may see that report as the
 * statement runs, and takes the report's agency, grading and handling as they are then (where the
 * row does not give its own), as the API resolves a write's report in its transaction; a row
 * whose report is missing or hidden is not written (the writer counts rows, and refuses a batch
 * that is short). Any other row's provenance is written as given.
 *
 * With a run id (`$run`), created items carry it in `__importRun`, an updated item's values
 * before the change are copied once into an ImportBackup node, and a relationship created in
 * upsert mode (between nodes that were there before) is noted in one, so that an unfinished run
 * can be rolled back (import-run.query.ts): its new nodes go with their relationships, its
 * noted relationships one by one. Without a run (`$run` null) nothing extra is written. Create
 * mode is for relationships with an end the same run creates.
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
}

/** A provenance as sent in `$provs`: as written, or (`fromReport`) what the item gives itself, null where the report decides. */
type SentProvenance = Omit<StoredProvenanceRow, 'recordedAt' | 'fromReport'> | { reportId: string; fromReport: true; [field: string]: string | number | boolean | null };

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
    const { recordedAt, fromReport, ...given } = prov;
    const shared: SentProvenance = fromReport
      ? { reportId: given.reportId, fromReport: true, ...Object.fromEntries(INHERITED_FIELDS.map((f) => [f, fromReport.includes(f) ? null : given[f]])) }
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
 * Each row with its provenance (`prov`). A provenance citing a report in the graph is resolved
 * once per statement against that report as it is now, and only if the caller may see it; a row
 * whose report is missing or hidden is dropped here, so its batch comes out short.
 */
function rowsWithProvenance(): string {
  const inherited = INHERITED_FIELDS.map((f) => `${f}: coalesce(p.${f}, rep.${f}${f === 'consent' ? ', false' : ''})`).join(', ');
  return `WITH [p IN $provs | CASE WHEN p.fromReport IS NULL THEN p ELSE head(COLLECT {
    MATCH (rep:IntelligenceReport {id: p.reportId}) WHERE ${visible('rep')}
    RETURN {reportId: p.reportId, agency: rep.agency, ${inherited}}
  }) END] AS provs
UNWIND $rows AS row
WITH row, provs[toInteger(row.p)] AS prov
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

/** The API's rule on update: the new report and grading; handling never loosened; consent only kept if both say so. */
function provenanceUpdate(v: string): string {
  return `${v}.reportId = prov.reportId, ${v}.agency = prov.agency, ${v}.recordedAt = datetime(row.at),
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

/** Copies an item's values into an ImportBackup once per run, before the run changes it. */
function backup(v: string, key: 'node' | 'rel'): string {
  const of = key === 'node' ? `${v}.id` : `elementId(${v})`;
  const field = key === 'node' ? '__of' : '__relId';
  return `CALL (${v}) {
      WITH ${v} WHERE $run IS NOT NULL AND NOT EXISTS { MATCH (b:${IMPORT_BACKUP_LABEL} {__run: $run, ${field}: ${of}}) }
      CREATE (b:${IMPORT_BACKUP_LABEL})
      SET b = properties(${v}), b.__run = $run, b.${field} = ${of}${key === 'node' ? `, b.__labels = labels(${v})` : `, b.__from = startNode(${v}).id, b.__to = endNode(${v}).id`}
    }`;
}

export function bulkNodesQuery(label: WritableLabel, mode: BulkMode, rows: readonly BulkNodeRow[], run: string | null): CypherQuery {
  const table = storedProps(label);
  const labels = [label, ...extraLabels(label)].map((l) => `:${l}`).join('');
  const isPerson = label === 'Person';
  const create = `CREATE (n${labels})
  SET n = row.props, n.id = row.id, ${provenanceCreate('n')}, n.__importRun = $run${typedSets('n', table, false).map((s) => `, ${s}`).join('')}
  ${isPerson ? roleSets('n') : ''}`.trimEnd();
  const params = { ...pack(rows), run };
  if (mode === 'create') {
    return { cypher: `${rowsWithProvenance()}\n${create}\nRETURN 'created' AS outcome, count(*) AS n`, params };
  }
  return {
    cypher: `${rowsWithProvenance()}
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, prov, old, CASE
    WHEN old IS NULL THEN 'created'
    WHEN NOT coalesce(${visible('old')}, false) THEN 'hidden'
    WHEN NOT old:${label} OR old:Reference THEN 'conflict'
    WHEN ${sameAs('old', isPerson)} THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
CALL (row, prov, outcome) {
  WITH row, prov WHERE outcome = 'created'
  ${create.replace(/\n/g, '\n  ')}
}
CALL (row, prov, old, outcome) {
  WITH row, prov, old WHERE outcome = 'updated'
  ${backup('old', 'node')}
  SET old += row.props${typedSets('old', table, true).map((s) => `, ${s}`).join('')},
      ${provenanceUpdate('old')}
  ${isPerson ? roleSets('old').replace(/\n/g, '\n  ') : ''}
}
RETURN outcome, count(*) AS n`,
    params,
  };
}

/** Key properties that tell two relationships of a type between the same ends apart. */
function keyMatch(type: RelationshipType): string {
  const table = REL_PROPS[type];
  const keys = REL_KEYS[type] ?? [];
  const conds = keys.map((k) => (table[k]?.kind === 'date' ? `(row.dates.${k} IS NULL OR old.${k} = date(row.dates.${k}))` : `(row.props.${k} IS NULL OR old.${k} = row.props.${k})`));
  // Only a link the caller may see is updated; beside a hidden one, the row's link is created.
  return `\n    WHERE ${[visible('old'), ...conds].join(' AND ')}`;
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
  const ends = `${rowsWithProvenance()}
MATCH (a:Entity {id: row.from})
WHERE ${visible('a')} OR row.from IN $own
MATCH (b:Entity {id: row.to})
WHERE ${visible('b')} OR row.to IN $own`;
  const params = { ...pack(rows), run, own: [...new Set(own)] };
  if (mode === 'create') {
    return { cypher: `${ends}\n${create}\nRETURN 'created' AS outcome, count(*) AS n`, params };
  }
  return {
    cypher: `${ends}
CALL (a, b, row) {
  OPTIONAL MATCH (a)-[old:${type}]->(b)${keyMatch(type)}
  RETURN old ORDER BY elementId(old) LIMIT 1
}
WITH row, prov, a, b, old, CASE
    WHEN old IS NULL THEN 'created'
    WHEN ${sameAs('old', false)} THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
CALL (row, prov, a, b, outcome) {
  WITH row, prov, a, b WHERE outcome = 'created'
  ${create.replace(/\n/g, '\n  ')}
  WITH r WHERE $run IS NOT NULL
  CREATE (:${IMPORT_BACKUP_LABEL} {__run: $run, __createdRel: elementId(r)})
}
CALL (row, prov, old, outcome) {
  WITH row, prov, old WHERE outcome = 'updated'
  ${backup('old', 'rel')}
  SET old += row.props${typedSets('old', table, true).map((s) => `, ${s}`).join('')},
      ${provenanceUpdate('old')}
}
RETURN outcome, count(*) AS n`,
    params,
  };
}
