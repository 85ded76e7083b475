import type { RelationshipType } from '../../../domain/graph-model';
import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { projectNode, projectRel, type ProjectionKeys } from '../projection';

export interface PathsSpec {
  from: string;
  to: string;
  /** Clamped integers (analytics/bounds.ts): the only numbers rendered into the text. */
  maxHops: number;
  k: number;
  relationshipTypes: readonly RelationshipType[] | null;
  /** Each dated link no earlier than the previous dated one (how money or people moved). */
  timeRespecting: boolean;
  expandReference: boolean;
  /** Stored keys to return of each node and link (graphql/projection-keys.ts); null or absent: all. */
  nodeKeys?: ProjectionKeys;
  relKeys?: ProjectionKeys;
}

/** The date a link happened or started: a transfer's or journey's date, else the start of its period. */
export function linkDate(r: string): string {
  return `coalesce(${r}.date, ${r}.since)`;
}

export function relTypePattern(types: readonly RelationshipType[] | null): string {
  return types && types.length ? `:${types.join('|')}` : '';
}

/**
 * The k shortest paths between two entities (Cypher 5 SHORTEST k over a quantified path pattern),
 * through visible links and nodes only, not through reference nodes (unless asked). With
 * `timeRespecting`, the path predicate is applied before selection, so the shortest paths that
 * respect time are found, not the shortest paths filtered afterwards.
 */
export function pathsQuery(s: PathsSpec): CypherQuery {
  const step = `(()-[r${relTypePattern(s.relationshipTypes)}]-(x) WHERE ${visible('r')} AND ${visible('x')} AND ($expandReference OR NOT x:Reference OR x.id = $to))`;
  const pattern = s.timeRespecting
    ? `((a)${step}{1,${s.maxHops}}(b) WHERE all(__r IN r WHERE ${linkDate('__r')} IS NOT NULL) AND
      reduce(ok = true, i IN range(0, size(r) - 2) | ok AND ${linkDate('r[i]')} <= ${linkDate('r[i + 1]')}))`
    : `(a)${step}{1,${s.maxHops}}(b)`;
  return {
    cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE ${visible('a')} AND ${visible('b')}
MATCH p = SHORTEST ${s.k} ${pattern}
RETURN [n IN nodes(p) | ${projectNode('n', s.nodeKeys)}] AS nodes, [rel IN relationships(p) | ${projectRel('rel', s.relKeys)}] AS rels, length(p) AS hops
ORDER BY hops`,
    params: { from: s.from, to: s.to, expandReference: s.expandReference },
  };
}

export interface ConnectingSpec {
  ids: readonly string[];
  maxHops: number;
  relationshipTypes: readonly RelationshipType[] | null;
  expandReference: boolean;
  nodeKeys?: ProjectionKeys;
  relKeys?: ProjectionKeys;
}

/**
 * How a set of entities is connected: the union of one shortest path for every pair, in one
 * round trip. Pairs without a path within `maxHops` are reported, not hidden.
 */
export function connectingNetworkQuery(s: ConnectingSpec): CypherQuery {
  const pairs: [string, string][] = [];
  for (let i = 0; i < s.ids.length; i++) for (let j = i + 1; j < s.ids.length; j++) pairs.push([s.ids[i]!, s.ids[j]!]);
  const step = `(()-[r${relTypePattern(s.relationshipTypes)}]-(x) WHERE ${visible('r')} AND ${visible('x')} AND ($expandReference OR NOT x:Reference OR x.id = pair[1]))`;
  return {
    cypher: `UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
WHERE ${visible('a')} AND ${visible('b')}
OPTIONAL MATCH p = SHORTEST 1 (a)${step}{1,${s.maxHops}}(b)
RETURN pair[0] AS from, pair[1] AS to,
  CASE WHEN p IS NULL THEN [] ELSE [n IN nodes(p) | ${projectNode('n', s.nodeKeys)}] END AS nodes,
  CASE WHEN p IS NULL THEN [] ELSE [rel IN relationships(p) | ${projectRel('rel', s.relKeys)}] END AS rels`,
    params: { pairs, expandReference: s.expandReference },
  };
}
