import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

import cors from 'cors';
import express, { type Request, type Response } from 'express';

import { createReadiness } from './app-readiness';
import { AuditLog } from './auth/audit/audit-log';
import { Authenticator } from './auth/authenticator';
import { Pseudonymiser } from './auth/pseudonymiser';
import { loadOrCreateSecret } from './auth/secrets';
import type { Config } from './config/config';
import { auditAppender } from './graph/audit.writer';
import { Migrator } from './graph/migrations/migrator';
import type { GraphClient } from './graph/run-query';
import { buildGraphQLSchema } from './graphql/schema';
import { describeAuditedRequest, openAudit } from './http/audit-requests';
import { authenticate } from './http/authenticate';
import { baseHeaders } from './http/base-headers';
import { exportDownloadRoute } from './http/export-download';
import { ExportStore } from './exports/export-store';
import { handlerChain, isGraphQLPost } from './http/graphql-post';
import { createGraphQLServer } from './http/graphql-server';
import { healthRoutes } from './http/health';
import { httpErrorHandler } from './http/http-errors';
import { rateLimit } from './http/rate-limit';
import { requestId } from './http/request-id';
import { defaultManifestFile, loadManifest } from './http/trusted-documents/trusted-manifest';
import { trustedDocuments } from './http/trusted-documents/trusted-documents';
import { workbenchRoutes } from './http/workbench/workbench';
import type { Logger } from './logging/logger';

export interface AppDeps {
  config: Config;
  graph: GraphClient;
  log: Logger;
}

export interface App {
  /** Listens on config.http (port 0 picks a free one); resolves with the bound URL. */
  listen(): Promise<string>;
  /** Stops accepting, finishes in-flight requests, then resolves. Does not close the driver. */
  close(): Promise<void>;
  httpServer: http.Server;
  /** The HS256 secret tokens are signed with, where the service holds one (development, tests). */
  devTokenSecret?: string;
  /** The audit trail's writer (tests flush it to read events back). */
  auditLog: AuditLog;
}

/** The secrets a running service uses: from configuration, or made once in development. */
export function resolveSecrets(config: Config): { jwtSecret?: string; pseudonymKey: string } {
  const dev = config.mode !== 'production';
  const jwtSecret = config.auth.jwtSecret ?? (dev && !config.auth.jwksFile && !config.auth.jwksUrl ? loadOrCreateSecret(config.dataDir, 'jwt-hs256') : undefined);
  const pseudonymKey = config.pseudonymKey ?? loadOrCreateSecret(config.dataDir, 'pseudonym-key');
  return { jwtSecret, pseudonymKey };
}

/** Composition root: wires config, graph client, auth and HTTP by hand. */
export async function createApp({ config, graph, log }: AppDeps): Promise<App> {
  const secrets = resolveSecrets(config);
  const authenticator = new Authenticator(config.auth, { secret: secrets.jwtSecret, jwksFile: config.auth.jwksFile, jwksUrl: config.auth.jwksUrl });
  const pseudonyms = new Pseudonymiser(secrets.pseudonymKey);
  const readiness = createReadiness(graph, new Migrator(graph, log));

  const app = express();
  // Its request listener is added below, once every route is built.
  const httpServer = http.createServer();
  app.disable('x-powered-by');
  // GraphQL answers are POSTed, per caller and never revalidated: no ETag hashing of every body.
  app.set('etag', false);
  app.set('trust proxy', false);
  // What every request gets first. POST /graphql does not pass through express (see the end):
  // a handler for every request belongs in this list, which both run.
  const everyRequest = [requestId, baseHeaders];
  app.use(...everyRequest);
  app.use(healthRoutes(readiness));

  const { security } = config;
  const auditLog = new AuditLog({ append: auditAppender(graph) }, log, { flushMs: security.audit.flushMs });
  const trustedManifest = security.trustedDocuments.enabled ? loadManifest(security.trustedDocuments.file ?? defaultManifestFile()) : undefined;
  if (trustedManifest) log.info({ documents: trustedManifest.size }, 'trusted-documents mode: only listed operations run');

  const exports = new ExportStore(path.join(config.dataDir, 'exports'));

  const schema = await buildGraphQLSchema();
  const { apollo, middleware } = await createGraphQLServer({
    schema,
    httpServer,
    graph,
    pseudonyms,
    log,
    production: config.mode === 'production',
    limits: security.limits,
    traversal: config.traversal,
    exports,
    auditLog,
    trustedManifest,
    compileAfterRuns: config.compileAfterRuns,
  });
  // Browsers may call from the listed origins only; CSRF prevention (Apollo) refuses the
  // "simple" requests a page on any origin could send without a preflight. CORS comes first, so
  // that preflights end here (204) before any other route can answer them.
  const corsOptions = config.http.corsOrigins.length > 0 ? { origin: config.http.corsOrigins, credentials: false, maxAge: 600 } : { origin: false };
  const corsHeaders = cors(corsOptions);
  app.use('/graphql', corsHeaders);
  // With no origins listed, cors() lets a preflight through: answer it here, granting nothing, so
  // that it is neither recorded as a failed login nor handed to Apollo (it is not a GraphQL request).
  app.options('/graphql', (_req: Request, res: Response) => {
    res.status(204).end();
  });
  // Before /graphql: a browser's GET /graphql gets the IDE; every other request goes on to Apollo.
  if (config.workbench.enabled) {
    app.use(workbenchRoutes({ mode: config.mode, workbench: config.workbench, auth: config.auth, devTokenSecret: secrets.jwtSecret, schema, log }));
  }
  // In this order: the audit record, the body (size-limited), what the request asks (for the
  // audit), the caller, their rate, trusted documents, then GraphQL.
  const graphqlHandlers = [
    openAudit(auditLog),
    express.json({ limit: config.http.bodyLimit }),
    describeAuditedRequest(trustedManifest),
    authenticate(authenticator, log),
    rateLimit(security.rateLimit),
    ...(trustedManifest ? [trustedDocuments(trustedManifest, security.limits.maxTokens)] : []),
    middleware,
  ];
  app.use('/graphql', ...graphqlHandlers);

  app.use('/exports', openAudit(auditLog), authenticate(authenticator, log), rateLimit(security.rateLimit), exportDownloadRoute(exports));

  const errors = httpErrorHandler({ bodyLimit: config.http.bodyLimit, log });
  app.use(errors);

  // POST /graphql skips express (graphql-post.ts) and runs the handlers express would run for it,
  // in the same order: express's health routes, preflight answer and workbench all let a POST pass.
  // A handler added to express before /graphql must be added here too.
  const graphqlPost = handlerChain([...everyRequest, corsHeaders, ...graphqlHandlers], errors);
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => (isGraphQLPost(req) ? graphqlPost(req, res) : app(req, res)));

  return {
    httpServer,
    auditLog,
    devTokenSecret: secrets.jwtSecret,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.http.port, config.http.host, () => {
          const addr = httpServer.address() as AddressInfo;
          const host = addr.address.includes(':') ? `[${addr.address}]` : addr.address;
          resolve(`http://${host}:${addr.port}`);
        });
      }),
    close: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      // After the last response: its audit event is in the buffer; write it before the driver closes.
      await auditLog.close().catch((err: unknown) => log.error({ err, pending: auditLog.pending }, 'audit events could not be written at shutdown'));
    },
  };
}
