// Our service as in production, for the bench: the real createApp (express, Apollo, auth, limits,
// audit trail) in MSHT_MODE=production with an HS256 secret and a pseudonym key, over the
// bench's Neo4j. Rate limiting is off (MSHT_RATE_LIMIT_PER_MINUTE=0): one subject sends every
// request. Logs at warn (an info line per request would be measured too).
// Run as a child process by bench/run.ts; prints "BENCH_READY <url>".
import 'reflect-metadata';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createDriver } from '../../src/graph/driver';
import { GraphClient } from '../../src/graph/run-query';
import { createLogger } from '../../src/logging/logger';

async function main(): Promise<void> {
  const uri = process.env.BENCH_NEO4J_URI;
  if (!uri) throw new Error('BENCH_NEO4J_URI is not set');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-bench-service-'));
  const config = loadConfig({
    MSHT_MODE: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.BENCH_SERVICE_LOG_LEVEL ?? 'warn',
    NEO4J_URI: uri,
    MSHT_DATA_DIR: dataDir,
    MSHT_AUTH_JWT_SECRET: process.env.BENCH_JWT_SECRET,
    MSHT_PSEUDONYM_KEY: process.env.BENCH_PSEUDONYM_KEY,
    MSHT_RATE_LIMIT_PER_MINUTE: '0',
    MSHT_MIGRATE_ON_START: 'false',
  });
  const log = createLogger(config.logLevel);
  const graph = new GraphClient(createDriver(uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: config.neo4j.queryTimeoutMs, importTimeoutMs: config.neo4j.importTimeoutMs, retryMs: config.neo4j.retryMs, log });
  const app = await createApp({ config, graph, log });
  const url = await app.listen();
  process.stdout.write(`BENCH_READY ${url}/graphql\n`);
  const stop = async () => {
    await app.close();
    await graph.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
