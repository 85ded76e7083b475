/** Keys of paging and naming, not of a record: an object holding only these is not one. */
const STRUCTURE = new Set(['__typename', 'cursor', 'startCursor', 'endCursor', 'hasNextPage', 'hasPreviousPage', 'totalCount']);

/**
 * How many records a response handed out, for the audit trail: the distinct `id` values of the
 * objects in `data` (an entity shown twice counts once), plus each object without an id that is
 * not part of one that has it: a person's name without its id, a link between two ids, a point
 * of a series. Such an object counts when it holds a value of its own (paging does not count) and
 * has no id inside it (a page's wrapper is not a record). Before 2026-11-30 the objects counted
 * only when no id at all was selected, so one id beside a page of names counted as one record.
 */
export function countRecords(data: unknown): number {
  const ids = new Set<string>();
  let idless = 0;
  /** Walks `v`; true when an id is in it. `within`: inside an object that has an id. */
  const walk = (v: unknown, root: boolean, within: boolean): boolean => {
    if (Array.isArray(v)) {
      let found = false;
      for (const x of v) found = walk(x, false, within) || found;
      return found;
    }
    if (v === null || typeof v !== 'object') return false;
    const o = v as Record<string, unknown>;
    const id = o.id;
    const hasId = typeof id === 'string' || typeof id === 'number';
    if (hasId) ids.add(String(id));
    let below = false;
    for (const x of Object.values(o)) below = walk(x, false, within || hasId) || below;
    if (!root && !hasId && !below && !within && Object.entries(o).some(([k, x]) => !STRUCTURE.has(k) && x !== null && typeof x !== 'object')) idless++;
    return hasId || below;
  };
  walk(data, true, false);
  return ids.size + idless;
}
