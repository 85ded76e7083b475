import { badInput } from '../../errors/app-error';

/**
 * A projection of the knowledge graph handed to the network measures: node ids, edges between
 * them, and whether direction matters. Pure data, so a reader in `graph/` can build it and a test
 * can write it by hand.
 */
export interface SnaEdge {
  source: string;
  target: string;
  /**
   * Positive and finite; 1 when absent. A strength (a tie's volume: calls, payments, shared
   * addresses) for eigenvector, PageRank, Louvain and modularity; a length for betweenness and
   * closeness when they are asked to use weights (`distance: 'weight'`).
   */
  weight?: number;
}

export interface SnaGraph {
  nodes: readonly string[];
  edges: readonly SnaEdge[];
  directed: boolean;
}

/** Compressed sparse rows: the neighbours of node `u` are `targets[offsets[u] .. offsets[u+1])`. */
export interface Csr {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
}

/**
 * A projection checked and laid out for the algorithms: nodes are numbered by their position in
 * `SnaGraph.nodes`, parallel edges are merged (weights summed) and self-loops dropped. Compile a
 * projection once with `compileGraph()` when several measures run on it.
 */
export interface CompiledGraph {
  readonly kind: 'compiled-sna-graph';
  readonly directed: boolean;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Distinct edges after merging, in the order each first appeared in the input. */
  readonly edgeCount: number;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeWeight: Float64Array;
  /** Successors (directed) or neighbours (undirected), each list in order of first appearance. */
  readonly outAdj: Csr;
  /** Predecessors (directed); the same object as `outAdj` for an undirected graph. */
  readonly inAdj: Csr;
}

export type SnaInput = SnaGraph | CompiledGraph;

function isCompiled(graph: SnaInput): graph is CompiledGraph {
  return (graph as CompiledGraph).kind === 'compiled-sna-graph';
}

/** The compiled form of a projection; a compiled graph is returned as it is. */
export function compiled(graph: SnaInput): CompiledGraph {
  return isCompiled(graph) ? graph : compileGraph(graph);
}

/**
 * Checks a projection and builds its adjacency. Rules, shared with the networkx reference
 * script so both sides see the same graph:
 * - node ids are unique; every edge names two of them;
 * - a self-loop carries no information for these measures and is dropped;
 * - parallel edges (and, undirected, `a-b` with `b-a`) become one edge whose weight is the sum.
 * O(n + m) time and memory.
 */
export function compileGraph(graph: SnaGraph): CompiledGraph {
  const ids = graph.nodes;
  const n = ids.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (typeof id !== 'string') throw badInput('graph.nodes', `node ${i} is not a string id`);
    if (indexOf.has(id)) throw badInput('graph.nodes', `node id ${JSON.stringify(id)} appears twice`);
    indexOf.set(id, i);
  }

  const directed = graph.directed;
  const slotOf = new Map<number, number>();
  const src: number[] = [];
  const dst: number[] = [];
  const wts: number[] = [];
  for (let e = 0; e < graph.edges.length; e++) {
    const edge = graph.edges[e];
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined) throw badInput('graph.edges', `edge ${e} starts at unknown node ${JSON.stringify(edge.source)}`);
    if (t === undefined) throw badInput('graph.edges', `edge ${e} ends at unknown node ${JSON.stringify(edge.target)}`);
    const w = edge.weight ?? 1;
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
      throw badInput('graph.edges', `edge ${e} has weight ${String(w)}; weights must be positive and finite`);
    }
    if (s === t) continue;
    const key = directed ? s * n + t : Math.min(s, t) * n + Math.max(s, t);
    const slot = slotOf.get(key);
    if (slot === undefined) {
      slotOf.set(key, src.length);
      src.push(s);
      dst.push(t);
      wts.push(w);
    } else {
      wts[slot] += w;
    }
  }

  const edgeSource = Int32Array.from(src);
  const edgeTarget = Int32Array.from(dst);
  const edgeWeight = Float64Array.from(wts);
  const outAdj = directed
    ? buildCsr(n, edgeSource, edgeTarget, edgeWeight, false)
    : buildCsr(n, edgeSource, edgeTarget, edgeWeight, true);
  const inAdj = directed ? buildCsr(n, edgeTarget, edgeSource, edgeWeight, false) : outAdj;
  return { kind: 'compiled-sna-graph', directed, ids, indexOf, edgeCount: src.length, edgeSource, edgeTarget, edgeWeight, outAdj, inAdj };
}

/**
 * Buckets edges by their first endpoint (and, when `both`, by their second too), keeping edge
 * order inside each bucket: the neighbour order networkx gets when the same edges are added in
 * the same order, which Louvain's tie-breaking depends on.
 */
export function buildCsr(n: number, from: Int32Array, to: Int32Array, weight: Float64Array, both: boolean): Csr {
  const m = from.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[from[e] + 1]++;
    if (both && to[e] !== from[e]) offsets[to[e] + 1]++;
  }
  for (let u = 0; u < n; u++) offsets[u + 1] += offsets[u];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  for (let e = 0; e < m; e++) {
    const a = from[e];
    const b = to[e];
    let p = fill[a]++;
    targets[p] = b;
    weights[p] = weight[e];
    if (both && a !== b) {
      p = fill[b]++;
      targets[p] = a;
      weights[p] = weight[e];
    }
  }
  return { offsets, targets, weights };
}
