import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, Query, registerEnumType, Resolver, Root } from 'type-graphql';

import { BROKERAGE_GROUPINGS, networkMeasures, type BrokerageGrouping } from '../../analytics/network-measures';

import { hasRole } from '../../auth/principal';
import { connectingNetwork, duplicateCandidates, neighbourhood, paths, sharedIdentifiers, type NetworkDeps } from '../../analytics/network';
import type { NodeLabel, PersonRoleLabel, RelationshipType } from '../../domain/graph-model';
import { provenanceOf, type RelRecord } from '../../domain/entity-record';
import { withGrading } from '../../domain/provenance';
import { ROLE_LABEL, type PersonRole } from '../../domain/person';
import type { Subgraph as SubgraphData, SubgraphNode } from '../../domain/subgraph';
import { AppError } from '../../errors/app-error';
import { subgraphKeys } from '../projection-keys';
import { mergeEntities, undoMerge } from '../../graph/merge.writer';
import type { GraphQLContext } from '../context';
import { enumOf, NodeTypeEnum, PersonRoleEnum, RelationshipTypeEnum } from '../enums';
import { Person } from '../types/person.type';
import { Identifier } from '../types/identifier.types';
import { Node } from '../types/node.interface';
import { Broker, ConnectingNetwork, DuplicateCandidate, GraphNode, KeyPlayers, MergeResult, NetworkMeasures, Path, RankedPerson, SharedIdentifiers, Subgraph } from '../types/subgraph.types';

export function networkDeps(ctx: GraphQLContext): NetworkDeps {
  return { graph: ctx.graph, limits: ctx.limits, pseudonymOf: (id) => ctx.pseudonyms.of(id) };
}

/** The domain subgraph in the GraphQL shape (provenance with its quoted grading). */
export function toGraphSubgraph(s: SubgraphData) {
  return {
    ...s,
    nodes: s.nodes.map((n) => ({ ...n, provenance: withGrading(n.provenance) })),
    edges: s.edges.map((e) => ({ ...e, provenance: withGrading(e.provenance) })),
  };
}

const SUBJECT_TYPES = ['Person', 'Business'] as const;

@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => Node, { nullable: true })
  node(@Root() n: SubgraphNode, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.nodeById.load(n.id);
  }
}

@Resolver()
export class NetworkResolver {
  @Query(() => Subgraph, {
    description:
      'Everything within `depth` hops of the seeds, as a drawable subgraph. Reference nodes (countries, forces, vocabularies) are reached but not expanded through unless `expandReference`. Stops at the node budget or the depth limit and says which.',
  })
  async neighbourhood(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('depth', () => Int, { defaultValue: 2 }) depth: number,
    @Arg('relationshipTypes', () => [RelationshipTypeEnum], { nullable: true }) relationshipTypes: RelationshipType[] | null,
    @Arg('nodeTypes', () => [NodeTypeEnum], { nullable: true }) nodeTypes: NodeLabel[] | null,
    @Arg('since', () => String, { nullable: true, description: 'YYYY-MM-DD: skip links that ended before' }) since: string | null,
    @Arg('until', () => String, { nullable: true, description: 'YYYY-MM-DD: skip links that began after' }) until: string | null,
    @Arg('limit', () => Int, { nullable: true, description: 'Node budget (capped by configuration)' }) limit: number | null,
    @Arg('expandReference', () => Boolean, { defaultValue: false }) expandReference: boolean,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const keys = subgraphKeys(info, []);
    return toGraphSubgraph(await neighbourhood(networkDeps(ctx), { ids, depth, relationshipTypes, nodeTypes, since, until, limit, expandReference, keys }));
  }

