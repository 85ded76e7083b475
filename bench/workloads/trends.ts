import type { Row } from '../../src/graph/records';
import { v, type Workload } from './workload';

/**
 * (f) A trend aggregation (analyst question 6): victims month by month over a window of 3 to 24
 * months, grouped by exploitation category, nationality or force area. Counted in the database;
 * the service adds the empty months and the change from month to month.
 */
type Group = 'EXPLOITATION_TYPE' | 'NATIONALITY' | 'FORCE_AREA';

interface Params {
  groupBy: Group;
  from: string;
  to: string;
}

const KEYS: Record<Group, string> = {
  EXPLOITATION_TYPE: `[(ev)-[o:OF_TYPE]->(t:ExploitationType) WHERE ${v('o')} | coalesce(t.category, t.code)]`,
  NATIONALITY: `[(p)-[n:NATIONAL_OF]->(c:Country) WHERE ${v('n')} | c.code]`,
  FORCE_AREA: `[(ev)-[a:IN_AREA]->(f:PoliceForce) WHERE ${v('a')} | f.code]`,
};

const statement = (g: Group) => `MATCH (ev:Exploitation)-[x:EXPLOITED]->(p:Person)
WHERE ev.startDate >= date($from) AND ev.startDate <= date($to) AND ${v('ev')} AND ${v('x')} AND ${v('p')}
WITH ev.startDate AS d, p, ${KEYS[g]} AS keys
UNWIND CASE WHEN size(keys) = 0 THEN ['UNKNOWN'] ELSE keys END AS key
RETURN key, d.year AS year, d.month AS month, count(DISTINCT p) AS count`;

const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

export const trends: Workload<Params> = {
  letter: 'f',
  key: 'trends',
  title: 'trend aggregation',
  bounded: false,
  boundedWhy: 'counts every victim in the window: the work grows with the data',
  roundTrips: 1,
  peerCannot: '@neo4j/graphql aggregations return one figure per field, with no grouping by month or by a related node: it needs a hand-written @cypher field',

  async sample(_db, rng, n) {
    const out: Params[] = [];
    for (let i = 0; i < n; i++) {
      const months = rng.int(3, 24);
      const start = rng.int(0, 48 - months);
      const from = new Date(Date.UTC(2021, start, 1));
      const to = new Date(Date.UTC(2021, start + months, 0));
      out.push({ groupBy: rng.pick(['EXPLOITATION_TYPE', 'NATIONALITY', 'FORCE_AREA'] as const), from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) });
    }
    return out;
  },

  ours: {
    request: (p) => ({
      query: `query BenchTrends($groupBy: TrendGroup!, $from: String!, $to: String!) {
  trends(measure: VICTIMS, groupBy: $groupBy, interval: MONTH, from: $from, to: $to) {
    key total
    points { period count change changeRatio }
  }
}`,
      variables: { groupBy: p.groupBy, from: p.from, to: p.to },
    }),
    answer(data) {
      const series = (data as { trends: { key: string; points: { period: string; count: number }[] }[] }).trends;
      return series.flatMap((s) => s.points.filter((x) => x.count > 0).map((x) => `${s.key}|${x.period}|${x.count}`)).sort();
    },
  },

  limit: {
    statements: { EXPLOITATION_TYPE: statement('EXPLOITATION_TYPE'), NATIONALITY: statement('NATIONALITY'), FORCE_AREA: statement('FORCE_AREA') },
    request: (p) => ({ statement: p.groupBy, params: { from: p.from, to: p.to } }),
    answer: (rows: Row[]) => rows.map((r) => `${r.key as string}|${month(r.year as number, r.month as number)}|${r.count as number}`).sort(),
  },
};
