import type { WritableLabel } from '../domain/entity-props';
import type { PersonRoleLabel, RelationshipType } from '../domain/graph-model';
import type { ProvenanceInput, ReportDefaults } from '../domain/provenance-input';
import { AppError } from '../errors/app-error';

/**
 * What an importer makes of its files before anything is written: the nodes and relationships
 * to write, each with the file and line it came from, and every row it could not use. A plan with
 * a bad row is refused whole (README.md#importing-data).
 */

export const IMPORT_FORMATS = ['csv', 'json', 'ctdc', 'nrm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface SourceRef {
  file: string;
  /** 1-based line of the file where the row starts (for JSON: the item's JSON path instead). */
  line: number | string;
}

export interface BadRow extends SourceRef {
  reason: string;
}

/** `file:line: reason`, the form editors and terminals link to. */
export function formatBadRow(b: BadRow): string {
  return `${b.file}:${b.line}: ${b.reason}`;
}

/** How many bad rows an error message lists; `extensions.rows` has them all. */
const LISTED = 20;

/**
 * An import refused for its rows, nothing written: BAD_USER_INPUT with every row as
 * `file:line: reason` in `extensions.rows` (and `bad` for the CLI), whether the check before the
 * write found them or the write itself met them (run-import.ts).
 */
export class ImportRowsRefused extends AppError {
  constructor(
    readonly bad: BadRow[],
    what = 'batch',
  ) {
    const rows = bad.map(formatBadRow);
    const more = rows.length > LISTED ? `; and ${rows.length - LISTED} more (extensions.rows)` : '';
    super('BAD_USER_INPUT', `the ${what} has ${rows.length} bad rows and was not written: ${rows.slice(0, LISTED).join('; ')}${more}`, { field: bad[0]?.file, rows });
    this.name = 'ImportRowsRefused';
  }
}

export interface PlannedNode {
  label: WritableLabel;
  id: string;
  /** Checked, normalised values; dates as `YYYY-MM-DD`; no nulls (a missing value stays missing). */
  props: Record<string, unknown>;
  roles: PersonRoleLabel[];
  prov: ProvenanceInput;
  source: SourceRef;
}

export interface PlannedRel {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
  prov: ProvenanceInput;
  source: SourceRef;
}

export interface ImportPlan {
  format: ImportFormat;
  files: string[];
  /** Source rows read (data rows, not headers). */
  rows: number;
  /** Rows read but deliberately not stored (e.g. the NRM tables' Total rows, checked instead). */
  skipped: number;
  nodes: PlannedNode[];
  rels: PlannedRel[];
  /** Reports the plan itself writes (a CTDC release, an NRM table): their defaults, by id. */
  reports: Map<string, ReportDefaults>;
  /**
   * JSON only: reports the file's items cite but the file does not hold (an export does not carry
   * the reports its facts cite), with the agency and grading of the first item citing each. An
   * item citing one the graph has takes it from the graph, which the importer must see, as a CSV
   * row's; one citing a report the graph does not have keeps its provenance as the file gives it.
   */
  citedNotHeld: Map<string, ReportDefaults>;
  bad: BadRow[];
}

export function emptyPlan(format: ImportFormat, files: string[]): ImportPlan {
  return { format, files, rows: 0, skipped: 0, nodes: [], rels: [], reports: new Map(), citedNotHeld: new Map(), bad: [] };
}

/** Drops nulls, undefined and empty lists: what a source leaves out is not written. */
export function presentOnly(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** The message of a BAD_USER_INPUT (or any error) without the leading field path we gave it. */
export function reasonOf(e: unknown, stripPrefix?: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  return stripPrefix && msg.startsWith(stripPrefix) ? msg.slice(stripPrefix.length) : msg;
}
