import { IMPORT_BACKUP_LABEL, IMPORT_RUN_LABEL, PERSON_ROLE_LABELS } from '../../domain/graph-model';
import { PROVENANCE_KEYS } from '../../domain/provenance';
import type { CypherQuery } from '../query';
import { lockFirst } from './access';

/**
 * The bookkeeping of import runs (README.md#importing-data): a run's record, and the statements
 * that undo an unfinished run. Every item a run creates keeps the run's id in `__importRun`
 * (hidden: the API and exports leave out `__` keys); every item it changes is first copied into
 * an ImportBackup. The undo statements batch with `CALL { ... } IN TRANSACTIONS` (auto-commit
 * only), and each may be run again after an interruption: it only touches what is still there
 * (a backup goes in the same transaction as the undo of its item).
 *
 * An undo keeps what others changed since the run wrote (README.md#who-may-see-what: a rollback
 * must not silently lose a later edit, nor loosen access on a record someone works on):
 * - An item the run changed, unchanged since (as the run left it: `AFTER`), gets its values and
 *   labels from before the run back. Edited since: each value the run changed and nobody changed
 *   since goes back; a value edited since stays, and so do its roles and its provenance, whole:
 *   handling, UK handling and consent, as merge undo keeps them (merge-rules.ts `undoneProps`),
 *   and the report, agency, grading and date the edit's values rest on. Deleted since: it stays
 *   deleted.
 * - A relationship the run created between nodes that were there before is deleted unless it was
 *   edited since.
 * - A node the run created is deleted (with its relationships) unless someone edited it since
 *   (its `recordedAt` is not the one the run gave it, or an API write or another import's update
 *   took its run mark off: write.query.ts, bulk-write.query.ts), linked it or edited one of its links (a relationship without the run's
 *   mark), or merged a record into it (a merge not undone): then it stays, with its
 *   relationships to what stays, and no longer carries the run's mark. So does an intelligence
 *   report the run created that a record or link that stays cites (citedReportsQuery): facts cite
 *   their report by id only, and would be left citing nothing.
 * What an undo did, and what it kept, is tallied on the run's record as it goes (UNDO_TALLY) and
 * reported to the operator from there.
 */

/**
 * How an ImportBackup keeps an item the run changed (bulk-write.query.ts): its values before the
 * run under their own keys and a node's labels in `__labels`; the values the run left it with
 * under `AFTER` + key, and a node's labels then in `AFTER_LABELS` (`[]` for a relationship), which
 * backups made before these were kept lack: their items are restored whole, as before.
 */
export const AFTER = '__a.';
export const AFTER_LABELS = '__aLabels';

/** The keys of a backup that are its own bookkeeping, not the item's values. */
const BOOKKEEPING = ['__run', '__of', '__labels', '__relId', '__from', '__to', '__type', AFTER_LABELS];

/** Why an undo left an item (or part of it) as it found it. */
export type KeptReason = 'EDITED' | 'DELETED' | 'CREATED_EDITED' | 'CREATED_LINKED';

export function createRunQuery(props: Record<string, unknown>): CypherQuery {
  return {
    cypher: `CREATE (r:${IMPORT_RUN_LABEL})
SET r = $props, r.startedAt = datetime(), r.heartbeatAt = datetime()
RETURN r {.*} AS run`,
    params: { props },
  };
}

/** Marks the run alive (and how far it got); runs inside each batch's transaction. */
export function heartbeatQuery(id: string, progress: Record<string, number>): CypherQuery {
  return {
    cypher: `MATCH (r:${IMPORT_RUN_LABEL} {id: $id})
SET r.heartbeatAt = datetime(), r += $progress
RETURN r.status AS status`,
    params: { id, progress },
  };
}

export function updateRunQuery(id: string, props: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MATCH (r:${IMPORT_RUN_LABEL} {id: $id})
SET r += $props, r.heartbeatAt = datetime()
RETURN r {.*} AS run`,
    params: { id, props },
  };
}

export function finishRunQuery(id: string, props: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MATCH (r:${IMPORT_RUN_LABEL} {id: $id})
SET r += $props, r.finishedAt = datetime(), r.heartbeatAt = datetime()
RETURN r {.*} AS run`,
    params: { id, props },
  };
}

