import 'reflect-metadata';

import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { AuditResolver } from './resolvers/audit.resolver';
import { CountryResolver } from './resolvers/country.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { SystemResolver } from './resolvers/system.resolver';

export const RESOLVERS = [NodeResolver, CountryResolver, PersonResolver, SystemResolver, AuditResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema, built once per process from the type-graphql classes. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS] as unknown as [Function, ...Function[]],
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}

/** The SDL as checked in at schema/schema.graphql (sorted, so diffs stay small). */
export async function printSDL(): Promise<string> {
  const schema = await buildGraphQLSchema();
  return `# Generated from the type-graphql classes in src/graphql by \`npm run schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
