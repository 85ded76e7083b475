import { randomBytes } from 'node:crypto';

import { isAbandoned, type ImportRun } from '../domain/import-run';
import type { HandlingCode, UkHandling } from '../domain/provenance';
import { AppError } from '../errors/app-error';
import { addCounts, lockRelBatch, noCounts, writeNodeBatch, writeRelBatch, type WriteCounts } from '../graph/bulk.writer';
import type { BulkRelRow, StoredProvenanceRow } from '../graph/queries/bulk-write.query';
import { createRun, deleteRun, finishRun, readRuns, rollbackRun, tidyRun, type RollbackCounts } from '../graph/import-run.store';
import { heartbeatQuery } from '../graph/queries/import-run.query';
import type { GraphTx } from '../graph/run-query';
import type { ScopedGraph } from '../graph/scoped-graph';
import { ImportRowsRefused, type BadRow, type ImportFormat } from './import-plan';
import { rowsRefusedNow, type PreparedImport } from './prepare-import';
import { SILENT_PROGRESS, type Progress } from './progress';

/**
 * Writes a prepared import. From the CLI, as a staged run (README.md#importing-data): a run
 * record, then batches of `batchSize` items, each its own transaction, every created item marked
 * with the run id and every changed item backed up; then the run is marked COMMITTED and its
 * backups deleted. A run that fails is rolled back at once; one whose process died is rolled
 * back by the next import (or `msht import --recover`). From the API, a small batch is written in
 * one transaction instead.
 *
 * The checks ran before the write (prepare-import.ts), and the graph may have changed since: a
 * record the import updates or links, or a report it cites, may have been hidden from the caller,
 * or a cited report raised above a handling a row gives itself; an id, value or reference it
 * takes may have come into use. The write statements test those
 * again themselves, as they write (bulk-write.query.ts), and refuse the batch; nothing of the
 * import stays (the transaction, or the run, is rolled back), and the rows are then named as the
 * check names them (`explained`). A cited report still visible is read as it is when each
 * batch is written: its facts take its grading and handling then, as an API write's would.
 */

export interface ImportSummary {
  format: ImportFormat;
  files: string[];
  /** The run's id; null when nothing changed (no record kept) or for a one-transaction import. */
  runId: string | null;
  rows: number;
  skipped: number;
  nodes: WriteCounts;
  relationships: WriteCounts;
  /** Bad rows: an import with any is refused whole, so then nothing was written. */
  rejected: number;
  badRows: BadRow[];
  seconds: number;
}

/** Who is importing, for the run record and to tell a dead run from a live one. */
export interface RunHost {
  host: string;
  pid: number;
  isAlive: (pid: number) => boolean;
}

export interface StagedOptions {
  batchSize: number;
  /** SHA-256 of the files, to find an unfinished run of the same files. */
  sha256: string;
  progress?: Progress;
  runHost: RunHost;
  clock?: () => Date;
  /** Called after each committed batch (tests use it to interrupt a run). */
  afterBatch?: (batch: number) => void | Promise<void>;
  /** Told about runs recovered before this one starts (with what a rollback did, and kept). */
  onRecovered?: (run: ImportRun, action: 'rolled back' | 'tidied', counts?: RollbackCounts) => void;
  /**
   * Told what the rollback of this run did, and kept, when the run fails and is rolled back at
   * once (before the failure is thrown): as `msht import --rollback` tells it.
   */
  onRolledBack?: (runId: string, counts: RollbackCounts) => void;
}

/** A run recoverImports finished: rolled back (with what the rollback did) or tidied. */
export interface Recovered {
  run: ImportRun;
  action: 'rolled back' | 'tidied';
  counts?: RollbackCounts;
}

/** An import refused before it wrote anything, for a reason other than its rows. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', 't');
  return `imp-${stamp}-${randomBytes(3).toString('hex')}`;
}

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const changed = (c: WriteCounts) => c.created + c.updated > 0;

/**
 * The ids of the nodes an import writes above its caller's clearance (a handling it may not see):
 * its relationships may still link them. Every other end must be visible to the caller as the
 * relationship is written (bulkRelsQuery). None for the CLI, which sees everything.
 */
function writtenAbove(g: ScopedGraph, prepared: PreparedImport): Set<string> {
  const seen = (p: StoredProvenanceRow) => g.access.handling.includes(p.handling as HandlingCode) && g.access.ukHandling.includes(p.ukHandling as UkHandling);
  return new Set(prepared.nodes.flatMap((group) => group.rows.filter((r) => !seen(r.prov)).map((r) => r.id)));
}