  @Query(() => [Path], {
    description:
      'The k shortest paths between two entities through visible links. With `timeRespecting`, only dated links, each no earlier than the one before (how money or people actually moved).',
  })
  async paths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 4 }) maxHops: number,
    @Arg('relationshipTypes', () => [RelationshipTypeEnum], { nullable: true }) relationshipTypes: RelationshipType[] | null,
    @Arg('k', () => Int, { defaultValue: 3 }) k: number,
    @Arg('timeRespecting', () => Boolean, { defaultValue: false }) timeRespecting: boolean,
    @Arg('expandReference', () => Boolean, { defaultValue: false }) expandReference: boolean,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const keys = subgraphKeys(info, ['subgraph']);
    const found = await paths(networkDeps(ctx), { from, to, maxHops, relationshipTypes, k, timeRespecting, expandReference, keys });
    return found.map((p) => ({ ...p, subgraph: toGraphSubgraph(p.subgraph) }));
  }

  @Query(() => ConnectingNetwork, { description: 'How a set of entities is connected: the union of one shortest path per pair' })
  async connectingNetwork(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('maxHops', () => Int, { defaultValue: 4 }) maxHops: number,
    @Arg('relationshipTypes', () => [RelationshipTypeEnum], { nullable: true }) relationshipTypes: RelationshipType[] | null,
    @Arg('expandReference', () => Boolean, { defaultValue: false }) expandReference: boolean,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const keys = subgraphKeys(info, ['subgraph']);
    const r = await connectingNetwork(networkDeps(ctx), { ids, maxHops, relationshipTypes, expandReference, keys });
    return { subgraph: toGraphSubgraph(r.subgraph), unconnected: r.unconnected };
  }

  @Query(() => SharedIdentifiers, {
    description:
      'People and businesses linked through the same phone, vehicle, account, document, email, handle or address, with what links them. Subjects are `ids`, or every person/business of `subjectTypes`.',
  })
  async sharedIdentifiers(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
    @Arg('subjectTypes', () => [NodeTypeEnum], { nullable: true, description: 'Person and/or Business' }) subjectTypes: NodeLabel[] | null,
    @Arg('counterpartRoles', () => [PersonRoleEnum], { nullable: true, description: 'Counterparts must be people with one of these roles' }) counterpartRoles: PersonRole[] | null,
    @Arg('viaTypes', () => [NodeTypeEnum], { nullable: true, description: 'Identifier kinds and/or Address' }) viaTypes: NodeLabel[] | null,
    @Arg('untargetedOnly', () => Boolean, { defaultValue: false, description: 'Only subjects no operation targets' }) untargetedOnly: boolean,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const subjects = (subjectTypes ?? []).filter((t): t is (typeof SUBJECT_TYPES)[number] => (SUBJECT_TYPES as readonly string[]).includes(t));
    const r = await sharedIdentifiers(networkDeps(ctx), {
      ids,
      subjectTypes: subjects,
      counterpartRoles: counterpartRoles?.map((x) => ROLE_LABEL[x] as PersonRoleLabel) ?? null,
      viaTypes,
      untargetedOnly,
      limit,
    });
    return {
      subgraph: toGraphSubgraph(r.subgraph),
      links: r.links.map((l) => ({
        subject: l.subject,
        counterpart: l.counterpart,
        via: l.via,
        subjectLink: withGrading(provenanceOf(l.subjectLink as RelRecord)),
        counterpartLink: withGrading(provenanceOf(l.counterpartLink as RelRecord)),
      })),
    };
  }

  @Query(() => [DuplicateCandidate], { description: 'Probable same-person records with a score and the evidence, best first' })
  async duplicateCandidates(
    @Arg('ids', () => [ID], { nullable: true, description: 'Only pairs involving these people' }) ids: string[] | null,
    @Arg('groupId', () => ID, { nullable: true, description: 'Only pairs involving members of this group' }) groupId: string | null,
    @Arg('minScore', () => Float, { defaultValue: 0.5 }) minScore: number,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const found = await duplicateCandidates(networkDeps(ctx), { ids, groupId, minScore, limit });
    const people = await ctx.loaders.nodeById.loadMany(found.flatMap((c) => [c.aId, c.bId]));
    return found.map((c, i) => ({
      ...c,
      a: people[2 * i] instanceof Error ? null : people[2 * i],
      b: people[2 * i + 1] instanceof Error ? null : people[2 * i + 1],
      evidence: c.evidence.map((e) => ({ ...e, sharedId: e.sharedId ?? null })),
    }));
  }

  @Mutation(() => MergeResult, {
    description:
      'Merge a duplicate record into another: every relationship and its provenance is kept (links between the two stay with the merged record, saved for its undo), the merge is recorded and can be undone. SUPERVISOR or ADMIN only.',
  })
  mergeEntities(@Arg('keepId', () => ID) keepId: string, @Arg('mergeId', () => ID) mergeId: string, @Ctx() ctx: GraphQLContext) {
    if (!hasRole(ctx.principal, 'SUPERVISOR', 'ADMIN')) throw new AppError('FORBIDDEN', 'merging records needs the SUPERVISOR or ADMIN role');
    return mergeEntities(ctx.graph, keepId, mergeId, ctx.principal, new Date());
  }

  @Mutation(() => MergeResult, {
    description: 'Undo a merge: the merged record returns with its own links, as the merge saved them (refused with MSHT_CONFLICT once a link it moved has been changed or removed); the kept one loses what the merge gave it; on a record edited since, the edits, its handling, consent and roles stay',
  })
  undoMerge(@Arg('recordId', () => ID) recordId: string, @Ctx() ctx: GraphQLContext) {
    if (!hasRole(ctx.principal, 'SUPERVISOR', 'ADMIN')) throw new AppError('FORBIDDEN', 'undoing a merge needs the SUPERVISOR or ADMIN role');
    return undoMerge(ctx.graph, recordId, ctx.principal);
  }
}

