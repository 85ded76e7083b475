import DataLoader from 'dataloader';

import { readRelated, type RelatedPage } from '../graph/related.reader';
import type { RelatedArgs, RelatedSpec } from '../graph/queries/related.query';
import type { ScopedGraph } from '../graph/scoped-graph';

export type RelatedLoad = (spec: RelatedSpec, args: RelatedArgs, parentId: string) => Promise<RelatedPage>;

/**
 * Relationship fields for one request: all parents asking for the same relationship with the
 * same arguments share one query, so a list of 100 people with their groups costs one query for
 * the groups, not 100.
 */
export function createRelatedLoader(g: ScopedGraph): RelatedLoad {
  const loaders = new Map<string, DataLoader<string, RelatedPage>>();
  return (spec, args, parentId) => {
    const key = JSON.stringify([spec.type, spec.direction, spec.targets ?? [], args.first, args.after ?? null, !!args.withCount, args.edgeFilter ?? null]);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => readRelated(g, ids, spec, args), { maxBatchSize: 1000 });
      loaders.set(key, loader);
    }
    return loader.load(parentId);
  };
}
