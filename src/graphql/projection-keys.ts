import type { FieldNode, SelectionSetNode } from 'graphql';

import { STORED_KEYS } from '../domain/entity-props';
import { PROVENANCE_KEYS } from '../domain/provenance';
import type { SelectionInfo } from './selection';

/**
 * Which stored properties a selection needs, so readers return only those
 * (graph/queries/projection.ts): a list of 100 people asking for names does not decode every
 * property, date and provenance field of 100 people and their links.
 *
 * Conservative by construction: a field is understood when it is a stored property of the same
 * name, a known computed field (its inputs listed below), an object field resolved through a
 * loader by id (needs the id only) or `provenance`. Any other field, and any resolver we do not
 * know, makes the answer `null`: every property, as before.
 */

/** Fields computed from the id and the labels, which always leave. */
const NODE_FREE = new Set(['__typename', 'id', 'roles', 'redacted', 'pseudonym']);
/** Fields computed from stored properties: what their resolvers read. */
const NODE_COMPUTED: Record<string, readonly string[]> = {
  // Person: the name (else a pseudonym from id and labels); places: name, or an address's line and postcode.
  displayName: ['name', 'line1', 'postcode'],
};
/** Edge fields made from the relationship's type or element id (selectsLinkIdentity). */
const EDGE_IDENTITY = new Set(['cursor', 'linkId', 'type']);
/** Edge fields computed from the relationship's type, id and direction, or the far node. */
const EDGE_FREE = new Set(['__typename', 'direction', ...EDGE_IDENTITY]);

/** Fragments nested deeper than this are not followed: the selection is then treated as "all". */
const MAX_FRAGMENT_DEPTH = 8;

/**
 * The fields selected at the end of `path` (through fragments), across every field node of the
 * resolver; null when fragments nest too deep to follow (the caller then projects everything).
 */
function fieldsAt(info: SelectionInfo, sets: readonly SelectionSetNode[], path: readonly string[]): FieldNode[] | null {
  const fields: FieldNode[] = [];
  let tooDeep = false;
  const collect = (set: SelectionSetNode | undefined, depth: number) => {
    if (!set) return;
    if (depth > MAX_FRAGMENT_DEPTH) {
      tooDeep = true;
      return;
    }
    for (const sel of set.selections) {
      if (sel.kind === 'Field') fields.push(sel);
      else if (sel.kind === 'InlineFragment') collect(sel.selectionSet, depth + 1);
      else collect(info.fragments[sel.name.value]?.selectionSet, depth + 1);
    }
  };
  for (const s of sets) collect(s, 0);
  if (tooDeep) return null;
  if (path.length === 0) return fields;
  const next = fields.filter((f) => f.name.value === path[0]).map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  return next.length ? fieldsAt(info, next, path.slice(1)) : [];
}

function ownSets(info: SelectionInfo): SelectionSetNode[] {
  return info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
}

/** The stored keys one selected field needs ([] for none), or null when the field is not understood (then every key). */
type FieldNeeds = (f: FieldNode) => readonly string[] | null;

const nodeFieldNeeds: FieldNeeds = (f) => {
  const name = f.name.value;
  if (f.selectionSet) return name === 'provenance' ? PROVENANCE_KEYS : [];
  if (NODE_FREE.has(name)) return [];
  return NODE_COMPUTED[name] ?? (STORED_KEYS.has(name) ? [name] : null);
};

const edgeFieldNeeds: FieldNeeds = (f) => {
  const name = f.name.value;
  if (f.selectionSet) return name === 'provenance' ? PROVENANCE_KEYS : name === 'node' ? [] : null;
  if (EDGE_FREE.has(name)) return [];
  return STORED_KEYS.has(name) ? [name] : null;
};

