import type { AccessScope } from '../../auth/access-policy';
import type { RelationshipType } from '../../domain/graph-model';
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

/**
 * A pattern (for `COUNT {}` or `EXISTS {}`) of the links of `n`, of one type or any, outgoing or
 * either way, that the caller is not given: the link or the node at its other end not visible.
 */
export function withheldLinks(n: string, type?: RelationshipType, out = false): string {
  return `MATCH (${n})-[__w${type ? `:${type}` : ''}]-${out ? '>' : ''}(__wo) WHERE NOT (${visible('__w')} AND ${visible('__wo')})`;
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
 *
 * It locks whatever it is given, hidden or not: only for a caller no item is hidden from (an
 * import run's rollback). A statement of a caller some items may be hidden from locks with
 * `lockIfVisible` instead.
 */
export function lockFirst(variable: string, opts: { unlessClearedForAll?: boolean } = {}): string {
  const unless = opts.unlessClearedForAll ? ` AND NOT ${clearedForAll()}` : '';
  return `CALL (${variable}) {
  WITH ${variable} WHERE ${variable} IS NOT NULL${unless}
  SET ${variable}.__lock = true REMOVE ${variable}.__lock
}`;
}

/**
 * `lockFirst` for an item the caller may not be cleared for: tests the item's visibility on a
 * first, unlocked read, and takes the write lock of only an item that passes, so that the caller
 * never waits for, nor holds, the lock of an item hidden from it (its waiting would tell it that
 * someone is writing the hidden item, or that a hidden link is there; its holding would delay
 * their writes). Binds `seen`: true when the item was visible at that first read, and is locked
 * now. The statement then tests `seen AND visible(x)` again, after the lock, on the item as last
 * committed: a raise committed while it waited is seen, and an item not locked is never taken as
 * visible (even if a change committed since the first read made it so). A null item gives `seen`
 * false. `rel`: the item is a relationship.
 *
 * A caller cleared for everything (the CLI, a seed) is spared the first read, and `seen` is true
 * for it: nothing is hidden from it. Its item is locked as `lockFirst` locks it, or, with
 * `unlessClearedForAll` (an item the statement only tests, never changes), not at all.
 *
 * The first read is made through a variable of its own, found again by element id: the planner
 * caches a property it reads twice (`cache[x.handling]`), knowing that only `__lock` is written in
 * between, and a test after the lock would read the value from before the wait. So the item's own
 * variable must not be read before this (its id aside, by which it was found).
 */
export function lockIfVisible(variable: string, seen: string, opts: { rel?: boolean; unlessClearedForAll?: boolean } = {}): string {
  const first = '__first';
  const cleared = clearedForAll();
  const match = opts.rel ? `MATCH ()-[${first}]->()` : `MATCH (${first})`;
  const clearedLock = opts.unlessClearedForAll
    ? ''
    : `CALL (${variable}) {
  WITH ${variable} WHERE ${variable} IS NOT NULL AND ${cleared}
  SET ${variable}.__lock = true REMOVE ${variable}.__lock
}
`;
  // For a caller cleared for everything, the seek is given null: it finds nothing, at no cost.
  return `${clearedLock}CALL (${variable}) {
  ${match} WHERE elementId(${first}) = CASE WHEN ${cleared} THEN null ELSE elementId(${variable}) END AND ${visible(first)}
  SET ${first}.__lock = true REMOVE ${first}.__lock
  RETURN count(*) > 0 OR ${cleared} AS ${seen}
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
