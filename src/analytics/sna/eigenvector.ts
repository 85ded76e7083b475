import { badInput } from '../../errors/app-error';

import { notConverged } from './not-converged';
import { type Ranking, rankValues } from './ranking';
import { compiled, type SnaInput } from './sna-graph';

export interface EigenvectorOptions {
  /** Use edge weights as tie strengths (networkx `weight="weight"`); default false (`weight=None`). */
  weighted?: boolean;
  /** Stop when the L1 change over all nodes is below n * tolerance. Default 1e-12 (networkx: 1e-6). */
  tolerance?: number;
  /** Default 10000 (networkx: 100). */
  maxIterations?: number;
}

/**
 * networkx `eigenvector_centrality`: power iteration on A + I from the vector 1/n, normalised to
 * unit Euclidean length after each step, stopping when the L1 change is below n * tolerance. A
 * node's score is its share of the leading eigenvector of the adjacency matrix; for a directed
 * graph it comes from incoming edges (the left eigenvector), as in networkx. On a graph with
 * several components the iteration, like networkx's, concentrates on the component with the
 * largest eigenvalue; isolated nodes tend to 0. O(n + m) per iteration.
 * Throws MSHT_NOT_CONVERGED when the budget runs out.
 */
export function eigenvectorCentrality(graph: SnaInput, options: EigenvectorOptions = {}): Ranking {
  const g = compiled(graph);
  const n = g.ids.length;
  if (n === 0) throw badInput('graph.nodes', 'eigenvector centrality needs at least one node');
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 10000;
  const { offsets, targets, weights } = g.outAdj;
  const weighted = options.weighted ?? false;

  let x = new Float64Array(n).fill(1 / n);
  let last = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const swap = last;
    last = x;
    x = swap;
    x.set(last);
    // x = (A + I)^T last, pushing each node's score to its successors as networkx does.
    for (let u = 0; u < n; u++) {
      const xu = last[u];
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) x[targets[e]] += weighted ? xu * weights[e] : xu;
    }
    let sumSquares = 0;
    for (let u = 0; u < n; u++) sumSquares += x[u] * x[u];
    const norm = Math.sqrt(sumSquares) || 1;
    let change = 0;
    for (let u = 0; u < n; u++) {
      x[u] /= norm;
      change += Math.abs(x[u] - last[u]);
    }
    if (change < n * tolerance) return rankValues(g.ids, x);
  }
  throw notConverged('eigenvector centrality', maxIterations);
}
