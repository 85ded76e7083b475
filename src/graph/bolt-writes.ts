import { createRequire } from 'node:module';

/**
 * One socket write per batch of Bolt messages, instead of one per 1,400 bytes.
 *
 * neo4j-driver cuts what it sends into 1,400-byte buffers and writes each to its socket as it
 * fills, then the rest when the message batch ends: a statement of 3.9 KB with its PULL goes out
 * in three writes, one of 10.7 KB in eight. Every write is a system call, and on loopback the
 * kernel runs TCP for both ends inside it; a V8 profile of the service under load put 17% of its
 * main thread in those writes (bench/README.md, 2026-12-02 thirteenth session). Corking the
 * socket at a batch's first write and uncorking it once the synchronous code and its microtasks
 * are done (`process.nextTick`) hands Node all of the batch's buffers at once: one `writev`.
 * Nothing waits longer: the uncork runs before Node returns to its event loop, where the bytes
 * would have gone out anyway.
 *
 * The driver has no option for this, so its channel's `write` is wrapped (neo4j-driver 6's
 * `NodeChannel`, found through the driver's own dependency). Where the driver changes shape the
 * wrap is not made and the driver writes as it ships; `coalesceBoltWrites()` says which (a test holds it).
 */
interface ChannelLike {
  _pending: unknown[] | null;
  _conn: { cork(): void; uncork(): void };
  write(buffer: unknown): void;
}

const CORKED = Symbol('bolt-writes.corked');

let state: 'installed' | 'unavailable' | undefined;

/** Wraps the driver's channel once per process; returns whether writes are now coalesced. */
export function coalesceBoltWrites(): boolean {
  state ??= install();
  return state === 'installed';
}

function install(): 'installed' | 'unavailable' {
  let proto: ChannelLike | undefined;
  try {
    // The channel as the driver loads it: from the driver's own dependency, wherever npm put it.
    const fromDriver = createRequire(require.resolve('neo4j-driver/package.json'));
    proto = (fromDriver('neo4j-driver-bolt-connection/lib/channel/node/node-channel') as { default?: { prototype?: ChannelLike } }).default?.prototype;
  } catch {
    return 'unavailable';
  }
  if (!proto || typeof proto.write !== 'function') return 'unavailable';
  const write = proto.write;
  proto.write = function coalescedWrite(this: ChannelLike & { [CORKED]?: boolean }, buffer: unknown): void {
    // Before the socket connects, the channel queues buffers itself (`_pending`).
    if (this._pending === null && this[CORKED] !== true && typeof this._conn?.cork === 'function') {
      this[CORKED] = true;
      const socket = this._conn;
      socket.cork();
      process.nextTick(() => {
        this[CORKED] = false;
        socket.uncork();
      });
    }
    write.call(this, buffer);
  };
  return 'installed';
}
