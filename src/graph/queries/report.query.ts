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
 * the caller may be told which report (as identifierHoldersQuery for identifier values).
 */
export function reportReferenceHoldersQuery(references: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $references AS reference
MATCH (r:IntelligenceReport {reference: reference})
RETURN reference, r.id AS id, ${visible('r')} AS shown`,
    params: { references: [...new Set(references)] },
  };
}
