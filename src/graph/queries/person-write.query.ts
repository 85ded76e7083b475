import { ROLE_LABEL } from '../../domain/person';
import type { PersonFields } from '../../domain/new-person';
import type { CypherQuery } from '../query';
import { projectNode } from './projection';

/**
 * Creates a person with roles (labels from the registry), nationalities and provenance on every
 * item written. Returns the number of nationalities linked so the writer can refuse unknown
 * country codes (and roll back).
 */
export function createPersonQuery(id: string, f: PersonFields, prov: Record<string, unknown>): CypherQuery {
  const roleLabels = f.roles.map((r) => `:${ROLE_LABEL[r]}`).join('');
  return {
    cypher: `CREATE (p:Person:Entity${roleLabels} {id: $id})
SET p += $props, p += $prov, p.recordedAt = datetime($prov.recordedAt), p.dateOfBirth = date($dateOfBirth)
WITH p
CALL (p) {
  UNWIND $nationalities AS code
  MATCH (c:Country {code: code})
  CREATE (p)-[r:NATIONAL_OF]->(c)
  SET r += $prov, r.recordedAt = datetime($prov.recordedAt)
  RETURN count(r) AS linked
}
RETURN ${projectNode('p')} AS node, linked`,
    params: {
      id,
      props: {
        name: f.name,
        aliases: f.aliases,
        birthYear: f.birthYear,
        gender: f.gender,
        ageGroup: f.ageGroup,
      },
      prov,
      dateOfBirth: f.dateOfBirth,
      nationalities: f.nationalities,
    },
  };
}
