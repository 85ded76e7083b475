import { STORED_KEYS } from '../../domain/entity-props';
import type { RelationshipType } from '../../domain/graph-model';
import { isOrdered, ORDERED_TYPES } from '../../domain/rel-keys';
import { victimHeld, visible } from './access';

/**
 * How a node leaves the database: one projection for every reader, so the victim rule cannot be
 * forgotten. A Victim's name, aliases, date and year of birth, and the value of any identifier a
 * Victim holds (with what is derived from it), come back null to callers without victim-data rights (`$__victimData`), flagged
 * `__redacted`, so the API can show a pseudonym instead. The values never leave Neo4j.
 *
 * `keys` names the properties the caller asked for (the GraphQL selection, graphql/projection-keys.ts);
 * without it every property leaves. The id and the labels always do. Naming keys changes how much
 * leaves, never the rule: a protected key asked for still comes back null without the right.
 */
export const VICTIM_PROTECTED_KEYS = ['name', 'aliases', 'dateOfBirth', 'birthYear'] as const;
/** The value, and what is derived from it: a phone's country (its dialling code), a handle's platform (its prefix). */
export const IDENTIFIER_PROTECTED_KEYS = ['value', 'display', 'countryCode', 'platform'] as const;

/** Property keys to project, or null for all of them. */
export type ProjectionKeys = readonly string[] | null | undefined;

function checked(keys: readonly string[]): string[] {
  const out = [...new Set(keys)].sort();
  for (const k of out) if (!STORED_KEYS.has(k)) throw new Error(`Invariant failed: ${JSON.stringify(k)} is not a stored property key`);
  return out;
}

/**
 * DATETIME properties leave as epoch milliseconds (`provenanceOf` makes the Date). The driver
 * decodes a DATETIME with calendar arithmetic on 64-bit Integers, which was a sixth of the
 * service's CPU on a neighbourhood (every node and link carries `recordedAt`); a number costs it
 * nothing. Later entries of a map projection replace earlier ones, so this follows `.*`.
 */
const EPOCH_MILLIS_KEYS = ['recordedAt'] as const;
const EPOCH_MILLIS = new Set<string>(EPOCH_MILLIS_KEYS);

/** The selector of one stored key of `v`: `.k`, or the epoch milliseconds of a DATETIME. */
const prop = (v: string, k: string) => (EPOCH_MILLIS.has(k) ? `${k}: ${v}.${k}.epochMillis` : `.${k}`);
/** Every stored key of `v`: `.*`, then the DATETIME keys that replace it. */
const everyProp = (v: string) => ['.*', ...EPOCH_MILLIS_KEYS.map((k) => prop(v, k))];

/** `{.a, .b, x: null}` (or `{.*, x: null}`) for the keys of `v`, with `nulled` set to null where asked for. */
function selectors(v: string, keys: ProjectionKeys, nulled: readonly string[] = []): string {
  if (!keys) return [...everyProp(v), ...nulled.map((k) => `${k}: null`)].join(', ');
  const list = checked(['id', ...keys]);
  return [...list.filter((k) => !nulled.includes(k)).map((k) => prop(v, k)), ...list.filter((k) => nulled.includes(k)).map((k) => `${k}: null`)].join(', ');
}

export function projectNode(v: string, keys?: ProjectionKeys): string {
  return `CASE
    WHEN ${v}:Victim AND NOT $__victimData THEN ${v} {${selectors(v, keys, VICTIM_PROTECTED_KEYS)}, __labels: labels(${v}), __redacted: true}
    WHEN ${v}:Identifier AND NOT $__victimData AND ${victimHeld(v)} THEN ${v} {${selectors(v, keys, IDENTIFIER_PROTECTED_KEYS)}, __labels: labels(${v}), __redacted: true}
    ELSE ${v} {${selectors(v, keys)}, __labels: labels(${v}), __redacted: false}
  END`;
}

/**
 * A relationship as a map with its type, id and its ends' ids (`keys`: as for nodes). Without
 * `ends` the ends' ids are left out: a relationship field knows them already (the parent and the
 * edge's node), and a page of 100 people with their links would carry them 400 times. Without
 * `identity` the type and id are left out too: a relationship field whose selection reads neither
 * (no cursor, link id or type) would carry an element id of some 40 characters per edge for nothing.
 *
 * An ordered link (a route's stop, HAS_STOP: rel-keys.ts `isOrdered`) comes with its `order`
 * less the links of its kind before it the reader is not given (`given`: what such a link and
 * its far end must be for the reader to be given them; visible, or for an export visible and
 * allowed to leave): the stored numbers' gaps would say where those sit. For a reader given every
 * stop that is the stored order, so a link keeps its identity (its order is one of its keys:
 * REL_KEYS, an export's link id) wherever nothing is withheld from the reader.
 */
export function projectRel(r: string, keys?: ProjectionKeys, opts: { ends?: boolean; identity?: boolean; given?: (v: string) => string; type?: RelationshipType } = {}): string {
  const { ends = true, identity = true, given = visible, type } = opts;
  const props = keys ? checked(keys).map((k) => prop(r, k)) : everyProp(r);
  const endIds = ends ? [`__from: startNode(${r}).id`, `__to: endNode(${r}).id`] : [];
  const ids = identity ? [`__type: type(${r})`, ...endIds, `__id: elementId(${r})`] : endIds;
  const map = (extra: string[]) => `${r} {${[...props, ...extra, ...ids].join(', ')}}`;
  // Only where an ordered link may be, and its order is asked for (`type`: the one type `r` has).
  if ((keys && !keys.includes('order')) || (type && !isOrdered(type))) return map([]);
  const withheld = `COUNT { MATCH (__stopRoute)-[${r}]->() MATCH (__stopRoute)-[__stopLink]->(__stopPlace) WHERE type(__stopLink) = type(${r}) AND __stopLink.order < ${r}.order AND NOT (${given('__stopLink')} AND ${given('__stopPlace')}) }`;
  const shifted = map([`order: ${r}.order - ${withheld}`]);
  return type ? shifted : `CASE WHEN type(${r}) IN [${ORDERED_TYPES.map((t) => `'${t}'`).join(', ')}] THEN ${shifted} ELSE ${map([])} END`;
}
