import http from 'node:http';
import type { AddressInfo } from 'node:net';

import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';

import { createReadiness } from './app-readiness';
import { Authenticator } from './auth/authenticator';
import { Pseudonymiser } from './auth/pseudonymiser';
import { loadOrCreateSecret } from './auth/secrets';
import type { Config } from './config/config';
import { Migrator } from './graph/migrations/migrator';
import type { GraphClient } from './graph/run-query';
import { buildGraphQLSchema } from './graphql/schema';
import { createGraphQLServer } from './http/graphql-server';
import { healthRoutes } from './http/health';
import { requestId } from './http/request-id';
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
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestId);
  app.use(healthRoutes(readiness));

  const { apollo, middleware } = await createGraphQLServer({
    schema: await buildGraphQLSchema(),
    httpServer,
    graph,
    authenticator,
    pseudonyms,
    log,
    production: config.mode === 'production',
    limits: config.traversal,
  });
  const corsOptions = config.http.corsOrigins.length > 0 ? { origin: config.http.corsOrigins, credentials: false, maxAge: 600 } : { origin: false };
  app.use('/graphql', cors(corsOptions), express.json({ limit: config.http.bodyLimit }), middleware);

  // Body-parser failures (bad JSON, too large) answer as GraphQL-shaped errors, never HTML.
  app.use((err: { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ requestId: req.requestId, err }, 'unhandled HTTP error');
    const message = err.type === 'entity.too.large' ? 'the request body is too large' : status === 500 ? 'Internal server error' : 'the request body is not valid JSON';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  return {
    httpServer,
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
    },
  };
}
