import type { IdentifierLabel } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { valueShown, visible } from './access';
import { projectNode } from './projection';

/**
 * An identifier by its normalised value. A value a victim holds is found only by victim-data
 * officers: for anyone else the look-up must not confirm that a victim uses it.
 */
export function identifierByValueQuery(kind: IdentifierLabel, value: string): CypherQuery {
  return {
    cypher: `MATCH (n:${kind} {value: $value})
WHERE ${visible('n')} AND ${valueShown('n')}
RETURN ${projectNode('n')} AS node`,
    params: { value },
  };
}

/**
 * Which node holds each of these normalised values (natural keys, unique per kind), whether or
 * not the caller may see it: an importer must not create a second node with a value in use.
 * `shown` says whether the caller may be told which node: visible, and for a value a victim
 * holds, a victim-data officer (as identifierByValueQuery); `referenceData`, for a node shown, that
 * it is reference data (which an import may link to, not write).
 */
export function identifierHoldersQuery(kind: IdentifierLabel, values: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $values AS value
MATCH (n:${kind} {value: value})
WITH value, n, ${visible('n')} AND ${valueShown('n')} AS shown
RETURN value, n.id AS id, shown, shown AND n:Reference AS referenceData`,
    params: { values: [...new Set(values)] },
  };
}
