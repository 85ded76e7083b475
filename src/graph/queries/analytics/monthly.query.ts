import type { CypherQuery } from '../../query';
import { visible } from '../access';

/**
 * Live operations covering the month, by area and crime type: under each force area the caller
 * sees the operation in; with none, under each region it sees it in (a regional operation); with
 * neither, under NATIONAL.
 */
export function liveOperationsQuery(from: string, to: string): CypherQuery {
  return {
    cypher: `MATCH (o:Operation)
WHERE ${visible('o')} AND o.status = 'LIVE' AND coalesce(o.startDate, date($from)) <= date($to) AND coalesce(o.endDate, date($to)) >= date($from)
WITH o, [(o)-[a:IN_AREA]->(f:PoliceForce) WHERE ${visible('a')} AND ${visible('f')} | f.code] AS forces,
  [(o)-[a:IN_AREA]->(r:Region) WHERE ${visible('a')} AND ${visible('r')} | r.code] AS regions
UNWIND CASE WHEN size(forces) > 0 THEN forces WHEN size(regions) > 0 THEN regions ELSE ['NATIONAL'] END AS force
UNWIND CASE WHEN size(coalesce(o.crimeTypes, [])) = 0 THEN ['UNKNOWN'] ELSE o.crimeTypes END AS crimeType
WITH force, crimeType, o
RETURN force, crimeType, count(DISTINCT o) AS count, collect(DISTINCT o.id)[0..50] AS ids
ORDER BY count DESC, force, crimeType`,
    params: { from, to },
  };
}

/**
 * New victims and offenders in a month: people whose first visible exploitation event (as
 * victim, as perpetrator) started in it; new NRM referrals made in it. Found from the month's
 * events (by the date index), keeping the people with no visible event before the month: the
 * same people as the earliest event of everyone, without reading every event in the graph.
 *
 * The test of an earlier event is written so that no index can serve it (`coalesce(…)`: a missing
 * date fails it as before): on `b.startDate < …` Neo4j looked up every earlier event by the date
 * index for each person of the month (1,000 people against 20,000 earlier events: 34 to 55 s),
 * where reading the person's own events takes 0.3 s.
 */
export function newPeopleQuery(from: string, to: string): CypherQuery {
  return {
    cypher: `CALL () {
  MATCH (e:Exploitation)-[x:EXPLOITED]->(p:Person)
  WHERE e.startDate >= date($from) AND e.startDate <= date($to) AND ${visible('e')} AND ${visible('x')} AND ${visible('p')}
  WITH DISTINCT p
  WHERE NOT EXISTS {
    MATCH (b:Exploitation)-[y:EXPLOITED]->(p)
    WHERE coalesce(b.startDate, date($from)) < date($from) AND ${visible('b')} AND ${visible('y')}
  }
  RETURN count(p) AS newVictims, collect(p.id)[0..100] AS victimIds
}
CALL () {
  MATCH (p:Person)-[x:PERPETRATED]->(e:Exploitation)
  WHERE e.startDate >= date($from) AND e.startDate <= date($to) AND ${visible('e')} AND ${visible('x')} AND ${visible('p')}
  WITH DISTINCT p
  WHERE NOT EXISTS {
    MATCH (p)-[y:PERPETRATED]->(b:Exploitation)
    WHERE coalesce(b.startDate, date($from)) < date($from) AND ${visible('b')} AND ${visible('y')}
  }
  RETURN count(p) AS newOffenders, collect(p.id)[0..100] AS offenderIds
}
CALL () {
  MATCH (n:NRMReferral) WHERE ${visible('n')} AND n.referredOn >= date($from) AND n.referredOn <= date($to)
  RETURN count(n) AS referrals
}
RETURN newVictims, victimIds, newOffenders, offenderIds, referrals`,
    params: { from, to },
  };
}
