/**
 * Provenance and handling, carried by every node and relationship (../../README.md#provenance).
 * Stored flat on each item, so that the visibility predicate is a property test in the same
 * Cypher that reads the item, whatever the traversal.
 */

/** UK 3x5x2: source evaluation. 1 reliable, 2 untested, 3 not reliable. */
export const SOURCE_GRADES = [1, 2, 3] as const;
export type SourceGrade = (typeof SOURCE_GRADES)[number];

/** UK 3x5x2: intelligence assessment. A known directly ... E suspected false. */
export const INTEL_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type IntelGrade = (typeof INTEL_GRADES)[number];

/** UK 3x5x2: handling. P lawful sharing permitted; C permitted with conditions. */
export const UK_HANDLING = ['P', 'C'] as const;
export type UkHandling = (typeof UK_HANDLING)[number];

/** Europol handling codes, least to most restrictive. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export interface Provenance {
  /** Id of the IntelligenceReport the fact came from. */
  reportId: string;
  /** Code of the providing agency. */
  agency: string;
  /** When the fact was recorded (ISO date-time). */
  recordedAt: Date;
  gradeSource: SourceGrade;
  gradeIntel: IntelGrade;
  ukHandling: UkHandling;
  handling: HandlingCode;
  /** True when the provider's consent to disseminate H2/H3 or UK-C material is recorded. */
  consent: boolean;
}

/** The property keys provenance occupies on every item; nothing else may use them. */
export const PROVENANCE_KEYS = ['reportId', 'agency', 'recordedAt', 'gradeSource', 'gradeIntel', 'ukHandling', 'handling', 'consent'] as const;

/** The most restrictive Europol code among items: a package takes this code. */
export function mostRestrictive(codes: Iterable<HandlingCode>): HandlingCode {
  let max = 0;
  for (const c of codes) max = Math.max(max, HANDLING_CODES.indexOf(c));
  return HANDLING_CODES[max]!;
}

export function mostRestrictiveUk(codes: Iterable<UkHandling>): UkHandling {
  for (const c of codes) if (c === 'C') return 'C';
  return 'P';
}

/** "B2" style grading as analysts quote it: intelligence then source, then handling. */
export function gradingLabel(p: Pick<Provenance, 'gradeSource' | 'gradeIntel' | 'ukHandling'>): string {
  return `${p.gradeSource}${p.gradeIntel}${p.ukHandling}`;
}

/** Provenance with its quoted grading, as the API shows it. */
export function withGrading(p: Provenance): Provenance & { grading: string } {
  return { ...p, grading: gradingLabel(p) };
}

/** Provenance for reference data loaded by migrations (gazetteer, vocabularies): open. */
export const REFERENCE_PROVENANCE = {
  reportId: 'ref-msht-reference-data',
  agency: 'MSHT',
  gradeSource: 1,
  gradeIntel: 'A',
  ukHandling: 'P',
  handling: 'H0',
  consent: true,
} as const satisfies Omit<Provenance, 'recordedAt'>;
