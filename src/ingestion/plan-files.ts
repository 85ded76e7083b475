import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { planCsv } from './csv/csv-import';
import { planCtdc } from './ctdc/ctdc-import';
import { ImportRowsRefused, type BadRow, type ImportFormat, type ImportPlan } from './import-plan';
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

/**
 * A file's text, which must be UTF-8 (a byte order mark is kept, for the readers to take off).
 * Decoded leniently, a file saved in another encoding (Windows-1252's `é`, UTF-16) had each bad
 * byte replaced with U+FFFD and was written so, or failed on headers that looked like nonsense:
 * it is refused instead, naming the line of its first byte that is not UTF-8.
 */
export function utf8Text(name: string, bytes: Uint8Array): string {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // A NUL byte is valid UTF-8 but no import file holds one; UTF-16 without a byte order mark
  // (ASCII text as `3A 00 49 00`) decodes without error otherwise, into headers of nonsense.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = 1 + bytes.subarray(0, nul).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
    throw new ImportRowsRefused([{ file: name, line, reason: 'is not UTF-8 text (it holds NUL bytes: UTF-16?): save the file as UTF-8 and import it again' }], 'import');
  }
  try {
    return strict.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line += 1;
      start = i + 1;
    }
    throw new ImportRowsRefused([{ file: name, line, reason: 'is not UTF-8 text: save the file as UTF-8 and import it again' }], 'import');
  }
}

export function planFiles(format: ImportFormat, given: readonly string[], opts: PlanFilesOptions): PlannedFiles {
  const paths = expandPaths(format, given);
  const hash = createHash('sha256');
  // Every file that is not UTF-8 is named, not only the first.
  const notUtf8: BadRow[] = [];
  const files = paths.map((p) => {
    const bytes = fs.readFileSync(p);
    hash.update(bytes);
    try {
      return { name: p, bytes, text: utf8Text(p, bytes) };
    } catch (e) {
      if (!(e instanceof ImportRowsRefused)) throw e;
      notUtf8.push(...e.bad);
      return { name: p, bytes, text: '' };
    }
  });
  if (notUtf8.length > 0) throw new ImportRowsRefused(notUtf8, 'import');
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
