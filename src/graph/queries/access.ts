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

/** All items of a path (nodes and relationships) visible. */
export function visiblePath(pathVar: string): string {
  return `(all(__n IN nodes(${pathVar}) WHERE ${visible('__n')}) AND all(__r IN relationships(${pathVar}) WHERE ${visible('__r')}))`;
}

export function accessParams(scope: AccessScope): { __handling: string[]; __ukHandling: string[]; __victimData: boolean } {
  return { __handling: scope.handling, __ukHandling: scope.ukHandling, __victimData: scope.victimData };
}
