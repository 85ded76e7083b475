import { badInput } from '../../errors/app-error';

import { membershipModularity } from './modularity';
import { PythonRandom } from './python-random';
import { buildCsr, type CompiledGraph, compiled, type Csr, type SnaInput } from './sna-graph';

export interface LouvainOptions {
  /** gamma in the modularity being optimised; default 1. */
  resolution?: number;
  /** Stop when a level improves modularity by no more than this; default 1e-7 (networkx's). */
  threshold?: number;
  /** Seed for the order in which nodes are visited; default 0. Same seed, same partition. */
  seed?: number;
  /** Use edge weights (networkx's default `weight="weight"`); default true. */
  weighted?: boolean;
}

export interface LouvainResult {
  /** Largest first (ties: by first member id); members sorted by id. */
  communities: string[][];
  /** Index into `communities` for every node id. */
  communityOf: ReadonlyMap<string, number>;
  /** networkx `modularity` of `communities` with the same weights and resolution. */
  modularity: number;
  /** How many levels (rounds of moving nodes then merging communities) ran. */
  levels: number;
}

/**
 * Louvain community detection (Blondel et al. 2008) as networkx `louvain_communities` does it:
 * each level visits the nodes in a seeded random order and moves each to the neighbouring
 * community with the largest modularity gain (directed graphs: the Leicht-Newman gain, as in
 * networkx), until no node moves; then communities become nodes and the next level runs, until a
 * level gains no more than `threshold`. The visiting order is drawn with CPython's generator
 * and the aggregated graphs keep networkx's neighbour order, so with integer (or other exactly
 * summing) weights the partition is the one networkx returns for the same input order and seed.
 * Roughly O(m) per sweep over the nodes; a few sweeps per level and a few levels in practice.
 */
export function louvainCommunities(graph: SnaInput, options: LouvainOptions = {}): LouvainResult {
  const g = compiled(graph);
  const n = g.ids.length;
  const resolution = options.resolution ?? 1;
  const threshold = options.threshold ?? 1e-7;
  const weighted = options.weighted ?? true;
  if (!Number.isFinite(resolution) || resolution < 0) throw badInput('resolution', 'must be a non-negative number');
  if (!Number.isFinite(threshold)) throw badInput('threshold', 'must be a number');
  const rng = new PythonRandom(options.seed ?? 0);

  // Which community (a node of the current level graph) each original node is in.
  let membership = Int32Array.from({ length: n }, (_, i) => i);
  let count = n;
  let levels = 0;
  if (g.edgeCount > 0) {
    let level = firstLevel(g, weighted);
    const m = totalWeight(level);
    let mod = membershipModularity(g, membership, count, resolution, weighted);
    for (;;) {
      const moved = oneLevel(level, m, resolution, rng);
      if (levels > 0 && !moved.improvement) break;
      membership = membership.map((c) => moved.community[c]);
      count = moved.count;
      levels++;
      const newMod = membershipModularity(g, membership, count, resolution, weighted);
      if (newMod - mod <= threshold) break;
      mod = newMod;
      level = aggregate(level, moved.community, moved.count);
    }
  }
  return describe(g, membership, count, resolution, weighted, levels);
}

/** A graph of one Louvain level, with networkx's neighbour order and self-loops kept. */
interface LevelGraph {
  n: number;
  directed: boolean;
  /** Successors (undirected: neighbours, a self-loop listed once). */
  succ: Csr;
  /** Predecessors; the same object as `succ` when undirected. */
  pred: Csr;
}

/**
 * Adds edges one by one as networkx's `add_edge` would: a new pair is appended to both ends'
 * neighbour lists, a known pair only gains weight.
 */
