import { betweennessCentrality } from '../../../../src/analytics/sna/betweenness';
import type { SnaGraph } from '../../../../src/analytics/sna/sna-graph';
import { pairs, PATH } from '../../../fixtures/sna/small-graphs';

describe('betweennessCentrality', () => {
  it('counts the share of shortest paths through each node over (n-1)(n-2)/2 pairs', () => {
    // c sits between {a,b} and {d,e}: 4 of the 6 pairs not involving it; b between a and {c,d,e}.
    const b = betweennessCentrality(PATH).toRecord();
    expect(b.c).toBeCloseTo(4 / 6, 12);
    expect(b.b).toBeCloseTo(3 / 6, 12);
    expect(b.a).toBe(0);
  });

  it('splits credit between equally short paths', () => {
    // A square a-b-c-d-a: a and c are joined through b or d, so b gets half of that pair.
    const square: SnaGraph = { nodes: ['a', 'b', 'c', 'd'], edges: pairs(['ab', 'bc', 'cd', 'da']), directed: false };
    expect(betweennessCentrality(square).get('b')!.value).toBeCloseTo(0.5 / 3, 12);
  });

  it('takes weights as lengths when asked', () => {
    // a-c directly costs 5, through b costs 2: with weights b carries the a-c pair.
    const g: SnaGraph = {
      nodes: ['a', 'b', 'c'],
      edges: [
        { source: 'a', target: 'b', weight: 1 },
        { source: 'b', target: 'c', weight: 1 },
        { source: 'a', target: 'c', weight: 5 },
      ],
      directed: false,
    };
    expect(betweennessCentrality(g).get('b')!.value).toBe(0);
    expect(betweennessCentrality(g, { distance: 'weight' }).get('b')!.value).toBe(1);
  });

  it('is exact when k equals n, and refuses a k networkx could not use', () => {
    expect(betweennessCentrality(PATH, { k: 5, seed: 3 }).entries).toEqual(betweennessCentrality(PATH).entries);
    expect(() => betweennessCentrality(PATH, { k: 1 })).toThrow(/k: must be an integer between 2/);
    expect(() => betweennessCentrality(PATH, { k: 6 })).toThrow(/k: must be/);
  });
});
