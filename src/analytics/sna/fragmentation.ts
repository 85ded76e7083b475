import { badInput } from '../../errors/app-error';

import { type Ranking, rankValues } from './ranking';
import { type CompiledGraph, compiled, type SnaInput } from './sna-graph';

/**
 * Borgatti's (2006) fragmentation: the share of pairs of remaining nodes that cannot reach each
 * other, F = 1 - sum over components k of s_k (s_k - 1) / (n (n - 1)), n counting the nodes left
 * after `removed` are taken out. Direction is ignored (weak components). Needs two remaining
 * nodes. O(n + m).
 */
export function fragmentation(graph: SnaInput, removed: Iterable<string> = []): number {
  const g = compiled(graph);
  const mask = removalMask(g, removed, 'removed');
  const remaining = g.ids.length - mask.reduce((a, b) => a + b, 0);
  if (remaining < 2) throw badInput('removed', 'fragmentation needs at least two remaining nodes');
  return fragmentationOf(removalPairSums(g, mask).base, remaining);
}

/**
 * For every node, the fragmentation of the graph without it: a node that splits the network
 * scores high. One depth-first search (articulation points with subtree sizes), O(n + m). Needs
 * three nodes.
 */
export function fragmentationByRemoval(graph: SnaInput): Ranking {
  const g = compiled(graph);
  const n = g.ids.length;
  if (n < 3) throw badInput('graph.nodes', 'fragmentation after removing a node needs at least three nodes');
  const { after } = removalPairSums(g, new Uint8Array(n));
  return rankValues(
    g.ids,
    after.map((pairs) => fragmentationOf(pairs, n - 1)),
  );
}

export function fragmentationOf(connectedPairs: number, remaining: number): number {
  return 1 - connectedPairs / (remaining * (remaining - 1));
}

export function removalMask(g: CompiledGraph, ids: Iterable<string>, field: string): Uint8Array {
  const mask = new Uint8Array(g.ids.length);
  for (const id of ids) {
    const u = g.indexOf.get(id);
    if (u === undefined) throw badInput(field, `unknown node ${JSON.stringify(id)}`);
    mask[u] = 1;
  }
  return mask;
}

export interface RemovalPairSums {
  /** sum of s (s - 1) over the components of the graph without the masked nodes. */
  base: number;
  /** The same sum once node v is also removed; Infinity for masked nodes. */
  after: Float64Array;
}

/**
 * Component pair counts now and after removing each further node. An iterative depth-first
 * search (Tarjan's low points) finds, for each node v, the children c whose subtree has no edge
 * above v (low[c] >= disc[v]): removing v cuts each such subtree off as its own component, and
 * the rest of v's component stays together. Direction is ignored.
 */
export function removalPairSums(g: CompiledGraph, removed: Uint8Array): RemovalPairSums {
  const n = g.ids.length;
  const out = g.outAdj;
  const inn = g.inAdj;
  const both = g.directed; // also walk predecessors to ignore direction
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const size = new Float64Array(n);
  const cutPairs = new Float64Array(n);
  const cutSize = new Float64Array(n);
  const componentSize = new Float64Array(n);
  const discovered = new Int32Array(n);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  let time = 0;
  let base = 0;

  for (let root = 0; root < n; root++) {
    if (removed[root] || disc[root] !== -1) continue;
    const start = time;
    let top = 0;
    stack[0] = root;
    disc[root] = low[root] = time;
    discovered[time++] = root;
    size[root] = 1;
    cursor[root] = 0;
    while (top >= 0) {
      const v = stack[top];
      const outDegree = out.offsets[v + 1] - out.offsets[v];
      const degree = both ? outDegree + inn.offsets[v + 1] - inn.offsets[v] : outDegree;
      let advanced = false;
      while (cursor[v] < degree) {
        const i = cursor[v]++;
        const w = i < outDegree ? out.targets[out.offsets[v] + i] : inn.targets[inn.offsets[v] + i - outDegree];
        if (removed[w]) continue;
        if (disc[w] === -1) {
          disc[w] = low[w] = time;
          discovered[time++] = w;
          size[w] = 1;
          cursor[w] = 0;
          stack[++top] = w;
          advanced = true;
          break;
        }
        if (disc[w] < low[v]) low[v] = disc[w];
      }
      if (advanced) continue;
      top--;
      if (top >= 0) {
        const p = stack[top];
        size[p] += size[v];
        if (low[v] < low[p]) low[p] = low[v];
        if (low[v] >= disc[p]) {
          cutPairs[p] += size[v] * (size[v] - 1);
          cutSize[p] += size[v];
        }
      }
    }
    const s = time - start;
    base += s * (s - 1);
    for (let i = start; i < time; i++) componentSize[discovered[i]] = s;
  }

  const after = new Float64Array(n).fill(Infinity);
  for (let v = 0; v < n; v++) {
    if (removed[v]) continue;
    const s = componentSize[v];
    const rest = s - 1 - cutSize[v];
    after[v] = base - s * (s - 1) + cutPairs[v] + rest * (rest - 1);
  }
  return { base, after };
}
