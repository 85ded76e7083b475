import { readRuns, rollbackRun, type RollbackCounts } from '../../src/graph/import-run.store';
import type { ScopedGraph } from '../../src/graph/scoped-graph';
import type { PreparedImport } from '../../src/ingestion/prepare-import';
import { runStagedImport } from '../../src/ingestion/run-import';

const host = { host: 'test', pid: process.pid, isAlive: () => true };

/**
 * Runs a staged import in batches of one whose process "dies" after its last batch: `meanwhile`
 * runs while the run is still RUNNING (unfinished, its backups in place), then the run is rolled
 * back as `msht import --rollback` would (or by `rollback`, given the run's id). Returns what the
 * rollback did.
 */
export async function unfinishedRun(
  system: ScopedGraph,
  prepared: PreparedImport,
  meanwhile: () => Promise<void>,
  rollback: (runId: string) => Promise<RollbackCounts> = (runId) => rollbackRun(system, runId),
): Promise<RollbackCounts> {
  const total = [...prepared.nodes, ...prepared.rels].reduce((n, g) => n + g.rows.length, 0);
  let counts: RollbackCounts | undefined;
  const run = runStagedImport(system, prepared, {
    batchSize: 1,
    sha256: 'unfinished',
    runHost: host,
    afterBatch: async (n) => {
      if (n < total) return;
      await meanwhile();
      const [unfinished] = (await readRuns(system)).filter((r) => r.kind === 'IMPORT' && r.status === 'RUNNING');
      counts = await rollback(unfinished!.id);
      throw new Error('the process died');
    },
  });
  await expect(run).rejects.toThrow('the process died');
  return counts!;
}
