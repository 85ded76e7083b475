import { closenessCentrality } from '../../../../src/analytics/sna/closeness';
import type { SnaGraph } from '../../../../src/analytics/sna/sna-graph';
import { CHAIN } from '../../../fixtures/sna/small-graphs';

describe('closenessCentrality', () => {
  it('uses distance to the node in a directed graph and scales by the share of nodes reached', () => {
    const c = closenessCentrality(CHAIN).toRecord();
    // c is reached from b (1) and a (2): (2/3) * (2/3); b from a only: (1/1) * (1/3); a from none.
    expect(c.c).toBeCloseTo((2 / 3) * (2 / 3), 12);
    expect(c.b).toBeCloseTo(1 / 3, 12);
    expect(c.a).toBe(0);
    expect(c.z).toBe(0);
  });

  it('sums weights as lengths when asked', () => {
    const g: SnaGraph = { nodes: ['a', 'b'], edges: [{ source: 'a', target: 'b', weight: 4 }], directed: false };
    expect(closenessCentrality(g, { distance: 'weight' }).get('a')!.value).toBe(0.25);
    expect(closenessCentrality(g).get('a')!.value).toBe(1);
  });

  it('gives the same totals whatever batch of the parallel search a node falls in', () => {
    // A path of 300 nodes spans three batches of 128 sources: node i has total distance
    // i(i+1)/2 + (299-i)(300-i)/2 to the others.
    const ids = Array.from({ length: 300 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const path: SnaGraph = { nodes: ids, edges: ids.slice(1).map((id, i) => ({ source: ids[i], target: id })), directed: false };
    const c = closenessCentrality(path);
    ids.forEach((id, i) => expect(c.get(id)!.value).toBeCloseTo(299 / ((i * (i + 1)) / 2 + ((299 - i) * (300 - i)) / 2), 12));
  });
});
