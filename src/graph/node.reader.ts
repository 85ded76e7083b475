import type { EntityRecord } from '../domain/entity-record';
import type { NodeLabel } from '../domain/graph-model';
import { nodesByIdsQuery } from './queries/node.query';
import type { ProjectionKeys } from './queries/projection';
import type { ScopedGraph } from './scoped-graph';

/** Nodes by id, in key order, null where absent or not visible to the caller. */
export async function readNodesByIds(g: ScopedGraph, ids: readonly string[], labels?: readonly NodeLabel[], keys?: ProjectionKeys): Promise<(EntityRecord | null)[]> {
  const rows = await g.read(nodesByIdsQuery(ids, labels, keys));
  const byId = new Map(rows.map((r) => [r.id as string, r.node as EntityRecord]));
  return ids.map((id) => byId.get(id) ?? null);
}
