import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { GroupRole } from '../../domain/vocabulary';
import type { GraphQLContext } from '../context';
import { GroupRoleEnum } from '../enums';
import { RelationArgs } from '../inputs/relation.args';
import { OrganisedCrimeGroup } from '../types/organised-crime-group.type';
import { IdentifierEdgeConnection, LinkConnection, MemberConnection } from '../types/relationship-edges';
import { connectionOf } from './relations';
import { byRoles, relationFields } from './relation-fields';

/** The relationship fields of an organised crime group, declared once for the resolvers and the prefetch. */
const ORGANISED_CRIME_GROUP_FIELDS = relationFields('OrganisedCrimeGroup', {
  members: {
    kind: 'connection',
    spec: { type: 'MEMBER_OF', direction: 'IN', targets: ['Person'] },
    edgeFilter: byRoles,
  },
  businesses: { kind: 'connection', spec: { type: 'CONTROLS', direction: 'OUT', targets: ['Business'] } },
  routes: { kind: 'connection', spec: { type: 'OPERATES_ROUTE', direction: 'OUT', targets: ['Route'] } },
  identifiers: { kind: 'connection', spec: { type: 'HAS_IDENTIFIER', direction: 'OUT' } },
  exploitations: { kind: 'connection', spec: { type: 'PERPETRATED', direction: 'OUT', targets: ['Exploitation'] } },
  operations: { kind: 'connection', spec: { type: 'TARGETS', direction: 'IN', targets: ['Operation'] } },
});

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
    return connectionOf(ctx, g.id, ORGANISED_CRIME_GROUP_FIELDS.members, { ...args, roles }, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Businesses the group controls or uses' })
  businesses(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, g.id, ORGANISED_CRIME_GROUP_FIELDS.businesses, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Routes the group runs' })
  routes(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, g.id, ORGANISED_CRIME_GROUP_FIELDS.routes, args, info);
  }

  @FieldResolver(() => IdentifierEdgeConnection, { description: 'Accounts, phones and other identifiers the group uses' })
  identifiers(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, g.id, ORGANISED_CRIME_GROUP_FIELDS.identifiers, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Exploitation events the group perpetrated' })
  exploitations(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, g.id, ORGANISED_CRIME_GROUP_FIELDS.exploitations, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Operations targeting the group' })
  operations(@Root() g: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, g.id, ORGANISED_CRIME_GROUP_FIELDS.operations, args, info);
  }
}
