import { parseArgs } from 'node:util';

import { loadConfig } from '../../config/config';
import type { ImportRun } from '../../domain/import-run';
import { readRuns, rollbackRun, type KeptItem, type RollbackCounts } from '../../graph/import-run.store';
import type { WriteCounts } from '../../graph/bulk.writer';
import { formatBadRow, IMPORT_FORMATS, ImportRowsRefused, type BadRow, type ImportFormat, type ImportPlan } from '../../ingestion/import-plan';
import { planFiles } from '../../ingestion/plan-files';
import { prepareImport } from '../../ingestion/prepare-import';
import { StreamProgress } from '../../ingestion/progress';
import { recoverImports, refusedSummary, runStagedImport, type ImportSummary, type StagedOptions } from '../../ingestion/run-import';
import { createLogger } from '../../logging/logger';
import { systemGraph } from '../../graph/system-graph';
import { runDataCommand } from '../data-command';
import { thisHost } from '../run-host';

export const IMPORT_USAGE = `  msht import <file...> --format csv|json|ctdc|nrm [--report REPORT_ID] [--batch-size N] [--dry-run]
                                  import files (csv: node and relationship files; nrm: a table or the folder)
  msht import --status            list import runs
  msht import --recover           roll back runs whose process died; finish tidying committed ones
  msht import --rollback RUN_ID   roll back an unfinished run`;

const fmt = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string) => `${fmt(n)} ${n === 1 ? one : many}`;
const counts = (c: WriteCounts) => `created ${fmt(c.created)}, updated ${fmt(c.updated)}, unchanged ${fmt(c.unchanged)}`;

export function printSummary(s: ImportSummary, out: NodeJS.WritableStream = process.stdout): void {
  const secs = Math.max(s.seconds, 0.001);
  const rels = s.relationships.created + s.relationships.updated + s.relationships.unchanged;
  out.write(
    [
      `${s.rejected > 0 ? 'refused' : 'imported'} ${s.files.join(', ')} (${s.format})${s.rejected > 0 ? '' : ` in ${s.seconds.toFixed(1)} s`}`,
      `  rows:           ${fmt(s.rows)} read${s.skipped ? `, ${fmt(s.skipped)} totals checked and not stored` : ''}`,
      `  nodes:          ${counts(s.nodes)}`,
      `  relationships:  ${counts(s.relationships)}`,
      `  rejected:       ${plural(s.rejected, 'row', 'rows')}`,
      ...(s.rejected === 0 ? [`  throughput:     ${fmt(Math.round(s.rows / secs))} rows/s, ${fmt(Math.round(rels / secs))} relationships/s`] : []),
      ...(s.runId ? [`  run:            ${s.runId} (committed)`] : s.rejected === 0 ? ['  run:            nothing changed; no run recorded'] : []),
      '',
    ].join('\n'),
  );
}

const KEPT: Record<KeptItem['reason'], (kind: KeptItem['kind']) => string> = {
  EDITED: (kind) => `edited since the run: those edits${kind === 'node' ? ', its roles' : ''} and its provenance (report, grading, handling, UK handling, consent) stay; the run's other changes are undone`,
  DELETED: () => 'deleted since the run: it stays deleted',
  CREATED_EDITED: () => 'created by the run and edited since: not deleted',
  CREATED_LINKED: () => 'created by the run and linked (or one of its links edited, or merged into) since: not deleted; it keeps its links to what stays',
};

/**
 * What a rollback did, and each item it kept because someone changed it since the run wrote it;
 * the first line opens with `heading` (default: "rolled back RUN_ID").
 */
export function rollbackLines(runId: string, c: RollbackCounts, heading = `rolled back ${runId}`): string[] {
  return [
    `${heading}: ${fmt(c.nodesDeleted)} nodes and ${fmt(c.relationshipsDeleted)} relationships deleted, ${fmt(c.nodesRestored)} nodes and ${fmt(c.relationshipsRestored)} relationships restored`,
    ...(c.itemsKept.length > 0 ? [`  kept ${plural(c.itemsKept.length, 'item', 'items')} changed since the run wrote ${c.itemsKept.length === 1 ? 'it' : 'them'}:`, ...c.itemsKept.map((k) => `    ${k.id}: ${KEPT[k.reason](k.kind)}`)] : []),
  ];
}

function printRun(r: ImportRun): string {
  const state = r.status === 'COMMITTED' ? (r.cleaned ? 'committed' : 'committed (tidying)') : r.status.toLowerCase().replace('_', ' ');
  return `${r.id}  ${r.kind.toLowerCase()}  ${state}  ${r.format}  ${r.source.join(', ')}  started ${new Date(r.startedAt).toISOString()}  pid ${r.pid} on ${r.host}`;
}

