import type { IdentifierLabel } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { visible } from './access';
import { projectNode } from './projection';

/**
 * An identifier by its normalised value. A value a victim holds is found only by victim-data
 * officers: for anyone else the look-up must not confirm that a victim uses it.
 */
export function identifierByValueQuery(kind: IdentifierLabel, value: string): CypherQuery {
  return {
    cypher: `MATCH (n:${kind} {value: $value})
WHERE ${visible('n')} AND ($__victimData OR NOT EXISTS { (n)<-[:HAS_IDENTIFIER]-(:Victim) })
RETURN ${projectNode('n')} AS node`,
    params: { value },
  };
}
