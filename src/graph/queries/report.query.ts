import type { CypherQuery } from '../query';
import { visible } from './access';

/** The grading and handling of the reports a write cites (visible to the writer). */
export function reportDefaultsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id
MATCH (r:IntelligenceReport {id: id})
WHERE ${visible('r')}
RETURN r.id AS id, r.agency AS agency, r.gradeSource AS gradeSource, r.gradeIntel AS gradeIntel,
       r.ukHandling AS ukHandling, r.handling AS handling, coalesce(r.consent, false) AS consent`,
    params: { ids: [...new Set(ids)] },
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
