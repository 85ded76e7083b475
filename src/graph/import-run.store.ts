import type { ImportRun } from '../domain/import-run';
import {
  createRunQuery,
  deleteBackupsQuery,
  deleteCreatedNodesQuery,
  deleteCreatedRelsQuery,
  deleteNotedNodesQuery,
  deleteRunQuery,
  finishRunQuery,
  type KeptReason,
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

export type { KeptReason };

/** An item a rollback left as someone changed it since the run wrote it (import-run.query.ts). */
export interface KeptItem {
  /** A node's id; a relationship as `from -[TYPE]-> to`. */
  id: string;
  kind: 'node' | 'relationship';
  /**
   * EDITED: the run changed it and someone edited it since: what they changed, and its handling,
   * UK handling, consent and roles, stay; the run's other changes are undone. DELETED: the run
   * changed it and someone deleted it since: it stays deleted. CREATED_EDITED, CREATED_LINKED: the
   * run created it and someone edited it, or linked it or merged a record into it, since: it is
   * not deleted (a node keeps its links to what stays).
   */
  reason: KeptReason;
}

export interface RollbackCounts {
  /** Items given back their values from before the run, whole (nobody changed them since). */
  nodesRestored: number;
  relationshipsRestored: number;
  relationshipsDeleted: number;
  nodesDeleted: number;
  /** Items changed since the run wrote them: their later changes kept (not counted above). */
  itemsKept: KeptItem[];
}

type UndoRow = { [key: string]: unknown; kept?: { id: string; kept: KeptReason }[] };

const undo = async (g: ScopedGraph, q: Parameters<ScopedGraph['autoCommit']>[0]): Promise<UndoRow> => (await g.autoCommit(q, LONG_MS))[0] ?? {};
const count = async (g: ScopedGraph, q: Parameters<ScopedGraph['autoCommit']>[0], key: string) => ((await undo(g, q))[key] as number | undefined) ?? 0;

/**
 * Undoes a run that did not commit: restores what it changed, deletes what it created, then its
 * backups and its record, but keeps what others changed since the run wrote it (and says which:
 * `itemsKept`). Safe to run again if it is itself interrupted.
 */
export async function rollbackRun(g: ScopedGraph, id: string): Promise<RollbackCounts> {
  await g.write(updateRunQuery(id, { status: 'ROLLING_BACK' }));
  const kept: KeptItem[] = [];
  const keep = (row: UndoRow, kind: KeptItem['kind']) => {
    for (const k of row.kept ?? []) kept.push({ id: k.id, kind, reason: k.kept });
  };
  const nodes = await undo(g, restoreNodesQuery(id));
  keep(nodes, 'node');
  const rels = await undo(g, restoreRelsQuery(id));
  keep(rels, 'relationship');
  const createdRels = await undo(g, deleteCreatedRelsQuery(id));
  keep(createdRels, 'relationship');
  const noted = await undo(g, deleteNotedNodesQuery(id));
  keep(noted, 'node');
  const unnoted = await count(g, deleteCreatedNodesQuery(id), 'deleted');
  await count(g, deleteBackupsQuery(id), 'deleted');
  await g.write(deleteRunQuery(id));
  return {
    nodesRestored: (nodes.restored as number | undefined) ?? 0,
    relationshipsRestored: (rels.restored as number | undefined) ?? 0,
    relationshipsDeleted: (createdRels.deleted as number | undefined) ?? 0,
    nodesDeleted: ((noted.deleted as number | undefined) ?? 0) + unnoted,
    itemsKept: kept,
  };
}

/** After a run committed: deletes its backups (nothing will be undone now) and notes that it is tidy. */
export async function tidyRun(g: ScopedGraph, id: string): Promise<void> {
  await count(g, deleteBackupsQuery(id), 'deleted');
  await g.write(updateRunQuery(id, { cleaned: true }));
}

export async function deleteRun(g: ScopedGraph, id: string): Promise<void> {
  await g.write(deleteRunQuery(id));
}
