import type { GraphClient } from '../../src/graph/run-query';

/** Open provenance for rows a test writes directly (bulk set-up, not the API under test). */
export const TEST_PROVENANCE = {
  reportId: 'ref-msht-reference-data',
  agency: 'MSHT',
  gradeSource: 2,
  gradeIntel: 'B',
  ukHandling: 'P',
  handling: 'H0',
  consent: false,
};

/**
 * Writes many people in one statement, for tests about reading at scale (paging, counting).
 * The API's own write path is tested elsewhere; this only sets the stage quickly.
 */
export async function bulkPersons(graph: GraphClient, rows: { id: string; name: string; handling?: string; victim?: boolean }[]): Promise<void> {
  await graph.write({
    cypher: `UNWIND $rows AS row
CREATE (p:Person:Entity {id: row.id})
SET p += $prov, p.recordedAt = datetime(), p.name = row.name, p.handling = coalesce(row.handling, 'H0')
FOREACH (_ IN CASE WHEN row.victim THEN [1] ELSE [] END | SET p:Victim)`,
    params: { rows, prov: TEST_PROVENANCE },
  });
}
