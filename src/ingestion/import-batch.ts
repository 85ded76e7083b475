import type { ScopedGraph } from '../graph/scoped-graph';
import { AppError } from '../errors/app-error';
import { planCsv } from './csv/csv-import';
import { ImportRowsRefused, type ImportPlan } from './import-plan';
import { planJson } from './json/json-import';
import { prepareImport } from './prepare-import';
import { runImportInOneTransaction, type ImportSummary } from './run-import';

/**
 * A small import through the API (the `importBatch` mutation): CSV node and relationship text or
 * one JSON export document, checked exactly as the CLI checks files, and written in one
 * transaction, so that it is all written or none of it. Larger files go through `msht import`.
 */

export const BATCH_MAX_ROWS = 10_000;

export interface BatchInput {
  format: 'CSV' | 'JSON';
  /** CSV: the node file's text (may be empty when only relationships are given); JSON: the document. */
  nodes: string;
  /** CSV only: the relationship file's text. */
  relationships?: string | null;
  /** CSV: the report rows cite when they have no reportId cell. */
  reportId?: string | null;
}

export async function importBatch(g: ScopedGraph, input: BatchInput, now: Date): Promise<ImportSummary> {
  let plan: ImportPlan;
  if (input.format === 'JSON') {
    if (input.relationships) throw new AppError('BAD_USER_INPUT', 'relationships: a JSON document holds its edges itself; leave relationships out', { field: 'relationships' });
    plan = planJson([{ name: 'nodes', text: input.nodes }], { today: now });
  } else {
    const sources = [
      ...(input.nodes.trim() ? [{ name: 'nodes', text: input.nodes }] : []),
      ...(input.relationships?.trim() ? [{ name: 'relationships', text: input.relationships }] : []),
    ];
    if (sources.length === 0) throw new AppError('BAD_USER_INPUT', 'nodes: give a node file, a relationship file, or both', { field: 'nodes' });
    plan = planCsv(sources, { defaultReportId: input.reportId, today: now });
  }
  if (plan.rows > BATCH_MAX_ROWS) {
    throw new AppError('BAD_USER_INPUT', `nodes: ${plan.rows} rows is more than a batch takes (${BATCH_MAX_ROWS}); import larger files with \`msht import\``, { field: 'nodes' });
  }
  const prepared = await prepareImport(g, plan, now);
  if (!prepared.ok) throw new ImportRowsRefused(prepared.bad);
  // A row the write meets hidden or taken since the check is refused the same way (run-import.ts).
  return runImportInOneTransaction(g, prepared.prepared, () => new Date());
}