/** `msht import`: files into the graph as one staged, undoable run (README.md#importing-data). */
export async function importCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        report: { type: 'string' },
        'batch-size': { type: 'string', default: '5000' },
        'dry-run': { type: 'boolean', default: false },
        status: { type: 'boolean', default: false },
        recover: { type: 'boolean', default: false },
        rollback: { type: 'string' },
      },
    });
  } catch (e) {
    // An unknown option, or one without its value: a usage error (exit 2), as the README says.
    process.stderr.write(`${(e as Error).message}\nusage:\n${IMPORT_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const admin = values.status || values.recover || values.rollback !== undefined;
  const format = values.format?.toLowerCase();
  if (!admin) {
    if (positionals.length === 0 || !format || !(IMPORT_FORMATS as readonly string[]).includes(format)) {
      process.stderr.write(`usage:\n${IMPORT_USAGE}\n`);
      return 2;
    }
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    process.stderr.write('--batch-size must be a whole number from 1 to 100000\n');
    return 2;
  }

  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const now = new Date();
  // Read and check the files before starting Neo4j: a file that cannot be read fails fast.
  let planned: ReturnType<typeof planFiles> | undefined;
  try {
    planned = admin ? undefined : planFiles(format as ImportFormat, positionals, { defaultReportId: values.report ?? null, now });
  } catch (e) {
    // A file that is not UTF-8: named with its line, as a refused row is, before anything starts.
    if (!(e instanceof ImportRowsRefused)) throw e;
    for (const b of e.bad) process.stderr.write(`${formatBadRow(b)}\n`);
    process.stderr.write(`refused: ${plural(e.bad.length, 'file', 'files')} not UTF-8; nothing was written\n`);
    return 1;
  }
  return runDataCommand(config, log, async (db) => {
    const g = systemGraph(db.graph, 'import');
    const host = thisHost();
    if (values.status) {
      const runs = await readRuns(g);
      process.stdout.write(runs.length ? `${runs.map(printRun).join('\n')}\n` : 'no import runs\n');
      return 0;
    }
    if (values.rollback !== undefined) {
      const run = (await readRuns(g)).find((r) => r.id === values.rollback);
      if (!run) {
        process.stderr.write(`no import run ${values.rollback} (msht import --status lists them)\n`);
        return 1;
      }
      if (run.kind !== 'IMPORT' || run.status === 'COMMITTED') {
        process.stderr.write(`run ${run.id} is ${run.kind === 'SEED' ? 'a seed' : 'committed'}: only an unfinished import can be rolled back\n`);
        return 1;
      }
      const c = await rollbackRun(g, run.id);
      process.stdout.write(`${rollbackLines(run.id, c).join('\n')}\n`);
      return 0;
    }
    if (values.recover) {
      const done = await recoverImports(g, host, now);
      const lines = done.flatMap((d) => {
        const heading = `${d.action} ${d.run.id} (${d.run.source.join(', ')})`;
        return d.counts ? rollbackLines(d.run.id, d.counts, heading) : [heading];
      });
      process.stdout.write(done.length ? `${lines.join('\n')}\n` : 'nothing to recover\n');
      return 0;
    }

    const { plan, sha256 } = planned!;
    const onRecovered: StagedOptions['onRecovered'] = (run, action, c) => {
      const heading = `${action} unfinished run ${run.id} (${run.source.join(', ')}) first`;
      process.stderr.write((c ? rollbackLines(run.id, c, heading) : [heading]).map((l) => `${l}\n`).join(''));
    };
    // A run a dead process left is recovered before the files are checked: checked against its
    // half-written items, a file was refused for values the recovery would delete ("already in
    // the graph as phone-x"). A dry run writes nothing, so it checks against the graph as it is.
    if (!values['dry-run']) await recoverImports(g, host, now, onRecovered);
    const prepared = await prepareImport(g, plan, now);
    if (!prepared.ok) return refused(plan, prepared.bad);
    if (values['dry-run']) {
      const n = prepared.prepared.nodes.reduce((a, x) => a + x.rows.length, 0);
      const r = prepared.prepared.rels.reduce((a, x) => a + x.rows.length, 0);
      process.stdout.write(`dry run: ${plan.files.join(', ')} is valid: ${fmt(plan.rows)} rows, ${fmt(n)} nodes and ${fmt(r)} relationships to write; nothing was written\n`);
      return 0;
    }
    let summary: ImportSummary;
    let kept = 0;
    try {
      summary = await runStagedImport(g, prepared.prepared, {
        batchSize,
        sha256,
        runHost: host,
        progress: new StreamProgress(process.stderr),
        onRecovered,
        // The run failed and was rolled back at once: what that did, and kept, as --rollback tells it.
        onRolledBack: (runId, c) => {
          kept = c.itemsKept.length;
          process.stderr.write(rollbackLines(runId, c).map((l) => `${l}\n`).join(''));
        },
      });
    } catch (e) {
      // Rows the write met hidden or taken since the check: refused as the check refuses them.
      if (e instanceof ImportRowsRefused) return refused(plan, e.bad, kept);
      throw e;
    }
    printSummary(summary);
    return 0;
  });
}

/**
 * Prints a refused import's rows (`file:line: reason`) and summary; nothing was written, unless a
 * run that failed mid-way was rolled back keeping `kept` items someone changed since it wrote them
 * (listed before, by rollbackLines).
 */
function refused(plan: ImportPlan, bad: BadRow[], kept = 0): number {
  for (const b of bad) process.stderr.write(`${formatBadRow(b)}\n`);
  printSummary(refusedSummary(plan.format, plan.files, plan.rows, bad));
  const undone = kept > 0 ? `the run was rolled back but for the ${plural(kept, 'item', 'items')} it kept (above)` : 'nothing was written';
  process.stderr.write(`refused: ${plural(bad.length, 'problem', 'problems')}; ${undone}\n`);
  return 1;
}
