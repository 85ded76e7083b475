import type { NodeLabel } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { visible } from './access';
import { projectNode, type ProjectionKeys } from './projection';

/**
 * Nodes by id, in one round trip (the node loader's batch). Optional labels narrow the kinds;
 * they come from the registry, never from a request.
 */
export function nodesByIdsQuery(ids: readonly string[], labels?: readonly NodeLabel[], keys?: ProjectionKeys): CypherQuery {
  const labelTest = labels && labels.length > 0 ? ` AND (${labels.map((l) => `n:${l}`).join(' OR ')})` : '';
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE ${visible('n')}${labelTest}
RETURN id, ${projectNode('n', keys)} AS node`,
    params: { ids: [...ids] },
  };
}
