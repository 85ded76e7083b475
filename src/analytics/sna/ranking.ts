/** One node's score and its place in the ranking (1 = highest). */
export interface RankedValue {
  id: string;
  value: number;
  rank: number;
}

/**
 * Scores sorted for quoting: highest first, ties broken by id (code-point order), so the same
 * graph always gives the same list. Values equal to 12 significant digits count as tied: two
 * structurally identical nodes can differ in the last bits of a floating-point sum, and that
 * noise must not decide their order.
 */
export class Ranking {
  readonly entries: readonly RankedValue[];
  private readonly byId: ReadonlyMap<string, RankedValue>;

  constructor(entries: readonly RankedValue[]) {
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.id, e]));
  }

  /** The first `n` entries (all of them when n exceeds the count; none when n < 1). */
  top(n: number): RankedValue[] {
    return this.entries.slice(0, Math.max(0, Math.floor(n)));
  }

  /** The entry for one node, or undefined when the node is not in the graph. */
  get(id: string): RankedValue | undefined {
    return this.byId.get(id);
  }

  /** Value by id, for callers that want a plain lookup table. */
  toRecord(): Record<string, number> {
    const record: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const e of this.entries) record[e.id] = e.value;
    return record;
  }

  get size(): number {
    return this.entries.length;
  }
}

/** Ranks `values[i]` for node `ids[i]`. */
export function rankValues(ids: readonly string[], values: ArrayLike<number>): Ranking {
  const n = ids.length;
  const keys = new Float64Array(n);
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    keys[i] = Number(values[i].toPrecision(12));
    order[i] = i;
  }
  order.sort((a, b) => {
    if (keys[a] !== keys[b]) return keys[b] - keys[a];
    const ia = ids[a];
    const ib = ids[b];
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return new Ranking(order.map((i, position) => ({ id: ids[i], value: values[i], rank: position + 1 })));
}

/** The first `n` entries of a ranking (the same as `ranking.top(n)`). */
export function top(ranking: Ranking, n: number): RankedValue[] {
  return ranking.top(n);
}
