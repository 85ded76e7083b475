import { loadConfig } from '../../../src/config/config';
import { AppError } from '../../../src/errors/app-error';
import { createDriver } from '../../../src/graph/driver';
import { GraphClient } from '../../../src/graph/run-query';
import { createLogger } from '../../../src/logging/logger';
import { startTestService, type TestService } from '../../support/test-service';

/**
 * The client's single-statement read (an auto-commit transaction), as the analytics and
 * traversals use it with their own time budget: the budget reaches Neo4j, and a statement that
 * runs past it is stopped and answered with MSHT_QUERY_TIMEOUT.
 */
describe('GraphClient.read on a real Neo4j', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  // Counts to three hundred million: minutes of work, unless the budget stops it.
  const slow = { cypher: 'UNWIND range(1, 300000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n', params: {} };

  it('stops a statement at the time budget it is given and answers MSHT_QUERY_TIMEOUT', async () => {
    const error = await svc.graph.read(slow, { requestId: 'req-timeout' }, 200).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('MSHT_QUERY_TIMEOUT');
    // Nothing of it is left running.
    const running = await svc.graph.read({ cypher: 'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $text RETURN count(*) AS n', params: { text: 'range(1, 300000000)' } });
    expect(running[0]!.n).toBe(0);
  }, 60_000);

  it('stops a statement at the memory one transaction may use, and answers MSHT_QUERY_TOO_LARGE without retrying it', async () => {
    // The tests' Neo4j caps a transaction at 256 MiB (MSHT_NEO4J_TX_MEMORY; test/support/test-neo4j.ts).
    const [setting] = await svc.graph.read({ cypher: "SHOW SETTINGS YIELD name, value WHERE name = 'db.memory.transaction.max' RETURN value", params: {} });
    expect(setting!.value).toBe('256.00MiB');
    const stats = { queries: 0 };
    const huge = { cypher: 'UNWIND range(1, 100000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n', params: {} };
    const error = await svc.graph.read(huge, { requestId: 'req-memory', stats }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('MSHT_QUERY_TOO_LARGE');
    // Once: a statement that hit the cap would hit it again.
    expect(stats.queries).toBe(1);
    // Inside a transaction too (the driver retries transient errors there).
    const inTx = { queries: 0 };
    const txError = await svc.graph.readTx((tx) => tx.run(huge), { stats: inTx }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((txError as AppError).code).toBe('MSHT_QUERY_TOO_LARGE');
    expect(inTx.queries).toBe(1);
    // Neo4j is fine afterwards.
    expect(await svc.graph.read({ cypher: 'RETURN 1 AS ok', params: {} })).toEqual([{ ok: 1 }]);
  }, 60_000);

  it('runs a statement within its budget and counts it for the request', async () => {
    const stats = { queries: 0 };
    const rows = await svc.graph.read({ cypher: 'UNWIND range(1, 5) AS x RETURN sum(x) AS total', params: {} }, { stats }, 10_000);
    expect(rows).toEqual([{ total: 15 }]);
    expect(stats.queries).toBe(1);
  });
});

/**
 * A deadlock between two writers: Neo4j stops one of them. An auto-commit write (an import's undo,
 * written to be safe to run again) that is stopped is run again, as a managed transaction would
 * be; one still stopped after the retry budget is answered with MSHT_CONFLICT, saying what
 * happened, not that Neo4j is unreachable.
 */
describe('GraphClient.autoCommit and deadlocks', () => {
  const uri = process.env.MSHT_TEST_NEO4J_URI!;
  const config = loadConfig({ NEO4J_URI: uri, MSHT_MODE: 'test' });
  const driver = createDriver(uri, config.neo4j);
  const client = (retryMs: number) => new GraphClient(createDriver(uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: 60_000, retryMs, log: createLogger('silent') });
  const probes = new GraphClient(driver, { database: config.neo4j.database, queryTimeoutMs: 60_000, log: createLogger('silent') });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeEach(() => probes.write({ cypher: "CALL () { MATCH (p:DeadlockProbe) DETACH DELETE p } CREATE (:DeadlockProbe {k: 'x'}), (:DeadlockProbe {k: 'y'})", params: {} }));
  afterAll(async () => {
    await probes.write({ cypher: 'MATCH (p:DeadlockProbe) DETACH DELETE p', params: {} });
    await driver.close();
  });

  const UNDO = "MATCH (y:DeadlockProbe {k: 'y'}) SET y.by = 'undo' WITH y CALL apoc.util.sleep(3000) MATCH (x:DeadlockProbe {k: 'x'}) SET x.undo = true RETURN count(*) AS n";
  /** The same in batches (`CALL ... IN TRANSACTIONS`), as a rollback's undo statements run. */
  const UNDO_IN_BATCHES = "MATCH (y:DeadlockProbe {k: 'y'}) CALL (y) { SET y.by = 'undo' WITH y CALL apoc.util.sleep(3000) MATCH (x:DeadlockProbe {k: 'x'}) SET x.undo = true } IN TRANSACTIONS OF 10 ROWS RETURN count(*) AS n";

  /**
   * Waits until the statement holds y's lock (it is in its sleep). In batches, that is the inner
   * transaction's lock: the outer one, which runs the statement, may hold a lock of its own first,
   * and the other writer would then take y before the batch did (no deadlock, once in a while).
   */
  async function undoHoldsY(batches: boolean): Promise<void> {
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      const [row] = await probes.read({
        cypher:
          "SHOW TRANSACTIONS YIELD currentQuery, activeLockCount, outerTransactionId WHERE currentQuery CONTAINS 'apoc.util.sleep' AND NOT currentQuery STARTS WITH 'SHOW' AND activeLockCount > 0 AND (outerTransactionId <> '') = $batches RETURN count(*) AS n",
        params: { batches },
      });
      if ((row?.n as number) > 0) return;
      await sleep(25);
    }
    throw new Error('the statement never took y');
  }

  /**
   * Another writer holds x; the auto-commit statement locks y, waits 3 s, then asks for x,
   * while the other writer has asked for y meanwhile: a cycle, which Neo4j breaks by stopping the
   * statement that closes it (the auto-commit one). Returns the statement's outcome.
   */
  async function deadlock(c: GraphClient, cypher = UNDO): Promise<{ rows?: unknown; error?: unknown; attempts: number }> {
    const stats = { queries: 0 };
    const session = driver.session();
    const other = await session.beginTransaction();
    try {
      await other.run("MATCH (x:DeadlockProbe {k: 'x'}) SET x.by = 'other'");
      const undo = c
        .autoCommit({ cypher, params: {} }, { stats })
        .then((rows) => ({ rows }), (error: unknown) => ({ error }));
      await undoHoldsY(cypher === UNDO_IN_BATCHES);
      const otherAsks = other.run("MATCH (y:DeadlockProbe {k: 'y'}) SET y.other = true");
      await otherAsks;
      await other.commit();
      return { ...(await undo), attempts: stats.queries };
    } finally {
      await session.close();
    }
  }

  it('runs a statement Neo4j stopped to break a deadlock again (its retry budget counted from the failure, after 3 s of work), and it does its work', async () => {
    const c = client(1_000);
    try {
      expect(await deadlock(c)).toEqual({ rows: [{ n: 1 }], attempts: 2 });
    } finally {
      await c.close();
    }
    expect(await probes.read({ cypher: 'MATCH (p:DeadlockProbe) RETURN p.k AS k, p.by AS by, p.undo AS undo, p.other AS other ORDER BY k', params: {} })).toEqual([
      { k: 'x', by: 'other', undo: true, other: null },
      { k: 'y', by: 'undo', undo: null, other: true },
    ]);
  }, 60_000);

  it('runs a statement in batches (as a rollback runs its undo) again when Neo4j stopped a batch to break a deadlock', async () => {
    const c = client(1_000);
    try {
      expect(await deadlock(c, UNDO_IN_BATCHES)).toEqual({ rows: [{ n: 1 }], attempts: 2 });
    } finally {
      await c.close();
    }
    expect(await probes.read({ cypher: "MATCH (p:DeadlockProbe {k: 'x'}) RETURN p.undo AS undo", params: {} })).toEqual([{ undo: true }]);
  }, 60_000);

  it.each([
    ['one statement', UNDO],
    ['a statement in batches', UNDO_IN_BATCHES],
  ])('answers MSHT_CONFLICT, not SERVICE_UNAVAILABLE, when the deadlock outlasts the retries (%s)', async (_what, cypher) => {
    const c = client(0);
    let outcome: { rows?: unknown; error?: unknown; attempts: number };
    try {
      outcome = await deadlock(c, cypher);
    } finally {
      await c.close();
    }
    expect(outcome.attempts).toBe(1);
    expect(outcome.error).toBeInstanceOf(AppError);
    expect((outcome.error as AppError).code).toBe('MSHT_CONFLICT');
    expect((outcome.error as AppError).message).toBe('the write met another write of the same records at the same moment and was stopped; send it again');
    // The other writer's work stands; nothing of the stopped statement does.
    expect(await probes.read({ cypher: 'MATCH (p:DeadlockProbe) RETURN p.k AS k, p.by AS by, p.undo AS undo, p.other AS other ORDER BY k', params: {} })).toEqual([
      { k: 'x', by: 'other', undo: null, other: null },
      { k: 'y', by: null, undo: null, other: true },
    ]);
  }, 60_000);
});
