import type { EntityRecord } from '../domain/entity-record';
import { encodeCursor } from './cursor';
import { countQuery, listQuery, pageWithCountQuery, pageWithRelatedQuery, type ListSpec } from './queries/list.query';
import type { RelatedColumn } from './queries/related.query';
import { columnRows, pagesOf, type RelatedPage } from './related.reader';
import type { Row } from './records';
import type { ScopedGraph } from './scoped-graph';

export interface Page<T> {
  rows: { node: T; cursor: string }[];
  hasNextPage: boolean;
  /** Counted in the database only when asked for. */
  totalCount: () => Promise<number>;
}

/**
 * One keyset page of a list. With `withCount` (the query selects `totalCount`) the total comes in
 * the same round trip; otherwise it is counted lazily, if ever asked.
 */
export async function readPage(g: ScopedGraph, spec: ListSpec & { withCount?: boolean }): Promise<Page<EntityRecord>> {
  if (spec.withCount) {
    const result = await g.read(pageWithCountQuery(spec));
    const total = (result[0]?.total as number | undefined) ?? 0;
    return toPage(pageRows(result), spec.first, () => Promise.resolve(total));
  }
  const total = lazyCount(g, spec);
  return toPage(await g.read(listQuery(spec)), spec.first, total);
}

/**
 * A keyset page and, for each of `columns`, the relationship pages of its nodes (in page order),
 * in one round trip; the total comes in it when `withCount`, else lazily as in readPage.
 */
export async function readPageWithRelated(
  g: ScopedGraph,
  spec: ListSpec & { withCount?: boolean },
  columns: readonly RelatedColumn[],
): Promise<{ page: Page<EntityRecord>; pages: RelatedPage[][] }> {
  const later = spec.withCount ? undefined : lazyCount(g, spec);
  const result = await g.read(pageWithRelatedQuery(spec, columns));
  const counted = (result[0]?.total as number | undefined) ?? 0;
  const rows = result.filter((r) => r.row);
  const page = toPage(rows.map((r) => r.row as Row), spec.first, later ?? (() => Promise.resolve(counted)));
  const parents = rows.slice(0, spec.first);
  const ids = page.rows.map((r) => r.node.id);
  return { page, pages: columns.map((c, i) => pagesOf(columnRows(parents, i, (r) => (r.row as { node: EntityRecord }).node.id), ids, c.args)) };
}

/**
 * The list's total, counted on the first call only. Made before the page query is built, which
 * adds its own parameters to the bag: the count takes the filter's alone.
 */
function lazyCount(g: ScopedGraph, spec: ListSpec): () => Promise<number> {
  const q = countQuery(spec);
  const params = { ...q.params };
  let total: Promise<number> | undefined;
  return () => (total ??= g.read({ cypher: q.cypher, params }).then((r) => (r[0]?.total as number) ?? 0));
}

/** The page's rows from a result of a row per node (`row`; null on an empty page's one row). */
function pageRows(result: readonly Row[]): Row[] {
  return result.flatMap((r) => (r.row ? [r.row as Row] : []));
}

function toPage(rows: Row[], first: number, totalCount: () => Promise<number>): Page<EntityRecord> {
  return {
    rows: rows.slice(0, first).map((r) => {
      const node = r.node as EntityRecord;
      return { node, cursor: encodeCursor({ key: r.sortKey as string | number | null, id: node.id }) };
    }),
    hasNextPage: rows.length > first,
    totalCount,
  };
}
