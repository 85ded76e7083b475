import { eigenvectorCentrality } from '../../../../src/analytics/sna/eigenvector';
import type { SnaGraph } from '../../../../src/analytics/sna/sna-graph';
import { pairs, STAR } from '../../../fixtures/sna/small-graphs';

describe('eigenvectorCentrality', () => {
  it('gives every node of a regular graph the same share, 1/sqrt(n)', () => {
    const cycle: SnaGraph = { nodes: ['a', 'b', 'c', 'd', 'e'], edges: pairs(['ab', 'bc', 'cd', 'de', 'ea']), directed: false };
    for (const e of eigenvectorCentrality(cycle).entries) expect(e.value).toBeCloseTo(1 / Math.sqrt(5), 12);
  });

  it('ranks the hub of a star first', () => {
    const ranking = eigenvectorCentrality(STAR);
    expect(ranking.top(1)[0].id).toBe('h');
    // Leading eigenvector of a star with 4 leaves: hub 1/sqrt(2), leaves 1/(2 sqrt(2)).
    expect(ranking.get('h')!.value).toBeCloseTo(Math.SQRT1_2, 9);
    expect(ranking.get('a')!.value).toBeCloseTo(Math.SQRT1_2 / 2, 9);
  });

  it('says when it has not converged instead of returning unfinished numbers', () => {
    expect(() => eigenvectorCentrality(STAR, { maxIterations: 2 })).toThrow(expect.objectContaining({ code: 'MSHT_NOT_CONVERGED' }));
    expect(() => eigenvectorCentrality({ nodes: [], edges: [], directed: false })).toThrow(/at least one node/);
  });
});