export function deleteRunQuery(id: string): CypherQuery {
  return { cypher: `MATCH (r:${IMPORT_RUN_LABEL} {id: $id}) DELETE r RETURN count(*) AS deleted`, params: { id } };
}

export function runsQuery(): CypherQuery {
  return { cypher: `MATCH (r:${IMPORT_RUN_LABEL}) RETURN r {.*} AS run ORDER BY r.startedAt, r.id LIMIT 1000`, params: {} };
}

export function runQuery(id: string): CypherQuery {
  return { cypher: `MATCH (r:${IMPORT_RUN_LABEL} {id: $id}) RETURN r {.*} AS run`, params: { id } };
}

const BATCH = 'IN TRANSACTIONS OF 5000 ROWS';

function roleRestore(v: string): string {
  return PERSON_ROLE_LABELS.map(
    (l) => `FOREACH (_ IN CASE WHEN '${l}' IN b.__labels THEN [1] ELSE [] END | SET ${v}:${l})
  FOREACH (_ IN CASE WHEN NOT '${l}' IN b.__labels THEN [1] ELSE [] END | REMOVE ${v}:${l})`,
  ).join('\n  ');
}

/**
 * Binds `v` to item `found` as it is once locked (`lockFirst(found)` before): found again by its
 * element id, so that one deleted while the undo waited for its lock is null (`found` still names
 * it, and reads as an item with no values and no labels, which would pass for one edited since).
 * `rel`: the item is a relationship.
 */
function refound(found: string, v: string, rel: boolean): string {
  return `OPTIONAL MATCH ${rel ? `()-[${v}]->()` : `(${v})`} WHERE elementId(${v}) = elementId(${found})`;
}

/**
 * What an undo did so far, kept in the same transaction as each item's undo, so that the report
 * (`undoTallyQuery`) covers every batch committed, by this attempt and by any earlier one that was
 * stopped (a deadlock run again, an interrupted rollback started again). The statements' own
 * results would only cover their last attempt. The counts are on the run's record (its `__undo…`
 * keys); each item kept is an ImportBackup of its own (`__kept`: `kind|reason|id`, `__seq`: its
 * place in the order the undo met it), deleted with the run's other backups: as one list on the
 * run's record, each kept item would copy the list so far (quadratic in the items kept).
 */
export const UNDO_TALLY = {
  nodesRestored: '__undoNodesRestored',
  relationshipsRestored: '__undoRelsRestored',
  relationshipsDeleted: '__undoRelsDeleted',
  nodesDeleted: '__undoNodesDeleted',
  kept: '__undoKeptCount',
} as const;

/** Adds one item's outcome to the tally: `counted` (true: one more in `counter`), `kept` (a reason, or null) for item `id` of `kind`. */
function tallied(vars: string, counter: Exclude<keyof typeof UNDO_TALLY, 'kept'>, counted: string, kind: 'node' | 'relationship', id: string, kept: string): string {
  return `WITH *
  CALL (${vars}) {
    MATCH (t:${IMPORT_RUN_LABEL} {id: $run})
    SET t.${UNDO_TALLY[counter]} = coalesce(t.${UNDO_TALLY[counter]}, 0) + CASE WHEN ${counted} THEN 1 ELSE 0 END
    FOREACH (_ IN CASE WHEN ${kept} IS NULL THEN [] ELSE [1] END |
      SET t.${UNDO_TALLY.kept} = coalesce(t.${UNDO_TALLY.kept}, 0) + 1
      CREATE (:${IMPORT_BACKUP_LABEL} {__run: $run, __kept: '${kind}|' + ${kept} + '|' + ${id}, __seq: t.${UNDO_TALLY.kept}}))
  }`;
}

/** The undo's tally so far (UNDO_TALLY): counts, and each item kept as `kind|reason|id`, in the order the undo met them. */
export function undoTallyQuery(run: string): CypherQuery {
  const n = (k: keyof typeof UNDO_TALLY) => `coalesce(r.${UNDO_TALLY[k]}, 0) AS ${k}`;
  return {
    cypher: `MATCH (r:${IMPORT_RUN_LABEL} {id: $run})
RETURN ${n('nodesRestored')}, ${n('relationshipsRestored')}, ${n('relationshipsDeleted')}, ${n('nodesDeleted')},
  COLLECT { MATCH (k:${IMPORT_BACKUP_LABEL} {__run: $run}) WHERE k.__kept IS NOT NULL RETURN k.__kept ORDER BY k.__seq } AS kept`,
    params: { run },
  };
}

