import type { EdgeFilter, RelatedArgs, RelatedSpec } from '../../graph/queries/related.query';
import { decodeCursor } from '../../graph/cursor';
import { checkFirst } from '../inputs/page.args';
import { nodeKeys, relKeys, selectsLinkIdentity } from '../projection-keys';
import { selects, type SelectionInfo } from '../selection';

/**
 * A relationship field declared once, as data: which relationship it follows and how its
 * arguments and selection become the related loader's arguments. The resolver reads it through
 * `relatedArgsFor`, and so does the prefetch (relation-prefetch.ts), which fetches the field with
 * its parent in one statement: both must build the same loader key, so both use this one rule.
 */
export type RelationField =
  | {
      /** A paged connection (`first`, `after`, edges with the link's provenance, `totalCount`). */
      kind: 'connection';
      spec: RelatedSpec;
      /** Filters on the relationship from the field's own arguments (e.g. `roles`). */
      edgeFilter?: (args: Readonly<Record<string, unknown>>) => EdgeFilter | undefined;
    }
  | {
      /** A short list of far nodes, capped at `limit` (e.g. nationalities). */
      kind: 'nodes';
      spec: RelatedSpec;
      limit: number;
    };

/** The `roles` argument of a membership field as a filter on the link's role. */
export function byRoles(args: Readonly<Record<string, unknown>>): EdgeFilter | undefined {
  const roles = args.roles as readonly string[] | null | undefined;
  return roles?.length ? { role: roles } : undefined;
}

const byType = new Map<string, ReadonlyMap<string, RelationField>>();

/** Declares the relationship fields of a GraphQL object type (by its schema name). */
export function relationFields<T extends Record<string, RelationField>>(typeName: string, fields: T): T {
  byType.set(typeName, new Map(Object.entries(fields)));
  return fields;
}

/** The declared relationship field `fieldName` of `typeName`, if any. */
export function relationFieldOf(typeName: string, fieldName: string): RelationField | undefined {
  return byType.get(typeName)?.get(fieldName);
}

/** What a field's selection decides about its loader arguments. */
interface SelectionParts {
  withCount?: boolean;
  nodeKeys?: string[] | null;
  relKeys?: string[] | null;
  linkIdentity?: boolean;
}

/**
 * Selection parts per field-node list. GraphQL hands every parent of a list the same `fieldNodes`
 * array (one per field and document execution), so a page of 100 people works out what its
 * `groups` selection needs once, not 100 times.
 */
const partsCache = new WeakMap<object, Map<RelationField['kind'], SelectionParts>>();

function selectionParts(kind: RelationField['kind'], info: SelectionInfo | undefined): SelectionParts {
  if (!info) return kind === 'nodes' ? {} : { withCount: selects(info, 'totalCount') };
  let byKind = partsCache.get(info.fieldNodes);
  const hit = byKind?.get(kind);
  if (hit) return hit;
  const parts: SelectionParts = kind === 'nodes' ? { nodeKeys: nodeKeys(info), relKeys: [], linkIdentity: false } : connectionParts(info);
  if (!byKind) partsCache.set(info.fieldNodes, (byKind = new Map()));
  byKind.set(kind, parts);
  return parts;
}

/** A connection's parts: the link's identity only where an edge field or the page reads it, or a field not understood might. */
function connectionParts(info: SelectionInfo): SelectionParts {
  const rels = relKeys(info, [['edges']]);
  return { withCount: selects(info, 'totalCount'), nodeKeys: nodeKeys(info, [['edges', 'node'], ['nodes']]), relKeys: rels, linkIdentity: rels === null || selectsLinkIdentity(info) };
}

/**
 * The related loader's arguments for a field: page size and cursor (checked; a bad value throws
 * the client error), whether the total is selected, the edge filter, and the node and
 * relationship properties the selection needs.
 */
export function relatedArgsFor(field: RelationField, fieldArgs: object, info?: SelectionInfo): RelatedArgs {
  const args = fieldArgs as Readonly<Record<string, unknown>>;
  if (field.kind === 'nodes') return { first: field.limit, ...selectionParts('nodes', info) };
  const after = args.after ? String(decodeCursor('after', String(args.after)).key) : undefined;
  return { first: checkFirst(args.first as number), after, edgeFilter: field.edgeFilter?.(args), ...selectionParts('connection', info) };
}