/** The union of what the fields at each of `paths` (from the resolver's field) need, or null for all. */
function keysAt(info: SelectionInfo | undefined, paths: readonly (readonly string[])[], needs: FieldNeeds): string[] | null {
  if (!info) return null;
  const keys = new Set<string>();
  for (const path of paths) {
    const fields = fieldsAt(info, ownSets(info), path);
    if (!fields) return null;
    for (const f of fields) {
      const more = needs(f);
      if (!more) return null;
      more.forEach((k) => keys.add(k));
    }
  }
  return [...keys].sort();
}

/** Stored keys a node selection needs at each of `paths` (from the resolver's field), or null for all. */
export function nodeKeys(info: SelectionInfo | undefined, paths: readonly (readonly string[])[] = [[]]): string[] | null {
  return keysAt(info, paths, nodeFieldNeeds);
}

/**
 * Whether a relationship connection's selection reads its links' identity (type and element id):
 * an edge's `cursor`, `linkId` or `type`, or the page's `endCursor`. True when not known (no
 * info, fragments too deep to follow), and whenever the edges ask for a field not understood
 * (`relKeys` is then null): its resolver might read them.
 */
export function selectsLinkIdentity(info: SelectionInfo | undefined): boolean {
  if (!info) return true;
  const edges = fieldsAt(info, ownSets(info), ['edges']);
  const page = fieldsAt(info, ownSets(info), ['pageInfo']);
  if (!edges || !page) return true;
  return edges.some((f) => EDGE_IDENTITY.has(f.name.value)) || page.some((f) => f.name.value === 'endCursor');
}

/** Stored keys of the relationship an edge selection needs (at `paths`, e.g. `edges`), or null for all. */
export function relKeys(info: SelectionInfo | undefined, paths: readonly (readonly string[])[]): string[] | null {
  return keysAt(info, paths, edgeFieldNeeds);
}

/**
 * What the chart label of a subgraph node is made from (analytics/subgraph.ts, displayLabel): a
 * name, an identifier's value, an address's line and postcode, an event's date, a reference or a
 * code.
 */
export const GRAPH_LABEL_KEYS = ['name', 'value', 'line1', 'postcode', 'startDate', 'referredOn', 'reference', 'code'] as const;
/** A subgraph edge's `from` and `to`: its period, or the date it happened. */
const GRAPH_EDGE_SPAN_KEYS = ['since', 'until', 'date'] as const;

/** GraphNode fields computed from the id and the labels. */
const GRAPH_NODE_FREE = new Set(['__typename', 'id', 'type', 'roles', 'redacted']);
/** GraphEdge fields computed from the relationship's type, id and ends. */
const GRAPH_EDGE_FREE = new Set(['__typename', 'id', 'type', 'source', 'target']);

/** `properties` (every key property) and any field not understood need every key: null. */
const graphNodeNeeds: FieldNeeds = (f) => {
  const name = f.name.value;
  if (name === 'provenance') return PROVENANCE_KEYS;
  if (name === 'node') return [];
  if (name === 'label') return GRAPH_LABEL_KEYS;
  return GRAPH_NODE_FREE.has(name) ? [] : null;
};

const graphEdgeNeeds: FieldNeeds = (f) => {
  const name = f.name.value;
  if (name === 'provenance') return PROVENANCE_KEYS;
  if (name === 'from' || name === 'to') return GRAPH_EDGE_SPAN_KEYS;
  return GRAPH_EDGE_FREE.has(name) ? [] : null;
};

/**
 * Stored keys a Subgraph selection at `path` (from the resolver's field) needs of its nodes and of
 * its relationships, each null for all: a link chart asking for ids, types and labels does not
 * decode every property and provenance field of every node and link.
 */
export function subgraphKeys(info: SelectionInfo | undefined, path: readonly string[]): { nodes: string[] | null; rels: string[] | null } {
  return { nodes: keysAt(info, [[...path, 'nodes']], graphNodeNeeds), rels: keysAt(info, [[...path, 'edges']], graphEdgeNeeds) };
}
