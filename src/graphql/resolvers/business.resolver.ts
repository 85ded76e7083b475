import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { GraphQLContext } from '../context';
import { RelationArgs } from '../inputs/relation.args';
import { Business } from '../types/business.type';
import { Address } from '../types/location.types';
import { IdentifierEdgeConnection, LinkConnection } from '../types/relationship-edges';
import { relatedNode, connectionOf } from './relations';
import { relationFields } from './relation-fields';

/** The relationship fields of a business, declared once for the resolvers and the prefetch. */
const BUSINESS_FIELDS = relationFields('Business', {
  controllers: { kind: 'connection', spec: { type: 'CONTROLS', direction: 'IN' } },
  workers: { kind: 'connection', spec: { type: 'WORKS_AT', direction: 'IN', targets: ['Person'] } },
  identifiers: { kind: 'connection', spec: { type: 'HAS_IDENTIFIER', direction: 'OUT' } },
  operations: { kind: 'connection', spec: { type: 'TARGETS', direction: 'IN', targets: ['Operation'] } },
});

@Resolver(() => Business)
export class BusinessResolver {
  @FieldResolver(() => Address, { nullable: true })
  address(@Root() b: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return relatedNode(ctx, b.id, { type: 'LOCATED_AT', direction: 'OUT', targets: ['Address'] });
  }

  @FieldResolver(() => LinkConnection, { description: 'People and groups that control the business' })
  controllers(@Root() b: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, b.id, BUSINESS_FIELDS.controllers, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'People who work there' })
  workers(@Root() b: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, b.id, BUSINESS_FIELDS.workers, args, info);
  }

  @FieldResolver(() => IdentifierEdgeConnection)
  identifiers(@Root() b: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, b.id, BUSINESS_FIELDS.identifiers, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Operations targeting the business' })
  operations(@Root() b: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, b.id, BUSINESS_FIELDS.operations, args, info);
  }
}
