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
 * Ready when Neo4j answers and no migration is pending. Checks that start within READY_FRESH_MS
 * of one another (or while one runs) share its answer.
 */
export function createReadiness(graph: GraphClient, migrator: Migrator, now: () => number = Date.now): Readiness {
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
