import type { NodeLabel } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { visible } from './access';
import { projectNode, type ProjectionKeys } from './projection';
import { relatedColumns, type RelatedColumn } from './related.query';

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

/**
 * Nodes by id and relationship fields of theirs, in ONE round trip: a row per visible node, `id`,
 * `node` and a column per field (`rel0`, ...; relatedColumns).
 */
export function nodesWithRelatedQuery(ids: readonly string[], keys: ProjectionKeys | undefined, columns: readonly RelatedColumn[]): CypherQuery {
  const related = relatedColumns('n', columns);
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE ${visible('n')}
${related.text}
RETURN id, ${projectNode('n', keys)} AS node, ${related.names.join(', ')}`,
    params: { ...related.params, ids: [...ids] },
  };
}
