import type { Row } from '../../src/graph/records';
import { v, type Workload } from './workload';

/**
 * (c) A two-hop neighbourhood with a node budget, as a link chart asks for it: every node within
 * two hops of a person (reference nodes such as countries and forces reached but not expanded
 * through), the links among them, and whether the budget cut it short.
 *
 * Which nodes a budget keeps when it cuts is the traversal's order, which no system promises;
 * for a truncated answer the check compares the count and the flag, otherwise the exact sets.
 */
interface Params {
  id: string;
  budget: number;
}

interface Answer {
  truncated: boolean;
  nodeCount: number;
  nodes: string[] | null;
  edges: string[] | null;
}

const BUDGET = 500;

function answer(truncated: boolean, nodeIds: string[], edges: string[]): Answer {
  return { truncated, nodeCount: nodeIds.length, nodes: truncated ? null : [...nodeIds].sort(), edges: truncated ? null : [...edges].sort() };
}

export const neighbourhood: Workload<Params> = {
  letter: 'c',
  key: 'neighbourhood',
  title: 'two-hop neighbourhood with a node budget',
  bounded: true,
  boundedWhy: `at most ${BUDGET} nodes`,
  roundTrips: 1,
  peerCannot: '@neo4j/graphql generates fixed-depth selections only: a breadth-first expansion over any relationship type with a node budget needs a hand-written @cypher field',

  async sample(db, rng, n) {
    const rows = await db('MATCH (p:Person) RETURN p.id AS id ORDER BY id');
    return rng.sample(rows, n).map((r) => ({ id: r.id as string, budget: BUDGET }));
  },

  ours: {
    request: (p) => ({
      query: `query BenchNeighbourhood($ids: [ID!]!, $limit: Int) {
  neighbourhood(ids: $ids, depth: 2, limit: $limit) {
    truncated truncatedBy
    nodes { id type label properties provenance { handling grading } }
    edges { id type source target properties }
  }
}`,
      variables: { ids: [p.id], limit: p.budget },
    }),
    answer(data) {
      const s = (data as { neighbourhood: { truncated: boolean; nodes: { id: string }[]; edges: { id: string; type: string; source: string; target: string }[] } }).neighbourhood;
      return answer(
        s.truncated,
        s.nodes.map((n) => n.id),
        s.edges.map((e) => `${e.source}|${e.type}|${e.target}|${e.id}`),
      );
    },
  },

  limit: {
    statements: {
      // recordedAt as epoch milliseconds, as our projections send it: a DATETIME costs the driver
      // far more to decode than a number, and the limit stays the floor.
      twoHops: `MATCH (s:Entity {id: $id}) WHERE ${v('s')}
CALL (s) {
  MATCH (s)-[r]-(m:Entity) WHERE ${v('r')} AND ${v('m')}
  RETURN collect(DISTINCT m) AS reached
}
WITH s, reached[0..$budget - 1] AS l1, size(reached) > $budget - 1 AS cut
CALL (s, l1) {
  UNWIND [x IN l1 WHERE NOT x:Reference] AS f
  MATCH (f)-[r]-(m:Entity) WHERE ${v('r')} AND ${v('m')} AND m <> s AND NOT m IN l1
  RETURN collect(DISTINCT m) AS l2
}
WITH [s] + l1 AS near, l2, cut, $budget - 1 - size(l1) AS room
WITH near + l2[0..room] AS seen, cut OR size(l2) > room AS truncated
CALL (seen) {
  UNWIND seen AS a
  MATCH (a)-[r]->(b) WHERE b IN seen AND ${v('r')}
  RETURN collect(r {.*, recordedAt: r.recordedAt.epochMillis, type: type(r), source: a.id, target: b.id, id: elementId(r)}) AS edges
}
RETURN [n IN seen | n {.*, recordedAt: n.recordedAt.epochMillis, labels: labels(n)}] AS nodes, edges, truncated`,
    },
    request: (p) => ({ statement: 'twoHops', params: { id: p.id, budget: p.budget } }),
    answer(rows: Row[]) {
      const r = rows[0];
      if (!r) return answer(false, [], []);
      return answer(
        r.truncated as boolean,
        (r.nodes as { id: string }[]).map((n) => n.id),
        (r.edges as { id: string; type: string; source: string; target: string }[]).map((e) => `${e.source}|${e.type}|${e.target}|${e.id}`),
      );
    },
  },
};
