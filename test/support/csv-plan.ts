import type { ScopedGraph } from '../../src/graph/scoped-graph';
import { planCsv } from '../../src/ingestion/csv/csv-import';
import { formatBadRow, type ImportPlan } from '../../src/ingestion/import-plan';
import { prepareImport, type PreparedImport } from '../../src/ingestion/prepare-import';

/** The reference-data report rows cite when they name none. */
export const REFERENCE_REPORT = 'ref-msht-reference-data';

const text = (lines: string[]) => `${lines.join('\n')}\n`;

/** CSV node and relationship lines (header first) as an import plan, the rows citing `defaultReportId` unless they say otherwise. */
export function csvPlan(nodes: string[], rels: string[] = [], defaultReportId = REFERENCE_REPORT): ImportPlan {
  return planCsv([...(nodes.length ? [{ name: 'nodes', text: text(nodes) }] : []), ...(rels.length ? [{ name: 'relationships', text: text(rels) }] : [])], {
    defaultReportId,
    today: new Date(),
  });
}

/** Checks a plan as `by`, which must pass. */
export async function preparePlan(by: ScopedGraph, plan: ImportPlan): Promise<PreparedImport> {
  const p = await prepareImport(by, plan, new Date());
  if (!p.ok) throw new Error(`the check refused the rows: ${p.bad.map(formatBadRow).join('; ')}`);
  return p.prepared;
}
