import { IMPORT_BACKUP_LABEL, IMPORT_RUN_LABEL, PERSON_ROLE_LABELS } from '../../domain/graph-model';
import type { CypherQuery } from '../query';

/**
 * The bookkeeping of import runs (README.md#importing-data): a run's record, and the statements
 * that undo an unfinished run. Every item a run creates keeps the run's id in `__importRun`
 * (hidden: the API and exports leave out `__` keys); every item it changes is first copied into
 * an ImportBackup. The undo statements batch with `CALL { ... } IN TRANSACTIONS` (auto-commit
 * only), and each may be run again after an interruption: it only touches what is still there.
 */

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

/** Gives every node the run changed its values (and role labels) from before the run. */
export function restoreNodesQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (b:${IMPORT_BACKUP_LABEL} {__run: $run}) WHERE b.__of IS NOT NULL
CALL (b) {
  MATCH (n:Entity {id: b.__of})
  SET n = properties(b)
  REMOVE n.__run, n.__of, n.__labels
  ${roleRestore('n')}
} ${BATCH}
RETURN count(*) AS restored`,
    params: { run },
  };
}

/** Gives every relationship the run changed its values from before the run. */
export function restoreRelsQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (b:${IMPORT_BACKUP_LABEL} {__run: $run}) WHERE b.__relId IS NOT NULL
CALL (b) {
  MATCH (:Entity {id: b.__from})-[r]->(:Entity {id: b.__to}) WHERE elementId(r) = b.__relId
  SET r = properties(b)
  REMOVE r.__run, r.__relId, r.__from, r.__to
} ${BATCH}
RETURN count(*) AS restored`,
    params: { run },
  };
}

/**
 * Deletes the relationships the run created between nodes that were there before (noted in its
 * backups); the rest go with the nodes the run created.
 */
export function deleteCreatedRelsQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (b:${IMPORT_BACKUP_LABEL} {__run: $run}) WHERE b.__createdRel IS NOT NULL
CALL (b) {
  MATCH ()-[r]->() WHERE elementId(r) = b.__createdRel AND r.__importRun = $run
  DELETE r
} ${BATCH}
RETURN count(*) AS deleted`,
    params: { run },
  };
}

/** Deletes the nodes the run created (index seek on `__importRun`), with their relationships. */
export function deleteCreatedNodesQuery(run: string): CypherQuery {
  return {
    cypher: `MATCH (n:Entity) WHERE n.__importRun = $run
CALL (n) { DETACH DELETE n } ${BATCH}
RETURN count(*) AS deleted`,
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
