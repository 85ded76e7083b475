import { loadConfig } from '../../src/config/config';
import { createDriver } from '../../src/graph/driver';
import { GraphClient } from '../../src/graph/run-query';
import type { ScopedGraph } from '../../src/graph/scoped-graph';
import { systemGraph } from '../../src/graph/system-graph';
import { createLogger } from '../../src/logging/logger';

export interface TestGraph {
  uri: string;
  client: GraphClient;
  /** The graph as CLI commands see it (the SYSTEM principal). */
  system: ScopedGraph;
  close(): Promise<void>;
}

/** The run's Neo4j (started by the global setup), for tests of the data layer without HTTP. */
export function testGraph(): TestGraph {
  const uri = process.env.MSHT_TEST_NEO4J_URI;
  if (!uri) throw new Error('no test Neo4j: run integration tests through jest (global setup starts one)');
  const config = loadConfig({ NEO4J_URI: uri, MSHT_MODE: 'test' });
  const client = new GraphClient(createDriver(uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: 600_000, log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  return { uri, client, system: systemGraph(client, 'test'), close: () => client.close() };
}

/** Every node and relationship in the graph (bookkeeping and reference data included). */
export async function countAll(client: GraphClient): Promise<{ nodes: number; relationships: number }> {
  const [row] = await client.read({ cypher: 'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships', params: {} });
  return row as { nodes: number; relationships: number };
}

/**
 * Every node and relationship but the audit trail's (its events, chain tip and writers). A service
 * records each request, refused or not, and writes its events in batches a moment later: a test
 * of "writes nothing" through HTTP flushes the audit log and counts this.
 */
export async function countData(client: GraphClient): Promise<{ nodes: number; relationships: number }> {
  const [row] = await client.read({
    cypher: 'MATCH (n) WHERE NOT n:AuditEvent|AuditChain|AuditWriter WITH count(n) AS nodes OPTIONAL MATCH (a)-[r]->(b) WHERE NOT (a:AuditEvent|AuditChain|AuditWriter OR b:AuditEvent|AuditChain|AuditWriter) RETURN nodes, count(r) AS relationships',
    params: {},
  });
  return row as { nodes: number; relationships: number };
}
