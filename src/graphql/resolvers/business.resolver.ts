import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { GraphQLContext } from '../context';
import { RelationArgs } from '../inputs/relation.args';
import { Business } from '../types/business.type';
import { Address } from '../types/location.types';
import { IdentifierEdgeConnection, LinkConnection } from '../types/relationship-edges';
import { relatedNode, relationConnection } from './relations';

@Resolver(() => Business)
export class BusinessResolver {
  @FieldResolver(() => Address, { nullable: true })
  address(@Root() b: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return relatedNode(ctx, b.id, { type: 'LOCATED_AT', direction: 'OUT', targets: ['Address'] });
  }

  @FieldResolver(() => LinkConnection, { description: 'People and groups that control the business' })
  controllers(@Root() b: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, b.id, { type: 'CONTROLS', direction: 'IN' }, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'People who work there' })
  workers(@Root() b: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, b.id, { type: 'WORKS_AT', direction: 'IN', targets: ['Person'] }, args, info);
  }

  @FieldResolver(() => IdentifierEdgeConnection)
  identifiers(@Root() b: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, b.id, { type: 'HAS_IDENTIFIER', direction: 'OUT' }, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Operations targeting the business' })
  operations(@Root() b: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, b.id, { type: 'TARGETS', direction: 'IN', targets: ['Operation'] }, args, info);
  }
}
