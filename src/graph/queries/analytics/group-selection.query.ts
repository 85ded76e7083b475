import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { countryOf } from './routes.query';

export interface GroupModelFilter {
  /** Groups with a member of this nationality, or running a route from this country. */
  originCountry: string | null;
  /** A category or offence type code. */
  exploitationType: string | null;
  forceArea: string | null;
}

/**
 * `condition AND visible(x) AND …` for a path's variables, the condition tested first: in one
 * WHERE the planner tests visibility as it expands, on every path, although few reach the
 * exploitation type, force or country asked for (a CASE tests its condition first). At the
 * bench's `large` world the groups of one type took 0.4 to 0.75 s instead of 0.65 to 1.9 s, of
 * one force 0.45 s instead of 0.95 s.
 */
function thenVisible(condition: string, ...items: string[]): string {
  return `CASE WHEN ${condition} THEN ${items.map(visible).join(' AND ')} ELSE false END`;
}

/**
 * The visible groups matching a business-model filter, most members first. A route's origin is
 * its first stop the caller sees (as Route.origin shows it): a hidden stop is absent, not first.
 */
export function groupIdsForModelsQuery(f: GroupModelFilter, limit: number): CypherQuery {
  const v = visible;
  return {
    // A force code no force the caller sees has matches no group: answered at once, not by testing each group.
    cypher: `OPTIONAL MATCH (__force:PoliceForce {code: $force}) WHERE ${v('__force')}
WITH count(__force) > 0 OR $force IS NULL AS forceKnown
WITH forceKnown WHERE forceKnown
MATCH (g:OrganisedCrimeGroup) WHERE ${v('g')}
  AND ($origin IS NULL OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[n:NATIONAL_OF]->(c:Country {code: $origin}) WHERE ${thenVisible('c.code = $origin', 'm', 'p', 'n', 'c')} }
       OR EXISTS { MATCH (g)-[o:OPERATES_ROUTE]->(rt:Route)-[s:HAS_STOP]->(c) WHERE ${v('o')} AND ${v('rt')} AND ${v('s')} AND ${v('c')} AND ${countryOf('c')} = $origin
         AND NOT EXISTS { MATCH (rt)-[s0:HAS_STOP]->(c0) WHERE s0.order < s.order AND ${v('s0')} AND ${v('c0')} } })
  AND ($type IS NULL OR EXISTS { MATCH (g)-[x:PERPETRATED]->(e:Exploitation)-[r:OF_TYPE]->(t:ExploitationType) WHERE ${thenVisible('t.code = $type OR t.category = $type', 'x', 'e', 'r', 't')} }
       OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[x:PERPETRATED]->(e:Exploitation)-[r:OF_TYPE]->(t:ExploitationType) WHERE ${thenVisible('t.code = $type OR t.category = $type', 'm', 'p', 'x', 'e', 'r', 't')} })
  AND ($force IS NULL OR EXISTS { MATCH (g)-[x:PERPETRATED]->(e:Exploitation)-[r:IN_AREA]->(fa:PoliceForce {code: $force}) WHERE ${thenVisible('fa.code = $force', 'x', 'e', 'r', 'fa')} }
       OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[x:PERPETRATED]->(e:Exploitation)-[r:IN_AREA]->(fa:PoliceForce {code: $force}) WHERE ${thenVisible('fa.code = $force', 'm', 'p', 'x', 'e', 'r', 'fa')} })
WITH g, COUNT { (g)<-[m:MEMBER_OF]-(p:Person) WHERE ${v('m')} AND ${v('p')} } AS members
ORDER BY members DESC, g.id
LIMIT toInteger($limit)
RETURN g.id AS id`,
    params: { origin: f.originCountry, type: f.exploitationType, force: f.forceArea, limit },
  };
}
