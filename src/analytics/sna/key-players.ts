import { badInput } from '../../errors/app-error';

import { fragmentationOf, removalPairSums } from './fragmentation';
import { type CompiledGraph, compiled, type SnaInput } from './sna-graph';

export interface KeyPlayerOptions {
  /** At most this many rounds of swaps after the greedy start; default 10. */
  maxRounds?: number;
  /**
   * How many of the best candidates each greedy step looks one removal ahead for; default 64.
   * 0 turns the look-ahead off (plain greedy).
   */
  lookahead?: number;
}

export interface KeyPlayerResult {
  /** The k nodes, sorted by id. */
  set: string[];
  /** Fragmentation of the whole graph. */
  fragmentationBefore: number;
  /** Fragmentation once the set is removed (over the n - k nodes left). */
  fragmentationAfter: number;
  /** Swap rounds run and swaps made after the greedy start. */
  rounds: number;
  swaps: number;
}

/**
 * Borgatti's (2006) KPP-Neg: k nodes whose removal leaves the network most fragmented (see
 * `fragmentation`). Greedy start: remove, k times, the node whose removal raises fragmentation
 * most. A well-knit graph has no single node whose removal splits it, so plain greedy would pick
 * blindly among equals; each step but the last therefore takes the `lookahead` best candidates
 * (by their own effect, then degree) and prefers the one after which a further removal
 * fragments most. Then swap rounds: for each chosen node in turn, put it back and take out the
 * best node instead, when that is strictly better; stop after a round without a swap or after
 * `maxRounds`. Ties go to the smallest id, so the answer is deterministic. Each evaluation is one
 * O(n + m) depth-first search over all candidates at once: O(k (lookahead + rounds) (n + m)) in
 * all. A heuristic, as in Borgatti's paper: on 360 random graphs of 15 nodes (k = 2 to 4) it
 * found the exhaustive optimum 317 times (plain greedy and swaps: 263); it finds it on barbells
 * and linked stars.
 */
export function keyPlayers(graph: SnaInput, k: number, options: KeyPlayerOptions = {}): KeyPlayerResult {
  const g = compiled(graph);
  const n = g.ids.length;
  if (!Number.isInteger(k) || k < 1 || k > n - 2) throw badInput('k', `must be an integer from 1 to the node count less two (${n - 2})`);
  const maxRounds = options.maxRounds ?? 10;
  if (!Number.isInteger(maxRounds) || maxRounds < 0) throw badInput('maxRounds', 'must be a non-negative integer');
  const lookahead = options.lookahead ?? 64;
  if (!Number.isInteger(lookahead) || lookahead < 0) throw badInput('lookahead', 'must be a non-negative integer');

  const idOrder = idPositions(g);
  const removed = new Uint8Array(n);
  const before = removalPairSums(g, removed).base;
  const set: number[] = [];
  let pairs = before;
  for (let step = 0; step < k; step++) {
    const { after } = removalPairSums(g, removed);
    const best = step < k - 1 && lookahead > 0 ? bestWithLookahead(g, removed, after, idOrder, lookahead) : argMin(after, idOrder);
    removed[best] = 1;
    set.push(best);
    pairs = after[best];
  }

  let rounds = 0;
  let swaps = 0;
  for (let improved = true; improved && rounds < maxRounds; ) {
    improved = false;
    rounds++;
    for (let i = 0; i < k; i++) {
      const current = set[i];
      removed[current] = 0;
      const { after } = removalPairSums(g, removed);
      const best = argMin(after, idOrder);
      if (after[best] < after[current]) {
        set[i] = best;
        pairs = after[best];
        swaps++;
        improved = true;
      }
      removed[set[i]] = 1;
    }
  }

  return {
    set: set.map((u) => g.ids[u]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    fragmentationBefore: fragmentationOf(before, n),
    fragmentationAfter: fragmentationOf(pairs, n - k),
    rounds,
    swaps,
  };
}

/**
 * Among the `width` candidates with the smallest pair sums (then highest degree, then id), the
 * one after whose removal the best further removal leaves the fewest connected pairs.
 */
function bestWithLookahead(g: CompiledGraph, removed: Uint8Array, after: Float64Array, idOrder: Int32Array, width: number): number {
  const degree = (v: number) => g.outAdj.offsets[v + 1] - g.outAdj.offsets[v] + (g.directed ? g.inAdj.offsets[v + 1] - g.inAdj.offsets[v] : 0);
  const candidates: number[] = [];
  for (let v = 0; v < after.length; v++) if (after[v] !== Infinity) candidates.push(v);
  candidates.sort((a, b) => after[a] - after[b] || degree(b) - degree(a) || idOrder[a] - idOrder[b]);
  let best = -1;
  let bestAhead = Infinity;
  for (const v of candidates.slice(0, width)) {
    removed[v] = 1;
    const next = removalPairSums(g, removed).after;
    removed[v] = 0;
    const ahead = next[argMin(next, idOrder)];
    if (ahead < bestAhead || (ahead === bestAhead && (after[v] < after[best] || (after[v] === after[best] && idOrder[v] < idOrder[best])))) {
      best = v;
      bestAhead = ahead;
    }
  }
  return best;
}

/** Position of each node in id order, for deterministic tie-breaking. */
function idPositions(g: CompiledGraph): Int32Array {
  const order = g.ids.map((_, i) => i).sort((a, b) => (g.ids[a] < g.ids[b] ? -1 : g.ids[a] > g.ids[b] ? 1 : 0));
  const position = new Int32Array(g.ids.length);
  order.forEach((u, i) => (position[u] = i));
  return position;
}

function argMin(values: Float64Array, idOrder: Int32Array): number {
  let best = -1;
  for (let v = 0; v < values.length; v++) {
    if (values[v] === Infinity) continue;
    if (best === -1 || values[v] < values[best] || (values[v] === values[best] && idOrder[v] < idOrder[best])) best = v;
  }
  return best;
}
