import type { NodeLabel, RelationshipType } from '../../../domain/graph-model';
import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { exportable, exportableNode, shareable } from '../export/exportable';
import { projectNode, projectRel, type ProjectionKeys } from '../projection';
import { relTypePattern } from './paths.query';

export interface NeighbourhoodSpec {
  ids: readonly string[];
  /** Already clamped to the configured maximum (analytics/bounds.ts). */
  depth: number;
  relationshipTypes: readonly RelationshipType[] | null;
  nodeTypes: readonly NodeLabel[] | null;
  /** ISO dates: links whose period lies wholly outside are not followed. */
  since: string | null;
  until: string | null;
  /** The node budget. */
  limit: number;
  /** Expand through reference nodes (countries, forces, vocabularies) too. */
  expandReference: boolean;
  /** Exports: follow and return only items that may leave (graph/queries/export/exportable.ts). */
  exportableOnly?: boolean;
  /** Stored keys to return of each node and link (graphql/projection-keys.ts); null or absent: all. */
  nodeKeys?: ProjectionKeys;
  relKeys?: ProjectionKeys;
}

/** A link's period: its date, or since/until. Links without dates always pass the window. */
export function timeWindow(r: string): string {
  return `(($since IS NULL OR coalesce(${r}.until, ${r}.date, ${r}.since) IS NULL OR coalesce(${r}.until, ${r}.date, ${r}.since) >= date($since))
    AND ($until IS NULL OR coalesce(${r}.since, ${r}.date) IS NULL OR coalesce(${r}.since, ${r}.date) <= date($until)))`;
}

/**
 * The tests a request's filters add to each link and node reached, as ` AND …` (empty without
 * filters). Only filters given are written into the statement: a test against a null parameter
 * costs Neo4j an evaluation per link for nothing, and a neighbourhood walks thousands of links.
 * Relationship types go into the pattern (relTypePattern), where Neo4j expands only those.
 */
function filterTests(s: NeighbourhoodSpec): { rel: string; node: string } {
  const rel = s.since !== null || s.until !== null ? ` AND ${timeWindow('r')}` : '';
  const node = s.nodeTypes && s.nodeTypes.length ? ' AND any(l IN labels(m) WHERE l IN $nodeTypes)' : '';
  return { rel, node };
}

/**
 * Everything within `depth` hops of the seeds, in ONE round trip: a breadth-first expansion
 * unrolled level by level (the depth is a clamped integer from our code), so each node is
 * reached once whatever the number of paths to it, and the node budget stops the growth
 * between levels. Every relationship followed and every node reached must be visible to the
 * caller: nothing is reached through an item they may not see. Reference nodes (a country, a
 * vocabulary term) can be reached but are not expanded through unless asked. Returns the
 * nodes, the links among them, and why the expansion stopped early if it did.
 */
export function neighbourhoodQuery(s: NeighbourhoodSpec): CypherQuery {
  const may = (v: string) => (s.exportableOnly ? ` AND ${exportable(v)}` : '');
  const mayNode = (v: string) => (s.exportableOnly ? ` AND ${exportableNode(v)}` : '');
  // What a reader is given of a route's stops (projection.ts): seen, and for an export allowed to leave.
  const given = s.exportableOnly ? shareable : visible;
  // An export also returns the ids of the nodes expanded from (`expanded`): the left-out counts
  // look around those only, where the expansion looked (export.reader.ts).
  const expanded = s.exportableOnly ? ', expanded' : '';
  const types = relTypePattern(s.relationshipTypes);
  const tests = filterTests(s);
  const levels: string[] = [];
  for (let level = 1; level <= s.depth; level++) {
    levels.push(`// level ${level}
CALL (seen, frontier) {
  UNWIND frontier AS f
  MATCH (f)-[r${types}]-(m:Entity)
  WHERE ${visible('r')} AND ${visible('m')}${may('r')}${mayNode('m')}${tests.node}${tests.rel}
    AND NOT m IN seen
  WITH DISTINCT m LIMIT toInteger($levelCap)
  RETURN collect(m) AS reached
}
WITH seen, reached, $limit - size(seen) AS room, truncated${s.exportableOnly ? ', expanded + [x IN frontier | x.id] AS expanded' : ''}
WITH seen + reached[0..room] AS seen,
     [x IN reached[0..room] WHERE $expandReference OR NOT x:Reference] AS frontier,
     truncated OR size(reached) > room OR size(reached) >= $levelCap AS truncated${expanded}`);
  }
  return {
    cypher: `MATCH (s:Entity) WHERE s.id IN $ids AND ${visible('s')}${mayNode('s')}
WITH collect(s) AS seen
WITH seen, [x IN seen WHERE $expandReference OR NOT x:Reference] AS frontier, false AS truncated${s.exportableOnly ? ', [] AS expanded' : ''}
${levels.join('\n')}
CALL (seen) {
  UNWIND seen AS a
  MATCH (a)-[r${types}]->(b)
  WHERE b IN seen AND ${visible('r')}${may('r')}${tests.rel}
  RETURN collect(${projectRel('r', s.relKeys, { given })}) AS rels
}
RETURN [n IN seen | ${projectNode('n', s.nodeKeys)}] AS nodes, rels, truncated, size(frontier) > 0 AS moreBeyond${expanded}`,
    params: {
      ids: [...s.ids],
      nodeTypes: s.nodeTypes && s.nodeTypes.length ? [...s.nodeTypes] : null,
      since: s.since,
      until: s.until,
      limit: s.limit,
      levelCap: Math.max(s.limit * 4, 1000),
      expandReference: s.expandReference,
    },
  };
}
