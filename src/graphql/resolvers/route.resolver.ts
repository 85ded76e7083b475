import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { GraphQLContext } from '../context';
import { RelationArgs } from '../inputs/relation.args';
import { Location } from '../types/location.types';
import { Route } from '../types/route.type';
import { LinkConnection, RouteStop, TravelConnection } from '../types/relationship-edges';
import { relatedEdges, connectionOf } from './relations';
import { relationFields } from './relation-fields';

/** The relationship fields of a route, declared once for the resolvers and the prefetch. */
const ROUTE_FIELDS = relationFields('Route', {
  travellers: { kind: 'connection', spec: { type: 'TRAVELLED', direction: 'IN', targets: ['Person'] } },
  operators: { kind: 'connection', spec: { type: 'OPERATES_ROUTE', direction: 'IN', targets: ['OrganisedCrimeGroup'] } },
});

@Resolver(() => Route)
export class RouteResolver {
  @FieldResolver(() => [RouteStop], {
    description:
      "The stops the caller may see, in the order travelled, numbered from 0 among them: origin first, destination last. The number is a position, not the stop link's own `order` (which subgraph edges carry, and `link` and `unlink` take): they differ where stored numbers have gaps",
  })
  async stops(@Root() r: EntityRecord, @Ctx() ctx: GraphQLContext) {
    const edges = await relatedEdges(ctx, r.id, { type: 'HAS_STOP', direction: 'OUT' }, 100);
    // Numbered again among the stops seen: the stored numbers' gaps would say where hidden stops sit.
    return edges
      .map((e) => ({ order: e.order as number, mode: (e.mode as string | undefined) ?? null, place: e.node, provenance: e.provenance }))
      .sort((a, b) => a.order - b.order)
      .map((stop, order) => ({ ...stop, order }));
  }

  @FieldResolver(() => Location, { nullable: true })
  async origin(@Root() r: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return (await this.stops(r, ctx))[0]?.place ?? null;
  }

  @FieldResolver(() => Location, { nullable: true })
  async destination(@Root() r: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return (await this.stops(r, ctx)).at(-1)?.place ?? null;
  }

  @FieldResolver(() => TravelConnection, { description: 'People who travelled this route' })
  travellers(@Root() r: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, r.id, ROUTE_FIELDS.travellers, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Groups that run this route' })
  operators(@Root() r: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, r.id, ROUTE_FIELDS.operators, args, info);
  }
}