/** The ends of these rows that the import writes itself (bulkRelsQuery's `own`). */
function ownEnds(rows: readonly BulkRelRow[], written: ReadonlySet<string>): string[] {
  const own = new Set<string>();
  for (const r of rows) {
    if (written.has(r.from)) own.add(r.from);
    if (written.has(r.to)) own.add(r.to);
  }
  return [...own];
}

/**
 * The error to report for a write that failed after its transaction (or its run) was rolled
 * back. A conflict (a row whose record or cited report the caller may no longer see, whose
 * cited report now ranks above the handling it gives itself, or whose id, value or reference was
 * taken, since the check: MSHT_CONFLICT from the writer or a
 * uniqueness constraint, naming nothing) becomes the rows the graph refuses now, worded and
 * placed as the check words them; if it has changed back meanwhile, the conflict itself (so
 * too a deadlock with another writer, also MSHT_CONFLICT: no row is refused, and it says so).
 * Anything else stays as it is.
 */
async function explained(g: ScopedGraph, prepared: PreparedImport, e: unknown, what: string): Promise<unknown> {
  if (!(e instanceof AppError) || e.code !== 'MSHT_CONFLICT') return e;
  const bad = await rowsRefusedNow(g, prepared.plan).catch(() => []);
  return bad.length > 0 ? new ImportRowsRefused(bad, what) : e;
}

/** Import runs that did not commit (running now, or left by a process that died). */
export async function unfinishedImports(g: ScopedGraph): Promise<ImportRun[]> {
  return (await readRuns(g)).filter((r) => r.kind === 'IMPORT' && r.status !== 'COMMITTED');
}

/** Rolls back import runs whose process is gone, and finishes tidying committed ones. Returns what it did. */
export async function recoverImports(g: ScopedGraph, runHost: RunHost, now: Date, onRecovered?: StagedOptions['onRecovered']): Promise<Recovered[]> {
  const done: Recovered[] = [];
  for (const run of await readRuns(g)) {
    if (run.kind !== 'IMPORT') continue;
    if (run.status === 'COMMITTED') {
      if (run.cleaned) continue;
      await tidyRun(g, run.id);
      done.push({ run, action: 'tidied' });
      onRecovered?.(run, 'tidied');
    } else if (isAbandoned(run, now, runHost.host, runHost.isAlive)) {
      const counts = await rollbackRun(g, run.id);
      done.push({ run, action: 'rolled back', counts });
      onRecovered?.(run, 'rolled back', counts);
    }
  }
  return done;
}

