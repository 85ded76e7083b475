import type { Logger } from '../../logging/logger';
import type { AuditEventInput } from './audit-event';

/** Where events go: appends a batch durably, in order, or throws (the batch is then retried). */
export interface AuditStore {
  append(events: AuditEventInput[]): Promise<void>;
}

export interface AuditLogOptions {
  /** Buffered events are written at least this often. */
  flushMs: number;
  /** A batch this large is written at once. */
  batchSize?: number;
  /** Beyond this many unwritten events (the store is down), the oldest are dropped and logged. */
  maxBuffered?: number;
}

/**
 * The audit trail's write side: requests hand their events to `record`, which never waits on the
 * database. Events are written in batches, one batch at a time and in order: a full batch
 * (`batchSize` events) at once, and what is left `flushMs` after the first of it was recorded or,
 * if a write ended since, `flushMs` after that write. Under load this keeps batches full: writing
 * the few events that arrived during the previous write straight after it (or on a timer that
 * runs beside full batches) would cost Neo4j its fixed per-transaction work for every handful of
 * events (bench/README.md, 2026-11-29 late evening).
 * `flush()` resolves once everything recorded before the call is stored (audit queries call it
 * so they see their own past); `close()` flushes and stops. A failed write keeps the batch for
 * the next attempt.
 */
export class AuditLog {
  private buffer: AuditEventInput[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** A write of full batches is queued behind `writing` and has not started yet. */
  private fullQueued = false;
  private closed = false;
  private readonly batchSize: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly store: AuditStore,
    private readonly log: Logger,
    private readonly opts: AuditLogOptions,
  ) {
    this.batchSize = opts.batchSize ?? 100;
    this.maxBuffered = opts.maxBuffered ?? 100_000;
  }

  record(event: AuditEventInput): void {
    this.buffer.push(event);
    if (this.buffer.length > this.maxBuffered) {
      const dropped = this.buffer.splice(0, this.buffer.length - this.maxBuffered);
      this.log.error({ dropped: dropped.length, firstRequestId: dropped[0]?.requestId }, 'audit buffer full: oldest events dropped (the store is failing)');
    }
    if (this.closed) return;
    if (this.buffer.length >= this.batchSize) this.writeFullBatches();
    else this.armTimer();
  }

  /** Writes everything recorded so far; rejects when the store fails (events are kept). */
  flush(): Promise<void> {
    this.stopTimer();
    const owed = this.buffer.length;
    return this.afterWrites(() => this.drain(owed));
  }

  async close(): Promise<void> {
    // Requests still running for a client that left: their events are recorded as they stand.
    for (const finish of [...this.unsettled]) finish();
    this.unsettled.clear();
    this.closed = true;
    await this.flush();
  }

  private readonly unsettled = new Set<() => void>();

  /**
   * An event that will be recorded later, by `finish` (it records it: its request still runs for
   * a client that left); `close` calls it first, so shutdown never loses it. Returns the function
   * that forgets it, for `finish` to call.
   */
  later(finish: () => void): () => void {
    this.unsettled.add(finish);
    return () => this.unsettled.delete(finish);
  }

  /** Events not yet stored (for tests and the shutdown log). */
  get pending(): number {
    return this.buffer.length;
  }

  /** Queues one write of the full batches there are when it starts (at most one is queued). */
  private writeFullBatches(): void {
    if (this.fullQueued) return;
    this.fullQueued = true;
    this.afterWrites(() => {
      this.fullQueued = false;
      return this.drain(0);
    }).catch(() => undefined);
  }

  /** Runs `write` once the writes queued before it have ended (failed or not): one at a time. */
  private afterWrites(write: () => Promise<void>): Promise<void> {
    const run = this.writing.catch(() => undefined).then(write);
    this.writing = run;
    return run;
  }

  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private armTimer(): void {
    if (this.closed || this.buffer.length === 0) return;
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.opts.flushMs).unref();
  }

  /**
   * Writes at least the oldest `owed` events (fewer if the bound dropped some meanwhile), then
   * full batches while there are any; what is left waits for the timer.
   */
  private async drain(owed: number): Promise<void> {
    let left = Math.min(owed, this.buffer.length);
    while (left > 0 || this.buffer.length >= this.batchSize) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await this.store.append(batch);
      } catch (e) {
        this.buffer.unshift(...batch);
        this.log.error({ err: e, events: batch.length }, 'audit events could not be written; will retry');
        this.armTimer();
        throw e;
      }
      left = Math.min(left - batch.length, this.buffer.length);
    }
    // What is left arrived during these writes: give it the full interval from now, so that under
    // load the next full batch takes it and the timer stays quiet.
    this.stopTimer();
    this.armTimer();
  }
}
