import type { ScopedGraph } from '../graph/scoped-graph';
import { createNodeByIdLoader, createNodeByIdWithLoader } from './node-by-id.loader';
import { createRelatedLoader } from './related.loader';

/**
 * The loaders of one request. Made per request, never shared: a cache shared between callers
 * would show one caller's visible records to another.
 */
export function createLoaders(g: ScopedGraph) {
  return {
    nodeById: createNodeByIdLoader(g),
    /** Nodes by id with only the properties a selection asks for (graphql/projection-keys.ts). */
    nodeByIdWith: createNodeByIdWithLoader(g),
    related: createRelatedLoader(g),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