export async function runStagedImport(g: ScopedGraph, prepared: PreparedImport, opts: StagedOptions): Promise<ImportSummary> {
  const clock = opts.clock ?? (() => new Date());
  const progress = opts.progress ?? SILENT_PROGRESS;
  const started = clock();
  await recoverImports(g, opts.runHost, started, opts.onRecovered);
  const live = (await readRuns(g)).filter((r) => r.kind === 'IMPORT' && r.status !== 'COMMITTED');
  if (live.length > 0) {
    const r = live[0]!;
    throw new ImportRefused(`another import is running (run ${r.id}, process ${r.pid} on ${r.host}, ${r.source.join(', ')}); wait for it, or roll it back with \`msht import --rollback ${r.id}\``);
  }

  const { plan } = prepared;
  const runId = newRunId(started);
  await createRun(g, {
    id: runId,
    kind: 'IMPORT',
    format: plan.format,
    source: plan.files,
    sha256: opts.sha256,
    status: 'RUNNING',
    cleaned: false,
    host: opts.runHost.host,
    pid: opts.runHost.pid,
  });

  const nodes = noCounts();
  const relationships = noCounts();
  const total = prepared.nodes.reduce((n, x) => n + x.rows.length, 0) + prepared.rels.reduce((n, x) => n + x.rows.length, 0);
  progress.start(`import ${plan.files.join(', ')}`, { items: total, rows: plan.rows });
  let batch = 0;
  const written = writtenAbove(g, prepared);
  const beat = async (tx: GraphTx) => {
    const [row] = await tx.run(heartbeatQuery(runId, { itemsWritten: nodes.created + nodes.updated + nodes.unchanged + relationships.created + relationships.updated + relationships.unchanged }));
    if (row?.status !== 'RUNNING') throw new ImportRefused(`run ${runId} was stopped from outside (its status is ${String(row?.status ?? 'gone')})`);
  };
  try {
    for (const group of prepared.nodes) {
      for (const rows of chunks(group.rows, opts.batchSize)) {
        const c = await g.importTx(async (tx) => {
          const counts = await writeNodeBatch(tx, group.label, group.mode, rows, runId);
          await beat(tx);
          return counts;
        });
        addCounts(nodes, c);
        progress.advance({ nodes: rows.length, relationships: 0 });
        await opts.afterBatch?.(++batch);
      }
    }
    for (const group of prepared.rels) {
      for (const rows of chunks(group.rows, opts.batchSize)) {
        const c = await g.importTx(async (tx) => {
          const counts = await writeRelBatch(tx, group.type, group.mode, rows, runId, ownEnds(rows, written));
          await beat(tx);
          return counts;
        });
        addCounts(relationships, c);
        progress.advance({ nodes: 0, relationships: rows.length });
        await opts.afterBatch?.(++batch);
      }
    }
  } catch (e) {
    progress.finish();
    let undone: RollbackCounts;
    try {
      undone = await rollbackRun(g, runId);
    } catch (undo) {
      // The write failed and so did the undo (the database went away?): the run stays RUNNING
      // under this process, and the next import or `msht import --recover` rolls it back.
      throw new ImportRefused(`import failed (${(e as Error).message}) and run ${runId} could not be rolled back now (${(undo as Error).message}); \`msht import --recover\` will roll it back`);
    }
    opts.onRolledBack?.(runId, undone);
    throw await explained(g, prepared, e, 'import');
  }
  progress.finish();

  // The commit point: from here on the run stays, whatever happens to this process.
  const counts = { rows: plan.rows, skipped: plan.skipped, ...prefixed('nodes', nodes), ...prefixed('relationships', relationships) };
  await finishRun(g, runId, { status: 'COMMITTED', ...counts });
  await tidyRun(g, runId);
  const kept = changed(nodes) || changed(relationships);
  if (!kept) await deleteRun(g, runId);
  return summary(prepared, kept ? runId : null, nodes, relationships, started, clock());
}

function prefixed(prefix: string, c: WriteCounts): Record<string, number> {
  return { [`${prefix}Created`]: c.created, [`${prefix}Updated`]: c.updated, [`${prefix}Unchanged`]: c.unchanged };
}

function summary(prepared: PreparedImport, runId: string | null, nodes: WriteCounts, relationships: WriteCounts, started: Date, ended: Date): ImportSummary {
  return {
    format: prepared.plan.format,
    files: prepared.plan.files,
    runId,
    rows: prepared.plan.rows,
    skipped: prepared.plan.skipped,
    nodes,
    relationships,
    rejected: 0,
    badRows: [],
    seconds: (ended.getTime() - started.getTime()) / 1000,
  };
}

/** A refused import's summary: nothing written, every bad row listed. */
export function refusedSummary(format: ImportFormat, files: string[], rows: number, bad: BadRow[]): ImportSummary {
  return { format, files, runId: null, rows, skipped: 0, nodes: noCounts(), relationships: noCounts(), rejected: new Set(bad.map((b) => `${b.file}:${b.line}`)).size, badRows: bad, seconds: 0 };
}

/**
 * Writes a (small) prepared import in one transaction: all of it or, on any failure, none. Rows
 * the write refuses (see above) are reported as ImportRowsRefused, as the check reports them.
 */
export async function runImportInOneTransaction(g: ScopedGraph, prepared: PreparedImport, clock: () => Date = () => new Date()): Promise<ImportSummary> {
  const started = clock();
  const written = writtenAbove(g, prepared);
  const { nodes, relationships } = await g
    .importTx(async (tx) => {
      const n = noCounts();
      const r = noCounts();
      // The links the import may update are locked before any node is written (lockRelBatch).
      for (const group of prepared.rels) await lockRelBatch(tx, group.type, group.mode, group.rows, ownEnds(group.rows, written));
      for (const group of prepared.nodes) addCounts(n, await writeNodeBatch(tx, group.label, group.mode, group.rows, null));
      for (const group of prepared.rels) addCounts(r, await writeRelBatch(tx, group.type, group.mode, group.rows, null, ownEnds(group.rows, written), { linksLocked: true }));
      return { nodes: n, relationships: r };
    })
    .catch(async (e: unknown) => {
      throw await explained(g, prepared, e, 'batch');
    });
  return summary(prepared, null, nodes, relationships, started, clock());
}
