import type { AccessScope } from '../../auth/access-policy';

/**
 * The visibility rule, as Cypher: an item (node or relationship) is visible when its Europol
 * handling code and its UK handling code are both among those the caller is cleared for.
 * Every read builder puts `visible(x)` on every node and relationship variable it returns or
 * passes through, with `accessParams(scope)` among its params. The variable name is ours, never
 * a caller's.
 */
export function visible(variable: string): string {
  return `(${variable}.handling IN $__handling AND ${variable}.ukHandling IN $__ukHandling)`;
}

/** The identifier `v` is held by a victim (its value is then victim data). */
export function victimHeld(v: string): string {
  return `EXISTS { (${v})<-[:HAS_IDENTIFIER]-(:Victim) }`;
}

/**
 * The caller may be shown that `v` holds its value: it has victim-data rights, or no victim holds
 * the identifier. A look-up by value must not confirm that a victim uses it.
 */
export function valueShown(v: string): string {
  return `($__victimData OR NOT ${victimHeld(v)})`;
}

/** All items of a path (nodes and relationships) visible. */
export function visiblePath(pathVar: string): string {
  return `(all(__n IN nodes(${pathVar}) WHERE ${visible('__n')}) AND all(__r IN relationships(${pathVar}) WHERE ${visible('__r')}))`;
}

export function accessParams(scope: AccessScope): { __handling: string[]; __ukHandling: string[]; __victimData: boolean } {
  return { __handling: scope.handling, __ukHandling: scope.ukHandling, __victimData: scope.victimData };
}
