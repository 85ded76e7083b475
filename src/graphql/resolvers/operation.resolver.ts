import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { ExploitationCategory } from '../../domain/vocabulary';
import type { GraphQLContext } from '../context';
import { ExploitationCategoryEnum } from '../enums';
import { RelationArgs } from '../inputs/relation.args';
import { Location } from '../types/location.types';
import { Operation } from '../types/operation.type';
import { Agency } from '../types/reference.types';
import { LinkConnection } from '../types/relationship-edges';
import { relatedNode, relatedNodes, connectionOf } from './relations';
import { relationFields } from './relation-fields';

/** The relationship fields of an operation, declared once for the resolvers and the prefetch. */
const OPERATION_FIELDS = relationFields('Operation', {
  targets: { kind: 'connection', spec: { type: 'TARGETS', direction: 'OUT' } },
});

@Resolver(() => Operation)
export class OperationResolver {
  @FieldResolver(() => [ExploitationCategoryEnum])
  crimeTypes(@Root() o: EntityRecord): ExploitationCategory[] {
    return (o.crimeTypes as ExploitationCategory[] | undefined) ?? [];
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The lead agency or force' })
  leadAgency(@Root() o: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return relatedNode(ctx, o.id, { type: 'LED_BY', direction: 'OUT', targets: ['Agency'] });
  }

  @FieldResolver(() => [Location], { description: 'Force areas and regions the operation covers' })
  areas(@Root() o: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return relatedNodes(ctx, o.id, { type: 'IN_AREA', direction: 'OUT' }, 50);
  }

  @FieldResolver(() => LinkConnection, { description: 'People, groups and businesses the operation targets' })
  targets(@Root() o: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, o.id, OPERATION_FIELDS.targets, args, info);
  }
}