function levelGraphFromEdges(n: number, directed: boolean, edges: (emit: (a: number, b: number, w: number) => void) => void): LevelGraph {
  const slotOf = new Map<number, number>();
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  edges((a, b, w) => {
    const key = directed ? a * n + b : Math.min(a, b) * n + Math.max(a, b);
    const slot = slotOf.get(key);
    if (slot === undefined) {
      slotOf.set(key, from.length);
      from.push(a);
      to.push(b);
      weight.push(w);
    } else {
      weight[slot] = w + weight[slot];
    }
  });
  const f = Int32Array.from(from);
  const t = Int32Array.from(to);
  const w = Float64Array.from(weight);
  const succ = buildCsr(n, f, t, w, !directed);
  return { n, directed, succ, pred: directed ? buildCsr(n, t, f, w, false) : succ };
}

/**
 * networkx's edge iteration order: nodes in order, each node's neighbours in order; undirected,
 * an edge is reported from its earlier endpoint only (a self-loop once).
 */
function forEachEdge(level: { directed: boolean; succ: Csr }, emit: (a: number, b: number, w: number) => void): void {
  const { offsets, targets, weights } = level.succ;
  const n = offsets.length - 1;
  for (let u = 0; u < n; u++) {
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = targets[e];
      if (level.directed || v >= u) emit(u, v, weights[e]);
    }
  }
}

/** networkx copies the input graph edge by edge before the first level. */
function firstLevel(g: CompiledGraph, weighted: boolean): LevelGraph {
  const input = { directed: g.directed, succ: g.outAdj };
  return levelGraphFromEdges(g.ids.length, g.directed, (emit) => forEachEdge(input, (a, b, w) => emit(a, b, weighted ? w : 1)));
}

/** networkx `_gen_graph`: one node per community, edges summed between and inside them. */
function aggregate(level: LevelGraph, community: Int32Array, count: number): LevelGraph {
  return levelGraphFromEdges(count, level.directed, (emit) => forEachEdge(level, (a, b, w) => emit(community[a], community[b], w)));
}

function listSum(adj: Csr, u: number): number {
  let sum = 0;
  for (let e = adj.offsets[u]; e < adj.offsets[u + 1]; e++) sum += adj.weights[e];
  return sum;
}

function selfLoopWeight(adj: Csr, u: number): number {
  for (let e = adj.offsets[u]; e < adj.offsets[u + 1]; e++) if (adj.targets[e] === u) return adj.weights[e];
  return 0;
}

/** networkx `Graph.size(weight)`: the sum of (weighted) degrees, halved. */
function totalWeight(level: LevelGraph): number {
  let s = 0;
  for (let u = 0; u < level.n; u++) s += level.directed ? listSum(level.succ, u) + listSum(level.pred, u) : listSum(level.succ, u) + selfLoopWeight(level.succ, u);
  return s / 2;
}

interface LevelOutcome {
  /** New community of each node of the level graph, numbered 0..count-1 in networkx's order. */
  community: Int32Array;
  count: number;
  improvement: boolean;
}

