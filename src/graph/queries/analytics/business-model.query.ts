import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { countryOf } from './routes.query';

const IDS = 100; // record ids returned per item: enough to explain, bounded for big groups

/** `{key, count, ids}` tallies from rows of (key, record id), counted in the database. */
function tally(keyExpr: string, idExpr: string): string {
  return `WITH ${keyExpr} AS key, ${idExpr} AS rid
    WHERE key IS NOT NULL
    WITH key, count(DISTINCT rid) AS count, collect(DISTINCT rid)[0..${IDS}] AS ids
    ORDER BY count DESC, key
    RETURN collect({key: key, count: count, ids: ids}) AS items`;
}

/**
 * A group's crime script, stage by stage, for one or many groups in one round trip. Every
 * stage is an aggregation in the database (counts and the ids of the records behind each count),
 * over the group's visible exploitation events (its own and its members'), its routes, members
 * and accounts. Nothing the caller may not see is counted.
 */
export function businessModelQuery(groupIds: readonly string[]): CypherQuery {
  const v = visible;
  return {
    cypher: `UNWIND $ids AS gid
MATCH (g:OrganisedCrimeGroup {id: gid}) WHERE ${v('g')}
// Collected inside, so a group with no visible events still has a model (its members, routes
// and money), with none of the stages events give.
CALL (g) {
  CALL (g) {
    MATCH (g)-[x:PERPETRATED]->(e:Exploitation) WHERE ${v('x')} AND ${v('e')}
    RETURN e
    UNION
    MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[x:PERPETRATED]->(e:Exploitation) WHERE ${v('m')} AND ${v('p')} AND ${v('x')} AND ${v('e')}
    RETURN e
  }
  RETURN collect(DISTINCT e) AS events
}
CALL (g) {
  MATCH (g)<-[m:MEMBER_OF]-(p:Person) WHERE ${v('m')} AND ${v('p')}
  ${tally("coalesce(m.role, 'MEMBER')", 'p.id')}
}
WITH g, events, items AS membersByRole
CALL (events) {
  UNWIND events AS e
  MATCH (e)-[r:USED_RECRUITMENT]->(t:RecruitmentMethod) WHERE ${v('r')} AND ${v('t')}
  ${tally('t.code', 'e.id')}
}
WITH g, events, membersByRole, items AS recruitment
CALL (events) {
  UNWIND events AS e
  MATCH (e)-[r:USED_CONTROL]->(t:ControlMethod) WHERE ${v('r')} AND ${v('t')}
  ${tally('t.code', 'e.id')}
}
WITH g, events, membersByRole, recruitment, items AS control
CALL (events) {
  UNWIND events AS e
  MATCH (e)-[r:OF_TYPE]->(t:ExploitationType) WHERE ${v('r')} AND ${v('t')}
  ${tally('t.code', 'e.id')}
}
WITH g, events, membersByRole, recruitment, control, items AS exploitationTypes
CALL (events) {
  UNWIND events AS e
  MATCH (e)-[r:OCCURRED_AT]->(b:Business) WHERE ${v('r')} AND ${v('b')}
  ${tally('b.type', 'b.id')}
}
WITH g, events, membersByRole, recruitment, control, exploitationTypes, items AS venues
CALL (events) {
  UNWIND events AS e
  MATCH (e)-[r:IN_AREA]->(f:PoliceForce) WHERE ${v('r')} AND ${v('f')}
  ${tally('f.code', 'e.id')}
}
WITH g, events, membersByRole, recruitment, control, exploitationTypes, venues, items AS forceAreas
CALL (events) {
  UNWIND events AS e
  MATCH (e)-[r:EXPLOITED]->(p:Person) WHERE ${v('r')} AND ${v('p')}
  RETURN collect(DISTINCT p) AS victims
}
CALL (victims) {
  UNWIND victims AS p
  OPTIONAL MATCH (p)-[r:NATIONAL_OF]->(c:Country) WHERE ${v('r')} AND ${v('c')}
  ${tally("coalesce(c.code, 'UNKNOWN')", 'p.id')}
}
WITH g, events, membersByRole, recruitment, control, exploitationTypes, venues, forceAreas, victims, items AS victimNationalities
CALL (victims) {
  UNWIND victims AS p
  ${tally("coalesce(p.ageGroup, 'UNKNOWN')", 'p.id')}
}
WITH g, events, membersByRole, recruitment, control, exploitationTypes, venues, forceAreas, victims, victimNationalities, items AS victimAgeGroups
CALL (victims) {
  UNWIND victims AS p
  ${tally("coalesce(p.gender, 'UNKNOWN')", 'p.id')}
}
WITH g, events, membersByRole, recruitment, control, exploitationTypes, venues, forceAreas, victims, victimNationalities, victimAgeGroups, items AS victimGenders
CALL (g) {
  MATCH (g)-[o:OPERATES_ROUTE]->(rt:Route) WHERE ${v('o')} AND ${v('rt')}
  CALL (rt) {
    MATCH (rt)-[s:HAS_STOP]->(place) WHERE ${v('s')} AND ${v('place')}
    // A stop whose country the caller cannot see (or nobody knows) is left out, with its leg.
    WITH s, ${countryOf('place')} AS country WHERE country IS NOT NULL
    WITH s, country ORDER BY s.order
    // Pairs keep the origin's null mode in place (collect drops bare nulls).
    WITH collect([country, s.mode]) AS stops
    RETURN [x IN stops | x[0]] AS countries, [x IN stops | x[1]] AS modes
  }
  CALL (rt) {
    OPTIONAL MATCH (rt)<-[t:TRAVELLED]-(p:Person) WHERE ${v('t')} AND ${v('p')}
    RETURN count(DISTINCT p) AS travellers, avg(t.debt) AS meanDebt
  }
  RETURN collect({id: rt.id, name: rt.name, countries: countries, modes: modes, travellers: travellers, meanDebt: meanDebt, debt: rt.debt, currency: rt.currency}) AS routes
}
WITH g, events, membersByRole, recruitment, control, exploitationTypes, venues, forceAreas, victims, victimNationalities, victimAgeGroups, victimGenders, routes
CALL (g, victims) {
  CALL (g, victims) {
    UNWIND victims AS p RETURN p
    UNION
    MATCH (g)-[o:OPERATES_ROUTE]->(rt:Route)<-[t:TRAVELLED]-(p:Person) WHERE ${v('o')} AND ${v('rt')} AND ${v('t')} AND ${v('p')} RETURN p
  }
  MATCH (p)-[h:HAS_IDENTIFIER]->(d:TravelDocument) WHERE ${v('h')} AND ${v('d')}
  OPTIONAL MATCH (d)-[i:ISSUED_BY]->(c:Country) WHERE ${v('i')} AND ${v('c')}
  ${tally("coalesce(d.documentType, 'OTHER') + ':' + coalesce(c.code, '??')", 'd.id')}
}
WITH g, events, membersByRole, recruitment, control, exploitationTypes, venues, forceAreas, victims, victimNationalities, victimAgeGroups, victimGenders, routes, items AS documents
CALL (g) {
  CALL (g) {
    MATCH (g)-[h:HAS_IDENTIFIER]->(a:BankAccount) WHERE ${v('h')} AND ${v('a')} RETURN a
    UNION
    MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[h:HAS_IDENTIFIER]->(a:BankAccount) WHERE ${v('m')} AND ${v('p')} AND ${v('h')} AND ${v('a')} RETURN a
    UNION
    MATCH (g)-[c:CONTROLS]->(b:Business)-[h:HAS_IDENTIFIER]->(a:BankAccount) WHERE ${v('c')} AND ${v('b')} AND ${v('h')} AND ${v('a')} RETURN a
  }
  MATCH (a)-[t:TRANSFERRED_TO]->(dest) WHERE ${v('t')} AND ${v('dest')}
  OPTIONAL MATCH (dest)-[i:ISSUED_BY]->(c:Country) WHERE ${v('i')} AND ${v('c')}
  WITH coalesce(c.code, 'UNKNOWN') AS country, coalesce(t.channel, 'OTHER') AS channel, coalesce(t.currency, '???') AS currency,
       count(t) AS transfers, sum(coalesce(t.amount, 0)) AS total, collect(elementId(t))[0..${IDS}] AS ids
  ORDER BY total DESC
  RETURN collect({country: country, channel: channel, currency: currency, transfers: transfers, total: total, ids: ids}) AS flows
}
RETURN g.id AS groupId, g.name AS name, size(events) AS events, [e IN events | e.id][0..${IDS}] AS eventIds, size(victims) AS victimCount,
  membersByRole, recruitment, control, exploitationTypes, venues, forceAreas, victimNationalities, victimAgeGroups, victimGenders,
  routes, documents, flows`,
    params: { ids: [...groupIds] },
  };
}
