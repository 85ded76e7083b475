import { badInput } from '../../errors/app-error';

import { type Ranking, rankValues } from './ranking';
import { type Csr, compiled, type SnaInput } from './sna-graph';

/**
 * networkx `degree_centrality`: the number of distinct neighbours over n - 1 (directed: in-degree
 * plus out-degree, so a reciprocated tie counts twice and values can exceed 1). A graph of one
 * node gives it 1, as networkx does. Weights are ignored. O(n + m).
 */
export function degreeCentrality(graph: SnaInput): Ranking {
  const g = compiled(graph);
  const counts = listLengths(g.outAdj);
  if (g.directed) {
    const inCounts = listLengths(g.inAdj);
    for (let u = 0; u < counts.length; u++) counts[u] += inCounts[u];
  }
  return rankValues(g.ids, scale(counts));
}

/** networkx `in_degree_centrality`: distinct predecessors over n - 1. Directed graphs only. */
export function inDegreeCentrality(graph: SnaInput): Ranking {
  const g = compiled(graph);
  if (!g.directed) throw badInput('graph.directed', 'in-degree centrality needs a directed graph');
  return rankValues(g.ids, scale(listLengths(g.inAdj)));
}

/** networkx `out_degree_centrality`: distinct successors over n - 1. Directed graphs only. */
export function outDegreeCentrality(graph: SnaInput): Ranking {
  const g = compiled(graph);
  if (!g.directed) throw badInput('graph.directed', 'out-degree centrality needs a directed graph');
  return rankValues(g.ids, scale(listLengths(g.outAdj)));
}

function listLengths(adj: Csr): Float64Array {
  const n = adj.offsets.length - 1;
  const counts = new Float64Array(n);
  for (let u = 0; u < n; u++) counts[u] = adj.offsets[u + 1] - adj.offsets[u];
  return counts;
}

function scale(counts: Float64Array): Float64Array {
  const n = counts.length;
  if (n <= 1) return counts.fill(1);
  const s = 1 / (n - 1);
  for (let u = 0; u < n; u++) counts[u] *= s;
  return counts;
}
