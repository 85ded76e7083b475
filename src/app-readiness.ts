import type { Migrator } from './graph/migrations/migrator';
import type { GraphClient } from './graph/run-query';

export interface ReadyState {
  ready: boolean;
  reason?: string;
  pendingMigrations?: string[];
}

export interface Readiness {
  check(): Promise<ReadyState>;
}

/**
 * How long one answer serves every /readyz that asks: the route needs no token (probes call it),
 * so without this anyone could have the service send Neo4j two reads per request they make.
 */
export const READY_FRESH_MS = 1000;

/**
 * Ready when Neo4j answers and no migration is pending. A check serves every /readyz that starts
 * within READY_FRESH_MS of it (waiting for it if it still runs); then the next starts a new one.
 * Timed by a monotonic clock: a wall clock set back would keep an old answer.
 */
export function createReadiness(graph: GraphClient, migrator: Migrator, now: () => number = () => performance.now()): Readiness {
  let last: { at: number; state: Promise<ReadyState> } | null = null;
  const run = async (): Promise<ReadyState> => {
    try {
      await graph.ping();
    } catch {
      return { ready: false, reason: 'Neo4j is not reachable' };
    }
    try {
      const s = await migrator.status();
      if (s.pending.length > 0) return { ready: false, reason: 'migrations pending', pendingMigrations: s.pending };
    } catch {
      return { ready: false, reason: 'cannot read the migration state' };
    }
    return { ready: true };
  };
  return {
    check() {
      const at = now();
      if (last && at - last.at < READY_FRESH_MS) return last.state;
      last = { at, state: run() };
      return last.state;
    },
  };
}
