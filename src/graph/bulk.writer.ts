import type { WritableLabel } from '../domain/entity-props';
import type { RelationshipType } from '../domain/graph-model';
import { AppError, invariant } from '../errors/app-error';
import { bulkNodesQuery, bulkRelsQuery, lockLinksQuery, type BulkMode, type BulkNodeRow, type BulkRelRow } from './queries/bulk-write.query';
import type { GraphTx } from './run-query';

/** What a batch did, item by item. */
export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export const noCounts = (): WriteCounts => ({ created: 0, updated: 0, unchanged: 0 });

export function addCounts(into: WriteCounts, more: WriteCounts): WriteCounts {
  into.created += more.created;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
  return into;
}

function tally(rows: Record<string, unknown>[]): WriteCounts & { conflict: number; hidden: number; misdated: number; reissued: number } {
  const c = { ...noCounts(), conflict: 0, hidden: 0, misdated: 0, reissued: 0 };
  for (const r of rows) c[r.outcome as keyof typeof c] += r.n as number;
  return c;
}

/**
 * Writes one batch of nodes of a label in the given transaction (bulk-write.query.ts). A row
 * whose id names a node the caller may not see, another kind of node or reference data, or
 * that cites a report in the graph the caller may not see (or that is gone, or whose handling is
 * now above the row's own), is never written:
 * the importer checks for those before it writes, and the statement tests them again as it
 * writes, so one here (the graph changed since the check) fails the batch, and with it the
 * transaction. The error names no record: the importer names the rows (run-import.ts).
 */
export async function writeNodeBatch(tx: GraphTx, label: WritableLabel, mode: BulkMode, rows: readonly BulkNodeRow[], run: string | null): Promise<WriteCounts> {
  if (rows.length === 0) return noCounts();
  const c = tally(await tx.run(bulkNodesQuery(label, mode, rows, run)));
  if (c.hidden > 0) throw new AppError('MSHT_CONFLICT', `${c.hidden} ${label} ids are already in use`);
  if (c.conflict > 0) throw new AppError('MSHT_CONFLICT', `${c.conflict} ${label} ids are already used by another kind of record or by reference data`);
  if (c.misdated > 0) throw new AppError('MSHT_CONFLICT', `${c.misdated} ${label} rows would leave a record's dates out of order, as it is now`);
  if (c.reissued > 0) throw new AppError('MSHT_CONFLICT', `${c.reissued} ${label} rows restate a report under another agency than it now has`);
  const written = c.created + c.updated + c.unchanged;
  invariant(written <= rows.length, `a ${label} batch wrote ${written} of ${rows.length} rows`);
  // The statement drops only rows whose cited report is missing or hidden from the caller, or
  // now above a handling the row gives itself.
  if (written < rows.length) throw new AppError('MSHT_CONFLICT', `${rows.length - written} ${label} rows cite a report that does not exist, or give a handling below that report's`);
  return { created: c.created, updated: c.updated, unchanged: c.unchanged };
}

/**
 * Writes one batch of relationships of a type. Both ends must exist and be visible to the caller
 * (or be written by the same import: `own`), and so must a cited report in the graph; a row whose
 * end or report is missing or hidden is dropped by the statement, so a short count fails the
 * batch (its transaction rolls back).
 */
export async function writeRelBatch(
  tx: GraphTx,
  type: RelationshipType,
  mode: BulkMode,
  rows: readonly BulkRelRow[],
  run: string | null,
  own: readonly string[] = [],
  opts: { linksLocked?: boolean } = {},
): Promise<WriteCounts> {
  if (rows.length === 0) return noCounts();
  // `linksLocked`: the transaction ran lockRelBatch for these rows before its first write.
  if (!opts.linksLocked) await lockRelBatch(tx, type, mode, rows, own);
  const c = tally(await tx.run(bulkRelsQuery(type, mode, rows, run, own)));
  if (c.misdated > 0) throw new AppError('MSHT_CONFLICT', `${c.misdated} ${type} rows would leave a link's dates out of order, as it is now`);
  const written = c.created + c.updated + c.unchanged;
  if (written !== rows.length) throw new AppError('MSHT_CONFLICT', `${rows.length - written} ${type} relationships name an end, or cite a report, that does not exist, or give a handling below their report's`);
  return { created: c.created, updated: c.updated, unchanged: c.unchanged };
}

/**
 * Locks the existing links a relationship batch may update (lockLinksQuery). It must run before
 * its transaction writes anything to the links' ends: writeRelBatch runs it first, and a
 * transaction that writes nodes before relationships (runImportInOneTransaction) runs it for
 * every relationship batch before its first node statement. Nothing to lock for `create`.
 */
export async function lockRelBatch(tx: GraphTx, type: RelationshipType, mode: BulkMode, rows: readonly BulkRelRow[], own: readonly string[] = []): Promise<void> {
  if (rows.length === 0 || mode === 'create') return;
  await tx.run(lockLinksQuery(type, rows, own));
}
