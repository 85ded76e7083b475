import type { Page } from '../../graph/list.reader';

/** A data-layer page as the GraphQL connection shape; `totalCount` stays lazy. */
export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.rows,
    nodes: page.rows.map((r) => r.node),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
    // A getter: GraphQL reads it (and the database counts) only when the query selects it.
    get totalCount() {
      return page.totalCount();
    },
  };
}
