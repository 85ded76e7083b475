import { modularity } from '../../../../src/analytics/sna/modularity';
import type { SnaGraph } from '../../../../src/analytics/sna/sna-graph';
import { pairs } from '../../../fixtures/sna/small-graphs';

/** Two triangles a-b-c and d-e-f joined by c-d: m = 7. */
const TRIANGLES: SnaGraph = { nodes: ['a', 'b', 'c', 'd', 'e', 'f'], edges: pairs(['ab', 'bc', 'ca', 'cd', 'de', 'ef', 'fd']), directed: false };

describe('modularity', () => {
  it('gives sum of (L_c / m - (d_c / 2m)^2) for an undirected graph', () => {
    // Each triangle: 3 edges inside, degree sum 7.
    expect(
      modularity(TRIANGLES, [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ]),
    ).toBeCloseTo(2 * (3 / 7 - (7 / 14) ** 2), 15);
    expect(modularity(TRIANGLES, [TRIANGLES.nodes])).toBeCloseTo(0, 15);
  });

  it('uses out- and in-strength for a directed graph (Leicht and Newman)', () => {
    const g: SnaGraph = { nodes: ['a', 'b', 'c', 'd'], edges: pairs(['ab', 'ba', 'cd']), directed: true };
    // m = 3; {a,b}: 2 inside, out 2, in 2; {c,d}: 1 inside, out 1, in 1.
    expect(
      modularity(g, [
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBeCloseTo(2 / 3 - 4 / 9 + 1 / 3 - 1 / 9, 15);
  });

  it('weighs ties unless told not to, and scales the null model by the resolution', () => {
    const g: SnaGraph = {
      nodes: ['a', 'b', 'c'],
      edges: [
        { source: 'a', target: 'b', weight: 3 },
        { source: 'b', target: 'c', weight: 1 },
      ],
      directed: false,
    };
    const split = [['a', 'b'], ['c']];
    // Weighted: m = 4, {a,b} has 3 inside and degree 7, {c} degree 1.
    expect(modularity(g, split)).toBeCloseTo(3 / 4 - 49 / 64 - 1 / 64, 15);
    expect(modularity(g, split, { weighted: false })).toBeCloseTo(1 / 2 - 9 / 16 - 1 / 16, 15);
    expect(modularity(g, split, { resolution: 0.5 })).toBeCloseTo(3 / 4 - 0.5 * (50 / 64), 15);
  });

  it('gives 0 for a graph without edges', () => {
    expect(modularity({ nodes: ['a', 'b'], edges: [], directed: false }, [['a'], ['b']])).toBe(0);
  });

  it('refuses anything but a partition of the nodes', () => {
    expect(() => modularity(TRIANGLES, [['a', 'b', 'c'], ['c', 'd', 'e', 'f']])).toThrow(/"c" is in more than one community/);
    expect(() => modularity(TRIANGLES, [['a', 'b', 'c']])).toThrow(/"d" is in no community/);
    expect(() => modularity(TRIANGLES, [[...TRIANGLES.nodes, 'x']])).toThrow(/unknown node "x"/);
  });
});
