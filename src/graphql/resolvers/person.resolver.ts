import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import type { EntityRecord } from '../../domain/entity-record';
import { rolesFromLabels, type PersonRole } from '../../domain/person';
import type { GroupRole } from '../../domain/vocabulary';
import type { GraphQLContext } from '../context';
import { GroupRoleEnum, PersonRoleEnum } from '../enums';
import { RelationArgs } from '../inputs/relation.args';
import { Country } from '../types/location.types';
import { Person } from '../types/person.type';
import { AssociateConnection, IdentifierEdgeConnection, LinkConnection, MembershipConnection, TransferConnection, TravelConnection } from '../types/relationship-edges';
import { byRoles, relationFields } from './relation-fields';
import { connectionOf, nodesOf } from './relations';

/** The relationship fields of a person, declared once for the resolvers and the prefetch. */
const PERSON = relationFields('Person', {
  nationalities: { kind: 'nodes', spec: { type: 'NATIONAL_OF', direction: 'OUT', targets: ['Country'] }, limit: 20 },
  groups: {
    kind: 'connection',
    spec: { type: 'MEMBER_OF', direction: 'OUT', targets: ['OrganisedCrimeGroup'] },
    edgeFilter: byRoles,
  },
  identifiers: { kind: 'connection', spec: { type: 'HAS_IDENTIFIER', direction: 'OUT' } },
  addresses: { kind: 'connection', spec: { type: 'RESIDES_AT', direction: 'OUT', targets: ['Address'] } },
  controls: { kind: 'connection', spec: { type: 'CONTROLS', direction: 'OUT', targets: ['Business'] } },
  worksAt: { kind: 'connection', spec: { type: 'WORKS_AT', direction: 'OUT', targets: ['Business'] } },
  associates: { kind: 'connection', spec: { type: 'ASSOCIATE_OF', direction: 'BOTH', targets: ['Person'] } },
  exploitedIn: { kind: 'connection', spec: { type: 'EXPLOITED', direction: 'IN', targets: ['Exploitation'] } },
  perpetrated: { kind: 'connection', spec: { type: 'PERPETRATED', direction: 'OUT', targets: ['Exploitation'] } },
  journeys: { kind: 'connection', spec: { type: 'TRAVELLED', direction: 'OUT', targets: ['Route'] } },
  nrmReferrals: { kind: 'connection', spec: { type: 'REFERRAL_OF', direction: 'IN', targets: ['NRMReferral'] } },
  operations: { kind: 'connection', spec: { type: 'TARGETS', direction: 'IN', targets: ['Operation'] } },
  transfers: { kind: 'connection', spec: { type: 'TRANSFERRED_TO', direction: 'BOTH' } },
});

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => String)
  displayName(@Root() p: EntityRecord, @Ctx() ctx: GraphQLContext): string {
    return (p.name as string | null) ?? this.pseudonym(p, ctx) ?? p.id;
  }

  @FieldResolver(() => [PersonRoleEnum])
  roles(@Root() p: EntityRecord): PersonRole[] {
    return rolesFromLabels(p.__labels);
  }

  @FieldResolver(() => Boolean)
  redacted(@Root() p: EntityRecord): boolean {
    return p.__redacted;
  }

  @FieldResolver(() => String, { nullable: true })
  pseudonym(@Root() p: EntityRecord, @Ctx() ctx: GraphQLContext): string | null {
    return p.__labels.includes('Victim') ? ctx.pseudonyms.of(p.id) : null;
  }

  @FieldResolver(() => [String], { nullable: true })
  aliases(@Root() p: EntityRecord): string[] | null {
    return p.__redacted ? null : ((p.aliases as string[] | undefined) ?? []);
  }

  @FieldResolver(() => [Country], { description: 'Nationalities' })
  nationalities(@Root() p: EntityRecord, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<EntityRecord[]> {
    return nodesOf(ctx, p.id, PERSON.nationalities, info);
  }

  @FieldResolver(() => MembershipConnection, { description: 'Organised crime groups this person belongs to, with role and period' })
  groups(
    @Root() p: EntityRecord,
    @Args() args: RelationArgs,
    @Arg('roles', () => [GroupRoleEnum], { nullable: true }) roles: GroupRole[] | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return connectionOf(ctx, p.id, PERSON.groups, { ...args, roles }, info);
  }

  @FieldResolver(() => IdentifierEdgeConnection, { description: 'Phones, vehicles, accounts, documents, emails and handles this person holds or uses' })
  identifiers(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.identifiers, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Addresses this person lives or stays at' })
  addresses(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.addresses, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Businesses this person controls' })
  controls(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.controls, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Businesses this person works (or is made to work) at' })
  worksAt(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.worksAt, args, info);
  }

  @FieldResolver(() => AssociateConnection, { description: 'Known associates, either direction' })
  associates(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.associates, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Exploitation events this person was a victim of' })
  exploitedIn(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.exploitedIn, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Exploitation events this person took part in as exploiter' })
  perpetrated(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.perpetrated, args, info);
  }

  @FieldResolver(() => TravelConnection, { description: 'Routes this person travelled' })
  journeys(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.journeys, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'NRM referrals of this person' })
  nrmReferrals(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.nrmReferrals, args, info);
  }

  @FieldResolver(() => LinkConnection, { description: 'Operations targeting this person' })
  operations(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.operations, args, info);
  }

  @FieldResolver(() => TransferConnection, { description: 'Money this person sent or received directly (accounts have their own transfers)' })
  transfers(@Root() p: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return connectionOf(ctx, p.id, PERSON.transfers, args, info);
  }
}
