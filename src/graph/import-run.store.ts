import type { ImportRun } from '../domain/import-run';
import {
  createdNotesQuery,
  createRunQuery,
  deleteBackupsQuery,
  deleteCreatedNodesQuery,
  deleteCreatedRelsQuery,
  deleteNotedNodesQuery,
  deleteRunQuery,
  finishRunQuery,
  type KeptReason,
  mergedKeptIdsQuery,
  citedReportsQuery,
  restoreNodesQuery,
  undoTallyQuery,
  restoreRelsQuery,
  runQuery,
  runsQuery,
  updateRunQuery,
} from './queries/import-run.query';
import type { ScopedGraph } from './scoped-graph';

/** Undo and tidy statements handle a whole run in inner batches: allow them an hour. */
const LONG_MS = 3_600_000;

/** A run's record as the rest of the service sees it: without its bookkeeping (`__` keys: an undo's tally). */
function plainRun(run: Record<string, unknown>): ImportRun {
  return Object.fromEntries(Object.entries(run).filter(([k]) => !k.startsWith('__'))) as unknown as ImportRun;
}

const asRun = (r: Record<string, unknown> | undefined) => (r?.run ? plainRun(r.run as Record<string, unknown>) : null);

export async function createRun(g: ScopedGraph, props: Omit<ImportRun, 'startedAt' | 'heartbeatAt'>): Promise<ImportRun> {
  return asRun((await g.write(createRunQuery(props)))[0])!;
}

export async function readRuns(g: ScopedGraph): Promise<ImportRun[]> {
  return (await g.read(runsQuery())).map((r) => plainRun(r.run as Record<string, unknown>));
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
   * run created it and someone edited it, or linked it or merged a record into it, since (or, for
   * an intelligence report, something that stays cites it): it is not deleted (a node keeps its
   * links to what stays).
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

const undo = (g: ScopedGraph, q: Parameters<ScopedGraph['autoCommit']>[0]) => g.autoCommit(q, LONG_MS);

/**
 * Undoes a run that did not commit: restores what it changed, deletes what it created, then its
 * backups and its record, but keeps what others changed since the run wrote it (and says which:
 * `itemsKept`). Safe to run again if it is itself interrupted, and what it reports covers every
 * attempt: each item's outcome is tallied on the run's record in the transaction that undoes it
 * (import-run.query.ts UNDO_TALLY).
 */
export async function rollbackRun(g: ScopedGraph, id: string): Promise<RollbackCounts> {
  await g.write(updateRunQuery(id, { status: 'ROLLING_BACK' }));
  await undo(g, restoreNodesQuery(id));
  await undo(g, restoreRelsQuery(id));
  await undo(g, deleteCreatedRelsQuery(id));
  await deleteNotedNodes(g, id);
  await undo(g, deleteCreatedNodesQuery(id));
  // On the leader (a write transaction): in a cluster a follower may not have the last batches yet.
  const [tally] = await g.write(undoTallyQuery(id));
  await undo(g, deleteBackupsQuery(id));
  await g.write(deleteRunQuery(id));
  return {
    nodesRestored: (tally?.nodesRestored as number | undefined) ?? 0,
    relationshipsRestored: (tally?.relationshipsRestored as number | undefined) ?? 0,
    relationshipsDeleted: (tally?.relationshipsDeleted as number | undefined) ?? 0,
    nodesDeleted: (tally?.nodesDeleted as number | undefined) ?? 0,
    itemsKept: keptItems((tally?.kept as string[] | undefined) ?? []),
  };
}

/**
 * Deletes the nodes the run created (as its notes list them, one note at a time), but those
 * someone edited, linked or merged into since (import-run.query.ts deleteNotedNodesQuery).
 */
export async function deleteNotedNodes(g: ScopedGraph, id: string): Promise<void> {
  // Read on the leader (write transactions), as the undo statements are: a follower may lag.
  const [mergedRow] = await g.write(mergedKeptIdsQuery());
  const merged = Object.fromEntries(((mergedRow?.ids as string[] | undefined) ?? []).map((k) => [k, true as const]));
  // A report the run created stays while anything that stays cites it, as a record linked since does.
  // It reads every record and link: the undo statements' time budget, not a request's.
  const [citedRow] = await undo(g, citedReportsQuery(id, merged));
  const keep: Record<string, true> = { ...merged, ...Object.fromEntries(((citedRow?.ids as string[] | undefined) ?? []).map((k) => [k, true as const])) };
  for (const note of await g.write(createdNotesQuery(id))) {
    const ids = note.ids as string[];
    const ats = note.ats as string[];
    await undo(g, deleteNotedNodesQuery(id, ids.map((nodeId, i) => ({ id: nodeId, at: ats[i] ?? null })), keep));
  }
}

/**
 * The kept items of a tally (`kind|reason|id`, in the order the undo met them), each item once:
 * a node an earlier attempt kept is met again by a later one (its note is deleted only at the
 * end), which sees it without the run's mark; the first reason is the one that held.
 */
function keptItems(entries: readonly string[]): KeptItem[] {
  const seen = new Set<string>();
  const out: KeptItem[] = [];
  for (const e of entries) {
    const [kind, reason] = e.split('|', 2) as [KeptItem['kind'], KeptReason];
    const itemId = e.slice(kind.length + reason.length + 2);
    if (seen.has(`${kind}|${itemId}`)) continue;
    seen.add(`${kind}|${itemId}`);
    out.push({ id: itemId, kind, reason });
  }
  return out;
}

/** After a run committed: deletes its backups (nothing will be undone now) and notes that it is tidy. */
export async function tidyRun(g: ScopedGraph, id: string): Promise<void> {
  await undo(g, deleteBackupsQuery(id));
  await g.write(updateRunQuery(id, { cleaned: true }));
}

export async function deleteRun(g: ScopedGraph, id: string): Promise<void> {
  await g.write(deleteRunQuery(id));
}
