import type { GraphClient, GraphTx } from '../../src/graph/run-query';

/** Another writer's open transaction: `started` resolves once its statement has run (its locks taken); `commit` ends it. */
export interface HeldLocks {
  started: Promise<void>;
  commit: () => Promise<void>;
}

/**
 * Another writer's transaction (as `client`, cleared for everything) that runs `cypher` (with
 * `params`) and holds the locks it took until `commit` is called.
 */
export function holdLocks(client: GraphClient, cypher: string, params: Record<string, unknown> = {}): HeldLocks {
  return holdTx((work) => client.writeTx(work), (tx) => tx.run({ cypher, params }));
}

/**
 * Another writer's transaction, opened with `writeTx` (a client's or a scoped graph's), that does
 * `work` and holds the locks it took until `commit` is called. `started` rejects if `work` fails.
 */
export function holdTx(writeTx: (work: (tx: GraphTx) => Promise<void>) => Promise<void>, work: (tx: GraphTx) => Promise<unknown>): HeldLocks {
  let changed!: () => void;
  let failed!: (e: unknown) => void;
  let release!: () => void;
  const started = new Promise<void>((resolve, reject) => ((changed = resolve), (failed = reject)));
  const gate = new Promise<void>((r) => (release = r));
  const done = writeTx(async (tx) => {
    await work(tx);
    changed();
    await gate;
  }).catch((e: unknown) => {
    failed(e);
    throw e;
  });
  // A caller that sees `started` reject may never call `commit`: the failure is not left unhandled.
  done.catch(() => undefined);
  return {
    started,
    commit: async () => {
      release();
      await done;
    },
  };
}

/** Waits until some transaction is blocked on a lock (true), or gives up after `ms` (false). */
export async function someoneBlocked(client: GraphClient, ms = 15_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const [row] = await client.read({ cypher: "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n", params: {} });
    if ((row?.n as number) > 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
