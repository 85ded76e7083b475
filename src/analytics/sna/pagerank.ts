import { badInput } from '../../errors/app-error';

import { notConverged } from './not-converged';
import { type Ranking, rankValues } from './ranking';
import { compiled, type SnaInput } from './sna-graph';

export interface PageRankOptions {
  /** Damping factor; default 0.85. */
  alpha?: number;
  /** Use edge weights (networkx's default `weight="weight"`); default true. */
  weighted?: boolean;
  /** Stop when the L1 change over all nodes is below n * tolerance. Default 1e-12 (networkx: 1e-6). */
  tolerance?: number;
  /** Default 1000 (networkx: 100). */
  maxIterations?: number;
}

/**
 * networkx `pagerank(G, alpha=0.85)`: a random walk that follows an out-edge with probability
 * alpha (chosen in proportion to weight) and jumps to a uniformly chosen node otherwise. A
 * dangling node (no out-edges; in an undirected graph, an isolated node) passes its whole score
 * to all nodes uniformly, as networkx does with `dangling=None`. An undirected edge is followed
 * either way. Scores sum to 1. Power iteration from 1/n, O(n + m) per iteration; the error
 * shrinks at least by alpha per step. Throws MSHT_NOT_CONVERGED when the budget runs out.
 */
export function pagerank(graph: SnaInput, options: PageRankOptions = {}): Ranking {
  const g = compiled(graph);
  const n = g.ids.length;
  const alpha = options.alpha ?? 0.85;
  if (!(alpha >= 0 && alpha < 1)) throw badInput('alpha', 'must be at least 0 and below 1');
  if (n === 0) return rankValues(g.ids, []);
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 1000;
  const weighted = options.weighted ?? true;
  const { offsets, targets, weights } = g.outAdj;

  // Row-normalise: the share of u's score that each out-edge carries.
  const share = new Float64Array(targets.length);
  const dangling: number[] = [];
  for (let u = 0; u < n; u++) {
    let strength = 0;
    for (let e = offsets[u]; e < offsets[u + 1]; e++) strength += weighted ? weights[e] : 1;
    if (strength === 0) dangling.push(u);
    else for (let e = offsets[u]; e < offsets[u + 1]; e++) share[e] = (weighted ? weights[e] : 1) / strength;
  }

  const uniform = 1 / n;
  let x = new Float64Array(n).fill(uniform);
  let last = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const swap = last;
    last = x;
    x = swap;
    x.fill(0);
    for (let u = 0; u < n; u++) {
      const xu = last[u];
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) x[targets[e]] += xu * share[e];
    }
    let danglingSum = 0;
    for (const u of dangling) danglingSum += last[u];
    const base = danglingSum * uniform;
    let change = 0;
    for (let u = 0; u < n; u++) {
      x[u] = alpha * (x[u] + base) + (1 - alpha) * uniform;
      change += Math.abs(x[u] - last[u]);
    }
    if (change < n * tolerance) return rankValues(g.ids, x);
  }
  throw notConverged('PageRank', maxIterations);
}
