import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { createDriver } from './driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded/embedded-neo4j';
import { GraphClient } from './run-query';

export interface Database {
  graph: GraphClient;
  uri: string;
  /** Present when this process started the embedded Neo4j (and will stop it). */
  embedded?: EmbeddedNeo4j;
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI when set; otherwise starts the embedded Neo4j under the data folder and
 * connects to it. `close()` closes the driver and stops what this process started.
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.neo4j.uri ? undefined : await startEmbeddedNeo4j(config.neo4j.embedded, log);
  const uri = config.neo4j.uri ?? embedded!.uri;
  const driver = createDriver(uri, config.neo4j);
  const graph = new GraphClient(driver, { database: config.neo4j.database, queryTimeoutMs: config.neo4j.queryTimeoutMs, importTimeoutMs: config.neo4j.importTimeoutMs, retryMs: config.neo4j.retryMs, log });
  if (!embedded) log.info({ uri: uri.replace(/\/\/[^@/]*@/, '//***@') }, 'using the Neo4j at NEO4J_URI');
  return {
    graph,
    uri,
    embedded,
    close: async () => {
      await graph.close().catch((e) => log.warn({ err: e }, 'closing the driver failed'));
      if (embedded) await embedded.stop();
    },
  };
}
