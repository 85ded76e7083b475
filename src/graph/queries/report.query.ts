import type { CypherQuery } from '../query';
import { lockIfVisible, visible } from './access';

const REPORT_DEFAULTS = `r.id AS id, r.agency AS agency, r.gradeSource AS gradeSource, r.gradeIntel AS gradeIntel,
       r.ukHandling AS ukHandling, r.handling AS handling, coalesce(r.consent, false) AS consent`;

/** The grading and handling of these reports (visible to the caller), as last committed: for a check, which writes nothing. */
export function reportDefaultsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (r:IntelligenceReport {id: id})
WHERE ${visible('r')}
RETURN ${REPORT_DEFAULTS}`,
    params: { ids: [...new Set(ids)] },
  };
}

/**
 * The grading and handling of the reports a write cites (visible to the writer), each read after
 * its write lock (`lockIfVisible`: a report hidden from the writer is neither locked nor waited
 * for), in id order. A write resolves its provenance before it locks the record it writes; read
 * unlocked, a report raised by a transaction that also holds that record (and commits while the
 * write waits for it) would be read as it was, and the fact written below it. Locked, the report
 * cannot change until the write ends, and a raise already holding it is waited for and read.
 */
export function lockedReportDefaultsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (r:IntelligenceReport {id: id})
WITH r ORDER BY r.id
${lockIfVisible('r', 'seen')}
WITH r, seen WHERE seen AND ${visible('r')}
RETURN ${REPORT_DEFAULTS}`,
    params: { ids: [...new Set(ids)].sort() },
  };
}

/**
 * Which report holds each of these references (natural keys, unique), whether or not the caller
 * may see it: an importer must not give a second report a reference in use. `shown` says whether
 * the caller may be told which report (as identifierHoldersQuery for identifier values), and
 * `referenceData`, for a report shown, that it is reference data (which an import may cite, not write).
 */
export function reportReferenceHoldersQuery(references: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $references AS reference
MATCH (r:IntelligenceReport {reference: reference})
WITH reference, r, ${visible('r')} AS shown
RETURN reference, r.id AS id, shown, shown AND r:Reference AS referenceData`,
    params: { references: [...new Set(references)] },
  };
}
