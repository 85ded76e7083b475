import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { planCsv } from './csv/csv-import';
import { planCtdc } from './ctdc/ctdc-import';
import type { ImportFormat, ImportPlan } from './import-plan';
import { planJson } from './json/json-import';
import { planNrm } from './nrm/nrm-import';
import { NRM_QUARTERLY_FILES } from './reference/nrm-files';

/**
 * Reads the files of an import from disk and makes the plan for their format. An NRM import may
 * name the folder of the statistics: its two quarterly tables are then read.
 */

export interface PlanFilesOptions {
  /** The report CSV rows cite when they have no reportId cell. */
  defaultReportId?: string | null;
  now: Date;
}

export interface PlannedFiles {
  plan: ImportPlan;
  /** SHA-256 over the files' bytes in order: the same files give the same hash. */
  sha256: string;
  paths: string[];
}

/** The files an argument stands for: itself, or for NRM a folder's quarterly tables. */
export function expandPaths(format: ImportFormat, given: readonly string[]): string[] {
  return given.flatMap((p) => {
    if (format === 'nrm' && fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      const found = NRM_QUARTERLY_FILES.map((f) => path.join(p, f)).filter((f) => fs.existsSync(f));
      if (found.length === 0) throw new Error(`${p}: no NRM quarterly tables in this folder (${NRM_QUARTERLY_FILES.join(', ')})`);
      return found;
    }
    return [p];
  });
}

export function planFiles(format: ImportFormat, given: readonly string[], opts: PlanFilesOptions): PlannedFiles {
  const paths = expandPaths(format, given);
  const hash = createHash('sha256');
  const files = paths.map((p) => {
    const bytes = fs.readFileSync(p);
    hash.update(bytes);
    return { name: p, bytes, text: bytes.toString('utf8') };
  });
  const sha256 = hash.digest('hex');
  let plan: ImportPlan;
  switch (format) {
    case 'csv':
      plan = planCsv(files, { defaultReportId: opts.defaultReportId, today: opts.now });
      break;
    case 'ctdc':
      if (files.length !== 1) throw new Error('a CTDC import takes one file');
      plan = planCtdc(files[0]!.text, { name: files[0]!.name, sha256: createHash('sha256').update(files[0]!.bytes).digest('hex'), now: opts.now });
      break;
    case 'nrm':
      plan = planNrm(files);
      break;
    case 'json':
      plan = planJson(files, { today: opts.now });
      break;
  }
  return { plan, sha256, paths };
}
