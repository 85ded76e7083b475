import { AppError } from '../../../src/errors/app-error';
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
