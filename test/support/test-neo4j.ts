import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/graph/embedded/embedded-neo4j';
import { createLogger } from '../../src/logging/logger';
import { freePort } from './free-port';

export interface TestNeo4j extends EmbeddedNeo4j {
  homeDir: string;
  port: number;
  /** Stops it and deletes its folder (a test store is some 500 MB: never leave one behind). */
  dispose(): Promise<void>;
}

/**
 * A Neo4j of the test run's own: embedded, on a free loopback port, in a temporary folder, so a
 * developer's running service and its data are never touched. Pass `homeDir`/`port` to restart
 * one on the same store.
 */
export async function startTestNeo4j(opts: { homeDir?: string; port?: number } = {}): Promise<TestNeo4j> {
  const homeDir = opts.homeDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'msht-test-neo4j-'));
  const port = opts.port ?? (await freePort());
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  const db = await startEmbeddedNeo4j(
    { homeDir, boltHost: '127.0.0.1', boltPort: port, heap: '1g', pageCache: '256m', txTimeoutSeconds: 120, txMemoryMax: '256m', startTimeoutMs: 600_000 },
    log,
  );
  return {
    ...db,
    homeDir,
    port,
    dispose: async () => {
      await db.stop();
      fs.rmSync(homeDir, { recursive: true, force: true });
    },
  };
}
