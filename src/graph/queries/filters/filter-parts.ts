import { visible } from '../access';
import type { ParamBag } from '../params';

/**
 * Small predicate builders shared by the list filters. Every pattern a filter walks tests the
 * visibility of each relationship and node on the way: a filter must never reveal (by what it
 * keeps or drops) an item the caller may not see.
 */
export function inList(bag: ParamBag, expr: string, values: readonly unknown[] | null | undefined): string | null {
  return values && values.length > 0 ? `${expr} IN ${bag.add([...values])}` : null;
}

/** Case-insensitive substring on a text property and, optionally, a list of aliases. */
export function textContains(bag: ParamBag, v: string, value: string | null | undefined, aliasesKey?: string): string | null {
  const t = value?.trim().toLowerCase();
  if (!t) return null;
  const p = bag.add(t);
  const alias = aliasesKey ? ` OR any(__a IN coalesce(${v}.${aliasesKey}, []) WHERE toLower(__a) CONTAINS ${p})` : '';
  return `(toLower(coalesce(${v}.name, '')) CONTAINS ${p}${alias})`;
}

export function range(bag: ParamBag, expr: string, from: unknown, to: unknown, wrap: (p: string) => string = (p) => p): string[] {
  const out: string[] = [];
  if (from !== null && from !== undefined) out.push(`${expr} >= ${wrap(bag.add(from))}`);
  if (to !== null && to !== undefined) out.push(`${expr} <= ${wrap(bag.add(to))}`);
  return out;
}

/** `EXISTS { MATCH <pattern> WHERE <all listed variables visible> AND <extra> }` */
export function existsVisible(pattern: string, variables: readonly string[], extra: readonly (string | null)[] = []): string {
  const conds = [...variables.map(visible), ...extra.filter((e): e is string => !!e)];
  return `EXISTS { MATCH ${pattern} WHERE ${conds.join(' AND ')} }`;
}

/**
 * The same test as existsVisible, as a join: the pattern goes into the list's MATCH and its
 * conditions (visibility first) among the predicates. Its variables must be unique to it.
 */
export function joinVisible(pattern: string, variables: readonly string[], extra: readonly (string | null)[] = []): { joins: string[]; where: string[] } {
  return { joins: [pattern], where: [...variables.map(visible), ...extra.filter((e): e is string => !!e)] };
}

/** The same test as existsVisible, as a list's seed (list.query.ts): the pattern and its conditions, visibility first. */
export function seedVisible(pattern: string, variables: readonly string[], extra: readonly (string | null)[] = []): { pattern: string; where: string[] } {
  return { pattern, where: joinVisible(pattern, variables, extra).where };
}

export function compact(preds: readonly (string | null | undefined)[]): string[] {
  return preds.filter((p): p is string => !!p);
}

/** Exploitation type codes match a category or an offence type code. */
export function typeMatches(bag: ParamBag, t: string, codes: readonly string[]): string {
  const p = bag.add([...codes]);
  return `(${t}.code IN ${p} OR ${t}.category IN ${p})`;
}
