import { badInput } from '../errors/app-error';
import { HANDLING_CODES, INTEL_GRADES, SOURCE_GRADES, UK_HANDLING, type Provenance } from './provenance';

/** What a writer says about a fact's source: the report, and where the fact differs from it. */
export interface ProvenanceInput {
  reportId: string;
  gradeSource?: number | null;
  gradeIntel?: string | null;
  ukHandling?: string | null;
  handling?: string | null;
  consent?: boolean | null;
  recordedAt?: Date | null;
}

/** The report's own grading and handling, which its facts inherit by default. */
export type ReportDefaults = Omit<Provenance, 'recordedAt' | 'reportId'>;

/** The provenance fields a fact takes from its report unless the write gives them (resolveProvenance). */
export const INHERITED_FIELDS = ['gradeSource', 'gradeIntel', 'ukHandling', 'handling', 'consent'] as const;
export type InheritedField = (typeof INHERITED_FIELDS)[number];

/**
 * A fact's full provenance: the report's grading and handling, overridden per fact where given,
 * never looser than the report's. `field` is the input path (e.g. `input.provenance`) for error
 * messages.
 */

export function resolveProvenance(field: string, input: ProvenanceInput, report: ReportDefaults, now: Date): Provenance {
  const gradeSource = input.gradeSource ?? report.gradeSource;
  if (!(SOURCE_GRADES as readonly number[]).includes(gradeSource)) throw badInput(`${field}.gradeSource`, 'must be 1, 2 or 3');
  const gradeIntel = input.gradeIntel ?? report.gradeIntel;
  if (!(INTEL_GRADES as readonly string[]).includes(gradeIntel)) throw badInput(`${field}.gradeIntel`, 'must be A, B, C, D or E');
  const ukHandling = input.ukHandling ?? report.ukHandling;
  if (!(UK_HANDLING as readonly string[]).includes(ukHandling)) throw badInput(`${field}.ukHandling`, 'must be P or C');
  const handling = input.handling ?? report.handling;
  if (!(HANDLING_CODES as readonly string[]).includes(handling)) throw badInput(`${field}.handling`, 'must be H0, H1, H2 or H3');
  // A fact is never shared more widely than the report it comes from: stricter, never looser.
  if (looserThan(HANDLING_CODES, handling, report.handling)) {
    throw badInput(`${field}.handling`, `must not be below the cited report's handling (${report.handling}): a fact is never shared more widely than its source`);
  }
  if (looserThan(UK_HANDLING, ukHandling, report.ukHandling)) {
    throw badInput(`${field}.ukHandling`, `must not be below the cited report's UK handling (${report.ukHandling}): a fact is never shared more widely than its source`);
  }
  const recordedAt = input.recordedAt ?? now;
  if (recordedAt.getTime() > now.getTime() + 60_000) throw badInput(`${field}.recordedAt`, 'must not be in the future');
  return {
    reportId: input.reportId,
    agency: report.agency,
    recordedAt,
    gradeSource: gradeSource as Provenance['gradeSource'],
    gradeIntel: gradeIntel as Provenance['gradeIntel'],
    ukHandling: ukHandling as Provenance['ukHandling'],
    handling: handling as Provenance['handling'],
    consent: input.consent ?? report.consent,
  };
}

/** `code` is a less restrictive code than `floor` in `order` (least restrictive first). */
function looserThan(order: readonly string[], code: string, floor: string): boolean {
  return order.indexOf(code) < order.indexOf(floor);
}

/** Provenance as stored: flat properties on the item (DATETIME for recordedAt). */
export function provenanceProps(p: Provenance): Record<string, unknown> {
  return { ...p, recordedAt: p.recordedAt.toISOString() };
}
