import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { countryOf } from '../analytics/routes.query';

export interface PersonNetworkScope {
  /** Members of this group (and the people tied to them), or */
  groupId: string | null;
  /** these people (and the people tied to them), or, both null, every visible person (of `roles`, when given). */
  ids: readonly string[] | null;
  /** Role labels (from the registry) the people of a whole-graph scope must hold one of. */
  roles?: readonly string[] | null;
  limit: number;
}

/**
 * The person-to-person projection the social-network measures run on: two people are tied when
 * they share a group, take part in the same exploitation event, hold the same identifier or
 * address, or are recorded associates; the weight counts the ties. Only visible items count.
 * Also returns, per person, the attributes brokerage analysis groups by: first nationality,
 * main group, and country of operation (where their exploitation happened).
 */
export function personNetworkQuery(s: PersonNetworkScope): CypherQuery {
  const seed = s.groupId
    ? `MATCH (g:OrganisedCrimeGroup {id: $groupId})<-[m:MEMBER_OF]-(p:Person) WHERE ${visible('g')} AND ${visible('m')} AND ${visible('p')}`
    : s.ids
      ? `MATCH (p:Person) WHERE p.id IN $ids AND ${visible('p')}`
      : `MATCH (p:Person) WHERE ${s.roles && s.roles.length ? `(${s.roles.map((r) => `p:${r}`).join(' OR ')}) AND ` : ''}${visible('p')}`;
  const tie = (pattern: string, vars: string[], kind: string, via: string) =>
    `MATCH ${pattern} WHERE a <> b AND ${vars.map(visible).join(' AND ')} RETURN b, '${kind}' AS kind, ${via} AS via`;
  return {
    cypher: `${seed}
WITH collect(DISTINCT p)[0..toInteger($limit)] AS core
CALL (core) {
  UNWIND core AS a
  CALL (a) {
    ${tie('(a)-[r1:MEMBER_OF]->(g:OrganisedCrimeGroup)<-[r2:MEMBER_OF]-(b:Person)', ['r1', 'g', 'r2', 'b'], 'GROUP', 'g.id')}
    UNION ALL
    ${tie('(a)-[r1:EXPLOITED|PERPETRATED]-(e:Exploitation)-[r2:EXPLOITED|PERPETRATED]-(b:Person)', ['r1', 'e', 'r2', 'b'], 'EVENT', 'e.id')}
    UNION ALL
    ${tie('(a)-[r1:HAS_IDENTIFIER|RESIDES_AT]->(v)<-[r2:HAS_IDENTIFIER|RESIDES_AT]-(b:Person)', ['r1', 'v', 'r2', 'b'], 'IDENTIFIER', 'v.id')}
    UNION ALL
    ${tie('(a)-[r1:ASSOCIATE_OF]-(b:Person)', ['r1', 'b'], 'ASSOCIATE', 'elementId(r1)')}
  }
  WITH a, b, kind, via
  WHERE b IN core OR $withNeighbours
  WITH DISTINCT CASE WHEN a.id < b.id THEN a ELSE b END AS x, CASE WHEN a.id < b.id THEN b ELSE a END AS y, kind, via
  WITH x, y, count(*) AS weight, collect(DISTINCT kind) AS kinds
  RETURN collect({source: x.id, target: y.id, weight: weight, kinds: kinds}) AS edges, collect(DISTINCT x) + collect(DISTINCT y) AS ends
}
UNWIND core + ends AS n
WITH edges, collect(DISTINCT n) AS people
RETURN edges, [p IN people | {
  id: p.id,
  nationality: head([(p)-[r:NATIONAL_OF]->(c:Country) WHERE ${visible('r')} AND ${visible('c')} | c.code]),
  groupId: head([(p)-[r:MEMBER_OF]->(g:OrganisedCrimeGroup) WHERE ${visible('r')} AND ${visible('g')} | g.id]),
  operatesIn: head([c IN [(p)-[r:PERPETRATED|EXPLOITED]-(e:Exploitation)-[o:OCCURRED_AT|IN_AREA]->(l) WHERE ${visible('r')} AND ${visible('e')} AND ${visible('o')} AND ${visible('l')} |
    ${countryOf('l')}] WHERE c IS NOT NULL])
}] AS people`,
    params: { groupId: s.groupId, ids: s.ids ? [...s.ids] : null, limit: s.limit, withNeighbours: true },
  };
}
