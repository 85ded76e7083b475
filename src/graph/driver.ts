import neo4j, { type Driver } from 'neo4j-driver';

import type { Neo4jConfig } from '../config/config';
import { coalesceBoltWrites } from './bolt-writes';

/**
 * The driver, configured once: plain JS numbers for integers, a short connection timeout and a
 * capped retry window so that a request fails fast with SERVICE_UNAVAILABLE when Neo4j is gone
 * (the driver's default retry would hold it for 30 s), and recovers by itself when it returns.
 * Its Bolt messages go out in one socket write per batch (bolt-writes.ts).
 */
export function createDriver(uri: string, cfg: Neo4jConfig): Driver {
  coalesceBoltWrites();
  const auth = cfg.password !== undefined ? neo4j.auth.basic(cfg.user, cfg.password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: cfg.retryMs,
    connectionTimeout: cfg.connectTimeoutMs,
    connectionAcquisitionTimeout: Math.max(cfg.connectTimeoutMs * 2, 5000),
    maxConnectionPoolSize: 100,
    userAgent: 'msht-graph',
  });
}
