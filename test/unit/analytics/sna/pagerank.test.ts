import { pagerank } from '../../../../src/analytics/sna/pagerank';
import type { SnaGraph } from '../../../../src/analytics/sna/sna-graph';
import { CHAIN } from '../../../fixtures/sna/small-graphs';

describe('pagerank', () => {
  it('sums to 1 and spreads a dangling node evenly', () => {
    const ranking = pagerank(CHAIN);
    const sum = ranking.entries.reduce((s, e) => s + e.value, 0);
    expect(sum).toBeCloseTo(1, 12);
    // z has no edges: it only gets the random jump and the dangling share, like a.
    expect(ranking.get('z')!.value).toBeCloseTo(ranking.get('a')!.value, 12);
    expect(ranking.top(1)[0].id).toBe('c');
  });

  it('follows heavier ties more often unless told to ignore weights', () => {
    const g: SnaGraph = {
      nodes: ['s', 'x', 'y'],
      edges: [
        { source: 's', target: 'x', weight: 3 },
        { source: 's', target: 'y', weight: 1 },
      ],
      directed: true,
    };
    expect(pagerank(g).get('x')!.value).toBeGreaterThan(pagerank(g).get('y')!.value);
    expect(pagerank(g, { weighted: false }).get('x')!.value).toBeCloseTo(pagerank(g, { weighted: false }).get('y')!.value, 12);
  });

  it('checks alpha and reports non-convergence', () => {
    expect(() => pagerank(CHAIN, { alpha: 1 })).toThrow(/alpha/);
    expect(() => pagerank(CHAIN, { maxIterations: 1 })).toThrow(expect.objectContaining({ code: 'MSHT_NOT_CONVERGED' }));
    expect(pagerank({ nodes: [], edges: [], directed: true }).size).toBe(0);
  });
});
