import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { RelationshipType } from '../../domain/graph-model';
import { deleteEntity, link, unlink, upsertEntity } from '../../graph/entity.writer';
import { upsertReport } from '../../graph/report.writer';
import type { GraphQLContext } from '../context';
import { RelationshipTypeEnum } from '../enums';
import { requireWriter } from '../guards';
import { ProvenanceInput } from '../inputs/provenance.input';
import {
  AddressInput,
  BusinessInput,
  ExploitationInput,
  IdentifierInput,
  IntelligenceReportInput,
  LinkPropertiesInput,
  NrmReferralInput,
  OperationInput,
  OrganisedCrimeGroupInput,
  PersonInput,
  RouteInput,
  TownInput,
} from '../inputs/upsert.inputs';
import { Business } from '../types/business.type';
import { Exploitation } from '../types/exploitation.type';
import { Identifier } from '../types/identifier.types';
import { Address, Town } from '../types/location.types';
import { NRMReferral } from '../types/nrm-referral.type';
import { Operation } from '../types/operation.type';
import { OrganisedCrimeGroup } from '../types/organised-crime-group.type';
import { Person } from '../types/person.type';
import { IntelligenceReport } from '../types/reference.types';
import { Route } from '../types/route.type';
import { LinkEdge } from '../types/relationship-edges';
import { toEdge } from './relations';

@ObjectType()
class DeleteResult {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Relationships removed with the node' })
  relationshipsRemoved!: number;
}

/**
 * Writes. Each mutation runs in one transaction, checks every field first (BAD_USER_INPUT naming
 * it) and writes provenance on every node and relationship it touches. INGEST role only.
 */
@Resolver()
export class MutationResolver {
  private async upsert(ctx: GraphQLContext, request: Parameters<typeof upsertEntity>[1]): Promise<EntityRecord> {
    return (await upsertEntity(ctx.graph, request, new Date())).node;
  }

  @Mutation(() => Person, { description: 'Create or update a person' })
  upsertPerson(@Arg('input', () => PersonInput) input: PersonInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, PersonInput.toRequest(input, new Date()));
  }

  @Mutation(() => OrganisedCrimeGroup)
  upsertOrganisedCrimeGroup(@Arg('input', () => OrganisedCrimeGroupInput) input: OrganisedCrimeGroupInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, OrganisedCrimeGroupInput.toRequest(input));
  }

  @Mutation(() => Town)
  upsertTown(@Arg('input', () => TownInput) input: TownInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, TownInput.toRequest(input));
  }

  @Mutation(() => Address)
  upsertAddress(@Arg('input', () => AddressInput) input: AddressInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, AddressInput.toRequest(input));
  }

  @Mutation(() => Business)
  upsertBusiness(@Arg('input', () => BusinessInput) input: BusinessInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, BusinessInput.toRequest(input));
  }

  @Mutation(() => Route)
  upsertRoute(@Arg('input', () => RouteInput) input: RouteInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, RouteInput.toRequest(input));
  }

  @Mutation(() => Operation)
  upsertOperation(@Arg('input', () => OperationInput) input: OperationInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, OperationInput.toRequest(input));
  }

  @Mutation(() => Identifier, { description: 'Create an identifier, or update the one with the same normalised value' })
  upsertIdentifier(@Arg('input', () => IdentifierInput) input: IdentifierInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, IdentifierInput.toRequest(input));
  }

  @Mutation(() => Exploitation)
  upsertExploitation(@Arg('input', () => ExploitationInput) input: ExploitationInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, ExploitationInput.toRequest(input));
  }

  @Mutation(() => NRMReferral)
  upsertNrmReferral(@Arg('input', () => NrmReferralInput) input: NrmReferralInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return this.upsert(ctx, NrmReferralInput.toRequest(input));
  }

  @Mutation(() => IntelligenceReport, { description: 'Create or update an intelligence report (by reference)' })
  upsertIntelligenceReport(@Arg('input', () => IntelligenceReportInput) input: IntelligenceReportInput, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return upsertReport(ctx.graph, input, new Date());
  }

  @Mutation(() => LinkEdge, { description: 'Link two entities (or update the link with the same ends and key properties), with provenance' })
  async link(
    @Arg('type', () => RelationshipTypeEnum) type: RelationshipType,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('provenance', () => ProvenanceInput) provenance: ProvenanceInput,
    @Arg('properties', () => LinkPropertiesInput, { nullable: true }) properties: LinkPropertiesInput | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    requireWriter(ctx);
    const { rel } = await link(ctx.graph, { type, from, to, props: LinkPropertiesInput.toProps(properties), provenance, field: 'input' }, new Date());
    const node = await ctx.loaders.nodeById.load(to);
    return toEdge({ rel, node: node!, cursor: '', outgoing: true });
  }

  @Mutation(() => Int, { description: 'Remove links of a type between two entities (only those with the given key properties, if any); returns how many' })
  unlink(
    @Arg('type', () => RelationshipTypeEnum) type: RelationshipType,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('properties', () => LinkPropertiesInput, { nullable: true }) properties: LinkPropertiesInput | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    requireWriter(ctx);
    return unlink(ctx.graph, type, from, to, LinkPropertiesInput.toProps(properties), new Date());
  }

  @Mutation(() => DeleteResult, { description: 'Delete an entity with all its relationships' })
  deleteEntity(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    requireWriter(ctx);
    return deleteEntity(ctx.graph, id);
  }
}
