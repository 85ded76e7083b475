import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import { entityLabel, type EntityRecord } from '../../domain/entity-record';
import type { GraphQLContext } from '../context';
import { RelationArgs } from '../inputs/relation.args';
import { Address, Location, PoliceForce } from '../types/location.types';
import { LinkConnection } from '../types/relationship-edges';
import { relatedNode, relationConnection } from './relations';

/** A name to show for any place. */
export function placeName(n: EntityRecord): string {
  if (entityLabel(n) === 'Address') {
    return [n.line1, n.postcode].filter(Boolean).join(', ') || n.id;
  }
  return (n.name as string | undefined) ?? n.id;
}

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => String)
  displayName(@Root() n: EntityRecord): string {
    return placeName(n);
  }

  @FieldResolver(() => Location, { nullable: true, description: 'The next level up (an address’s town, a town’s force area...)' })
  parent(@Root() n: EntityRecord, @Ctx() ctx: GraphQLContext): Promise<EntityRecord | null> {
    return relatedNode(ctx, n.id, { type: 'PART_OF', direction: 'OUT' });
  }

  @FieldResolver(() => LinkConnection, { description: 'The next level down' })
  children(@Root() n: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, n.id, { type: 'PART_OF', direction: 'IN' }, args, info);
  }
}

@Resolver(() => Address)
export class AddressResolver {
  @FieldResolver(() => LinkConnection, { description: 'People who live or stay here' })
  residents(@Root() n: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, n.id, { type: 'RESIDES_AT', direction: 'IN', targets: ['Person'] }, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Businesses at this address' })
  businesses(@Root() n: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, n.id, { type: 'LOCATED_AT', direction: 'IN', targets: ['Business'] }, args, info);
  }
}

@Resolver(() => PoliceForce)
export class PoliceForceResolver {
  @FieldResolver(() => [String])
  aliases(@Root() n: EntityRecord): string[] {
    return (n.aliases as string[] | undefined) ?? [];
  }

  @FieldResolver(() => LinkConnection, { description: 'Operations and exploitation events in this force area' })
  activity(@Root() n: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, n.id, { type: 'IN_AREA', direction: 'IN' }, args, info);
  }
}
