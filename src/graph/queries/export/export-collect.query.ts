import type { RelationshipType } from '../../../domain/graph-model';
import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { projectNode, projectRel } from '../projection';
import { exportable, leftOutReason } from './exportable';

/** An explicit set of nodes (e.g. what a link chart shows) and the exportable links among them. */
export function exportNodesQuery(ids: readonly string[], relTypes: readonly RelationshipType[] | null): CypherQuery {
  return {
    cypher: `MATCH (n:Entity) WHERE n.id IN $ids AND ${visible('n')} AND ${exportable('n')}
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b) WHERE b IN nodes AND ${visible('r')} AND ${exportable('r')} AND ($relTypes IS NULL OR type(r) IN $relTypes)
  RETURN collect(${projectRel('r')}) AS rels
}
RETURN [n IN nodes | ${projectNode('n')}] AS nodes, rels`,
    params: { ids: [...ids], relTypes: relTypes && relTypes.length ? [...relTypes] : null },
  };
}

/**
 * What the handling rules kept out around the collected nodes, counted per reason: the links
 * of the requested types from collected nodes that may not leave, and the nodes that were asked
 * for or sit at the far end of such links and may not leave. Only items the caller may see are
 * counted, and only as numbers.
 */
export function leftOutQuery(collected: readonly string[], asked: readonly string[], relTypes: readonly RelationshipType[] | null): CypherQuery {
  return {
    cypher: `CALL () {
  UNWIND $collected AS id
  MATCH (n:Entity {id: id})-[r]-(m:Entity)
  WHERE ${visible('r')} AND ${visible('m')} AND ($relTypes IS NULL OR type(r) IN $relTypes)
    AND (NOT ${exportable('r')} OR NOT ${exportable('m')})
  WITH DISTINCT r, m
  WITH CASE WHEN NOT ${exportable('r')} THEN {reason: ${leftOutReason('r')}, id: elementId(r)} END AS relLeft,
       CASE WHEN NOT ${exportable('m')} AND NOT m.id IN $collected THEN {reason: ${leftOutReason('m')}, id: m.id} END AS nodeLeft
  RETURN collect(DISTINCT relLeft) AS rels, collect(DISTINCT nodeLeft) AS nodes
}
CALL () {
  MATCH (s:Entity) WHERE s.id IN $asked AND ${visible('s')} AND NOT ${exportable('s')}
  RETURN collect({reason: ${leftOutReason('s')}, id: s.id}) AS seeds
}
RETURN rels, nodes + seeds AS nodes`,
    params: { collected: [...collected], asked: [...asked], relTypes: relTypes && relTypes.length ? [...relTypes] : null },
  };
}
