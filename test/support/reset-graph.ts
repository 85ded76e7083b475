import type { GraphClient } from '../../src/graph/run-query';

/**
 * Removes everything the tests wrote: all nodes but reference data (gazetteer, agencies,
 * vocabularies) and migration records, with their relationships.
 */
export async function resetGraph(graph: GraphClient): Promise<void> {
  for (;;) {
    const rows = await graph.write({
      cypher: 'MATCH (n) WHERE NOT n:Reference AND NOT n:MshtMigration WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c',
      params: {},
    });
    if ((rows[0]?.c as number) === 0) return;
  }
}
