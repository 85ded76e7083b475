import type { GraphClient } from '../../src/graph/run-query';

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
  let changed!: () => void;
  let release!: () => void;
  const started = new Promise<void>((r) => (changed = r));
  const gate = new Promise<void>((r) => (release = r));
  const done = client.writeTx(async (tx) => {
    await tx.run({ cypher, params });
    changed();
    await gate;
  });
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
