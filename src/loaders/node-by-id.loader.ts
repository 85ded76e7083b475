import DataLoader from 'dataloader';

import type { EntityRecord } from '../domain/entity-record';
import { readNodesByIds } from '../graph/node.reader';
import type { ScopedGraph } from '../graph/scoped-graph';

/** Nodes by id for one request: every `node(id)` and every to-one field batches into one query. */
export function createNodeByIdLoader(g: ScopedGraph): DataLoader<string, EntityRecord | null> {
  return new DataLoader((ids) => readNodesByIds(g, ids), { maxBatchSize: 1000 });
}
