import type { CypherQuery } from '../../query';
import { visible } from '../access';

/**
 * Referrals per police force and quarter from the imported NRM statistics (the police file's
 * cells, linked REFERRED_BY_FORCE), for the given quarters, and whether any statistics the
 * caller may see are in the graph at all. One round trip.
 */
export function importedReferralsQuery(periods: readonly string[]): CypherQuery {
  const v = visible;
  return {
    cypher: `OPTIONAL MATCH (s:NRMStatistic)-[r:REFERRED_BY_FORCE]->(f:PoliceForce)
WHERE s.period IN $periods AND ${v('s')} AND ${v('r')} AND ${v('f')}
WITH f.code AS forceCode, s.period AS period, sum(s.people) AS people
WITH collect(CASE WHEN forceCode IS NULL THEN null ELSE {forceCode: forceCode, period: period, people: people} END) AS cells
RETURN EXISTS { MATCH (s:NRMStatistic) WHERE ${v('s')} } AS imported, cells`,
    params: { periods: [...periods] },
  };
}