@Resolver(() => Identifier)
export class IdentifierNetworkResolver {
  @FieldResolver(() => Subgraph, { description: 'Everything within `depth` hops of this identifier (see Query.neighbourhood)' })
  async neighbourhood(
    @Root() i: { id: string },
    @Arg('depth', () => Int, { defaultValue: 2 }) depth: number,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toGraphSubgraph(await neighbourhood(networkDeps(ctx), { ids: [i.id], depth, limit, keys: subgraphKeys(info, []) }));
  }
}

const BrokerageGroupingEnum = enumOf(BROKERAGE_GROUPINGS);
registerEnumType(BrokerageGroupingEnum, { name: 'BrokerageGrouping', description: 'What brokerage roles group people by' });

@Resolver()
export class NetworkMeasuresResolver {
  @Query(() => NetworkMeasures, {
    description:
      'Who holds a network together: degree, betweenness, closeness, eigenvector and PageRank (normalised as networkx), Louvain clusters with modularity, Gould-Fernandez brokers between nationalities, groups or countries, and the key players whose removal fragments it most. Scope: a group, some people, or (neither) every person (of `roles`), up to the node budget. Ties are weighted by how many things two people share.',
  })
  async networkMeasures(
    @Arg('groupId', () => ID, { nullable: true }) groupId: string | null,
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
    @Arg('top', () => Int, { defaultValue: 10 }) top: number,
    @Arg('keyPlayers', () => Int, { defaultValue: 3 }) keyPlayerCount: number,
    @Arg('brokerageBy', () => BrokerageGroupingEnum, { defaultValue: 'NATIONALITY' }) brokerageBy: BrokerageGrouping,
    @Arg('roles', () => [PersonRoleEnum], { nullable: true, description: 'Whole-graph scope (no groupId or ids): only people with one of these roles' }) roles: PersonRole[] | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const m = await networkMeasures(networkDeps(ctx), { groupId, ids, top, keyPlayers: keyPlayerCount, brokerageBy, roles: roles?.map((r) => ROLE_LABEL[r]) ?? null, limit });
    return { ...m, links: m.edges, keyPlayers: m.keyPlayers ? { ...m.keyPlayers, people: m.keyPlayers.set } : null };
  }
}

@Resolver(() => RankedPerson)
export class RankedPersonResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() r: { id: string }, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.nodeById.load(r.id);
  }
}

@Resolver(() => Broker)
export class BrokerResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() r: { id: string }, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.nodeById.load(r.id);
  }
}

@Resolver(() => KeyPlayers)
export class KeyPlayersResolver {
  @FieldResolver(() => [Person], { nullable: 'items' })
  async people(@Root() k: { set: string[] }, @Ctx() ctx: GraphQLContext) {
    const rows = await ctx.loaders.nodeById.loadMany(k.set);
    return rows.map((r) => (r instanceof Error ? null : r));
  }
}
