import type { AccessScope } from '../auth/access-policy';
import { accessParams } from './queries/access';
import type { CypherQuery } from './query';
import type { Row } from './records';
import type { GraphClient, GraphTx, QueryScope } from './run-query';

/**
 * The graph as one caller sees it: every query it runs carries the caller's access parameters
 * (`$__handling`, `$__ukHandling`, `$__victimData`) and the request's metadata. Readers and
 * writers take a ScopedGraph, never the bare client, so no read can go out without the caller's
 * clearance attached.
 */
export class ScopedGraph {
  constructor(
    readonly client: GraphClient,
    readonly access: AccessScope,
    readonly scope: QueryScope,
  ) {}

  /** One read statement (auto-commit); `timeoutMs` replaces the default time budget. */
  read(q: CypherQuery, timeoutMs?: number): Promise<Row[]> {
    return this.client.read(this.withAccess(q), this.scope, timeoutMs);
  }

  write(q: CypherQuery): Promise<Row[]> {
    return this.client.write(this.withAccess(q), this.scope);
  }

  /** An auto-commit statement (for `CALL { ... } IN TRANSACTIONS`); see GraphClient.autoCommit. */
  autoCommit(q: CypherQuery, timeoutMs?: number): Promise<Row[]> {
    return this.client.autoCommit(this.withAccess(q), this.scope, timeoutMs);
  }

  /** Several reads in one transaction (one snapshot). A single statement goes through `read`. */
  readTx<T>(work: (tx: GraphTx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.client.readTx((tx) => work(this.scopedTx(tx)), this.scope, timeoutMs);
  }

  writeTx<T>(work: (tx: GraphTx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.client.writeTx((tx) => work(this.scopedTx(tx)), this.scope, timeoutMs);
  }

  /** A write transaction of an import, under the import's time budget (MSHT_IMPORT_TIMEOUT_MS). */
  importTx<T>(work: (tx: GraphTx) => Promise<T>): Promise<T> {
    return this.writeTx(work, this.client.importTimeoutMs);
  }

  private scopedTx(tx: GraphTx): GraphTx {
    return { run: (q) => tx.run(this.withAccess(q)) };
  }

  private withAccess(q: CypherQuery): CypherQuery {
    return { cypher: q.cypher, params: { ...q.params, ...accessParams(this.access) } };
  }
}
