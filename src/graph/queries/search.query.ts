import type { NodeLabel } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { victimHeld, visible } from './access';
import { projectNode, type ProjectionKeys } from './projection';

/** How many of the index's hits a search reads at most. */
export const SEARCH_MAX_SCANNED = 50_000;

/**
 * Full-text search over names, aliases, business names, identifier values and place names
 * (index `msht_search`, migrations 0004 and 0012). The Lucene query is built from escaped user text
 * and the caller's clearance (domain/lucene.ts searchLucene) and passed as a parameter: the index
 * holds each node's handling and UK handling, so Lucene returns only hits the caller may see, and
 * their scores. Victims, and identifiers victims hold, match only for callers with victim-data
 * rights: a match on a protected name would confirm it.
 *
 * The best `first` hits the caller asked for, in one statement. It reads the index's best hits
 * (ten times `first`, and a hundred more) and keeps those of the types asked for (and, for a
 * caller without victim-data rights, not a victim's); visibility is tested again here, though
 * Lucene applied it. When that window was full and left too few, the same statement reads on, up
 * to SEARCH_MAX_SCANNED hits: a search narrowed to a type, or a name many victims share.
 */
export function searchQuery(lucene: string, types: readonly NodeLabel[] | null, first: number, keys?: ProjectionKeys): CypherQuery {
  const scan = Math.min(first * 10 + 100, 5000);
  const shown = (n: string) => `${visible(n)}
    AND ($types IS NULL OR any(l IN labels(${n}) WHERE l IN $types))
    AND ($__victimData OR (NOT ${n}:Victim AND NOT ${victimHeld(n)}))`;
  return {
    cypher: `CALL db.index.fulltext.queryNodes('msht_search', $lucene, {limit: toInteger($scan)}) YIELD node, score
WITH collect([node, score]) AS hits
CALL (hits) {
  UNWIND hits AS hit
  WITH hit[0] AS n, hit[1] AS score
  WHERE ${shown('n')}
  WITH n, score ORDER BY score DESC, n.id LIMIT toInteger($first)
  RETURN collect([n, score]) AS top
}
CALL (hits, top) {
  WITH hits, top WHERE size(top) < $first AND size(hits) = $scan
  CALL db.index.fulltext.queryNodes('msht_search', $lucene, {skip: toInteger($scan), limit: toInteger($rest)}) YIELD node AS n, score
  WITH n, score WHERE ${shown('n')}
  WITH n, score ORDER BY score DESC, n.id LIMIT toInteger($first)
  RETURN collect([n, score]) AS later
}
UNWIND top + later AS hit
WITH hit[0] AS n, hit[1] AS score
ORDER BY score DESC, n.id
LIMIT toInteger($first)
RETURN ${projectNode('n', keys)} AS node, score`,
    params: { lucene, types: types && types.length ? [...types] : null, first, scan, rest: SEARCH_MAX_SCANNED - scan },
  };
}
