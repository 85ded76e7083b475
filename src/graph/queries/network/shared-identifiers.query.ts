import type { NodeLabel, PersonRoleLabel } from '../../../domain/graph-model';
import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { projectNode, projectRel } from '../projection';

export interface SharedIdentifiersSpec {
  /** Subjects: these entities; or, when null, every Person/Business of `subjectTypes`. */
  ids: readonly string[] | null;
  subjectTypes: readonly ('Person' | 'Business')[];
  /** Counterparts must be people with one of these roles (any person or business when null). */
  counterpartRoles: readonly PersonRoleLabel[] | null;
  /** What may link them: identifier kinds and/or Address. */
  viaTypes: readonly NodeLabel[] | null;
  /** Only subjects no operation targets yet. */
  untargetedOnly: boolean;
  limit: number;
}

/**
 * People and businesses linked through the same phone, vehicle, account, document, email,
 * handle or address, with the thing that links them and both links (each with provenance).
 * Every node and link on the way must be visible to the caller. Subjects asked for by id are found
 * by a seek of the id index, named (the test is written only then: as `$ids IS NULL OR …` no index
 * could serve it, and Neo4j could start from every person of a counterpart role; and for the
 * order by id it may prefer scanning the whole index).
 */
export function sharedIdentifiersQuery(s: SharedIdentifiersSpec): CypherQuery {
  const subjectLabels = s.subjectTypes.map((l) => `x:${l}`).join(' OR ');
  const untargeted = s.untargetedOnly ? `AND NOT EXISTS { MATCH (x)<-[t:TARGETS]-(o:Operation) WHERE ${visible('t')} AND ${visible('o')} }` : '';
  const roleTest = s.counterpartRoles && s.counterpartRoles.length ? `AND (${s.counterpartRoles.map((r) => `y:${r}`).join(' OR ')})` : '';
  return {
    cypher: `MATCH (x:Entity)${s.ids ? ' USING INDEX SEEK x:Entity(id)' : ''}
WHERE ${s.ids ? 'x.id IN $ids AND ' : ''}(${subjectLabels}) AND ${visible('x')} ${untargeted}
MATCH (x)-[r1:HAS_IDENTIFIER|RESIDES_AT|LOCATED_AT]->(v)<-[r2:HAS_IDENTIFIER|RESIDES_AT|LOCATED_AT]-(y)
WHERE y <> x AND (y:Person OR y:Business) ${roleTest}
  AND ${visible('r1')} AND ${visible('v')} AND ${visible('r2')} AND ${visible('y')}
  AND ($viaTypes IS NULL OR any(l IN labels(v) WHERE l IN $viaTypes))
WITH x, y, v, r1, r2 ORDER BY x.id, y.id, v.id LIMIT toInteger($limit)
RETURN ${projectNode('x')} AS subject, ${projectNode('y')} AS counterpart, ${projectNode('v')} AS via,
  ${projectRel('r1')} AS subjectLink, ${projectRel('r2')} AS counterpartLink`,
    params: { ids: s.ids ? [...s.ids] : null, viaTypes: s.viaTypes && s.viaTypes.length ? [...s.viaTypes] : null, limit: s.limit },
  };
}
