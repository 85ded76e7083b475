import { buildSubgraph } from '../../src/analytics/subgraph';
import type { EntityRecord, RelRecord } from '../../src/domain/entity-record';
import { HANDLING_CODES, UK_HANDLING } from '../../src/domain/provenance';
import type { Subgraph } from '../../src/domain/subgraph';
import { projectNode, projectRel } from '../../src/graph/queries/projection';
import type { GraphClient } from '../../src/graph/run-query';

/** The whole graph (reference data included) as a Subgraph, as a victim-data officer would export it. */
export async function readWholeGraph(client: GraphClient): Promise<Subgraph> {
  // Cleared for everything: nothing hidden, no stop number shifted.
  const params = { __victimData: true, __handling: [...HANDLING_CODES], __ukHandling: [...UK_HANDLING] };
  const nodes = await client.read({ cypher: `MATCH (n:Entity) RETURN ${projectNode('n')} AS node ORDER BY n.id`, params });
  const rels = await client.read({ cypher: `MATCH (:Entity)-[r]->(:Entity) RETURN ${projectRel('r')} AS rel`, params });
  return buildSubgraph(
    nodes.map((r) => r.node as EntityRecord),
    rels.map((r) => r.rel as RelRecord),
    (id) => id,
  );
}
