import fs from 'node:fs';

import neo4j, { type Driver } from 'neo4j-driver';

import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/graph/embedded/embedded-neo4j';
import { Migrator } from '../../src/graph/migrations/migrator';
import { GraphClient } from '../../src/graph/run-query';
import { toPlain, type Row } from '../../src/graph/records';
import { createLogger } from '../../src/logging/logger';
import { freePort } from '../../test/support/free-port';

/** The bench's Neo4j: embedded in its own folder (never the developer's .data/), or one at a URI. */
export interface BenchDatabase {
  uri: string;
  driver: Driver;
  /** The service's client over the same driver (the seeder writes through it). */
  graph: GraphClient;
  /** One auto-commit statement; rows as plain JS (src/graph/records.ts). */
  run(cypher: string, params?: Record<string, unknown>): Promise<Row[]>;
  /** Pid of the embedded Neo4j (for its memory figure), when the bench started it. */
  pid?: number;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Folder of the embedded store; ignored with `uri`. */
  dataDir: string;
  uri?: string;
  heap: string;
  pageCache: string;
}

export async function openBenchDatabase(o: DatabaseOptions, say: (line: string) => void): Promise<BenchDatabase> {
  const log = createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn');
  let embedded: EmbeddedNeo4j | undefined;
  let uri = o.uri;
  if (!uri) {
    fs.mkdirSync(o.dataDir, { recursive: true });
    const port = await freePort();
    say(`starting Neo4j in ${o.dataDir} (heap ${o.heap}, page cache ${o.pageCache}, bolt port ${port})`);
    embedded = await startEmbeddedNeo4j({ homeDir: o.dataDir, boltHost: '127.0.0.1', boltPort: port, heap: o.heap, pageCache: o.pageCache, txTimeoutSeconds: 600, startTimeoutMs: 600_000 }, log);
    uri = embedded.uri;
  }
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 20 });
  const graph = new GraphClient(driver, { database: 'neo4j', queryTimeoutMs: 1_800_000, log });
  const applied = await new Migrator(graph, log).migrate();
  if (applied.length > 0) say(`migrations applied: ${applied.join(', ')}`);
  return {
    uri,
    driver,
    graph,
    pid: embedded?.pid,
    run: async (cypher, params = {}) => {
      const session = driver.session({ database: 'neo4j' });
      try {
        const res = await session.run(cypher, params);
        return res.records.map((r) => toPlain(r.toObject()) as Row);
      } finally {
        await session.close();
      }
    },
    close: async () => {
      await driver.close().catch(() => undefined);
      if (embedded) await embedded.stop();
    },
  };
}
