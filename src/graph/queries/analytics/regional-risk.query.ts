import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { forceRegionCall } from './force-region';

/**
 * For every police force (with its region and ROCU): victims, offenders and groups of the
 * visible exploitation events in the area and period, NRM referrals recorded in the graph for
 * the area, and live operations covering it in the period. One round trip.
 *
 * The events, referrals and live operations of the period are each found once (by their date
 * or status index) and grouped by force before the forces are walked. Asked per force, the
 * planner seeks the period's index once for every force and joins to it (46 forces times a
 * year's events: tens of millions of db hits on a `large` world instead of tens of thousands).
 *
 * One row per force, under one region (`forceRegionCall`): a force linked to two regions is
 * otherwise listed twice, and its numbers added to both regions' totals.
 *
 * A force's victims, offenders and groups come from one walk of each event's relationships
 * (EXPLOITED out to victims, PERPETRATED in from people and groups), each row sorted by its type,
 * direction and label; a walk per kind read every event's relationships three times (1.6 s of
 * Neo4j's CPU instead of 1.4 s for two years at the bench's `large` world). Rows keep the walk's
 * order, so the ids kept are the same.
 */
export function regionalRiskQuery(from: string, to: string): CypherQuery {
  const v = visible;
  const inPeriod = (d: string) => `${d} >= date($from) AND ${d} <= date($to)`;
  const byForce = (items: string) => `[x IN ${items} WHERE x.force = f.code][0].items`;
  return {
    cypher: `CALL () {
  MATCH (e:Exploitation)-[a:IN_AREA]->(f:PoliceForce)
  WHERE ${inPeriod('e.startDate')} AND ${v('e')} AND ${v('a')} AND ${v('f')}
  WITH f, collect(e) AS items
  RETURN collect({force: f.code, items: items}) AS eventsByForce
}
CALL () {
  MATCH (n:NRMReferral)-[a:IN_AREA]->(f:PoliceForce)
  WHERE ${inPeriod('n.referredOn')} AND ${v('n')} AND ${v('a')} AND ${v('f')}
  WITH f, count(DISTINCT n) AS items
  RETURN collect({force: f.code, items: items}) AS referralsByForce
}
CALL () {
  MATCH (o:Operation)-[a:IN_AREA]->(f:PoliceForce)
  WHERE o.status = 'LIVE' AND ${v('o')} AND ${v('a')} AND ${v('f')} AND coalesce(o.startDate, date($from)) <= date($to) AND coalesce(o.endDate, date($to)) >= date($from)
  WITH f, collect(DISTINCT o.id) AS items
  RETURN collect({force: f.code, items: items}) AS operationsByForce
}
MATCH (f:PoliceForce) WHERE ${v('f')}
OPTIONAL ${forceRegionCall('f', 'r')}
WITH f, r, coalesce(${byForce('eventsByForce')}, []) AS forceEvents, coalesce(${byForce('referralsByForce')}, 0) AS referrals,
  coalesce(${byForce('operationsByForce')}, []) AS operations
CALL (forceEvents) {
  UNWIND forceEvents AS e
  MATCH (e)-[x:EXPLOITED|PERPETRATED]-(p)
  WHERE ${v('x')} AND ${v('p')}
  WITH e, p, type(x) = 'EXPLOITED' AND startNode(x) = e AND p:Person AS victim, type(x) = 'PERPETRATED' AND endNode(x) = e AS perpetrator
  WITH e, p, victim, perpetrator AND p:Person AS offender, perpetrator AND p:OrganisedCrimeGroup AS perpetratingGroup
  RETURN count(DISTINCT CASE WHEN victim THEN p END) AS victims, collect(DISTINCT CASE WHEN victim THEN p.id END)[0..50] AS victimIds,
    count(DISTINCT CASE WHEN victim THEN e END) AS events, count(DISTINCT CASE WHEN offender THEN p END) AS offenders,
    count(DISTINCT CASE WHEN perpetratingGroup THEN p END) AS groups, collect(DISTINCT CASE WHEN perpetratingGroup THEN p.id END)[0..50] AS groupIds
}
RETURN f.code AS forceCode, f.name AS forceName, r.code AS regionCode, r.name AS regionName, r.rocu AS rocu,
  victims, victimIds, events, offenders, groups, groupIds, referrals, size(operations) AS liveOperations, operations[0..50] AS operationIds
ORDER BY f.code`,
    params: { from, to },
  };
}

