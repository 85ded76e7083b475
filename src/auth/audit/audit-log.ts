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
 * database; a timer writes them in batches (every `flushMs`, or at `batchSize` events), one batch
 * at a time and in order. `flush()` resolves once everything recorded before the call is
 * stored (audit queries call it so they see their own past); `close()` flushes and stops.
 * A failed write keeps the batch for the next attempt.
 */
export class AuditLog {
  private buffer: AuditEventInput[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
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
    if (this.buffer.length >= this.batchSize) void this.flush().catch(() => undefined);
    else this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.opts.flushMs).unref();
  }

  /** Writes everything recorded so far; rejects when the store fails (events are kept). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const run = this.writing.catch(() => undefined).then(() => this.drain());
    this.writing = run;
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  /** Events not yet stored (for tests and the shutdown log). */
  get pending(): number {
    return this.buffer.length;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await this.store.append(batch);
      } catch (e) {
        this.buffer.unshift(...batch);
        this.log.error({ err: e, events: batch.length }, 'audit events could not be written; will retry');
        if (!this.closed) this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.opts.flushMs).unref();
        throw e;
      }
    }
  }
}
