import { resolveProvenance, type ProvenanceInput, type ReportDefaults } from '../domain/provenance-input';
import type { Provenance } from '../domain/provenance';
import { badInput } from '../errors/app-error';
import { lockedReportDefaultsQuery } from './queries/report.query';
import type { GraphTx } from './run-query';

/**
 * Resolves the provenance inputs of a write inside its transaction: each cited report must exist
 * (and be visible to the writer); the fact inherits the report's grading and handling. The reports
 * are locked before they are read (lockedReportDefaultsQuery), and stay locked until the write ends.
 */
export async function resolveProvenances(tx: GraphTx, inputs: { field: string; input: ProvenanceInput }[], now: Date): Promise<Provenance[]> {
  const rows = await tx.run(lockedReportDefaultsQuery(inputs.map((i) => i.input.reportId)));
  const reports = new Map(rows.map((r) => [r.id as string, r as unknown as ReportDefaults]));
  return inputs.map(({ field, input }) => {
    const report = reports.get(input.reportId);
    if (!report) throw badInput(`${field}.reportId`, `no intelligence report ${JSON.stringify(input.reportId)}`);
    return resolveProvenance(field, input, report, now);
  });
}
