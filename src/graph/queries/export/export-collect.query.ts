import type { NodeLabel, RelationshipType } from '../../../domain/graph-model';
import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { projectNode, projectRel } from '../projection';
import { exportable, exportableNode, heldThroughWithheld, HELD_THROUGH_WITHHELD, leftOutReason, shareable } from './exportable';

/** An explicit set of nodes (e.g. what a link chart shows) and the exportable links among them. */
export function exportNodesQuery(ids: readonly string[], relTypes: readonly RelationshipType[] | null): CypherQuery {
  return {
    cypher: `MATCH (n:Entity) WHERE n.id IN $ids AND ${visible('n')} AND ${exportableNode('n')}
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b) WHERE b IN nodes AND ${visible('r')} AND ${exportable('r')} AND ($relTypes IS NULL OR type(r) IN $relTypes)
  RETURN collect(${projectRel('r', undefined, { given: shareable })}) AS rels
}
RETURN [n IN nodes | ${projectNode('n')}] AS nodes, rels`,
    params: { ids: [...ids], relTypes: relTypes && relTypes.length ? [...relTypes] : null },
  };
}

/**
 * What the handling rules kept out of an export, counted per reason, where the export looked and
 * nowhere else:
 * - around seeds (`from`: the nodes the expansion went out from, not those at its last depth nor
 *   reference nodes it does not expand through), the links of the requested types, to nodes of the
 *   requested types, that may not leave, and the nodes at their far ends that may not leave;
 * - for chosen nodes (`among`: the chosen ids), only the links between chosen nodes;
 * - in both, the nodes asked for that may not leave.
 * Only items the caller may see are counted, and only as numbers: a count of what sits beyond what
 * was asked (every restricted national of a country on the edge of the subgraph, say) would tell
 * the recipient of material the export never reached.
 */
export function leftOutQuery(
  around: { from: readonly string[]; among: readonly string[] | null },
  asked: readonly string[],
  relTypes: readonly RelationshipType[] | null,
  nodeTypes: readonly NodeLabel[] | null,
): CypherQuery {
  return {
    cypher: `CALL () {
  UNWIND $from AS id
  MATCH (n:Entity {id: id})-[r]-(m:Entity)
  WHERE ${visible('r')} AND ${visible('m')} AND ($relTypes IS NULL OR type(r) IN $relTypes)
    AND ($among IS NULL OR m.id IN $among)
    AND ($nodeTypes IS NULL OR any(l IN labels(m) WHERE l IN $nodeTypes))
    AND (NOT ${exportable('r')} OR NOT ${exportableNode('m')})
  WITH DISTINCT r, m
  WITH CASE WHEN NOT ${exportable('r')} THEN {reason: ${leftOutReason('r')}, id: elementId(r)} END AS relLeft,
       CASE WHEN NOT ${exportable('m')} THEN {reason: ${leftOutReason('m')}, id: m.id}
         WHEN ${heldThroughWithheld('m')} THEN {reason: $heldThroughWithheld, id: m.id} END AS nodeLeft
  RETURN collect(DISTINCT relLeft) AS rels, collect(DISTINCT nodeLeft) AS nodes
}
CALL () {
  MATCH (s:Entity) WHERE s.id IN $asked AND ${visible('s')} AND NOT ${exportableNode('s')}
  RETURN collect({reason: CASE WHEN ${exportable('s')} THEN $heldThroughWithheld ELSE ${leftOutReason('s')} END, id: s.id}) AS seeds
}
RETURN rels, nodes + seeds AS nodes`,
    params: {
      from: [...around.from],
      among: around.among ? [...around.among] : null,
      asked: [...asked],
      heldThroughWithheld: HELD_THROUGH_WITHHELD,
      relTypes: relTypes && relTypes.length ? [...relTypes] : null,
      nodeTypes: nodeTypes && nodeTypes.length ? [...nodeTypes] : null,
    },
  };
}
