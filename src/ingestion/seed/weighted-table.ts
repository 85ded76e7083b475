import type { Prng } from './prng';

/**
 * Draws items in proportion to their weights (cumulative sums and a binary search: O(log n) per
 * draw). The weights need not sum to 1; zero weights are never drawn.
 */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [item, weight] of entries) {
      if (!(weight >= 0) || !Number.isFinite(weight)) throw new Error(`Invariant failed: a weight is a finite number >= 0, got ${weight}`);
      if (weight === 0) continue;
      sum += weight;
      this.items.push(item);
      this.cumulative.push(sum);
    }
    if (sum === 0) throw new Error('Invariant failed: a weighted table needs a positive weight');
    this.total = sum;
  }

  draw(rng: Prng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }

  /** Each item's share of the total weight. */
  shares(): Map<T, number> {
    const out = new Map<T, number>();
    let prev = 0;
    this.items.forEach((item, i) => {
      out.set(item, (out.get(item) ?? 0) + (this.cumulative[i]! - prev) / this.total);
      prev = this.cumulative[i]!;
    });
    return out;
  }
}
