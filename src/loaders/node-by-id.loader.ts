import DataLoader from 'dataloader';

import type { EntityRecord } from '../domain/entity-record';
import { readNodesByIds } from '../graph/node.reader';
import type { ProjectionKeys } from '../graph/queries/projection';
import type { ScopedGraph } from '../graph/scoped-graph';

/** Nodes by id for one request: every `node(id)` and every to-one field batches into one query. */
export function createNodeByIdLoader(g: ScopedGraph, keys?: ProjectionKeys): DataLoader<string, EntityRecord | null> {
  return new DataLoader((ids) => readNodesByIds(g, ids, undefined, keys), { maxBatchSize: 1000 });
}

/**
 * Nodes by id with only the given properties (a query's selection), one loader per set of keys,
 * so a node fetched lean for one field is never handed to a resolver that needs more.
 */
export function createNodeByIdWithLoader(g: ScopedGraph): (keys: ProjectionKeys) => DataLoader<string, EntityRecord | null> {
  const loaders = new Map<string, DataLoader<string, EntityRecord | null>>();
  return (keys) => {
    const key = JSON.stringify(keys ?? null);
    let loader = loaders.get(key);
    if (!loader) {
      loader = createNodeByIdLoader(g, keys);
      loaders.set(key, loader);
    }
    return loader;
  };
}
