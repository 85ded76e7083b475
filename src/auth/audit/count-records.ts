/**
 * How many records a response handed out, for the audit trail: the distinct `id` values of the
 * objects in `data` (an entity shown twice counts once). A response that selected no ids counts
 * its objects below the root instead, so a page of names without ids still registers.
 */
export function countRecords(data: unknown): number {
  const ids = new Set<string>();
  let objects = 0;
  const walk = (v: unknown, root: boolean) => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x, false);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (!root) objects++;
    const id = (v as Record<string, unknown>).id;
    if (typeof id === 'string' || typeof id === 'number') ids.add(String(id));
    for (const x of Object.values(v)) walk(x, false);
  };
  walk(data, true);
  return ids.size > 0 ? ids.size : objects;
}
