import { HANDLING_CODES } from './provenance';

/** A stored property with its Neo4j type as `valueType()` prints it, so it can be written back exactly. */
export interface TypedProp {
  k: string;
  t: string;
  v: unknown;
}

/**
 * What the kept record looks like after a merge (pure): its own values win; values only the
 * merged record had are added; aliases are united (the merged record's name becomes an alias);
 * handling becomes the more restrictive of the two, and consent holds only if both had it.
 */
export function mergedProps(kept: TypedProp[], merged: TypedProp[]): TypedProp[] {
  const out = new Map(kept.map((p) => [p.k, { ...p }]));
  const get = (list: TypedProp[], k: string) => list.find((p) => p.k === k)?.v;
  for (const p of merged) {
    if (p.k === 'id' || p.k === 'mergeRecord') continue;
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

/**
 * What the kept record looks like after its merge is undone (pure). `before` is the kept record
 * as it was before the merge, `current` as it is now. Each value the merge changed (added,
 * united or raised) goes back to what it was before, unless it was edited again since the merge:
 * an edit made after the merge is kept, as is every value the merge did not touch.
 */
export function undoneProps(before: TypedProp[], merged: TypedProp[], current: TypedProp[]): TypedProp[] {
  const after = mergedProps(before, merged);
  const index = (list: TypedProp[]) => new Map(list.map((p) => [p.k, p]));
  const was = index(before);
  const set = index(after);
  const out = index(current);
  const same = (a: TypedProp | undefined, b: TypedProp | undefined) => JSON.stringify(a && [a.t, a.v]) === JSON.stringify(b && [b.t, b.v]);
  for (const k of new Set([...was.keys(), ...set.keys()])) {
    if (same(was.get(k), set.get(k))) continue; // the merge did not change it
    if (!same(out.get(k), set.get(k))) continue; // edited since the merge: the edit stays
    const old = was.get(k);
    if (old) out.set(k, old);
    else out.delete(k);
  }
  return [...out.values()];
}
