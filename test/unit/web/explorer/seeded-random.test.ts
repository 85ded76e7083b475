import { mulberry32, seedOf, withRandom } from '../../../../web/explorer/seeded-random';

describe('the link chart’s seeded random numbers', () => {
  it('seeds from the ids alone, whatever their order', () => {
    expect(seedOf(['per-1', 'grp-2', 'rel-3'])).toBe(seedOf(['rel-3', 'per-1', 'grp-2']));
    expect(seedOf(['per-1', 'grp-2'])).not.toBe(seedOf(['per-1', 'grp-3']));
    expect(seedOf(['ab', 'c'])).not.toBe(seedOf(['a', 'bc']));
  });

  it('draws the same numbers in [0, 1) from the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const drawn = Array.from({ length: 1000 }, () => a());
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(drawn).size).toBe(1000);
    expect(mulberry32(43)()).not.toBe(drawn[0]);
  });

  it('swaps Math.random only while the layout runs, even when it throws', () => {
    const original = Math.random;
    expect(withRandom(() => 0.25, () => [Math.random(), Math.random()])).toEqual([0.25, 0.25]);
    expect(Math.random).toBe(original);
    expect(() =>
      withRandom(
        () => 0.5,
        () => {
          throw new Error('layout failed');
        },
      ),
    ).toThrow('layout failed');
    expect(Math.random).toBe(original);
  });
});
