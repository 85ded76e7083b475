import type { ScopedGraph } from '../graph/scoped-graph';
import { createNodeByIdLoader } from './node-by-id.loader';
import { createRelatedLoader } from './related.loader';

/**
 * The loaders of one request. Made per request, never shared: a cache shared between callers
 * would show one caller's visible records to another.
 */
export function createLoaders(g: ScopedGraph) {
  return {
    nodeById: createNodeByIdLoader(g),
    related: createRelatedLoader(g),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
