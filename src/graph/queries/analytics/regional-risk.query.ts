import type { CypherQuery } from '../../query';
import { visible } from '../access';

/**
 * For every police force (with its region and ROCU): victims, offenders and groups of the
 * visible exploitation events in the area and period, NRM referrals recorded in the graph for
 * the area, and live operations covering it in the period. One aggregation per component, all
 * in one round trip.
 */
export function regionalRiskQuery(from: string, to: string): CypherQuery {
  const v = visible;
  const inPeriod = (d: string) => `${d} >= date($from) AND ${d} <= date($to)`;
  return {
    cypher: `MATCH (f:PoliceForce)
OPTIONAL MATCH (f)-[:PART_OF]->(r:Region)
CALL (f) {
  OPTIONAL MATCH (f)<-[a:IN_AREA]-(e:Exploitation)-[x:EXPLOITED]->(p:Person)
  WHERE ${v('a')} AND ${v('e')} AND ${v('x')} AND ${v('p')} AND ${inPeriod('e.startDate')}
  RETURN count(DISTINCT p) AS victims, collect(DISTINCT p.id)[0..50] AS victimIds, count(DISTINCT e) AS events
}
CALL (f) {
  OPTIONAL MATCH (f)<-[a:IN_AREA]-(e:Exploitation)<-[x:PERPETRATED]-(p:Person)
  WHERE ${v('a')} AND ${v('e')} AND ${v('x')} AND ${v('p')} AND ${inPeriod('e.startDate')}
  RETURN count(DISTINCT p) AS offenders
}
CALL (f) {
  OPTIONAL MATCH (f)<-[a:IN_AREA]-(e:Exploitation)<-[x:PERPETRATED]-(g:OrganisedCrimeGroup)
  WHERE ${v('a')} AND ${v('e')} AND ${v('x')} AND ${v('g')} AND ${inPeriod('e.startDate')}
  RETURN count(DISTINCT g) AS groups, collect(DISTINCT g.id)[0..50] AS groupIds
}
CALL (f) {
  OPTIONAL MATCH (f)<-[a:IN_AREA]-(n:NRMReferral)
  WHERE ${v('a')} AND ${v('n')} AND ${inPeriod('n.referredOn')}
  RETURN count(DISTINCT n) AS referrals
}
CALL (f) {
  OPTIONAL MATCH (f)<-[a:IN_AREA]-(o:Operation)
  WHERE ${v('a')} AND ${v('o')} AND o.status = 'LIVE' AND coalesce(o.startDate, date($from)) <= date($to) AND coalesce(o.endDate, date($to)) >= date($from)
  RETURN count(DISTINCT o) AS liveOperations, collect(DISTINCT o.id)[0..50] AS operationIds
}
RETURN f.code AS forceCode, f.name AS forceName, r.code AS regionCode, r.name AS regionName, r.rocu AS rocu,
  victims, victimIds, events, offenders, groups, groupIds, referrals, liveOperations, operationIds
ORDER BY f.code`,
    params: { from, to },
  };
}
