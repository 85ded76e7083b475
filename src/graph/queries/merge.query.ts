import type { TypedProp } from '../../domain/merge-rules';
import type { CypherQuery } from '../query';
import { visible } from './access';

/**
 * Builders for merging two records and undoing it. Properties travel with their Neo4j type
 * (`valueType`), so an undo writes back exactly the values and types that were there.
 * Relationship types are written with the dynamic `$(type)` form; they come from the stored
 * graph (already registry types), never from a request.
 */

/** A node's labels and typed properties, and all its relationships (with their visibility). */
export function nodeDumpQuery(id: string): CypherQuery {
  return {
    cypher: `MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, [k IN keys(n) | {k: k, t: valueType(n[k]), v: n[k]}] AS props, ${visible('n')} AS visible,
  [(n)-[r]-(o) | {type: type(r), out: startNode(r) = n, other: o.id, visible: ${visible('r')} AND ${visible('o')},
    props: [k IN keys(r) | {k: k, t: valueType(r[k]), v: r[k]}]}] AS rels`,
    params: { id },
  };
}

/** Typed property assignment from `{k, t, v}` items (t as valueType() printed it). */
function typedValue(item: string): string {
  return `CASE
    WHEN ${item}.t STARTS WITH 'DATE' THEN date(${item}.v)
    WHEN ${item}.t STARTS WITH 'ZONED DATETIME' THEN datetime(${item}.v)
    WHEN ${item}.t STARTS WITH 'LOCAL DATETIME' THEN localdatetime(${item}.v)
    WHEN ${item}.t STARTS WITH 'INTEGER' THEN toInteger(${item}.v)
    WHEN ${item}.t STARTS WITH 'FLOAT' THEN toFloat(${item}.v)
    WHEN ${item}.t STARTS WITH 'LIST<INTEGER' THEN [x IN ${item}.v | toInteger(x)]
    WHEN ${item}.t STARTS WITH 'LIST<FLOAT' THEN [x IN ${item}.v | toFloat(x)]
    ELSE ${item}.v END`;
}

export type { TypedProp };

export interface DumpedRel {
  type: string;
  out: boolean;
  other: string;
  props: TypedProp[];
}

/** Replaces all properties of a node with typed ones. */
export function setNodePropsQuery(id: string, props: TypedProp[]): CypherQuery {
  return {
    cypher: `MATCH (n:Entity {id: $id})
SET n = {}
WITH n
UNWIND $props AS p
SET n[p.k] = ${typedValue('p')}
RETURN count(*) AS set`,
    params: { id, props },
  };
}

/**
 * Moves (copies) relationships onto a node, marking each with the merge record; with none (an
 * undo bringing back the merged record's own links) each keeps the mark it was stored with, so
 * that a link an earlier merge moved onto that record is still taken back by that merge's undo.
 */
export function attachRelsQuery(nodeId: string, rels: DumpedRel[], mergeRecord: string | null): CypherQuery {
  return {
    cypher: `MATCH (n:Entity {id: $id})
UNWIND $rels AS rel
MATCH (o:Entity {id: rel.other})
CALL (n, o, rel) {
  WITH n, o, rel WHERE rel.out
  CREATE (n)-[r:$(rel.type)]->(o)
  RETURN r
  UNION
  WITH n, o, rel WHERE NOT rel.out
  CREATE (o)-[r:$(rel.type)]->(n)
  RETURN r
}
WITH r, rel
FOREACH (p IN rel.props | SET r[p.k] = ${typedValue('p')})
SET r.mergeRecord = coalesce($mergeRecord, r.mergeRecord)
RETURN count(r) AS attached`,
    params: { id: nodeId, rels, mergeRecord },
  };
}

/** Creates a node with the given labels (from the stored graph) and typed properties. */
export function recreateNodeQuery(labels: string[], props: TypedProp[]): CypherQuery {
  return {
    cypher: `CREATE (n:$($labels))
WITH n
UNWIND $props AS p
SET n[p.k] = ${typedValue('p')}
RETURN count(*) AS set`,
    params: { labels, props },
  };
}

export function detachDeleteQuery(id: string): CypherQuery {
  return { cypher: 'MATCH (n:Entity {id: $id}) DETACH DELETE n', params: { id } };
}

export function deleteMergedRelsQuery(keptId: string, recordId: string): CypherQuery {
  return {
    cypher: 'MATCH (n:Entity {id: $id})-[r]-() WHERE r.mergeRecord = $record DELETE r RETURN count(r) AS removed',
    params: { id: keptId, record: recordId },
  };
}

export function createMergeRecordQuery(record: Record<string, unknown>): CypherQuery {
  return { cypher: 'CREATE (m:MergeRecord) SET m = $record, m.mergedAt = datetime($record.mergedAt) RETURN m.id AS id', params: { record } };
}

/**
 * Whether the caller is cleared for every one of these stored items (their `handling` and
 * `ukHandling` properties, as typed props): what undoing a merge would bring back.
 */
export function clearedForStoredQuery(items: TypedProp[][]): CypherQuery {
  const code = (props: TypedProp[], k: string) => props.find((p) => p.k === k)?.v ?? null;
  return {
    cypher: 'RETURN all(c IN $codes WHERE c.h IN $__handling AND c.u IN $__ukHandling) AS ok',
    params: { codes: items.map((p) => ({ h: code(p, 'handling'), u: code(p, 'ukHandling') })) },
  };
}

export function mergeRecordQuery(id: string): CypherQuery {
  return { cypher: 'MATCH (m:MergeRecord {id: $id}) RETURN m {.*} AS record', params: { id } };
}

export function markMergeUndoneQuery(id: string, by: string): CypherQuery {
  return { cypher: "MATCH (m:MergeRecord {id: $id}) SET m.status = 'UNDONE', m.undoneAt = datetime(), m.undoneBy = $by", params: { id, by } };
}

/** Role labels (from the stored graph) added to or removed from a node by a merge or its undo. */
export function setRoleLabelsQuery(id: string, labels: string[], add: boolean): CypherQuery {
  return { cypher: `MATCH (n:Entity {id: $id}) ${add ? 'SET' : 'REMOVE'} n:$($labels)`, params: { id, labels } };
}

export function noteAddedLabelsQuery(recordId: string, labels: string[]): CypherQuery {
  return { cypher: 'MATCH (m:MergeRecord {id: $id}) SET m.addedLabels = $labels', params: { id: recordId, labels } };
}
