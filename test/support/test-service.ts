import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { GraphQLClient } from 'graphql-request';

import { createApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/config/config';
import { createDriver } from '../../src/graph/driver';
import { GraphClient } from '../../src/graph/run-query';
import { createLogger } from '../../src/logging/logger';
import { getSdk } from '../../src/sdk/generated';
import { TEST_JWT_SECRET, testToken, type TokenOptions } from './tokens';

export interface TestService {
  url: string;
  config: Config;
  graph: GraphClient;
  app: App;
  /** The generated SDK, calling the running server over HTTP with a token for these roles. */
  sdk(token: TokenOptions): Promise<ReturnType<typeof getSdk>>;
  /** A graphql-request client with that token, for raw documents. */
  client(token: TokenOptions): Promise<GraphQLClient>;
  close(): Promise<void>;
}

export const TEST_PSEUDONYM_KEY = 'test-pseudonym-key-0123456789abcdef';

/**
 * The real service (express + Apollo + our graph layer) on a free port, against the run's Neo4j
 * or the one given. Tests talk to it over HTTP, as a client would.
 */
export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const uri = env.NEO4J_URI ?? process.env.MSHT_TEST_NEO4J_URI;
  if (!uri) throw new Error('no test Neo4j: run integration tests through jest (global setup starts one)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-test-data-'));
  const config = loadConfig({
    MSHT_MODE: 'test',
    PORT: '0',
    // Every document compiled from its first run, so the whole suite checks the compiled path;
    // graphql-js runs a document first in production (unit-tested in compiled-executor.test.ts).
    MSHT_COMPILE_AFTER_RUNS: '0',
    MSHT_DATA_DIR: dataDir,
    MSHT_AUTH_JWT_SECRET: TEST_JWT_SECRET,
    MSHT_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    // No rate limit unless a test sets one (http-hardening does). A test that builds its world
    // through the API sends a few hundred requests as one subject; on a fast machine those
    // outran the production burst and failed with MSHT_RATE_LIMITED, on a slow one they did not.
    MSHT_RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
    NEO4J_URI: uri,
  });
  const log = createLogger(config.logLevel);
  const graph = new GraphClient(createDriver(uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: config.neo4j.queryTimeoutMs, importTimeoutMs: config.neo4j.importTimeoutMs, retryMs: config.neo4j.retryMs, log });
  const app = await createApp({ config, graph, log });
  const url = `${await app.listen()}/graphql`;
  const client = async (t: TokenOptions) => new GraphQLClient(url, { headers: { authorization: `Bearer ${await testToken(t)}` } });
  return {
    url,
    config,
    graph,
    app,
    client,
    sdk: async (t) => getSdk(await client(t)),
    close: async () => {
      await app.close();
      await graph.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
