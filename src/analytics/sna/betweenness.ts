import { badInput } from '../../errors/app-error';

import { MinHeap } from './min-heap';
import { PythonRandom } from './python-random';
import { type Ranking, rankValues } from './ranking';
import { type CompiledGraph, compiled, type SnaInput } from './sna-graph';

export interface BetweennessOptions {
  /**
   * `hops` (default): every edge has length 1 (breadth-first search). `weight`: an edge's weight
   * is its length (Dijkstra), so a heavier tie is a longer path: pass 1/strength as the weight
   * when weights measure closeness of a tie. networkx: `weight=None` or `weight="weight"`.
   */
  distance?: 'hops' | 'weight';
  /**
   * Estimate from `k` source nodes drawn at random instead of all n (networkx `k`), for large
   * graphs; 2 <= k <= n. Exact when absent or equal to n.
   */
  k?: number;
  /** Seed for drawing the `k` sources; the same seed draws the same sources as networkx. Default 0. */
  seed?: number;
}

/**
 * networkx `betweenness_centrality(G, k, normalized=True, weight, endpoints=False, seed)`:
 * for each node v, the sum over ordered pairs (s, t) with s, t != v of the share of shortest
 * s-t paths through v, divided by (n-1)(n-2) (for undirected graphs both (s, t) and (t, s) are
 * counted and the divisor is the same, which equals networkx's normalisation). Brandes (2001):
 * O(n m) with hops, O(n m + n^2 log n) with weights, O(n + m) memory; with `k` sources, O(k m)
 * and networkx's rescaling for sampled sources. Graphs with fewer than 3 nodes get all zeros.
 */
export function betweennessCentrality(graph: SnaInput, options: BetweennessOptions = {}): Ranking {
  const g = compiled(graph);
  const n = g.ids.length;
  let sources: number[] | null = null;
  if (options.k !== undefined && options.k !== n) {
    const k = options.k;
    if (!Number.isInteger(k) || k < 2 || k > n) throw badInput('k', `must be an integer between 2 and the node count (${n})`);
    sources = new PythonRandom(options.seed ?? 0).sample(
      Array.from({ length: n }, (_, i) => i),
      k,
    );
  }

  const betweenness = new Float64Array(n);
  const single = options.distance === 'weight' ? new DijkstraBrandes(g) : new BfsBrandes(g);
  if (sources) for (const s of sources) single.accumulate(s, betweenness);
  else for (let s = 0; s < n; s++) single.accumulate(s, betweenness);

  const pairs = n - 1; // networkx's N when endpoints are excluded
  if (pairs >= 2) {
    if (sources === null) {
      const scale = 1 / (pairs * (pairs - 1));
      for (let v = 0; v < n; v++) betweenness[v] *= scale;
    } else {
      const k = sources.length;
      const scaleSource = 1 / ((k - 1) * (pairs - 1));
      const scaleOther = 1 / (k * (pairs - 1));
      const isSource = new Uint8Array(n);
      for (const s of sources) isSource[s] = 1;
      for (let v = 0; v < n; v++) betweenness[v] *= isSource[v] ? scaleSource : scaleOther;
    }
  }
  return rankValues(g.ids, betweenness);
}

interface SingleSource {
  /** Adds the dependencies of source `s` on every other node to `betweenness`. */
  accumulate(s: number, betweenness: Float64Array): void;
}

/** One breadth-first search and the back-propagation of dependencies (Brandes, algorithm 1). */
class BfsBrandes implements SingleSource {
  private readonly dist: Int32Array;
  private readonly sigma: Float64Array;
  private readonly delta: Float64Array;
  private readonly order: Int32Array;

  constructor(private readonly g: CompiledGraph) {
    const n = g.ids.length;
    this.dist = new Int32Array(n).fill(-1);
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.order = new Int32Array(n);
  }

  accumulate(s: number, betweenness: Float64Array): void {
    const { dist, sigma, delta, order } = this;
    const { offsets, targets } = this.g.outAdj;
    const inAdj = this.g.inAdj;
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++];
      const next = dist[v] + 1;
      const sv = sigma[v];
      for (let e = offsets[v], end = offsets[v + 1]; e < end; e++) {
        const w = targets[e];
        if (dist[w] < 0) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] === next) sigma[w] += sv;
      }
    }
    for (let i = tail - 1; i >= 0; i--) {
      const w = order[i];
      const coeff = (1 + delta[w]) / sigma[w];
      const previous = dist[w] - 1;
      for (let e = inAdj.offsets[w], end = inAdj.offsets[w + 1]; e < end; e++) {
        const v = inAdj.targets[e];
        if (dist[v] === previous) delta[v] += sigma[v] * coeff;
      }
      if (w !== s) betweenness[w] += delta[w];
    }
    for (let i = 0; i < tail; i++) {
      const w = order[i];
      dist[w] = -1;
      sigma[w] = 0;
      delta[w] = 0;
    }
  }
}

/**
 * Dijkstra with path counting, as networkx's `_single_source_dijkstra_path_basic`: v precedes w
 * on a shortest path when dist[v] + weight(v, w) equals dist[w] exactly (the same floating-point
 * sums networkx compares).
 */
class DijkstraBrandes implements SingleSource {
  private readonly dist: Float64Array;
  private readonly settled: Uint8Array;
  private readonly sigma: Float64Array;
  private readonly delta: Float64Array;
  private readonly order: Int32Array;
  private readonly heap: MinHeap;

  constructor(private readonly g: CompiledGraph) {
    const n = g.ids.length;
    this.dist = new Float64Array(n).fill(Infinity);
    this.settled = new Uint8Array(n);
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.order = new Int32Array(n);
    this.heap = new MinHeap(n + 1);
  }

  accumulate(s: number, betweenness: Float64Array): void {
    const { dist, settled, sigma, delta, order, heap } = this;
    const out = this.g.outAdj;
    const inAdj = this.g.inAdj;
    dist[s] = 0;
    heap.clear();
    heap.push(0, s);
    let count = 0;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (settled[v]) continue;
      settled[v] = 1;
      order[count++] = v;
      if (v === s) {
        sigma[v] = 1;
      } else {
        let paths = 0;
        for (let e = inAdj.offsets[v], end = inAdj.offsets[v + 1]; e < end; e++) {
          const u = inAdj.targets[e];
          if (settled[u] && dist[u] + inAdj.weights[e] === d) paths += sigma[u];
        }
        sigma[v] = paths;
      }
      for (let e = out.offsets[v], end = out.offsets[v + 1]; e < end; e++) {
        const w = out.targets[e];
        const nd = d + out.weights[e];
        if (!settled[w] && nd < dist[w]) {
          dist[w] = nd;
          heap.push(nd, w);
        }
      }
    }
    for (let i = count - 1; i >= 0; i--) {
      const w = order[i];
      const coeff = (1 + delta[w]) / sigma[w];
      const dw = dist[w];
      for (let e = inAdj.offsets[w], end = inAdj.offsets[w + 1]; e < end; e++) {
        const v = inAdj.targets[e];
        if (settled[v] && dist[v] + inAdj.weights[e] === dw) delta[v] += sigma[v] * coeff;
      }
      if (w !== s) betweenness[w] += delta[w];
    }
    for (let i = 0; i < count; i++) {
      const w = order[i];
      dist[w] = Infinity;
      settled[w] = 0;
      sigma[w] = 0;
      delta[w] = 0;
    }
  }
}
