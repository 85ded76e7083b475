import { Prng } from '../../../../src/ingestion/seed/prng';
import { WeightedTable } from '../../../../src/ingestion/seed/weighted-table';

describe('WeightedTable', () => {
  it('draws items in proportion to their weights and never a zero weight', () => {
    const t = new WeightedTable([
      ['a', 1],
      ['b', 3],
      ['z', 0],
      ['c', 6],
    ] as const);
    expect(t.shares()).toEqual(new Map([
      ['a', 0.1],
      ['b', 0.3],
      ['c', 0.6],
    ]));
    const p = new Prng(3);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) {
      const x = t.draw(p);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    expect(counts.z).toBeUndefined();
    expect(counts.a! / 50_000).toBeCloseTo(0.1, 2);
    expect(counts.b! / 50_000).toBeCloseTo(0.3, 2);
    expect(counts.c! / 50_000).toBeCloseTo(0.6, 2);
  });

  it('refuses negative weights and a table with nothing to draw', () => {
    expect(() => new WeightedTable([['a', -1]])).toThrow(/weight/);
    expect(() => new WeightedTable([['a', 0]])).toThrow(/positive/);
  });
});
