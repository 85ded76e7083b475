/**
 * A binary min-heap of (distance, node) pairs on typed arrays, for Dijkstra with lazy deletion:
 * a node may be pushed again with a shorter distance and its stale entries skipped when popped.
 * It grows as needed; clear() keeps the storage for the next source.
 */
export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  private length = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.values = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.length;
  }

  clear(): void {
    this.length = 0;
  }

  push(key: number, value: number): void {
    if (this.length === this.keys.length) this.grow();
    const keys = this.keys;
    const values = this.values;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** The smallest key; call only when size > 0. */
  peekKey(): number {
    return this.keys[0];
  }

  /** Removes the entry with the smallest key and returns its value; call only when size > 0. */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0];
    const last = --this.length;
    const key = keys[last];
    const value = values[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      values[i] = values[child];
      i = child;
    }
    keys[i] = key;
    values[i] = value;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const values = new Int32Array(this.values.length * 2);
    keys.set(this.keys);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
