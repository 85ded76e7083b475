import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { GroupRole } from '../../domain/vocabulary';
import type { GraphQLContext } from '../context';
import { GroupRoleEnum } from '../enums';
import { RelationArgs } from '../inputs/relation.args';
import { OrganisedCrimeGroup } from '../types/organised-crime-group.type';
import { IdentifierEdgeConnection, LinkConnection, MemberConnection } from '../types/relationship-edges';
import { relationConnection } from './relations';

@Resolver(() => OrganisedCrimeGroup)
export class GroupResolver {
  @FieldResolver(() => [String])
  aliases(@Root() g: EntityRecord): string[] {
    return (g.aliases as string[] | undefined) ?? [];
  }

  @FieldResolver(() => MemberConnection, { description: 'Members, with role and period; filter by role' })
  members(
    @Root() g: EntityRecord,
    @Args() args: RelationArgs,
    @Arg('roles', () => [GroupRoleEnum], { nullable: true }) roles: GroupRole[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relationConnection(ctx, g.id, { type: 'MEMBER_OF', direction: 'IN', targets: ['Person'] }, args, info, roles?.length ? { role: roles } : undefined);
  }

  @FieldResolver(() => LinkConnection, { description: 'Businesses the group controls or uses' })
  businesses(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, g.id, { type: 'CONTROLS', direction: 'OUT', targets: ['Business'] }, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Routes the group runs' })
  routes(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, g.id, { type: 'OPERATES_ROUTE', direction: 'OUT', targets: ['Route'] }, args, info);
  }

  @FieldResolver(() => IdentifierEdgeConnection, { description: 'Accounts, phones and other identifiers the group uses' })
  identifiers(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, g.id, { type: 'HAS_IDENTIFIER', direction: 'OUT' }, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Exploitation events the group perpetrated' })
  exploitations(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, g.id, { type: 'PERPETRATED', direction: 'OUT', targets: ['Exploitation'] }, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Operations targeting the group' })
  operations(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, g.id, { type: 'TARGETS', direction: 'IN', targets: ['Operation'] }, args, info);
  }
}
