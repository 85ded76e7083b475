import { TokenBuckets } from '../../../src/http/token-buckets';

describe('TokenBuckets', () => {
  it('lets a burst through, then one request per refill interval', () => {
    const b = new TokenBuckets(60, 3); // 1 a second, burst 3
    expect([0, 0, 0].map((t) => b.take('a', t).allowed)).toEqual([true, true, true]);
    expect(b.take('a', 0)).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(b.take('a', 400)).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(b.take('a', 1000).allowed).toBe(true);
    expect(b.take('a', 1000).allowed).toBe(false);
  });

  it('keeps one bucket per key', () => {
    const b = new TokenBuckets(60, 1);
    expect(b.take('a', 0).allowed).toBe(true);
    expect(b.take('a', 0).allowed).toBe(false);
    expect(b.take('b', 0).allowed).toBe(true);
  });

  it('refills no higher than the burst', () => {
    const b = new TokenBuckets(600, 2);
    b.take('a', 0);
    expect([1e6, 1e6, 1e6].map((t) => b.take('a', t).allowed)).toEqual([true, true, false]);
  });

  it('forgets full buckets when many keys have been seen, so memory stays bounded', () => {
    const b = new TokenBuckets(60_000, 1, 100);
    for (let i = 0; i < 1000; i++) b.take(`k${i}`, i);
    expect(b.size).toBeLessThanOrEqual(101);
  });
});
