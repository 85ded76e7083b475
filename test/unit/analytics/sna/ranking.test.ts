import { rankValues, top } from '../../../../src/analytics/sna/ranking';

describe('rankValues', () => {
  it('ranks highest first and breaks ties by id', () => {
    const ranking = rankValues(['d', 'b', 'a', 'c'], [0.5, 0.9, 0.5, 0.1]);
    expect(ranking.entries).toEqual([
      { id: 'b', value: 0.9, rank: 1 },
      { id: 'a', value: 0.5, rank: 2 },
      { id: 'd', value: 0.5, rank: 3 },
      { id: 'c', value: 0.1, rank: 4 },
    ]);
  });

  it('treats values equal to 12 significant digits as tied, so rounding noise cannot reorder them', () => {
    const ranking = rankValues(['z', 'y'], [0.1 + 0.2, 0.3]);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(ranking.entries.map((e) => e.id)).toEqual(['y', 'z']);
    expect(ranking.get('z')!.value).toBe(0.1 + 0.2);
  });

  it('gives the top n, a lookup by id and a plain record', () => {
    const ranking = rankValues(['a', 'b', 'c'], [3, 1, 2]);
    expect(ranking.top(2).map((e) => e.id)).toEqual(['a', 'c']);
    expect(top(ranking, 2)).toEqual(ranking.top(2));
    expect(ranking.top(10)).toHaveLength(3);
    expect(ranking.top(-1)).toEqual([]);
    expect(ranking.get('c')).toEqual({ id: 'c', value: 2, rank: 2 });
    expect(ranking.get('nobody')).toBeUndefined();
    expect(ranking.toRecord()).toEqual({ a: 3, b: 1, c: 2 });
    expect(ranking.size).toBe(3);
  });
});
