import type { EntityRecord, LinkRecord } from '../domain/entity-record';
import type { Row } from './records';
import { encodeCursor } from './cursor';
import { nodesWithRelatedQuery } from './queries/node.query';
import type { ProjectionKeys } from './queries/projection';
import { edgeKey, relatedBatchQuery, relatedQuery, type RelatedArgs, type RelatedColumn, type RelatedGroup, type RelatedSpec } from './queries/related.query';
import type { ScopedGraph } from './scoped-graph';

export interface RelatedEdge {
  readonly rel: LinkRecord;
  readonly node: EntityRecord;
  readonly cursor: string;
  /** True when the relationship points from the parent to the node. */
  readonly outgoing: boolean;
}

export interface RelatedPage {
  edges: RelatedEdge[];
  hasNextPage: boolean;
  total: number | null;
}

/** An edge of a page. Its cursor is encoded when first read: most selections never ask for one. */
class PageEdge implements RelatedEdge {
  private encoded: string | undefined;

  constructor(
    readonly rel: LinkRecord,
    readonly node: EntityRecord,
    readonly outgoing: boolean,
  ) {}

  get cursor(): string {
    // Read without its link's identity (RelatedArgs.linkIdentity), an edge has no cursor to give:
    // a selection that asks for one must say so, never page on a made-up key.
    if (this.rel.__id === undefined) throw new Error('Invariant failed: the cursor of an edge read without its link identity');
    return (this.encoded ??= encodeCursor({ key: edgeKey(this.node.id, this.rel.__id), id: this.node.id }));
  }
}

/** Pages per parent, in `parentIds` order, from rows of `{pid, edges, total}`. */
export function pagesOf(rows: readonly Row[], parentIds: readonly string[], args: RelatedArgs): RelatedPage[] {
  const byId = new Map<string, RelatedPage>();
  for (const row of rows) {
    const edges = (row.edges as { rel: LinkRecord; node: EntityRecord; outgoing: boolean }[]).map((e) => new PageEdge(e.rel, e.node, e.outgoing));
    byId.set(row.pid as string, {
      edges: edges.slice(0, args.first),
      hasNextPage: edges.length > args.first,
      total: (row.total as number | null) ?? null,
    });
  }
  return parentIds.map((id) => byId.get(id) ?? { edges: [], hasNextPage: false, total: args.withCount ? 0 : null });
}

/** Relationship pages for many parents, in key order (an empty page for a parent not visible). */
export async function readRelated(g: ScopedGraph, parentIds: readonly string[], spec: RelatedSpec, args: RelatedArgs): Promise<RelatedPage[]> {
  return pagesOf(await g.read(relatedQuery(parentIds, spec, args)), parentIds, args);
}

/** Several relationship fields, each for many parents, in one round trip; pages per group, in key order. */
export async function readRelatedGroups(g: ScopedGraph, groups: readonly RelatedGroup[]): Promise<RelatedPage[][]> {
  if (groups.length === 1) return [await readRelated(g, groups[0]!.parentIds, groups[0]!.spec, groups[0]!.args)];
  const rows = await g.read(relatedBatchQuery(groups));
  const byGroup = groups.map((): Row[] => []);
  for (const row of rows) byGroup[row.grp as number]!.push(row);
  return groups.map((grp, i) => pagesOf(byGroup[i]!, grp.parentIds, grp.args));
}

/**
 * Nodes by id (null where absent or not visible) and, for each of `columns`, the relationship
 * pages of those nodes, in one round trip.
 */
export async function readNodesWithRelated(
  g: ScopedGraph,
  ids: readonly string[],
  keys: ProjectionKeys | undefined,
  columns: readonly RelatedColumn[],
): Promise<{ nodes: (EntityRecord | null)[]; pages: RelatedPage[][] }> {
  const rows = await g.read(nodesWithRelatedQuery(ids, keys, columns));
  const byId = new Map(rows.map((r) => [r.id as string, r.node as EntityRecord]));
  return {
    nodes: ids.map((id) => byId.get(id) ?? null),
    pages: columns.map((c, i) => pagesOf(columnRows(rows, i, (r) => r.id as string), ids, c.args)),
  };
}

/** Column `rel<i>` of rows with a parent each, as the `{pid, edges, total}` rows pagesOf reads. */
export function columnRows(rows: readonly Row[], i: number, pid: (row: Row) => string): Row[] {
  return rows.map((r) => ({ pid: pid(r), ...(r[`rel${i}`] as Row) }));
}

