import net from 'node:net';

import { coalesceBoltWrites } from '../../../src/graph/bolt-writes';
import { testGraph, type TestGraph } from '../../support/test-graph';

/**
 * The driver's Bolt messages go out in one socket write per batch (src/graph/bolt-writes.ts):
 * a statement several times the driver's 1,400-byte buffer, with its PULL, is one system call,
 * and Neo4j still reads it whole. Counted at the socket's own write methods, which node calls once
 * per system call it makes (`_write` for one buffer, `_writev` for several).
 */
describe('Bolt writes on a real Neo4j', () => {
  let g: TestGraph;
  const calls = { write: 0, writev: 0 };
  const socket = net.Socket.prototype as unknown as Record<'_write' | '_writev', (...args: unknown[]) => void>;
  const original = { write: socket._write, writev: socket._writev };

  beforeAll(() => {
    g = testGraph();
    socket._write = function (this: unknown, ...args: unknown[]) {
      calls.write += 1;
      return original.write.apply(this, args);
    };
    socket._writev = function (this: unknown, ...args: unknown[]) {
      calls.writev += 1;
      return original.writev.apply(this, args);
    };
  });
  afterAll(async () => {
    socket._write = original.write;
    socket._writev = original.writev;
    await g.close();
  });

  it('recognises the driver it wraps (else it writes as the driver ships, and this test says so)', () => {
    expect(coalesceBoltWrites()).toBe(true);
  });

  it('sends a long statement and its parameters in one write, and gets its answer whole', async () => {
    // Warm the pool so that connecting and logging on are not counted.
    await g.client.read({ cypher: 'RETURN 1 AS ok', params: {} });
    // About 9 KB of statement text and 6 KB of parameters: eleven of the driver's buffers.
    const padding = Array.from({ length: 300 }, (_, i) => `/* ${String(i).padStart(20, '0')} */`).join('\n');
    const names = Array.from({ length: 200 }, (_, i) => `name-${i}-${'x'.repeat(20)}`);
    calls.write = 0;
    calls.writev = 0;
    const rows = await g.client.read({ cypher: `${padding}\nUNWIND $names AS name RETURN count(name) AS n, $names[199] AS last`, params: { names } });
    expect(rows).toEqual([{ n: 200, last: names[199] }]);
    expect(calls.write + calls.writev).toBe(1);
  });

  it('keeps the order of writes made across several batches on one connection', async () => {
    // A transaction of several statements: each batch (BEGIN and RUN, then each RUN, then COMMIT)
    // goes out whole and in order; the answers say Neo4j read each statement as sent.
    const answers = await g.client.readTx(async (tx) => {
      const out: unknown[] = [];
      for (let i = 0; i < 5; i++) out.push((await tx.run({ cypher: `/* ${'y'.repeat(3000)} */ RETURN $i AS i`, params: { i } }))[0]!.i);
      return out;
    });
    expect(answers).toEqual([0, 1, 2, 3, 4]);
  });
});
