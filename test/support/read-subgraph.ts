import { buildSubgraph } from '../../src/analytics/subgraph';
import type { EntityRecord, RelRecord } from '../../src/domain/entity-record';
import type { Subgraph } from '../../src/domain/subgraph';
import { projectNode, projectRel } from '../../src/graph/queries/projection';
import type { GraphClient } from '../../src/graph/run-query';

/** The whole graph (reference data included) as a Subgraph, as a victim-data officer would export it. */
export async function readWholeGraph(client: GraphClient): Promise<Subgraph> {
  const params = { __victimData: true };
  const nodes = await client.read({ cypher: `MATCH (n:Entity) RETURN ${projectNode('n')} AS node ORDER BY n.id`, params });
  const rels = await client.read({ cypher: `MATCH (:Entity)-[r]->(:Entity) RETURN ${projectRel('r')} AS rel`, params });
  return buildSubgraph(
    nodes.map((r) => r.node as EntityRecord),
    rels.map((r) => r.rel as RelRecord),
    (id) => id,
  );
}
