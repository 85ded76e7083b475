/**
 * One socket write per Bolt message, not one per 1,400 bytes.
 *
 * The driver packs outgoing Bolt messages into a buffer of 1,400 bytes and writes it to the
 * socket each time it fills (`Chunker` in neo4j-driver-bolt-connection). Our read statements
 * are 2 to 5 KB of Cypher, so a RUN went out in 3 or 4 writes. On loopback, and on the virtual
 * machines the service runs on, each write is a system call that delivers to Neo4j at once and
 * wakes its reader for a fragment. A profile under load put a fifth of the service's samples in
 * those writes; with a 16 KB buffer a RUN and its PULL leave in one write, and a request of the
 * bench's (a) or (b) cost the service and Neo4j together 10 to 15% less CPU (bench/README.md).
 *
 * The buffer size is not a driver setting, so the driver's own `Chunker` is replaced, once per
 * process, by a subclass that asks for the larger buffer. Bolt's framing is unchanged (a chunk
 * is still at most 65,535 bytes; larger messages are still split). If a driver release moves or
 * renames the class, nothing is replaced and the driver works as it ships (`false` is returned).
 */

import path from 'node:path';

/**
 * Larger than any read statement with its parameters (2 to 6 KB), small enough that allocating a
 * fresh buffer after each write (as the driver does) costs little; an import batch larger than
 * this still leaves in 16 KB writes.
 */
const BUFFER_BYTES = 16 * 1024;
const REPLACED = Symbol.for('msht-graph.bolt-writes');

type ChunkerClass = new (channel: unknown, bufferSize?: number) => object;

export function sendBoltMessagesWhole(): boolean {
  let chunking: { Chunker?: ChunkerClass & { [REPLACED]?: true } };
  try {
    // A module of the driver's own package, not part of its public API (hence the guard),
    // resolved from the driver so that it is the copy the driver uses.
    const from = { paths: [path.dirname(require.resolve('neo4j-driver'))] };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    chunking = require(require.resolve('neo4j-driver-bolt-connection/lib/channel/chunking', from));
  } catch {
    return false;
  }
  const Base = chunking.Chunker;
  if (typeof Base !== 'function') return false;
  if (Base[REPLACED]) return true;
  class WholeMessageChunker extends Base {
    static override readonly [REPLACED] = true as const;
    constructor(channel: unknown, bufferSize?: number) {
      super(channel, bufferSize ?? BUFFER_BYTES);
    }
  }
  chunking.Chunker = WholeMessageChunker;
  return true;
}
