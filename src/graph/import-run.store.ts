import type { ImportRun } from '../domain/import-run';
import {
  createRunQuery,
  deleteBackupsQuery,
  deleteCreatedNodesQuery,
  deleteCreatedRelsQuery,
  deleteRunQuery,
  finishRunQuery,
  restoreNodesQuery,
  restoreRelsQuery,
  runQuery,
  runsQuery,
  updateRunQuery,
} from './queries/import-run.query';
import type { ScopedGraph } from './scoped-graph';

/** Undo and tidy statements handle a whole run in inner batches: allow them an hour. */
const LONG_MS = 3_600_000;

const asRun = (r: Record<string, unknown> | undefined) => (r?.run as ImportRun | undefined) ?? null;

export async function createRun(g: ScopedGraph, props: Omit<ImportRun, 'startedAt' | 'heartbeatAt'>): Promise<ImportRun> {
  return asRun((await g.write(createRunQuery(props)))[0])!;
}

export async function readRuns(g: ScopedGraph): Promise<ImportRun[]> {
  return (await g.read(runsQuery())).map((r) => r.run as ImportRun);
}

export async function readRun(g: ScopedGraph, id: string): Promise<ImportRun | null> {
  return asRun((await g.read(runQuery(id)))[0]);
}

export async function updateRun(g: ScopedGraph, id: string, props: Record<string, unknown>): Promise<ImportRun | null> {
  return asRun((await g.write(updateRunQuery(id, props)))[0]);
}

export async function finishRun(g: ScopedGraph, id: string, props: Record<string, unknown>): Promise<ImportRun | null> {
  return asRun((await g.write(finishRunQuery(id, props)))[0]);
}

export interface RollbackCounts {
  nodesRestored: number;
  relationshipsRestored: number;
  relationshipsDeleted: number;
  nodesDeleted: number;
}

const count = async (g: ScopedGraph, q: Parameters<ScopedGraph['autoCommit']>[0], key: string) => ((await g.autoCommit(q, LONG_MS))[0]?.[key] as number | undefined) ?? 0;

/**
 * Undoes a run that did not commit: restores what it changed, deletes what it created, then its
 * backups and its record. Safe to run again if it is itself interrupted.
 */
export async function rollbackRun(g: ScopedGraph, id: string): Promise<RollbackCounts> {
  await g.write(updateRunQuery(id, { status: 'ROLLING_BACK' }));
  const out: RollbackCounts = { nodesRestored: 0, relationshipsRestored: 0, relationshipsDeleted: 0, nodesDeleted: 0 };
  out.nodesRestored = await count(g, restoreNodesQuery(id), 'restored');
  out.relationshipsRestored = await count(g, restoreRelsQuery(id), 'restored');
  out.relationshipsDeleted = await count(g, deleteCreatedRelsQuery(id), 'deleted');
  out.nodesDeleted = await count(g, deleteCreatedNodesQuery(id), 'deleted');
  await count(g, deleteBackupsQuery(id), 'deleted');
  await g.write(deleteRunQuery(id));
  return out;
}

/** After a run committed: deletes its backups (nothing will be undone now) and notes that it is tidy. */
export async function tidyRun(g: ScopedGraph, id: string): Promise<void> {
  await count(g, deleteBackupsQuery(id), 'deleted');
  await g.write(updateRunQuery(id, { cleaned: true }));
}

export async function deleteRun(g: ScopedGraph, id: string): Promise<void> {
  await g.write(deleteRunQuery(id));
}
