import 'reflect-metadata';

import { isAbstractType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { entityLabel, type EntityRecord } from '../domain/entity-record';
import { isNodeLabel } from '../domain/graph-model';

import { BusinessResolver } from './resolvers/business.resolver';
import { ENTITY_QUERY_RESOLVERS, LookupResolver } from './resolvers/entity-queries';
import { ExportResolver } from './resolvers/export.resolver';
import { ExploitationResolver, ExploitationTypeResolver, IntelligenceReportResolver, NrmReferralResolver } from './resolvers/exploitation.resolver';
import { GroupResolver } from './resolvers/group.resolver';
import { BusinessModelResolver, InsightResolver } from './resolvers/insight.resolver';
import { ImportResolver } from './resolvers/import.resolver';
import { BankAccountResolver, IdentifierResolver, TravelDocumentResolver } from './resolvers/identifier.resolver';
import { AddressResolver, LocationResolver, PoliceForceResolver } from './resolvers/location.resolver';
import { MutationResolver } from './resolvers/mutation.resolver';
import { BrokerResolver, GraphNodeResolver, IdentifierNetworkResolver, KeyPlayersResolver, NetworkMeasuresResolver, NetworkResolver, RankedPersonResolver } from './resolvers/network.resolver';
import { AuditResolver } from './resolvers/audit.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { NrmStatisticResolver } from './resolvers/nrm-statistic.resolver';
import { OperationResolver } from './resolvers/operation.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { RouteResolver } from './resolvers/route.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { SystemResolver } from './resolvers/system.resolver';

export const RESOLVERS = [
  NodeResolver,
  SystemResolver,
  LookupResolver,
  ...ENTITY_QUERY_RESOLVERS,
  PersonResolver,
  GroupResolver,
  LocationResolver,
  AddressResolver,
  PoliceForceResolver,
  RouteResolver,
  OperationResolver,
  BusinessResolver,
  IdentifierResolver,
  BankAccountResolver,
  TravelDocumentResolver,
  ExploitationResolver,
  NrmReferralResolver,
  IntelligenceReportResolver,
  ExploitationTypeResolver,
  SearchResolver,
  NetworkResolver,
  InsightResolver,
  BusinessModelResolver,
  GraphNodeResolver,
  IdentifierNetworkResolver,
  NetworkMeasuresResolver,
  RankedPersonResolver,
  BrokerResolver,
  KeyPlayersResolver,
  MutationResolver,
  AuditResolver,
  ExportResolver,
  ImportResolver,
  NrmStatisticResolver,
] as const;

/**
 * type-graphql wraps each interface's `resolveType` in an async function. Ours answer at once (the
 * entity label), and the compiled executor (http/compiled-executor.ts) needs that answer without
 * awaiting it, so every abstract type over entities (each implementation named by a node label)
 * resolves through `entityLabel` directly. Any other abstract type stops the build: it needs a
 * synchronous resolver of its own here.
 */
function resolveTypesSynchronously(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    if (!schema.getPossibleTypes(type).every((t) => isNodeLabel(t.name))) throw new Error(`Invariant failed: abstract type ${type.name} has no synchronous resolveType (graphql/schema.ts)`);
    type.resolveType = (value: EntityRecord) => entityLabel(value);
  }
  return schema;
}

let built: Promise<GraphQLSchema> | undefined;

/** The schema, built once per process from the type-graphql classes. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS] as unknown as [Function, ...Function[]],
    validate: false,
    emitSchemaFile: false,
  }).then(resolveTypesSynchronously);
  return built;
}

/** The SDL as checked in at schema/schema.graphql (sorted, so diffs stay small). */
export async function printSDL(): Promise<string> {
  const schema = await buildGraphQLSchema();
  return `# Generated from the type-graphql classes in src/graphql by \`npm run schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