/** Two stored values (or their absence) are the same. */
const same = (a: string, b: string) => `((${a} IS NULL AND ${b} IS NULL) OR coalesce(${a} = ${b}, false))`;

/**
 * Restores item `v` (a node when `node`) from its backup `b`, for node and relationship restores
 * alike: whole when nobody changed it since the run left it (`edited` false; always so for a
 * backup without `AFTER`), else only the values the run changed and nobody changed since, its
 * provenance kept (`$kept`). `before` and `after` are the backup's keys of the item before the
 * run and after it.
 */
function restoreUnlessChanged(v: string, node: boolean): string {
  const labels = node ? ` OR any(l IN labels(${v}) WHERE NOT l IN b.${AFTER_LABELS}) OR any(l IN b.${AFTER_LABELS} WHERE NOT l IN labels(${v}))` : '';
  return `WITH b, ${v}, [k IN keys(b) WHERE NOT k IN $bookkeeping AND NOT k STARTS WITH '${AFTER}'] AS before,
       [k IN keys(b) WHERE k STARTS WITH '${AFTER}' | substring(k, ${AFTER.length})] AS after
  WITH b, ${v}, before, after, ${v} IS NOT NULL AND b.${AFTER_LABELS} IS NOT NULL AND (
    any(k IN after + keys(${v}) WHERE NOT k STARTS WITH '__' AND NOT ${same(`${v}[k]`, `b['${AFTER}' + k]`)})${labels}) AS edited
  CALL (b, ${v}, before, edited) {
    WITH b, ${v}, before WHERE ${v} IS NOT NULL AND NOT edited
    FOREACH (k IN [k IN keys(${v}) WHERE NOT k IN before] | SET ${v}[k] = null)
    FOREACH (k IN before | SET ${v}[k] = b[k])${node ? `\n    ${roleRestore(v).replace(/\n/g, '\n  ')}` : ''}
  }
  CALL (b, ${v}, before, after, edited) {
    WITH b, ${v}, before, after WHERE edited
    FOREACH (k IN [k IN before + after WHERE NOT k STARTS WITH '__' AND NOT k IN $kept
        AND ${same(`${v}[k]`, `b['${AFTER}' + k]`)} AND NOT ${same('b[k]', `b['${AFTER}' + k]`)}] | SET ${v}[k] = b[k])
  }`;
}

/**
 * On an item edited since the run, its provenance stays as it is, whole: its handling, UK handling
 * and consent (access is never loosened) and its report, agency, grading and date with them (the
 * edit's values rest on them: a value kept is never credited to the run's or an older report).
 */
const undoParams = (run: string) => ({ run, bookkeeping: BOOKKEEPING, kept: [...PROVENANCE_KEYS] });

/**
 * Gives every node the run changed its values (and role labels) from before the run, but for
 * what was changed since (see above). Returns how many were restored whole and which were kept.
 */
export function restoreNodesQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (b:${IMPORT_BACKUP_LABEL} {__run: $run}) WHERE b.__of IS NOT NULL
CALL (b) {
  OPTIONAL MATCH (found:Entity {id: b.__of})
  ${lockFirst('found').replace(/\n/g, '\n  ')}
  ${refound('found', 'n', false)}
  ${restoreUnlessChanged('n', true)}
  WITH b, b.__of AS id, CASE WHEN n IS NULL THEN 'DELETED' WHEN edited THEN 'EDITED' END AS kept
  DELETE b
  ${tallied('id, kept', 'nodesRestored', 'kept IS NULL', 'node', 'id', 'kept')}
  RETURN id, kept
} ${BATCH}
RETURN count(*) AS undone`,
    params: undoParams(run),
  };
}

/** How a relationship is named to the operator: its ends and type. */
const relName = (b: string) => `coalesce(${b}.__from, '?') + ' -[' + coalesce(${b}.__type, '') + ']-> ' + coalesce(${b}.__to, '?')`;

/**
 * Gives every relationship the run changed its values from before the run, but for what was
 * changed since. The relationship is found by its element id (and checked against its ends): found
 * from its ends, Neo4j read every relationship of its end node for each one restored (a country's
 * NATIONAL_OF links, an exploitation type's), quadratic: 8,000 links to one country took 49.5 s
 * against 1.2 s.
 */
export function restoreRelsQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (b:${IMPORT_BACKUP_LABEL} {__run: $run}) WHERE b.__relId IS NOT NULL
CALL (b) {
  OPTIONAL MATCH ()-[found]->() WHERE elementId(found) = b.__relId
    AND startNode(found):Entity AND startNode(found).id = b.__from AND endNode(found):Entity AND endNode(found).id = b.__to
  ${lockFirst('found').replace(/\n/g, '\n  ')}
  ${refound('found', 'r', true)}
  ${restoreUnlessChanged('r', false)}
  WITH b, ${relName('b')} AS id, CASE WHEN r IS NULL THEN 'DELETED' WHEN edited THEN 'EDITED' END AS kept
  DELETE b
  ${tallied('id, kept', 'relationshipsRestored', 'kept IS NULL', 'relationship', 'id', 'kept')}
  RETURN id, kept
} ${BATCH}
RETURN count(*) AS undone`,
    params: undoParams(run),
  };
}

