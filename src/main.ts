import 'reflect-metadata';

import { warmUp } from './app-warm-up';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './graph/database';
import { Migrator } from './graph/migrations/migrator';
import { unfinishedImports } from './ingestion/run-import';
import { seedIfEmpty } from './ingestion/seed/seed-on-empty';
import { systemGraph } from './graph/system-graph';
import { createLogger } from './logging/logger';

/**
 * `msht serve`: load config, open Neo4j (embedded unless NEO4J_URI), apply migrations, serve HTTP,
 * and on SIGTERM/SIGINT stop accepting, finish in-flight requests, close the driver, stop Neo4j.
 */
export async function serve(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  if (config.migrateOnStart) {
    const applied = await new Migrator(db.graph, log).migrate();
    log.info({ applied: applied.length }, applied.length ? 'migrations applied' : 'migrations up to date');
  }
  const system = systemGraph(db.graph, 'start');
  const unfinished = await unfinishedImports(system);
  if (unfinished.length > 0) {
    log.warn({ runs: unfinished.map((r) => ({ id: r.id, source: r.source, pid: r.pid, host: r.host })) }, 'unfinished import runs: their items are in the graph until `msht import --recover` rolls them back');
  }
  if (config.seedOnEmpty) await seedIfEmpty(system, log);
  const app = await createApp({ config, graph: db.graph, log });
  const url = await app.listen();
  log.info({ url: `${url}/graphql`, mode: config.mode }, 'msht-graph serving GraphQL');
  if (config.warmUp) void warmUp({ graph: systemGraph(db.graph, 'warm-up'), limits: config.traversal }, new Date(), log);
  if (app.devTokenSecret && config.mode === 'development') {
    log.info('development mode: get a bearer token with `npx msht token --role ANALYST` (roles: ANALYST, VICTIM_DATA_OFFICER, LIAISON, INGEST, SUPERVISOR, ADMIN)');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 45_000);
    force.unref();
    try {
      await app.close();
      await db.close();
      log.info('stopped');
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
