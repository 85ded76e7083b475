import { HANDLING_CODES } from './provenance';

/** A stored property with its Neo4j type as `valueType()` prints it, so it can be written back exactly. */
export interface TypedProp {
  k: string;
  t: string;
  v: unknown;
}

/**
 * What the kept record looks like after a merge (pure): its own values win; values only the
 * merged record had are added (never its bookkeeping, keys starting `__`); aliases are united (the merged record's name becomes an alias);
 * handling becomes the more restrictive of the two, and consent holds only if both had it.
 */
export function mergedProps(kept: TypedProp[], merged: TypedProp[]): TypedProp[] {
  const out = new Map(kept.map((p) => [p.k, { ...p }]));
  const get = (list: TypedProp[], k: string) => list.find((p) => p.k === k)?.v;
  for (const p of merged) {
    // The service's own bookkeeping stays with its record: the merged record's mark of the import
    // run that created it (`__importRun`) would have that run's rollback delete the kept record.
    if (p.k === 'id' || p.k === 'mergeRecord' || p.k.startsWith('__')) continue;
    if (!out.has(p.k)) out.set(p.k, { ...p });
  }
  const keptName = get(kept, 'name');
  const mergedName = get(merged, 'name');
  const aliases = new Set<string>([...((get(kept, 'aliases') as string[] | undefined) ?? []), ...((get(merged, 'aliases') as string[] | undefined) ?? [])]);
  if (typeof mergedName === 'string' && mergedName !== keptName) aliases.add(mergedName);
  if (typeof keptName === 'string') aliases.delete(keptName);
  if (aliases.size > 0) out.set('aliases', { k: 'aliases', t: 'LIST<STRING NOT NULL> NOT NULL', v: [...aliases].sort() });
  const h1 = HANDLING_CODES.indexOf(get(kept, 'handling') as never);
  const h2 = HANDLING_CODES.indexOf(get(merged, 'handling') as never);
  out.set('handling', { k: 'handling', t: 'STRING NOT NULL', v: HANDLING_CODES[Math.max(h1, h2, 0)] });
  out.set('ukHandling', { k: 'ukHandling', t: 'STRING NOT NULL', v: get(kept, 'ukHandling') === 'C' || get(merged, 'ukHandling') === 'C' ? 'C' : 'P' });
  out.set('consent', { k: 'consent', t: 'BOOLEAN NOT NULL', v: get(kept, 'consent') === true && get(merged, 'consent') === true });
  return [...out.values()];
}

/** What an undo does to the kept record: its properties, and whether it was edited since the merge. */
export interface UndoneRecord {
  props: TypedProp[];
  editedSince: boolean;
}

/** The access fields of a record: an undo never lowers them on a record edited since the merge. */
const ACCESS_KEYS = new Set(['handling', 'ukHandling', 'consent']);

/**
 * What the kept record looks like after its merge is undone (pure). `before` is the kept record
 * as it was before the merge, `merged` the merged record, `current` the kept record now.
 * - Not edited since the merge: it is as it was before.
 * - Edited since (any value differs from what the merge left, provenance included): each value
 *   the merge changed and nobody changed since goes back; a value edited since stays; the aliases
 *   the merge added go, others stay; and handling, UK handling and consent stay as they are, since
 *   the edit may carry what the merged record brought (its values, its role), or come from a
 *   report of the merged record's handling.
 */
export function undoneProps(before: TypedProp[], merged: TypedProp[], current: TypedProp[]): UndoneRecord {
  const after = mergedProps(before, merged);
  const index = (list: TypedProp[]) => new Map(list.map((p) => [p.k, p]));
  const was = index(before);
  const set = index(after);
  const now = index(current);
  const same = (a: TypedProp | undefined, b: TypedProp | undefined) => JSON.stringify(a && [a.t, a.v]) === JSON.stringify(b && [b.t, b.v]);
  const editedSince = [...new Set([...set.keys(), ...now.keys()])].some((k) => !same(now.get(k), set.get(k)));
  if (!editedSince) return { props: before, editedSince };
  const out = new Map(now);
  for (const k of new Set([...was.keys(), ...set.keys()])) {
    if (k === 'aliases' || ACCESS_KEYS.has(k)) continue;
    if (same(was.get(k), set.get(k))) continue; // the merge did not change it
    if (!same(now.get(k), set.get(k))) continue; // edited since the merge: the edit stays
    const old = was.get(k);
    if (old) out.set(k, old);
    else out.delete(k);
  }
  const aliases = (m: Map<string, TypedProp>) => (m.get('aliases')?.v as string[] | undefined) ?? [];
  const added = new Set(aliases(set).filter((a) => !aliases(was).includes(a)));
  const kept = aliases(now).filter((a) => !added.has(a));
  if (kept.length > 0) out.set('aliases', { ...(now.get('aliases') ?? set.get('aliases'))!, v: kept });
  else out.delete('aliases');
  return { props: [...out.values()], editedSince };
}
