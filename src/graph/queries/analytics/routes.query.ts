import type { CypherQuery } from '../../query';
import { visible, visiblePath } from '../access';

/**
 * A place's country: a Country's own code, or the country a town (address, force, region) lies
 * in, or a business's premises (its LOCATED_AT address), reached only through visible links and
 * visible places. The caller tests `v` itself.
 */
export function countryOf(v: string): string {
  // Only a country's code is a country: a force's or region's (WMP, WEST_MIDLANDS) is not. An
  // address is at most four PART_OF links from its country (town, force, region, country).
  return `coalesce(CASE WHEN ${v}:Country THEN ${v}.code END, head([__path = (${v})-[:LOCATED_AT|PART_OF*1..5]->(__c:Country) WHERE ${visiblePath('__path')} | __c.code]))`;
}

/**
 * Route patterns: visible routes reduced to their country sequence (consecutive stops in one
 * country merged), grouped by sequence, with the victims who travelled them in the window, the
 * modes used per leg, the debts and the time span. Aggregated in the database.
 */
export function routePatternsQuery(origin: string | null, destination: string | null, since: string | null, until: string | null, limit: number): CypherQuery {
  return {
    cypher: `MATCH (rt:Route) WHERE ${visible('rt')}
CALL (rt) {
  MATCH (rt)-[s:HAS_STOP]->(place) WHERE ${visible('s')} AND ${visible('place')}
  // A stop whose country the caller cannot see (or nobody knows) is left out, with its leg.
  WITH s, ${countryOf('place')} AS country WHERE country IS NOT NULL
  WITH s, country ORDER BY s.order
  // Pairs keep the origin's null mode in place (collect drops bare nulls).
  WITH collect([country, s.mode]) AS stops
  RETURN reduce(acc = [], st IN stops |
    CASE WHEN size(acc) > 0 AND acc[size(acc) - 1][0] = st[0] THEN acc ELSE acc + [st] END) AS legs
}
WITH rt, [l IN legs | l[0]] AS sequence, [l IN legs | l[1]] AS legModes
WHERE size(sequence) >= 2 AND ($origin IS NULL OR sequence[0] = $origin) AND ($destination IS NULL OR sequence[size(sequence) - 1] = $destination)
CALL (rt) {
  OPTIONAL MATCH (rt)<-[t:TRAVELLED]-(p:Person)
  WHERE ${visible('t')} AND ${visible('p')} AND ($since IS NULL OR t.date >= date($since)) AND ($until IS NULL OR t.date <= date($until))
  RETURN count(DISTINCT p) AS victims, [d IN collect(t.debt) WHERE d IS NOT NULL] AS debts, min(t.date) AS first, max(t.date) AS last, collect(DISTINCT p.id)[0..100] AS victimIds
}
WITH sequence, collect(legModes) AS modeLists, collect(rt) AS routes, collect(rt.id) AS routeIds, sum(victims) AS victims,
     reduce(a = [], d IN collect(debts) | a + d) AS debts, collect(rt.debt) AS routeDebts, collect(rt.cost) AS costs,
     collect(rt.currency) AS currencies, min(first) AS first, max(last) AS last,
     reduce(a = [], v IN collect(victimIds) | a + v)[0..100] AS victimIds
ORDER BY victims DESC, size(routeIds) DESC, sequence
LIMIT toInteger($limit)
CALL (routes) {
  UNWIND routes AS rt
  OPTIONAL MATCH (rt)<-[o:OPERATES_ROUTE]-(g:OrganisedCrimeGroup) WHERE ${visible('o')} AND ${visible('g')}
  RETURN collect(DISTINCT g.id) AS groupIds
}
RETURN sequence, modeLists, routeIds, victims, debts, [d IN routeDebts WHERE d IS NOT NULL] AS routeDebts, [c IN costs WHERE c IS NOT NULL] AS costs,
  [c IN currencies WHERE c IS NOT NULL] AS currencies, toString(first) AS first, toString(last) AS last, victimIds, groupIds
ORDER BY victims DESC, size(routeIds) DESC, sequence`,
    params: { origin, destination, since, until, limit },
  };
}
