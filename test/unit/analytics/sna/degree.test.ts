import { degreeCentrality, inDegreeCentrality, outDegreeCentrality } from '../../../../src/analytics/sna/degree';
import { CHAIN, PATH, STAR } from '../../../fixtures/sna/small-graphs';

describe('degreeCentrality', () => {
  it('divides the number of neighbours by n - 1', () => {
    expect(degreeCentrality(STAR).toRecord()).toEqual({ h: 1, a: 0.25, b: 0.25, c: 0.25, d: 0.25 });
  });

  it('gives 1 to the single node of a one-node graph, as networkx does', () => {
    expect(degreeCentrality({ nodes: ['x'], edges: [], directed: false }).toRecord()).toEqual({ x: 1 });
  });

  it('splits in and out for directed graphs and refuses them for undirected ones', () => {
    expect(inDegreeCentrality(CHAIN).toRecord()).toEqual({ a: 0, b: 1 / 3, c: 1 / 3, z: 0 });
    expect(outDegreeCentrality(CHAIN).toRecord()).toEqual({ a: 1 / 3, b: 1 / 3, c: 0, z: 0 });
    expect(degreeCentrality(CHAIN).toRecord()).toEqual({ a: 1 / 3, b: 2 / 3, c: 1 / 3, z: 0 });
    expect(() => inDegreeCentrality(PATH)).toThrow(/directed graph/);
    expect(() => outDegreeCentrality(PATH)).toThrow(/directed graph/);
  });
});
