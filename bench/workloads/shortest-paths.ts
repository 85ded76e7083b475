import type { Row } from '../../src/graph/records';
import { v, type Workload } from './workload';

/**
 * (d) The shortest chains of links between two people (analyst question 2): the three shortest
 * paths through visible links, not through reference nodes, up to five hops. Pairs are drawn a
 * few hops apart, as an analyst asks about people they suspect are connected.
 *
 * Among paths of equal length, which ones SHORTEST 3 returns is the planner's choice; the check
 * compares the lengths found and that each path joins the two people, not the exact paths.
 */
interface Params {
  from: string;
  to: string;
}

const MAX_HOPS = 5;
const K = 3;

function answer(paths: { hops: number; nodeIds: string[] }[], p: Params) {
  return {
    hops: paths.map((x) => x.hops).sort((a, b) => a - b),
    ends: paths.every((x) => x.nodeIds[0] === p.from && x.nodeIds[x.nodeIds.length - 1] === p.to && x.nodeIds.length === x.hops + 1),
  };
}

export const shortestPaths: Workload<Params> = {
  letter: 'd',
  key: 'shortest-paths',
  title: 'shortest paths between two people',
  bounded: true,
  boundedWhy: `${K} paths of at most ${MAX_HOPS} hops (the search itself grows with the local density, not the world)`,
  roundTrips: 1,
  peerCannot: '@neo4j/graphql has no path queries: SHORTEST k over a quantified path pattern needs a hand-written @cypher field',

  async sample(db, rng, n) {
    const people = (await db('MATCH (p:Offender) RETURN p.id AS id ORDER BY id')).map((r) => r.id as string);
    const out: Params[] = [];
    for (let tries = 0; out.length < n && tries < n * 5; tries++) {
      const from = rng.pick(people);
      // Someone 2 to 4 hops away through non-reference nodes.
      const hops = rng.int(2, 4);
      const far = await db(
        `MATCH (a:Person {id: $from})
         MATCH p = (a)(()-[]-(x) WHERE NOT x:Reference){${hops}}(b:Person)
         WHERE b <> a
         RETURN DISTINCT b.id AS id LIMIT 25`,
        { from },
      );
      if (far.length === 0) continue;
      out.push({ from, to: rng.pick(far).id as string });
    }
    return out;
  },

  ours: {
    request: (p) => ({
      query: `query BenchShortestPaths($from: ID!, $to: ID!, $maxHops: Int!, $k: Int!) {
  paths(from: $from, to: $to, maxHops: $maxHops, k: $k) {
    hops nodeIds
    subgraph { nodes { id type label } edges { id type source target } }
  }
}`,
      variables: { from: p.from, to: p.to, maxHops: MAX_HOPS, k: K },
    }),
    answer: (data, p) => answer((data as { paths: { hops: number; nodeIds: string[] }[] }).paths, p),
  },

  limit: {
    statements: {
      shortest: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) WHERE ${v('a')} AND ${v('b')}
MATCH p = SHORTEST ${K} (a)(()-[r]-(x) WHERE ${v('r')} AND ${v('x')} AND (NOT x:Reference OR x.id = $to)){1,${MAX_HOPS}}(b)
RETURN [n IN nodes(p) | n {.id, .name, labels: labels(n)}] AS nodes,
       [rel IN relationships(p) | {id: elementId(rel), type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS edges,
       length(p) AS hops
ORDER BY hops`,
    },
    request: (p) => ({ statement: 'shortest', params: { from: p.from, to: p.to } }),
    answer: (rows: Row[], p) => answer(rows.map((r) => ({ hops: r.hops as number, nodeIds: (r.nodes as { id: string }[]).map((n) => n.id) })), p),
  },
};
