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
 * The visible groups matching a business-model filter, most members first. A route's origin is
 * its first stop the caller sees (as Route.origin shows it): a hidden stop is absent, not first.
 */
export function groupIdsForModelsQuery(f: GroupModelFilter, limit: number): CypherQuery {
  const v = visible;
  return {
    cypher: `MATCH (g:OrganisedCrimeGroup) WHERE ${v('g')}
  AND ($origin IS NULL OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[n:NATIONAL_OF]->(c:Country {code: $origin}) WHERE ${v('m')} AND ${v('p')} AND ${v('n')} AND ${v('c')} }
       OR EXISTS { MATCH (g)-[o:OPERATES_ROUTE]->(rt:Route)-[s:HAS_STOP]->(c) WHERE ${v('o')} AND ${v('rt')} AND ${v('s')} AND ${v('c')} AND ${countryOf('c')} = $origin
         AND NOT EXISTS { MATCH (rt)-[s0:HAS_STOP]->(c0) WHERE s0.order < s.order AND ${v('s0')} AND ${v('c0')} } })
  AND ($type IS NULL OR EXISTS { MATCH (g)-[x:PERPETRATED]->(e:Exploitation)-[r:OF_TYPE]->(t:ExploitationType) WHERE ${v('x')} AND ${v('e')} AND ${v('r')} AND ${v('t')} AND (t.code = $type OR t.category = $type) }
       OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[x:PERPETRATED]->(e:Exploitation)-[r:OF_TYPE]->(t:ExploitationType) WHERE ${v('m')} AND ${v('p')} AND ${v('x')} AND ${v('e')} AND ${v('r')} AND ${v('t')} AND (t.code = $type OR t.category = $type) })
  AND ($force IS NULL OR EXISTS { MATCH (g)-[x:PERPETRATED]->(e:Exploitation)-[r:IN_AREA]->(fa:PoliceForce {code: $force}) WHERE ${v('x')} AND ${v('e')} AND ${v('r')} AND ${v('fa')} }
       OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[x:PERPETRATED]->(e:Exploitation)-[r:IN_AREA]->(fa:PoliceForce {code: $force}) WHERE ${v('m')} AND ${v('p')} AND ${v('x')} AND ${v('e')} AND ${v('r')} AND ${v('fa')} })
WITH g, COUNT { (g)<-[m:MEMBER_OF]-(p:Person) WHERE ${v('m')} AND ${v('p')} } AS members
ORDER BY members DESC, g.id
LIMIT toInteger($limit)
RETURN g.id AS id`,
    params: { origin: f.originCountry, type: f.exploitationType, force: f.forceArea, limit },
  };
}
