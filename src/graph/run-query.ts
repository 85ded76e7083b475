import neo4j, { isRetryableError, type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';

import { AppError, serviceUnavailable } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { CypherQuery } from './query';
import { toPlain, type Row } from './records';

/** Who runs a query and for which request; it travels to Neo4j as transaction metadata. */
export interface QueryScope {
  requestId?: string;
  subject?: string;
  /** Incremented once per Cypher statement sent, so a request can report its query count. */
  stats?: { queries: number };
}

/** A transaction handed to multi-statement work: runs queries and returns plain rows. */
export interface GraphTx {
  run(q: CypherQuery): Promise<Row[]>;
}

export interface GraphClientOptions {
  database: string;
  queryTimeoutMs: number;
  /**
   * An import transaction's budget (MSHT_IMPORT_TIMEOUT_MS; `queryTimeoutMs` when not given).
   * Longer than a query's: besides its rows, an import's first statements of each kind after
   * Neo4j starts are planned (README.md#import-time).
   */
  importTimeoutMs?: number;
  log: Logger;
  /**
   * How long a single-statement read retries transient errors (the driver's
   * `maxTransactionRetryTime` does the same for transactions; both come from MSHT_DB_RETRY_MS).
   */
  retryMs?: number;
}

/** The default of MSHT_DB_RETRY_MS (config/variables.ts). */
const DEFAULT_RETRY_MS = 2000;

/**
 * The one place that calls the driver. Reads go to readers (routing READ), writes to the leader;
 * managed transactions retry transient errors for the driver's `maxTransactionRetryTime`, which
 * the driver factory caps (MSHT_DB_RETRY_MS) so a request never hangs 30 s when Neo4j is gone.
 * Driver errors are translated here, once: their messages can echo Cypher and parameter values,
 * so they never reach a client.
 */
export class GraphClient {
  constructor(
    private readonly driver: Driver,
    private readonly opts: GraphClientOptions,
  ) {}

  /** The time budget of an import's transaction (GraphClientOptions.importTimeoutMs). */
  get importTimeoutMs(): number {
    return this.opts.importTimeoutMs ?? this.opts.queryTimeoutMs;
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL go out together, one round
   * trip, where a managed transaction takes three (BEGIN, RUN+PULL, COMMIT) and costs Neo4j a
   * transaction to open and close. Nearly every request reads with one statement, so this is
   * the hot path, and so is every single-statement analytic or traversal: with their longer
   * time budget (`timeoutMs`) they are still one statement, and a managed transaction would cost
   * each of them about 0.35 ms of the service's CPU and an extra round trip (bench/README.md).
   * Transient errors are retried here for `retryMs`, as the driver retries managed transactions
   * (a read is safe to run again).
   */
  read(q: CypherQuery, scope: QueryScope = {}, timeoutMs?: number): Promise<Row[]> {
    return this.retrying(() => this.runAutoCommit('READ', q, scope, timeoutMs), isRetryableError, scope);
  }

  write(q: CypherQuery, scope: QueryScope = {}): Promise<Row[]> {
    return this.writeTx((tx) => tx.run(q), scope);
  }

  readTx<T>(work: (tx: GraphTx) => Promise<T>, scope: QueryScope = {}, timeoutMs?: number): Promise<T> {
    return this.transact('READ', work, scope, timeoutMs);
  }

  writeTx<T>(work: (tx: GraphTx) => Promise<T>, scope: QueryScope = {}, timeoutMs?: number): Promise<T> {
    return this.transact('WRITE', work, scope, timeoutMs);
  }

  /**
   * One statement in an implicit (auto-commit) transaction: the only way to run
   * `CALL { ... } IN TRANSACTIONS`, which the importer uses to undo or tidy a large run in
   * batches without holding it all in one transaction. Such statements are written to be safe to
   * run again, so one Neo4j stopped to break a deadlock with another writer (the batches it had
   * committed stay) is run again, for `retryMs`, as a managed transaction would be; other
   * transient errors are not (Neo4j may be gone).
   */
  autoCommit(q: CypherQuery, scope: QueryScope = {}, timeoutMs?: number): Promise<Row[]> {
    return this.retrying(() => this.runAutoCommit('WRITE', q, scope, timeoutMs), isDeadlock, scope);
  }

  /** Cheap reachability check for /readyz. */
  async ping(): Promise<void> {
    await this.read({ cypher: 'RETURN 1 AS ok', params: {} });
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /**
   * Runs `attempt` again while it fails with an error `again` accepts, with backoff, for `retryMs`
   * from its first failure (as the driver times a managed transaction's retries: a long statement
   * stopped late is still run again); then translates the error.
   */
  private async retrying(attempt: () => Promise<Row[]>, again: (e: unknown) => boolean, scope: QueryScope): Promise<Row[]> {
    let failedAt: number | null = null;
    const retryMs = this.opts.retryMs ?? DEFAULT_RETRY_MS;
    let pause = 50;
    for (;;) {
      try {
        return await attempt();
      } catch (e) {
        failedAt ??= Date.now();
        if (again(e) && Date.now() - failedAt + pause < retryMs) {
          await new Promise((resolve) => setTimeout(resolve, pause * (0.8 + Math.random() * 0.4)));
          pause = Math.min(pause * 2, 1000);
          continue;
        }
        throw this.translate(e, scope);
      }
    }
  }

  /** One statement in its own session as an auto-commit transaction; driver errors untranslated. */
  private async runAutoCommit(mode: 'READ' | 'WRITE', q: CypherQuery, scope: QueryScope, timeoutMs?: number): Promise<Row[]> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      return await this.runStatement(q, scope, (cypher, params) => session.run(cypher, params, this.txConfig(scope, timeoutMs)));
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private async transact<T>(mode: 'READ' | 'WRITE', work: (tx: GraphTx) => Promise<T>, scope: QueryScope, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const txConfig = this.txConfig(scope, timeoutMs);
    const unit = (tx: ManagedTransaction) => work({ run: (q) => this.runStatement(q, scope, (cypher, params) => tx.run(cypher, params)) });
    try {
      return mode === 'READ' ? await session.executeRead(unit, txConfig) : await session.executeWrite(unit, txConfig);
    } catch (e) {
      throw this.translate(e, scope);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private txConfig(scope: QueryScope, timeoutMs?: number) {
    return {
      timeout: timeoutMs ?? this.opts.queryTimeoutMs,
      metadata: { app: 'msht-graph', requestId: scope.requestId ?? null, subject: scope.subject ?? null },
    };
  }

  /** Runs one statement (counted for the request) and returns plain rows. */
  private async runStatement(
    q: CypherQuery,
    scope: QueryScope,
    run: (cypher: string, params: Record<string, unknown>) => PromiseLike<{ records: { toObject(): unknown }[] }>,
  ): Promise<Row[]> {
    if (scope.stats) scope.stats.queries += 1;
    const started = Date.now();
    let res: Awaited<ReturnType<typeof run>>;
    try {
      res = await withoutStackTrace(() => run(q.cypher, q.params));
    } catch (e) {
      // Thrown from here, inside the unit of work, so neither the driver nor `read` retries it.
      throw isTransactionMemoryLimit(e) ? tooLarge() : e;
    }
    const rows = res.records.map((r) => toPlain(r.toObject()) as Row);
    // Statement text only (never parameters: they can hold victim data).
    this.opts.log.debug({ requestId: scope.requestId, ms: Date.now() - started, rows: rows.length, cypher: q.cypher.slice(0, 120) }, 'cypher');
    return rows;
  }

  private translate(e: unknown, scope: QueryScope): unknown {
    if (e instanceof AppError) return e;
    if (!(e instanceof Neo4jError)) return e;
    const code = e.code ?? '';
    // A transaction stopped at its budget while it waited for a lock reports that its lock client
    // was stopped (a client error in Neo4j 5.26, transient before).
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
      return new AppError('MSHT_QUERY_TIMEOUT', 'the query ran past its time budget and was stopped; narrow it (fewer hops, a smaller limit) and retry');
    }
    if (code.endsWith('.Transaction.LockClientStopped')) {
      return new AppError('MSHT_QUERY_TIMEOUT', 'the transaction was stopped while it waited for another write (its time budget ran out, or it was ended); nothing of it was written; retry');
    }
    if (isDeadlock(e)) {
      // Still deadlocked after the retries: another writer kept taking the same records' locks in
      // the other order. Nothing of the stopped transaction was written (a statement in batches
      // keeps the batches it committed before, and may be run again).
      return new AppError('MSHT_CONFLICT', 'the write met another write of the same records at the same moment and was stopped; send it again');
    }
    if (isUnavailable(code)) {
      this.opts.log.warn({ requestId: scope.requestId, neo4jCode: code }, 'Neo4j unavailable');
      return serviceUnavailable();
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError('MSHT_CONFLICT', 'the write conflicts with an existing record (an id or natural key already in use)');
    }
    return e;
  }
}

/**
 * Calls `make` with stack traces off. The driver captures and formats a stack trace for every
 * result it creates, to graft onto an error that may come later: about 0.09 ms of CPU per
 * statement (bench/README.md), and the trace would always lead here. The result is created
 * synchronously inside `make`, so only that capture is skipped; a driver error still carries its
 * code and message, and `translate` decides what a caller sees.
 */
export function withoutStackTrace<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Neo4j stopped the statement at the memory one transaction may use (`db.memory.transaction.max`):
 * it reports that as a transient memory-pool error, like the pool for all transactions running
 * out, but running it again would stop it again, so it is answered at once and not retried.
 */
export function isTransactionMemoryLimit(e: unknown): boolean {
  if (!(e instanceof Neo4jError)) return false;
  if (e.code === 'Neo.ClientError.General.TransactionOutOfMemoryError') return true;
  return e.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' && e.message.includes('db.memory.transaction.max');
}

/** Neo4j stopped the transaction to break a deadlock with another writer: safe to run again. */
export function isDeadlock(e: unknown): boolean {
  return e instanceof Neo4jError && e.code === 'Neo.TransientError.Transaction.DeadlockDetected';
}

function tooLarge(): AppError {
  return new AppError('MSHT_QUERY_TOO_LARGE', 'the query needed more memory than one request may use and was stopped; narrow it (fewer hops, a smaller limit or period) and retry');
}

function isUnavailable(code: string): boolean {
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.') ||
    code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    code.startsWith('Neo.DatabaseError.Database.') ||
    code === 'Neo.ClientError.Cluster.NotALeader' ||
    code === 'Neo.ClientError.General.DatabaseUnavailable'
  );
}
