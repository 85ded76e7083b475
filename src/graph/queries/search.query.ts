import type { NodeLabel } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { victimHeld, visible } from './access';
import { projectNode, type ProjectionKeys } from './projection';

/** A window of the index's hits, best first: `skip` hits passed over, `scan` read. */
export interface SearchPage {
  skip: number;
  scan: number;
}

/**
 * The first window of hits a search reads: ten times the results asked for, and a hundred more,
 * so that hits the caller may not see or did not ask for (types) rarely leave it short.
 */
export function firstSearchPage(first: number): SearchPage {
  return { skip: 0, scan: Math.min(first * 10 + 100, 5000) };
}

/**
 * Full-text search over names, aliases, business names, identifier values and place names
 * (index `msht_search`, migration 0004). The Lucene query is built from escaped user text
 * (domain/lucene.ts) and passed as a parameter. Victims, and identifiers victims hold, match only
 * for callers with victim-data rights: a match on a protected name would confirm it.
 *
 * One window of the index's hits (`page`) per statement: one row with the best `first` hits
 * the caller may see (`found`) and how many hits the window held (`scanned`). A window that was
 * full and left fewer than `first` tells the reader to read the next one (search.reader.ts).
 */
export function searchQuery(lucene: string, types: readonly NodeLabel[] | null, first: number, keys?: ProjectionKeys, page: SearchPage = firstSearchPage(first)): CypherQuery {
  return {
    cypher: `CALL db.index.fulltext.queryNodes('msht_search', $lucene, {skip: toInteger($skip), limit: toInteger($scan)}) YIELD node, score
WITH collect([node, score]) AS hits
CALL (hits) {
  UNWIND hits AS hit
  WITH hit[0] AS n, hit[1] AS score
  WHERE ${visible('n')}
    AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
    AND ($__victimData OR (NOT n:Victim AND NOT ${victimHeld('n')}))
  WITH n, score ORDER BY score DESC, n.id LIMIT toInteger($first)
  RETURN collect({node: ${projectNode('n', keys)}, score: score}) AS found
}
RETURN found, size(hits) AS scanned`,
    params: { lucene, types: types && types.length ? [...types] : null, first, skip: page.skip, scan: page.scan },
  };
}
