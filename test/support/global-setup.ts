import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../src/config/config';
import { createDriver } from '../../src/graph/driver';
import { Migrator } from '../../src/graph/migrations/migrator';
import { GraphClient } from '../../src/graph/run-query';
import { createLogger } from '../../src/logging/logger';
import { startTestNeo4j, type TestNeo4j } from './test-neo4j';

declare global {
  var __mshtTestNeo4j: TestNeo4j | undefined;
  var __mshtTestTmp: string | undefined;
}

/**
 * Starts the integration run's Neo4j (unless MSHT_TEST_NEO4J_URI points at one) and applies the
 * migrations. Workers find it through MSHT_TEST_NEO4J_URI, and the run's temporary folder (for
 * test files: support/temp-dir.ts; removed by the teardown) through MSHT_TEST_TMP.
 */
export default async function globalSetup(): Promise<void> {
  // The browser project's setup runs this too: one folder for the whole run.
  globalThis.__mshtTestTmp ??= fs.mkdtempSync(path.join(os.tmpdir(), 'msht-test-'));
  process.env.MSHT_TEST_TMP = globalThis.__mshtTestTmp;
  let uri = process.env.MSHT_TEST_NEO4J_URI;
  if (!uri) {
    const db = await startTestNeo4j();
    globalThis.__mshtTestNeo4j = db;
    uri = db.uri;
    process.env.MSHT_TEST_NEO4J_URI = uri;
  }
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  const config = loadConfig({ NEO4J_URI: uri, MSHT_MODE: 'test' });
  const graph = new GraphClient(createDriver(uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: 120_000, log });
  try {
    await new Migrator(graph, log).migrate();
  } finally {
    await graph.close();
  }
}
