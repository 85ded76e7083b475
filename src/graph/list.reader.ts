import type { EntityRecord } from '../domain/entity-record';
import { encodeCursor } from './cursor';
import { countQuery, listQuery, type ListSpec } from './queries/list.query';
import type { ScopedGraph } from './scoped-graph';

export interface Page<T> {
  rows: { node: T; cursor: string }[];
  hasNextPage: boolean;
  /** Counted in the database only when asked for. */
  totalCount: () => Promise<number>;
}

/** One keyset page of a list, with a lazily counted total. */
export async function readPage(g: ScopedGraph, spec: ListSpec): Promise<Page<EntityRecord>> {
  const countQ = countQuery(spec.label, spec.where, spec.bag);
  const countParams = { ...countQ.params };
  const rows = await g.read(listQuery(spec));
  const hasNextPage = rows.length > spec.first;
  const kept = rows.slice(0, spec.first);
  let total: Promise<number> | undefined;
  return {
    rows: kept.map((r) => {
      const node = r.node as EntityRecord;
      return { node, cursor: encodeCursor({ key: r.sortKey as string | number | null, id: node.id }) };
    }),
    hasNextPage,
    totalCount: () => (total ??= g.read({ cypher: countQ.cypher, params: countParams }).then((r) => (r[0]?.total as number) ?? 0)),
  };
}
