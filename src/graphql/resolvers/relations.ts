import type { GraphQLResolveInfo } from 'graphql';

import { provenanceOf, type EntityRecord } from '../../domain/entity-record';
import { withGrading, type Provenance } from '../../domain/provenance';
import type { EdgeFilter, RelatedSpec } from '../../graph/queries/related.query';
import type { RelatedEdge } from '../../graph/related.reader';
import type { GraphQLContext } from '../context';
import { relatedArgsFor, type RelationField } from './relation-fields';

/**
 * A relationship edge as the GraphQL edge types read them: the relationship's own properties,
 * then the far node, the link's id, type and direction. Its cursor and graded provenance are
 * worked out when first read, since most selections of a page of edges ask for neither.
 */
class EdgeView {
  [property: string]: unknown;
  node: EntityRecord;
  linkId: string;
  type: string;
  direction: 'OUT' | 'IN';
  private readonly edge: RelatedEdge;
  private graded: (Provenance & { grading: string }) | undefined;

  constructor(e: RelatedEdge) {
    // Stored relationship keys only (projection.ts), none of them a name defined here.
    Object.assign(this, e.rel);
    this.node = e.node;
    this.linkId = e.rel.__id;
    this.type = e.rel.__type;
    this.direction = e.outgoing ? 'OUT' : 'IN';
    this.edge = e;
  }

  get cursor(): string {
    return this.edge.cursor;
  }

  get provenance(): Provenance & { grading: string } {
    return (this.graded ??= withGrading(provenanceOf(this.edge.rel)));
  }
}

export function toEdge(e: RelatedEdge): EdgeView {
  return new EdgeView(e);
}

/**
 * A paginated relationship field, through the request's related loader: all parents asking
 * the same thing share one query. The total is counted only when selected.
 */
export function relationConnection(
  ctx: GraphQLContext,
  parentId: string,
  spec: RelatedSpec,
  args: { first: number; after?: string | null },
  info?: GraphQLResolveInfo,
  edgeFilter?: EdgeFilter,
) {
  return connectionOf(ctx, parentId, { kind: 'connection', spec, edgeFilter: edgeFilter ? () => edgeFilter : undefined }, args, info);
}

/** A declared connection field (relation-fields.ts) for one parent. */
export async function connectionOf(ctx: GraphQLContext, parentId: string, field: RelationField & { kind: 'connection' }, args: object, info?: GraphQLResolveInfo) {
  const page = await ctx.loaders.related(field.spec, relatedArgsFor(field, args, info), parentId);
  const edges = page.edges.map(toEdge);
  return {
    edges,
    nodes: page.edges.map((e) => e.node),
    // Encoded only when read: most selections of a relationship field never ask for it.
    pageInfo: {
      hasNextPage: page.hasNextPage,
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount: page.total ?? 0,
  };
}

/**
 * A short, unpaginated relationship list (e.g. nationalities), capped at `limit`; with `info`,
 * only the properties its selection needs.
 */
export function relatedNodes(ctx: GraphQLContext, parentId: string, spec: RelatedSpec, limit = 100, info?: GraphQLResolveInfo): Promise<EntityRecord[]> {
  return nodesOf(ctx, parentId, { kind: 'nodes', spec, limit }, info);
}

/** A declared list-of-nodes field (relation-fields.ts) for one parent. */
export async function nodesOf(ctx: GraphQLContext, parentId: string, field: RelationField & { kind: 'nodes' }, info?: GraphQLResolveInfo): Promise<EntityRecord[]> {
  const page = await ctx.loaders.related(field.spec, relatedArgsFor(field, {}, info), parentId);
  return page.edges.map((e) => e.node);
}

/** The one far node of a to-one relationship (e.g. a business's address), or null. */
export async function relatedNode(ctx: GraphQLContext, parentId: string, spec: RelatedSpec): Promise<EntityRecord | null> {
  return (await relatedNodes(ctx, parentId, spec, 1))[0] ?? null;
}

export async function relatedEdges(ctx: GraphQLContext, parentId: string, spec: RelatedSpec, limit = 100) {
  const page = await ctx.loaders.related(spec, { first: limit }, parentId);
  return page.edges.map(toEdge);
}
