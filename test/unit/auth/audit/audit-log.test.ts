import type { AuditEventInput } from '../../../../src/auth/audit/audit-event';
import { AuditLog } from '../../../../src/auth/audit/audit-log';
import { createLogger } from '../../../../src/logging/logger';

const log = createLogger('silent');
const ev = (i: number) => ({ requestId: `r${i}` }) as AuditEventInput;

/** A store that keeps what it is given, and can be told to fail. */
function memoryStore(delayMs = 1) {
  const batches: string[][] = [];
  let failing = false;
  return {
    batches,
    fail: (f: boolean) => (failing = f),
    append: async (events: AuditEventInput[]) => {
      await new Promise((r) => setTimeout(r, delayMs));
      if (failing) throw new Error('store down');
      batches.push(events.map((e) => e.requestId));
    },
  };
}

describe('AuditLog', () => {
  it('records at shutdown, as they stand, the events of requests still running for a client that left', async () => {
    const store = memoryStore();
    const audit = new AuditLog(store, log, { flushMs: 60_000 });
    const forget = audit.later(() => {
      forget();
      audit.record(ev(9));
    });
    audit.later(() => undefined)(); // recorded (and forgotten) before shutdown: nothing at close
    audit.record(ev(1));
    await audit.close();
    expect(store.batches.flat()).toEqual(['r1', 'r9']);
  });

  it('writes on the timer, in order, without the caller waiting', async () => {
    const store = memoryStore();
    const audit = new AuditLog(store, log, { flushMs: 20 });
    audit.record(ev(1));
    audit.record(ev(2));
    expect(store.batches).toEqual([]);
    // The timer is 20 ms; on a busy machine it may fire much later, so wait for it (up to 5 s).
    for (const deadline = Date.now() + 5000; store.batches.length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
    expect(store.batches).toEqual([['r1', 'r2']]);
  });

  it('writes a full batch at once, and flush() returns when everything recorded is stored', async () => {
    const store = memoryStore();
    const audit = new AuditLog(store, log, { flushMs: 60_000, batchSize: 3 });
    for (let i = 1; i <= 7; i++) audit.record(ev(i));
    await audit.flush();
    expect(store.batches.flat()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(store.batches.every((b) => b.length <= 3)).toBe(true);
    expect(audit.pending).toBe(0);
  });

  it('leaves what arrives during a write to the timer, unless it makes a full batch', async () => {
    // Writing the few events that came in during the previous write straight after it kept a
    // write transaction always open under load, with batches of a dozen events.
    const store = memoryStore(30);
    const audit = new AuditLog(store, log, { flushMs: 60_000, batchSize: 3 });
    for (let i = 1; i <= 3; i++) audit.record(ev(i));
    await new Promise((r) => setTimeout(r, 5)); // the first batch is being written
    audit.record(ev(4));
    audit.record(ev(5));
    for (const deadline = Date.now() + 5000; store.batches.length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 60)); // time for a second write, were one started
    expect(store.batches).toEqual([['r1', 'r2', 'r3']]);
    expect(audit.pending).toBe(2);
    audit.record(ev(6)); // a full batch again
    for (const deadline = Date.now() + 5000; store.batches.length < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
    expect(store.batches).toEqual([
      ['r1', 'r2', 'r3'],
      ['r4', 'r5', 'r6'],
    ]);
    expect(audit.pending).toBe(0);
  });

  it('gives what is left after a write the full interval from the end of that write', async () => {
    // The timer started by the first event of the full batch would otherwise fire beside the
    // full batches under load and write a partial batch every interval.
    let release: () => void = () => undefined;
    const started: string[][] = [];
    const store = {
      append: (events: AuditEventInput[]) =>
        new Promise<void>((resolve) => {
          started.push(events.map((e) => e.requestId));
          release = resolve;
        }),
    };
    const audit = new AuditLog(store, log, { flushMs: 50, batchSize: 3 });
    for (let i = 1; i <= 3; i++) audit.record(ev(i)); // the first one started the 50 ms timer
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([['r1', 'r2', 'r3']]);
    audit.record(ev(4)); // arrives during the write
    await new Promise((r) => setTimeout(r, 40));
    release(); // the write ends some 40 ms after the timer started
    await new Promise((r) => setTimeout(r, 20)); // past the first timer, 20 ms after the write
    expect(started).toEqual([['r1', 'r2', 'r3']]);
    for (const deadline = Date.now() + 5000; started.length < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual([['r1', 'r2', 'r3'], ['r4']]);
    release();
  });

  it('writes what is left of a batch on the timer', async () => {
    const store = memoryStore();
    const audit = new AuditLog(store, log, { flushMs: 20, batchSize: 3 });
    for (let i = 1; i <= 5; i++) audit.record(ev(i));
    for (const deadline = Date.now() + 5000; store.batches.length < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
    expect(store.batches).toEqual([
      ['r1', 'r2', 'r3'],
      ['r4', 'r5'],
    ]);
  });

  it('flush() writes what was recorded before it, not what comes in during its write', async () => {
    const store = memoryStore(30);
    const audit = new AuditLog(store, log, { flushMs: 60_000, batchSize: 10 });
    audit.record(ev(1));
    audit.record(ev(2));
    const flushed = audit.flush();
    await new Promise((r) => setTimeout(r, 5));
    audit.record(ev(3));
    await flushed;
    expect(store.batches).toEqual([['r1', 'r2']]);
    expect(audit.pending).toBe(1);
    await audit.close();
    expect(store.batches.flat()).toEqual(['r1', 'r2', 'r3']);
  });

  it('keeps events when the store fails and writes them once it is back', async () => {
    const store = memoryStore();
    const audit = new AuditLog(store, log, { flushMs: 60_000 });
    store.fail(true);
    audit.record(ev(1));
    await expect(audit.flush()).rejects.toThrow('store down');
    audit.record(ev(2));
    expect(audit.pending).toBe(2);
    store.fail(false);
    await audit.close();
    expect(store.batches.flat()).toEqual(['r1', 'r2']);
  });

  it('drops the oldest events past its buffer bound, rather than grow without end', async () => {
    const store = memoryStore();
    store.fail(true);
    const audit = new AuditLog(store, log, { flushMs: 60_000, maxBuffered: 5 });
    for (let i = 1; i <= 8; i++) audit.record(ev(i));
    expect(audit.pending).toBe(5);
    store.fail(false);
    await audit.close();
    expect(store.batches.flat()).toEqual(['r4', 'r5', 'r6', 'r7', 'r8']);
  });
});
