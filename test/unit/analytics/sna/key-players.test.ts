import { fragmentation, fragmentationByRemoval } from '../../../../src/analytics/sna/fragmentation';
import { keyPlayers } from '../../../../src/analytics/sna/key-players';
import { PythonRandom } from '../../../../src/analytics/sna/python-random';
import { compileGraph, type SnaEdge, type SnaGraph } from '../../../../src/analytics/sna/sna-graph';

function clique(ids: string[]): SnaEdge[] {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ source: a, target: b })));
}

/** Two 5-cliques joined through a middle node m: a5 - m - b1. */
const A = ['a1', 'a2', 'a3', 'a4', 'a5'];
const B = ['b1', 'b2', 'b3', 'b4', 'b5'];
const BARBELL: SnaGraph = {
  nodes: [...A, 'm', ...B],
  edges: [...clique(A), ...clique(B), { source: 'a5', target: 'm' }, { source: 'm', target: 'b1' }],
  directed: false,
};

/** Three stars of four leaves whose centres form a path c1 - c2 - c3. */
const centres = ['c1', 'c2', 'c3'];
const STARS: SnaGraph = {
  nodes: centres.flatMap((c) => [c, ...[1, 2, 3, 4].map((i) => `${c}-leaf${i}`)]),
  edges: [
    ...centres.flatMap((c) => [1, 2, 3, 4].map((i) => ({ source: c, target: `${c}-leaf${i}` }))),
    { source: 'c1', target: 'c2' },
    { source: 'c2', target: 'c3' },
  ],
  directed: false,
};

function randomGraph(seed: number, n: number, p: number, directed: boolean): SnaGraph {
  const rng = new PythonRandom(seed);
  const nodes = Array.from({ length: n }, (_, i) => `r${String(i).padStart(2, '0')}`);
  const edges: SnaEdge[] = [];
  for (let a = 0; a < n; a++) for (let b = directed ? 0 : a + 1; b < n; b++) if (a !== b && rng.random() < p) edges.push({ source: nodes[a], target: nodes[b] });
  return { nodes, edges, directed };
}

function* subsets<T>(items: T[], k: number, start = 0, chosen: T[] = []): Generator<T[]> {
  if (chosen.length === k) {
    yield chosen.slice();
    return;
  }
  for (let i = start; i < items.length; i++) {
    chosen.push(items[i]);
    yield* subsets(items, k, i + 1, chosen);
    chosen.pop();
  }
}

describe('fragmentation', () => {
  it('is the share of remaining pairs that cannot reach each other', () => {
    expect(fragmentation(BARBELL)).toBe(0);
    // Without m: two 5-cliques, 2 * 5 * 4 connected ordered pairs of 10 * 9.
    expect(fragmentation(BARBELL, ['m'])).toBeCloseTo(1 - 40 / 90, 15);
    expect(fragmentation({ nodes: ['a', 'b', 'c'], edges: [], directed: false })).toBe(1);
  });

  it('refuses unknown nodes and fewer than two remaining nodes', () => {
    expect(() => fragmentation(BARBELL, ['nobody'])).toThrow(/unknown node "nobody"/);
    expect(() => fragmentation({ nodes: ['a', 'b'], edges: [], directed: false }, ['a'])).toThrow(/two remaining nodes/);
  });
});

describe('fragmentationByRemoval', () => {
  it('matches removing each node and counting components again, directed or not', () => {
    for (const [seed, directed] of [
      [1, false],
      [2, false],
      [3, true],
      [4, true],
    ] as const) {
      const graph = randomGraph(seed, 25, directed ? 0.06 : 0.1, directed);
      const ranking = fragmentationByRemoval(compileGraph(graph));
      for (const id of graph.nodes) expect(ranking.get(id)!.value).toBeCloseTo(fragmentation(graph, [id]), 12);
    }
  });

  it('ranks the cut vertex of a barbell first', () => {
    expect(fragmentationByRemoval(BARBELL).top(1)[0].id).toBe('m');
  });
});

describe('keyPlayers', () => {
  it('takes the middle of a barbell', () => {
    const result = keyPlayers(BARBELL, 1);
    expect(result.set).toEqual(['m']);
    expect(result.fragmentationBefore).toBe(0);
    expect(result.fragmentationAfter).toBeCloseTo(1 - 40 / 90, 15);
  });

  it('takes the centre of the middle star first, and all three centres for k = 3', () => {
    expect(keyPlayers(STARS, 1).set).toEqual(['c2']);
    expect(keyPlayers(STARS, 1).fragmentationAfter).toBeCloseTo(1 - 40 / (14 * 13), 15);
    const three = keyPlayers(STARS, 3);
    expect(three.set).toEqual(['c1', 'c2', 'c3']);
    expect(three.fragmentationAfter).toBe(1);
  });

  it('reaches the exhaustive optimum on these small random graphs (a heuristic: not on every graph)', () => {
    for (const seed of [11, 12, 13, 14, 15]) {
      const graph = randomGraph(seed, 14, 0.2, false);
      for (const k of [2, 3]) {
        let best = -1;
        for (const set of subsets(graph.nodes.slice(), k)) best = Math.max(best, fragmentation(graph, set));
        const result = keyPlayers(graph, k);
        expect(result.fragmentationAfter).toBeCloseTo(best, 12);
        expect(fragmentation(graph, result.set)).toBeCloseTo(result.fragmentationAfter, 15);
      }
    }
  });

  it('is deterministic and bounded', () => {
    const graph = randomGraph(21, 40, 0.08, true);
    expect(keyPlayers(graph, 4)).toEqual(keyPlayers(graph, 4));
    expect(keyPlayers(graph, 4, { maxRounds: 1 }).rounds).toBeLessThanOrEqual(1);
  });

  it('refuses a k that leaves fewer than two nodes', () => {
    expect(() => keyPlayers(BARBELL, 0)).toThrow(/k: must be an integer from 1/);
    expect(() => keyPlayers(BARBELL, 10)).toThrow(/k: must be/);
  });
});
