import type { CypherQuery } from '../../query';
import { visible } from '../access';

export interface DuplicateScope {
  /** Only pairs with at least one of these people (null: the whole visible graph). */
  ids: readonly string[] | null;
  /** Only pairs with at least one member of this group. */
  groupId: string | null;
  limit: number;
}

/** The person fields the scorer compares, with victim-protected ones withheld as the projection does. */
function personFacts(v: string): string {
  return `{id: ${v}.id,
    name: CASE WHEN ${v}:Victim AND NOT $__victimData THEN null ELSE ${v}.name END,
    aliases: CASE WHEN ${v}:Victim AND NOT $__victimData THEN [] ELSE coalesce(${v}.aliases, []) END,
    dateOfBirth: CASE WHEN ${v}:Victim AND NOT $__victimData THEN null ELSE toString(${v}.dateOfBirth) END,
    birthYear: CASE WHEN ${v}:Victim AND NOT $__victimData THEN null ELSE ${v}.birthYear END,
    gender: ${v}.gender,
    nationalities: [(${v})-[__n:NATIONAL_OF]->(__c:Country) WHERE ${visible('__n')} | __c.code]}`;
}

function inScope(v: string): string {
  return `(($ids IS NULL OR ${v}.id IN $ids) AND ($groupId IS NULL OR EXISTS { MATCH (${v})-[__m:MEMBER_OF]->(:OrganisedCrimeGroup {id: $groupId}) WHERE ${visible('__m')} }))`;
}

/**
 * Candidate pairs of probably-the-same person records, found by blocking (never all pairs):
 * (1) pairs that share an identifier or an address, with what they share; (2) pairs with the
 * same birth year and the same last name token. Name-based blocking skips victims for callers
 * without victim-data rights. Scoring is done by analytics/duplicates.ts.
 */
export function duplicateCandidatesQuery(s: DuplicateScope): CypherQuery {
  return {
    cypher: `CALL () {
  MATCH (a:Person)-[r1:HAS_IDENTIFIER|RESIDES_AT]->(v)<-[r2:HAS_IDENTIFIER|RESIDES_AT]-(b:Person)
  WHERE a.id < b.id AND ${visible('a')} AND ${visible('b')} AND ${visible('r1')} AND ${visible('r2')} AND ${visible('v')}
    AND (${inScope('a')} OR ${inScope('b')})
  RETURN a, b, collect(DISTINCT {kind: [l IN labels(v) WHERE l IN ['Phone','Vehicle','BankAccount','TravelDocument','EmailAddress','OnlineHandle','Address']][0], id: v.id}) AS shared
  UNION
  MATCH (a:Person)
  WHERE a.birthYear IS NOT NULL AND a.name IS NOT NULL AND ${visible('a')} AND (NOT a:Victim OR $__victimData)
  WITH a.birthYear AS year, toLower(last(split(trim(a.name), ' '))) AS surname, collect(a) AS people
  WHERE size(people) > 1 AND size(people) <= 50
  UNWIND people AS a
  UNWIND people AS b
  WITH a, b WHERE a.id < b.id AND (${inScope('a')} OR ${inScope('b')})
  RETURN a, b, [] AS shared
}
WITH a, b, collect(shared) AS sharedLists
WITH a, b, reduce(acc = [], s IN sharedLists | acc + s) AS shared
ORDER BY a.id, b.id
LIMIT toInteger($limit)
RETURN ${personFacts('a')} AS a, ${personFacts('b')} AS b, shared`,
    params: { ids: s.ids ? [...s.ids] : null, groupId: s.groupId, limit: s.limit },
  };
}
