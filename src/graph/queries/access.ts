import type { AccessScope } from '../../auth/access-policy';
import { HANDLING_CODES, UK_HANDLING } from '../../domain/provenance';

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

/**
 * Takes the write lock of an existing node or relationship (a property set and taken away again:
 * nothing of it stays), so that what the statement reads of it next is as last committed, and
 * stays so until the transaction ends. Under read-committed, a test read before the statement
 * waits for an item's lock would miss a change committed meanwhile (another writer raising the
 * item to H3), and the write would land on an item hidden by then: a statement that tests an item
 * it may then write (or link) locks it first. A null item (from an OPTIONAL MATCH) is left alone.
 */
export function lockFirst(variable: string, opts: { unlessClearedForAll?: boolean } = {}): string {
  const unless = opts.unlessClearedForAll ? ` AND NOT ${clearedForAll()}` : '';
  return `CALL (${variable}) {
  WITH ${variable} WHERE ${variable} IS NOT NULL${unless}
  SET ${variable}.__lock = true REMOVE ${variable}.__lock
}`;
}

/**
 * The caller is cleared for every handling code and UK handling code: no item is hidden from it
 * (the CLI, a seed), so a visibility test of its cannot change while it waits.
 */
export function clearedForAll(): string {
  return `(size($__handling) = ${HANDLING_CODES.length} AND size($__ukHandling) = ${UK_HANDLING.length})`;
}

/** All items of a path (nodes and relationships) visible. */
export function visiblePath(pathVar: string): string {
  return `(all(__n IN nodes(${pathVar}) WHERE ${visible('__n')}) AND all(__r IN relationships(${pathVar}) WHERE ${visible('__r')}))`;
}

export function accessParams(scope: AccessScope): { __handling: string[]; __ukHandling: string[]; __victimData: boolean } {
  return { __handling: scope.handling, __ukHandling: scope.ukHandling, __victimData: scope.victimData };
}