/** networkx `_one_level`, step for step (the order of floating-point operations included). */
function oneLevel(level: LevelGraph, m: number, resolution: number, rng: PythonRandom): LevelOutcome {
  const { n, directed, succ, pred } = level;
  const node2com = Int32Array.from({ length: n }, (_, i) => i);
  const inDeg = new Float64Array(n);
  const outDeg = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (directed) {
      inDeg[u] = listSum(pred, u);
      outDeg[u] = listSum(succ, u);
    } else {
      outDeg[u] = listSum(succ, u) + selfLoopWeight(succ, u);
    }
  }
  const stotIn = inDeg.slice();
  const stotOut = outDeg.slice(); // undirected: Stot
  const nbrs = neighbourWeights(level);

  const order = Array.from({ length: n }, (_, i) => i);
  rng.shuffle(order);

  const m2 = m * m;
  const comWeight = new Float64Array(n);
  const listed = new Uint8Array(n);
  const comList = new Int32Array(n);
  let improvement = false;
  let moves = 1;
  while (moves > 0) {
    moves = 0;
    for (const u of order) {
      let bestMod = 0;
      let bestCom = node2com[u];
      let listLength = 0;
      for (let e = nbrs.offsets[u]; e < nbrs.offsets[u + 1]; e++) {
        const c = node2com[nbrs.targets[e]];
        if (!listed[c]) {
          listed[c] = 1;
          comList[listLength++] = c;
          comWeight[c] = 0;
        }
        comWeight[c] += nbrs.weights[e];
      }
      // networkx reads weights2com[best_com] from a defaultdict, which lists the node's own
      // community last when no neighbour is in it.
      if (!listed[bestCom]) {
        listed[bestCom] = 1;
        comList[listLength++] = bestCom;
        comWeight[bestCom] = 0;
      }
      if (directed) {
        const inDegree = inDeg[u];
        const outDegree = outDeg[u];
        stotIn[bestCom] -= inDegree;
        stotOut[bestCom] -= outDegree;
        const removeCost = -comWeight[bestCom] / m + (resolution * (outDegree * stotIn[bestCom] + inDegree * stotOut[bestCom])) / m2;
        for (let i = 0; i < listLength; i++) {
          const c = comList[i];
          const gain = removeCost + comWeight[c] / m - (resolution * (outDegree * stotIn[c] + inDegree * stotOut[c])) / m2;
          if (gain > bestMod) {
            bestMod = gain;
            bestCom = c;
          }
        }
        stotIn[bestCom] += inDegree;
        stotOut[bestCom] += outDegree;
      } else {
        const degree = outDeg[u];
        stotOut[bestCom] -= degree;
        const removeCost = -comWeight[bestCom] / m + (resolution * (stotOut[bestCom] * degree)) / (2 * m2);
        for (let i = 0; i < listLength; i++) {
          const c = comList[i];
          const gain = removeCost + comWeight[c] / m - (resolution * (stotOut[c] * degree)) / (2 * m2);
          if (gain > bestMod) {
            bestMod = gain;
            bestCom = c;
          }
        }
        stotOut[bestCom] += degree;
      }
      for (let i = 0; i < listLength; i++) listed[comList[i]] = 0;
      if (bestCom !== node2com[u]) {
        node2com[u] = bestCom;
        improvement = true;
        moves++;
      }
    }
  }

  // Drop empty communities, keeping index order (networkx `filter(len, partition)`).
  const renumber = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) renumber[node2com[u]] = 0;
  let count = 0;
  for (let c = 0; c < n; c++) if (renumber[c] === 0) renumber[c] = count++;
  return { community: node2com.map((c) => renumber[c]), count, improvement };
}

/**
 * Each node's neighbours other than itself with the weight between them, in networkx's order:
 * undirected, the adjacency order; directed, successors then predecessors not already listed,
 * a reciprocated pair carrying both weights.
 */
function neighbourWeights(level: LevelGraph): Csr {
  const { n, directed, succ, pred } = level;
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  const position = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const start = targets.length;
    for (const adj of directed ? [succ, pred] : [succ]) {
      for (let e = adj.offsets[u]; e < adj.offsets[u + 1]; e++) {
        const v = adj.targets[e];
        if (v === u) continue;
        if (position[v] === -1) {
          position[v] = targets.length;
          targets.push(v);
          weights.push(0 + adj.weights[e]);
        } else {
          weights[position[v]] += adj.weights[e];
        }
      }
    }
    for (let i = start; i < targets.length; i++) position[targets[i]] = -1;
    offsets[u + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}

function describe(g: CompiledGraph, membership: Int32Array, count: number, resolution: number, weighted: boolean, levels: number): LouvainResult {
  const groups: string[][] = Array.from({ length: count }, () => []);
  membership.forEach((c, u) => groups[c].push(g.ids[u]));
  for (const group of groups) group.sort(byCodePoint);
  groups.sort((a, b) => b.length - a.length || byCodePoint(a[0], b[0]));
  const communityOf = new Map<string, number>();
  groups.forEach((group, c) => {
    for (const id of group) communityOf.set(id, c);
  });
  return { communities: groups, communityOf, modularity: membershipModularity(g, membership, count, resolution, weighted), levels };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
