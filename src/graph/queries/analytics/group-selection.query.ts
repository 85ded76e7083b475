import type { CypherQuery } from '../../query';
import { visible } from '../access';

export interface GroupModelFilter {
  /** Groups with a member of this nationality, or running a route from this country. */
  originCountry: string | null;
  /** A category or offence type code. */
  exploitationType: string | null;
  forceArea: string | null;
}

/** The visible groups matching a business-model filter, most active first. */
export function groupIdsForModelsQuery(f: GroupModelFilter, limit: number): CypherQuery {
  return {
    cypher: `MATCH (g:OrganisedCrimeGroup) WHERE ${visible('g')}
  AND ($origin IS NULL OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[n:NATIONAL_OF]->(c:Country {code: $origin}) WHERE ${visible('m')} AND ${visible('p')} AND ${visible('n')} }
       OR EXISTS { MATCH (g)-[o:OPERATES_ROUTE]->(:Route)-[s:HAS_STOP {order: 0}]->(c) WHERE ${visible('o')} AND ${visible('s')} AND coalesce(c.code, head([(c)-[:PART_OF*1..4]->(cc:Country) | cc.code])) = $origin })
  AND ($type IS NULL OR EXISTS { MATCH (g)-[x:PERPETRATED]->(e:Exploitation)-[r:OF_TYPE]->(t:ExploitationType) WHERE ${visible('x')} AND ${visible('e')} AND ${visible('r')} AND (t.code = $type OR t.category = $type) }
       OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(:Person)-[x:PERPETRATED]->(e:Exploitation)-[r:OF_TYPE]->(t:ExploitationType) WHERE ${visible('m')} AND ${visible('x')} AND ${visible('e')} AND ${visible('r')} AND (t.code = $type OR t.category = $type) })
  AND ($force IS NULL OR EXISTS { MATCH (g)-[x:PERPETRATED]->(e:Exploitation)-[r:IN_AREA]->(:PoliceForce {code: $force}) WHERE ${visible('x')} AND ${visible('e')} AND ${visible('r')} }
       OR EXISTS { MATCH (g)<-[m:MEMBER_OF]-(:Person)-[x:PERPETRATED]->(e:Exploitation)-[r:IN_AREA]->(:PoliceForce {code: $force}) WHERE ${visible('m')} AND ${visible('x')} AND ${visible('e')} AND ${visible('r')} })
WITH g, COUNT { (g)<-[:MEMBER_OF]-() } AS members
ORDER BY members DESC, g.id
LIMIT toInteger($limit)
RETURN g.id AS id`,
    params: { origin: f.originCountry, type: f.exploitationType, force: f.forceArea, limit },
  };
}
