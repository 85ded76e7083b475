import 'reflect-metadata';

import { isAbstractType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';

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

/**
 * type-graphql wraps each plain field (a property, with no @FieldResolver) in a resolver of its own:
 * it builds a ResolverData object and runs the field's middleware around `root[name]`. Ours have
 * no middleware and no roles (no auth checker, no global middleware; asserted after the build by
 * `assertPlainFieldsBare`), so that wrapper only costs: a call per field of every object of every
 * answer, and, under the compiled executor, a resolve info built for each call where graphql-jit
 * would otherwise read the property inline. `simpleResolvers` is type-graphql's own switch, per
 * object type, for leaving plain fields to graphql's default resolver, which reads the same
 * property; it is set here for every object type, so a new type cannot forget it.
 */
function readPlainFieldsDirectly(): void {
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
}

/** A middleware or role on a plain field would be skipped by `readPlainFieldsDirectly`: refuse it. */
function assertPlainFieldsBare(): void {
  const storage = getMetadataStorage();
  for (const type of [...storage.objectTypes, ...storage.interfaceTypes]) {
    for (const field of type.fields ?? []) {
      if (field.middlewares?.length || field.roles) throw new Error(`Invariant failed: ${type.name}.${field.name} has middleware or roles, which plain fields skip (graphql/schema.ts)`);
    }
  }
}

let built: Promise<GraphQLSchema> | undefined;

/** The schema, built once per process from the type-graphql classes. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    readPlainFieldsDirectly();
    const schema = await buildSchema({
      resolvers: [...RESOLVERS] as unknown as [Function, ...Function[]],
      validate: false,
      emitSchemaFile: false,
    });
    assertPlainFieldsBare();
    return resolveTypesSynchronously(schema);
  })();
  return built;
}

/** The SDL as checked in at schema/schema.graphql (sorted, so diffs stay small). */
export async function printSDL(): Promise<string> {
  const schema = await buildGraphQLSchema();
  return `# Generated from the type-graphql classes in src/graphql by \`npm run schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
