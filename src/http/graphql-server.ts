import type http from 'node:http';
// The legacy parser, as Apollo's express integration split the URL (its search part is what Apollo reads).
import { parse as parseUrl } from 'node:url';

import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';

import { accessScope } from '../auth/access-policy';
import type { AuditLog } from '../auth/audit/audit-log';
import type { TraversalLimits } from '../config/config';
import type { ExportStore } from '../exports/export-store';
import type { Pseudonymiser } from '../auth/pseudonymiser';
import type { QueryLimits } from '../config/config';
import { formatError, isExpectedError } from '../errors/format-error';
import type { GraphClient } from '../graph/run-query';
import { ScopedGraph } from '../graph/scoped-graph';
import type { GraphQLContext } from '../graphql/context';
import { createLoaders } from '../loaders/loaders';
import type { Logger } from '../logging/logger';
import { auditPlugin } from './audit.plugin';
import { compiledExecution } from './compiled-executor';
import { limitValidationRules } from './limits/query-limits';
import { queryCostPlugin } from './query-limits.plugin';
import type { HttpHandler, HttpRequest, HttpResponse } from './request-state';
import { sendBody } from './send-error';
import { manifestCache } from './trusted-documents/trusted-documents';

export interface GraphQLServerDeps {
  schema: GraphQLSchema;
  httpServer: http.Server;
  graph: GraphClient;
  pseudonyms: Pseudonymiser;
  log: Logger;
  production: boolean;
  limits: QueryLimits;
  traversal: TraversalLimits;
  exports: ExportStore;
  auditLog: AuditLog;
  /** Trusted-documents mode: persisted-query hashes resolve from this manifest only. */
  trustedManifest?: Map<string, string>;
  /** Runs of a query text through graphql-js before it is compiled (compiled-executor.ts). */
  compileAfterRuns: number;
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

/**
 * Apollo Server 5 with our error policy and limits, plus the middleware that builds each context
 * and hands the request to Apollo. Refusals before execution (parse, validation, limits, cost) answer HTTP 400; the token
 * is verified earlier, by the authenticate middleware (app.ts).
 */
export async function createGraphQLServer(deps: GraphQLServerDeps) {
  const apollo = new ApolloServer<GraphQLContext>({
    gateway: compiledExecution(deps.schema, { compileAfterRuns: deps.compileAfterRuns }),
    formatError: (formatted, error) => formatError(formatted, error, { hideSuggestions: deps.production }),
    includeStacktraceInErrorResponses: false,
    introspection: !deps.production,
    hideSchemaDetailsFromClientErrors: deps.production,
    csrfPrevention: true,
    // The parser stops past this many tokens (graphql-js); formatError names it MSHT_TOO_MANY_TOKENS.
    parseOptions: { maxTokens: deps.limits.maxTokens },
    // Our limit rules run beside the spec's rules, so a deep or alias-heavy document is refused
    // with its own code even when it is also invalid. They follow fragments through a memo, so
    // Apollo's `maxRecursiveSelections` guard (which would defer them until the spec rules pass)
    // is not needed for them.
    validationRules: limitValidationRules(deps.limits),
    persistedQueries: deps.trustedManifest ? { cache: manifestCache(deps.trustedManifest), ttl: null } : undefined,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints here (answers depend on the caller's clearance and are never cached), and
      // Apollo's default cache-control plugin would wrap every field resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(deps.log),
      queryCostPlugin(deps.limits),
      auditPlugin(),
    ],
  });
  await apollo.start();

  const context = async (req: HttpRequest): Promise<GraphQLContext> => {
    const principal = req.principal;
    // The authenticate middleware runs first; without it no request may reach a resolver.
    if (!principal) throw new GraphQLError('a bearer token is required', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
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
      limits: deps.traversal,
      exports: deps.exports,
      log: deps.log,
      audit: req.audit,
      auditLog: deps.auditLog,
    };
  };

  return { apollo, middleware: apolloHandler(apollo, context) };
}

/**
 * Hands a request to Apollo and writes its answer, on node's request and response, so that it
 * serves the plain POST route (graphql-post.ts) and express alike: what Apollo's express
 * integration did, less express's `res.send` (the body goes out whole, with its length).
 */
function apolloHandler(apollo: ApolloServer<GraphQLContext>, context: (req: HttpRequest) => Promise<GraphQLContext>): HttpHandler {
  return async (req: HttpRequest, res: HttpResponse) => {
    // The JSON body parser runs first (app.ts); without it Apollo would blame the client for a
    // missing body. A fault of this service: 500.
    if (!('body' in req)) throw new Error('the request body was not read before GraphQL');
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: parseUrl(req.url ?? '').search ?? '', body: req.body },
      context: () => context(req),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    const status = answer.status ?? 200;
    if (answer.body.kind === 'complete') return sendBody(res, status, res.hasHeader('content-type') ? undefined : 'text/plain; charset=utf-8', answer.body.string);
    // Incremental delivery (@defer) is not enabled here; should Apollo ever stream, the chunks go out as they come.
    res.statusCode = status;
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
