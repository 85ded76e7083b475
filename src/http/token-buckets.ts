/**
 * Token buckets, one per key, in memory: each holds up to `burst` tokens and refills at
 * `perMinute / 60` tokens a second; a request takes one. Pure apart from the clock it is handed.
 * Full buckets are forgotten when the map grows (a full bucket is the same as none), so memory
 * stays bounded by the keys active in the last `burst / rate` seconds.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly maxKeys = 10_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token for `key` at time `now` (ms); when none is left, says how long to wait. */
  take(key: string, now: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const b = this.level(key, now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.buckets.set(key, b);
      if (this.buckets.size > this.maxKeys) this.sweep(now);
      return { allowed: true };
    }
    this.buckets.set(key, b);
    return { allowed: false, retryAfterMs: Math.ceil((1 - b.tokens) / this.perMs) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private level(key: string, now: number): { tokens: number; at: number } {
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.burst, at: now };
    return { tokens: Math.min(this.burst, b.tokens + Math.max(0, now - b.at) * this.perMs), at: now };
  }

  private sweep(now: number): void {
    for (const [key] of this.buckets) {
      if (this.level(key, now).tokens >= this.burst) this.buckets.delete(key);
    }
  }
}
