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
