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

/** Ready when Neo4j answers and no migration is pending. */
export function createReadiness(graph: GraphClient, migrator: Migrator): Readiness {
  return {
    async check() {
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
    },
  };
}