/**
 * The regions' own totals (ROCU areas), each item counted once in a region: the visible
 * exploitation events, NRM referrals and live operations of the period in the area of one of
 * the region's forces (its one region, as above) or recorded in the region itself (IN_AREA to a
 * Region), and the distinct victims, offenders and groups of those events. A victim exploited in
 * two forces of a region is one victim of the region; a force without a visible region counts
 * under UNKNOWN.
 *
 * Each kind of item is found once by its date or status index, with its areas, as in
 * regionalRiskQuery.
 */
export function regionTotalsQuery(from: string, to: string): CypherQuery {
  const v = visible;
  const inPeriod = (d: string) => `${d} >= date($from) AND ${d} <= date($to)`;
  // The region an area (a force, by its one region, or a region) counts under.
  const regionOf = (area: string) => `CASE WHEN ${area}:Region THEN ${area}.code ELSE coalesce([x IN regionOf WHERE x.force = ${area}.code | x.region][0], 'UNKNOWN') END`;
  const inArea = (item: string) => `MATCH (${item})-[a:IN_AREA]->(area) WHERE ${v('a')} AND ${v('area')} AND (area:PoliceForce OR area:Region)`;
  return {
    cypher: `CALL () {
  MATCH (f:PoliceForce) WHERE ${v('f')}
  OPTIONAL ${forceRegionCall('f', 'r').replace(/\n/g, '\n  ')}
  RETURN collect({force: f.code, region: r.code}) AS regionOf,
    collect(DISTINCT CASE WHEN r IS NOT NULL THEN {code: r.code, name: r.name, rocu: r.rocu} END) AS regions
}
CALL (regionOf) {
  MATCH (e:Exploitation) WHERE ${inPeriod('e.startDate')} AND ${v('e')}
  ${inArea('e')}
  WITH DISTINCT ${regionOf('area')} AS region, e
  CALL (e) {
    MATCH (e)-[x:EXPLOITED|PERPETRATED]-(p)
    WHERE ${v('x')} AND ${v('p')}
    RETURN p, type(x) = 'EXPLOITED' AND startNode(x) = e AND p:Person AS victim, type(x) = 'PERPETRATED' AND endNode(x) = e AS perpetrator
  }
  WITH region, collect(DISTINCT CASE WHEN victim THEN p END) AS victims, collect(DISTINCT CASE WHEN perpetrator AND p:Person THEN p END) AS offenders,
    collect(DISTINCT CASE WHEN perpetrator AND p:OrganisedCrimeGroup THEN p END) AS groups
  RETURN collect({region: region, victims: size(victims), offenders: size(offenders), groups: size(groups)}) AS people
}
CALL (regionOf) {
  MATCH (n:NRMReferral) WHERE ${inPeriod('n.referredOn')} AND ${v('n')}
  ${inArea('n')}
  WITH ${regionOf('area')} AS region, count(DISTINCT n) AS referrals
  RETURN collect({region: region, referrals: referrals}) AS referrals
}
CALL (regionOf) {
  MATCH (o:Operation) WHERE o.status = 'LIVE' AND ${v('o')} AND coalesce(o.startDate, date($from)) <= date($to) AND coalesce(o.endDate, date($to)) >= date($from)
  ${inArea('o')}
  WITH ${regionOf('area')} AS region, count(DISTINCT o) AS operations
  RETURN collect({region: region, operations: operations}) AS operations
}
RETURN regions, people, referrals, operations`,
    params: { from, to },
  };
}
