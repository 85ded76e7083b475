import net from 'node:net';

import { loadConfig } from '../../../src/config/config';
import { createDriver } from '../../../src/graph/driver';
import { GraphClient } from '../../../src/graph/run-query';
import { createLogger } from '../../../src/logging/logger';

// The driver's own buffer would send a statement of several KB in writes of 1,400 bytes each;
// the service's driver sends a RUN with its PULL in one write (src/graph/bolt-writes.ts).
describe('Bolt messages leave in one socket write', () => {
  let graph: GraphClient;
  let boltPort: number;

  beforeAll(() => {
    const uri = process.env.MSHT_TEST_NEO4J_URI;
    if (!uri) throw new Error('no test Neo4j: run integration tests through jest (global setup starts one)');
    boltPort = Number(new URL(uri).port);
    const config = loadConfig({ NEO4J_URI: uri, MSHT_MODE: 'test' });
    graph = new GraphClient(createDriver(uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: 60_000, log: createLogger('silent') });
  });
  afterAll(() => graph.close());

  /** Runs `work` and returns the sizes of the writes made to Neo4j's Bolt port meanwhile. */
  async function boltWritesDuring(work: () => Promise<unknown>): Promise<number[]> {
    const sizes: number[] = [];
    const original = net.Socket.prototype.write;
    const write = jest.spyOn(net.Socket.prototype, 'write').mockImplementation(function (this: net.Socket, ...args: Parameters<typeof original>) {
      if (this.remotePort === boltPort) sizes.push((args[0] as Uint8Array).byteLength);
      return original.apply(this, args);
    });
    try {
      await work();
    } finally {
      write.mockRestore();
    }
    return sizes;
  }

  it('sends a 6 KB statement as one write, and reads its answer whole', async () => {
    await graph.read({ cypher: 'RETURN 1 AS warm', params: {} }); // connection open and pooled
    const padding = 'x'.repeat(6000);
    let rows: unknown[] = [];
    const sizes = await boltWritesDuring(async () => {
      rows = await graph.read({ cypher: `RETURN size($text) AS n // ${padding}`, params: { text: padding } });
    });
    expect(rows).toEqual([{ n: 6000 }]);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeGreaterThan(12_000);
  });

  it('still splits a message larger than the buffer, and Neo4j reads it whole', async () => {
    const big = 'y'.repeat(100_000);
    let rows: unknown[] = [];
    const sizes = await boltWritesDuring(async () => {
      rows = await graph.read({ cypher: 'RETURN size($text) AS n', params: { text: big } });
    });
    expect(rows).toEqual([{ n: 100_000 }]);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16 * 1024);
  });
});
