import type http from 'node:http';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Request } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';

import { accessScope } from '../auth/access-policy';
import type { Authenticator } from '../auth/authenticator';
import type { TraversalLimits } from '../config/config';
import type { Pseudonymiser } from '../auth/pseudonymiser';
import { AppError } from '../errors/app-error';
import { formatError, isExpectedError } from '../errors/format-error';
import type { GraphClient } from '../graph/run-query';
import { ScopedGraph } from '../graph/scoped-graph';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../loaders/loaders';
import type { Logger } from '../logging/logger';

export interface GraphQLServerDeps {
  schema: GraphQLSchema;
  httpServer: http.Server;
  graph: GraphClient;
  authenticator: Authenticator;
  pseudonyms: Pseudonymiser;
  log: Logger;
  production: boolean;
  limits: TraversalLimits;
}

/** Logs each operation once, with its Cypher count, and reports the count in a response header. */
function requestLogPlugin(log: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = Date.now();
      return {
        async didEncounterErrors({ errors, contextValue: ctx }) {
          for (const e of errors) {
            if (!isExpectedError(e)) {
              log.error({ requestId: ctx.requestId, err: e.originalError ?? e, path: e.path }, 'unexpected error in a GraphQL request');
            }
          }
        },
        async willSendResponse({ response, operationName, errors, contextValue: ctx }) {
          response.http.headers.set('x-cypher-queries', String(ctx.stats.queries));
          log.info(
            {
              requestId: ctx.requestId,
              subject: ctx.principal.subject,
              operationName: operationName ?? null,
              ms: Date.now() - started,
              cypherQueries: ctx.stats.queries,
              errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql request',
          );
        },
      };
      void contextValue;
    },
  };
}

/** Apollo Server 5 with our error policy, plus the express middleware that builds each context. */
export async function createGraphQLServer(deps: GraphQLServerDeps) {
  const apollo = new ApolloServer<GraphQLContext>({
    schema: deps.schema,
    formatError: (formatted, error) => formatError(formatted, error, { hideSuggestions: deps.production }),
    includeStacktraceInErrorResponses: false,
    introspection: !deps.production,
    hideSchemaDetailsFromClientErrors: deps.production,
    csrfPrevention: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer }), ApolloServerPluginLandingPageDisabled(), requestLogPlugin(deps.log)],
  });
  await apollo.start();

  const context = async ({ req }: { req: Request }): Promise<GraphQLContext> => {
    let principal;
    try {
      principal = await deps.authenticator.verify(req.header('authorization'));
    } catch (e) {
      const message = e instanceof AppError ? e.message : 'the token is not valid';
      deps.log.warn({ requestId: req.requestId, reason: message }, 'authentication failed');
      throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    const stats = { queries: 0 };
    const access = accessScope(principal);
    const graph = new ScopedGraph(deps.graph, access, { requestId: req.requestId, subject: principal.subject, stats });
    return {
      requestId: req.requestId,
      principal,
      access,
      graph,
      loaders: createLoaders(graph),
      stats,
      pseudonyms: deps.pseudonyms,
      limits: deps.limits,
      log: deps.log,
    };
  };

  return { apollo, middleware: expressMiddleware(apollo, { context }) };
}