/**
 * Deletes the relationships the run created between nodes that were there before (noted in its
 * backups, with their values), but not one edited since; the rest go with the nodes the run
 * created.
 */
export function deleteCreatedRelsQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (b:${IMPORT_BACKUP_LABEL} {__run: $run}) WHERE b.__createdRel IS NOT NULL
CALL (b) {
  // Without the run's mark (an API write took it off, or the id now names another relationship):
  // not the run's alone, so not deleted.
  OPTIONAL MATCH ()-[found]->() WHERE elementId(found) = b.__createdRel
  ${lockFirst('found').replace(/\n/g, '\n  ')}
  ${refound('found', 'r', true)}
  WITH b, r, r IS NOT NULL AND (coalesce(r.__importRun <> $run, true)
    OR (b.__type IS NOT NULL AND any(k IN keys(r) + keys(b) WHERE NOT k STARTS WITH '__' AND NOT ${same('r[k]', 'b[k]')}))) AS edited
  CALL (r, edited) {
    WITH r WHERE r IS NOT NULL AND NOT edited
    DELETE r
  }
  WITH b, ${relName('b')} AS id, r IS NOT NULL AND NOT edited AS deleted, CASE WHEN edited THEN 'CREATED_EDITED' END AS kept
  DELETE b
  ${tallied('id, deleted, kept', 'relationshipsDeleted', 'deleted', 'relationship', 'id', 'kept')}
  RETURN id, deleted, kept
} ${BATCH}
RETURN count(*) AS undone`,
    params: { run },
  };
}

/**
 * The run's notes of the nodes it created (one per node batch: ids, and the `recordedAt` each was
 * given, as text), for deleteNotedNodesQuery, which takes them as a parameter.
 */
export function createdNotesQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (c:${IMPORT_BACKUP_LABEL} {__run: $run}) WHERE c.__createdNodes IS NOT NULL
RETURN c.__createdNodes AS ids, [a IN coalesce(c.__createdAt, []) | toString(a)] AS ats`,
    params: { run },
  };
}

/** The records merges (not undone) kept: a node a record was merged into is not the run's alone. */
export function mergedKeptIdsQuery(): CypherQuery {
  return { cypher: "MATCH (m:MergeRecord) WHERE coalesce(m.status, '') <> 'UNDONE' RETURN collect(DISTINCT m.keptId) AS ids", params: {} };
}

/**
 * The intelligence reports the run created (still marked) that something staying cites: a record
 * or link without the run's mark (another's, or one edited since), a record the run created that
 * deleteNotedNodesQuery keeps (one merged into, in `merged`, or linked since), or a link the run
 * created between two records that stay (a kept record keeps its links to what stays). Run after
 * the run's links are undone and before its nodes are deleted. Facts cite a report by id only and
 * no index holds `reportId`, so when the run created reports this reads every record and link once
 * (whatever their number): a rollback is rare, and a scan per report would be too slow for a run
 * that created thousands.
 */
