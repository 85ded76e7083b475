import type { NodeLabel } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { victimHeld, visible } from './access';
import { projectNode, type ProjectionKeys } from './projection';

/**
 * Full-text search over names, aliases, business names, identifier values and place names
 * (index `msht_search`, migration 0004). The Lucene query is built from escaped user text
 * (domain/lucene.ts) and passed as a parameter. Victims, and identifiers victims hold, match only
 * for callers with victim-data rights: a match on a protected name would confirm it.
 */
export function searchQuery(lucene: string, types: readonly NodeLabel[] | null, first: number, keys?: ProjectionKeys): CypherQuery {
  return {
    cypher: `CALL db.index.fulltext.queryNodes('msht_search', $lucene, {limit: toInteger($scan)}) YIELD node AS n, score
WHERE ${visible('n')}
  AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
  AND ($__victimData OR (NOT n:Victim AND NOT ${victimHeld('n')}))
RETURN ${projectNode('n', keys)} AS node, score
ORDER BY score DESC, n.id
LIMIT toInteger($first)`,
    params: { lucene, types: types && types.length ? [...types] : null, first, scan: Math.min(first * 10 + 100, 5000) },
  };
}
