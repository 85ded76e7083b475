import { louvainCommunities } from '../../../../src/analytics/sna/louvain';
import { modularity } from '../../../../src/analytics/sna/modularity';
import type { SnaGraph } from '../../../../src/analytics/sna/sna-graph';
import { KARATE_CLUB } from '../../../fixtures/sna/karate-club';
import { pairs } from '../../../fixtures/sna/small-graphs';

/** Two 4-cliques a-d and w-z joined by d-w: m = 13. */
const CLIQUES: SnaGraph = {
  nodes: ['a', 'b', 'c', 'd', 'w', 'x', 'y', 'z'],
  edges: pairs(['ab', 'ac', 'ad', 'bc', 'bd', 'cd', 'wx', 'wy', 'wz', 'xy', 'xz', 'yz', 'dw']),
  directed: false,
};

describe('louvainCommunities', () => {
  it('separates two cliques joined by one tie and reports their modularity', () => {
    const result = louvainCommunities(CLIQUES);
    expect(result.communities).toEqual([
      ['a', 'b', 'c', 'd'],
      ['w', 'x', 'y', 'z'],
    ]);
    // Each clique: 6 edges inside, degree sum 13.
    expect(result.modularity).toBeCloseTo(2 * (6 / 13 - 1 / 4), 15);
    expect(result.communityOf.get('x')).toBe(1);
    expect(result.levels).toBeGreaterThanOrEqual(1);
  });

  it('gives the same partition for the same seed', () => {
    for (const seed of [0, 5, 99]) expect(louvainCommunities(KARATE_CLUB, { seed })).toEqual(louvainCommunities(KARATE_CLUB, { seed }));
  });

  it('lists communities largest first with members sorted, consistent with its modularity', () => {
    const result = louvainCommunities(KARATE_CLUB, { seed: 1 });
    const sizes = result.communities.map((c) => c.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const c of result.communities) expect(c).toEqual([...c].sort());
    expect(result.communities.flat().sort()).toEqual([...KARATE_CLUB.nodes].sort());
    result.communities.forEach((c, i) => c.forEach((id) => expect(result.communityOf.get(id)).toBe(i)));
    expect(result.modularity).toBeCloseTo(modularity(KARATE_CLUB, result.communities), 15);
  });

  it('finds smaller communities at a higher resolution', () => {
    const coarse = louvainCommunities(KARATE_CLUB, { resolution: 0.5 });
    const fine = louvainCommunities(KARATE_CLUB, { resolution: 2 });
    expect(fine.communities.length).toBeGreaterThan(coarse.communities.length);
  });

  it('leaves every node alone in a graph without edges', () => {
    const result = louvainCommunities({ nodes: ['b', 'a'], edges: [], directed: true });
    expect(result).toEqual({ communities: [['a'], ['b']], communityOf: new Map([['a', 0], ['b', 1]]), modularity: 0, levels: 0 });
  });

  it('refuses a negative resolution', () => {
    expect(() => louvainCommunities(CLIQUES, { resolution: -1 })).toThrow(/resolution/);
  });
});