export function citedReportsQuery(run: string, merged: Readonly<Record<string, true>>): CypherQuery {
  // The keep rule of deleteNotedNodesQuery but its `recordedAt` test (a node still marked whose
  // time is not the one the run noted), which needs the notes: no writer changes `recordedAt`
  // and keeps the run's mark (an edit takes the mark off), so it matters only for older data.
  const stays = (x: string) =>
    `(${x}.__importRun IS NULL OR ${x}.__importRun <> $run OR $merged[${x}.id] IS NOT NULL OR EXISTS { (${x})-[__q]-() WHERE __q.__importRun IS NULL OR __q.__importRun <> $run })`;
  return {
    cypher: `MATCH (rep:Entity:IntelligenceReport) WHERE rep.__importRun = $run
WITH collect(rep.id) AS reports
CALL (reports) {
  MATCH (m:Entity) WHERE size(reports) > 0 AND m.reportId IN reports AND m.id <> m.reportId AND ${stays('m')}
  RETURN collect(DISTINCT m.reportId) AS byRecords
}
CALL (reports) {
  MATCH (a)-[r]->(b) WHERE size(reports) > 0 AND r.reportId IN reports AND a.id <> r.reportId AND b.id <> r.reportId
    AND (r.__importRun IS NULL OR r.__importRun <> $run OR (${stays('a')} AND ${stays('b')}))
  RETURN collect(DISTINCT r.reportId) AS byLinks
}
RETURN byRecords + byLinks AS ids`,
    params: { run, merged: { ...merged } },
  };
}

/**
 * Deletes the nodes the run created that one of its notes lists (`created`: ids with the
 * `recordedAt` each was given; createdNotesQuery), with their relationships, but not one edited,
 * linked or merged into since (`merged`: the ids merges kept, and the reports something staying
 * cites, as map keys) (see above): that one stays, without the run's mark.
 *
 * The ids come as a parameter, not read from the notes by the statement: read in the statement,
 * every row Neo4j buffered before its batches (its deletes conflict with the read) carried the
 * note's whole list, and a run of 94,000 created nodes (the CTDC file) ran out of the memory all
 * transactions may use (an Eager of rows each holding a 10,000-id list).
 */
export function deleteNotedNodesQuery(run: string, created: readonly { id: string; at: string | null }[], merged: Readonly<Record<string, true>>): CypherQuery {
  return {
    cypher: `UNWIND $created AS x
CALL (x) {
  WITH x.id AS id, CASE WHEN x.at IS NULL THEN null ELSE datetime(x.at) END AS at
  MATCH (found:Entity {id: id})
  ${lockFirst('found').replace(/\n/g, '\n  ')}
  ${refound('found', 'n', false)}
  WITH n, id, CASE
      WHEN n IS NULL THEN null
      WHEN n.__importRun IS NULL OR n.__importRun <> $run OR NOT ${same('n.recordedAt', 'at')} THEN 'CREATED_EDITED'
      WHEN $merged[id] IS NOT NULL OR EXISTS { (n)-[r]-() WHERE r.__importRun IS NULL OR r.__importRun <> $run } THEN 'CREATED_LINKED'
    END AS kept
  CALL (n, kept) {
    WITH n WHERE kept IS NOT NULL
    REMOVE n.__importRun
  }
  CALL (n, kept) {
    WITH n WHERE n IS NOT NULL AND kept IS NULL
    DETACH DELETE n
  }
  WITH id, kept, n IS NULL AS gone
  ${tallied('id, kept, gone', 'nodesDeleted', 'kept IS NULL AND NOT gone', 'node', 'id', 'kept')}
  RETURN kept
} ${BATCH}
RETURN count(*) AS undone`,
    params: { run, created: [...created], merged: { ...merged } },
  };
}

/**
 * Deletes the nodes still marked with the run (index seek on `__importRun`), with their
 * relationships: after deleteNotedNodesQuery, those of a run written before its created nodes
 * were noted.
 */
export function deleteCreatedNodesQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (n:Entity) WHERE n.__importRun = $run
CALL (n) {
  DETACH DELETE n
  ${tallied('', 'nodesDeleted', 'true', 'node', "''", 'null')}
} ${BATCH}
RETURN count(*) AS undone`,
    params: { run },
  };
}

export function deleteBackupsQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (b:${IMPORT_BACKUP_LABEL} {__run: $run})
CALL (b) { DELETE b } ${BATCH}
RETURN count(*) AS deleted`,
    params: { run },
  };
}
