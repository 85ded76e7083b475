import type { Row } from '../../src/graph/records';
import { round, tally, v, type Workload } from './workload';

/**
 * (e) A group's business model, stage by stage (analyst question 4): recruitment and control
 * methods, exploitation types, venues and force areas over the group's exploitation events (its
 * own and its members'), its members by role, its victims by nationality, age group and gender,
 * its routes with travellers and debt, the travel documents of the people it moved, and the money
 * leaving its accounts by destination country, channel and currency. Each count comes with the
 * ids of the records behind it (at most 100 per item); the check compares the counts.
 */
interface Params {
  groupId: string;
}

type Tally = { key: string; count: number }[];

interface Answer {
  groupId: string;
  name: string;
  events: number;
  victims: number;
  stages: Record<string, string[]>;
  routes: string[];
  flows: string[];
}

const route = (r: { routeId: string; countries: string[]; modes: (string | null)[]; travellers: number; meanDebt: number | null }) =>
  `${r.routeId}|${r.countries.join('>')}|${r.modes.map((m) => m ?? '-').join('>')}|${r.travellers}|${round(r.meanDebt)}`;
const flow = (f: { country: string; channel: string; currency: string; transfers: number; total: number }) => `${f.country}|${f.channel}|${f.currency}|${f.transfers}|${round(f.total)}`;

export const businessModel: Workload<Params> = {
  letter: 'e',
  key: 'business-model',
  title: "a group's business model",
  bounded: true,
  boundedWhy: "one group's records (groups keep their size as the world grows)",
  roundTrips: 1,
  peerCannot: '@neo4j/graphql aggregates a field (count, min, max, average) but cannot group by a key (counts per control method, per route, per country): each stage would need a hand-written @cypher field',

  async sample(db, rng, n) {
    const rows = await db('MATCH (g:OrganisedCrimeGroup) RETURN g.id AS id ORDER BY id');
    const picked = rng.sample(rows, n);
    // Small worlds have fewer groups than requests: repeat them.
    while (picked.length < n && rows.length > 0) picked.push(rng.pick(rows));
    return picked.map((r) => ({ groupId: r.id as string }));
  },

  ours: {
    request: (p) => ({
      query: `fragment BenchStage on StageItem { key label count recordIds }
query BenchBusinessModel($groupId: ID!) {
  businessModel(groupId: $groupId) {
    groupId groupName exploitationEvents eventIds
    typology { category offenceTypes label }
    unknownStages
    recruitment { ...BenchStage }
    transport { routes { routeId name countries modes travellers meanDebt currency } documents { ...BenchStage } }
    control { ...BenchStage }
    exploitation { types { ...BenchStage } venues { ...BenchStage } forceAreas { ...BenchStage } }
    finance { flows { country channel currency transfers total recordIds } totals { currency total transfers } }
    people { victims victimsByNationality { ...BenchStage } victimsByAgeGroup { ...BenchStage } victimsByGender { ...BenchStage } membersByRole { ...BenchStage } }
  }
}`,
      variables: { groupId: p.groupId },
    }),
    answer(data) {
      const m = (data as { businessModel: Record<string, any> | null }).businessModel; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!m) return null;
      return answer({
        groupId: m.groupId,
        name: m.groupName,
        events: m.exploitationEvents,
        victims: m.people.victims,
        stages: {
          recruitment: tally(m.recruitment),
          control: tally(m.control),
          types: tally(m.exploitation.types),
          venues: tally(m.exploitation.venues),
          forceAreas: tally(m.exploitation.forceAreas),
          membersByRole: tally(m.people.membersByRole),
          victimNationalities: tally(m.people.victimsByNationality),
          victimAgeGroups: tally(m.people.victimsByAgeGroup),
          victimGenders: tally(m.people.victimsByGender),
          documents: tally(m.transport.documents),
        },
        routes: m.transport.routes.map(route),
        flows: m.finance.flows.map(flow),
      });
    },
  },

  limit: {
    statements: {
      model: `MATCH (g:OrganisedCrimeGroup {id: $groupId}) WHERE ${v('g')}
CALL (g) {
  MATCH (g)-[x:PERPETRATED]->(e:Exploitation) WHERE ${v('x')} AND ${v('e')}
  RETURN e
  UNION
  MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[x:PERPETRATED]->(e:Exploitation) WHERE ${v('m')} AND ${v('p')} AND ${v('x')} AND ${v('e')}
  RETURN e
}
WITH g, collect(e) AS events
// One pass over the events for every per-event stage.
CALL (events) {
  UNWIND events AS e
  CALL (e) {
    MATCH (e)-[r:USED_RECRUITMENT]->(t:RecruitmentMethod) WHERE ${v('r')} RETURN 'recruitment' AS stage, t.code AS key, e.id AS rid
    UNION ALL
    MATCH (e)-[r:USED_CONTROL]->(t:ControlMethod) WHERE ${v('r')} RETURN 'control' AS stage, t.code AS key, e.id AS rid
    UNION ALL
    MATCH (e)-[r:OF_TYPE]->(t:ExploitationType) WHERE ${v('r')} RETURN 'types' AS stage, t.code AS key, e.id AS rid
    UNION ALL
    MATCH (e)-[r:OCCURRED_AT]->(b:Business) WHERE ${v('r')} AND ${v('b')} RETURN 'venues' AS stage, b.type AS key, b.id AS rid
    UNION ALL
    MATCH (e)-[r:IN_AREA]->(f:PoliceForce) WHERE ${v('r')} RETURN 'forceAreas' AS stage, f.code AS key, e.id AS rid
  }
  WITH stage, key, count(DISTINCT rid) AS count, collect(DISTINCT rid)[0..100] AS ids
  RETURN collect({stage: stage, key: key, count: count, ids: ids}) AS eventStages
}
CALL (g) {
  MATCH (g)<-[m:MEMBER_OF]-(p:Person) WHERE ${v('m')} AND ${v('p')}
  WITH coalesce(m.role, 'MEMBER') AS key, count(DISTINCT p) AS count, collect(DISTINCT p.id)[0..100] AS ids
  RETURN collect({key: key, count: count, ids: ids}) AS membersByRole
}
CALL (events) {
  UNWIND events AS e
  MATCH (e)-[r:EXPLOITED]->(p:Person) WHERE ${v('r')} AND ${v('p')}
  RETURN collect(DISTINCT p) AS victims
}
CALL (victims) {
  UNWIND victims AS p
  CALL (p) {
    OPTIONAL MATCH (p)-[r:NATIONAL_OF]->(c:Country) WHERE ${v('r')}
    RETURN 'victimNationalities' AS stage, coalesce(c.code, 'UNKNOWN') AS key
    UNION ALL
    RETURN 'victimAgeGroups' AS stage, coalesce(p.ageGroup, 'UNKNOWN') AS key
    UNION ALL
    RETURN 'victimGenders' AS stage, coalesce(p.gender, 'UNKNOWN') AS key
  }
  WITH stage, key, count(DISTINCT p) AS count, collect(DISTINCT p.id)[0..100] AS ids
  RETURN collect({stage: stage, key: key, count: count, ids: ids}) AS victimStages
}
CALL (g) {
  MATCH (g)-[o:OPERATES_ROUTE]->(rt:Route) WHERE ${v('o')} AND ${v('rt')}
  CALL (rt) {
    MATCH (rt)-[s:HAS_STOP]->(place) WHERE ${v('s')}
    WITH s, place ORDER BY s.order
    RETURN collect(coalesce(place.code, head([(place)-[:PART_OF*1..4]->(c:Country) | c.code]))) AS countries, collect(coalesce(s.mode, '-')) AS modes
  }
  CALL (rt) {
    OPTIONAL MATCH (rt)<-[t:TRAVELLED]-(p:Person) WHERE ${v('t')} AND ${v('p')}
    RETURN count(DISTINCT p) AS travellers, avg(t.debt) AS meanDebt
  }
  RETURN collect({routeId: rt.id, name: rt.name, countries: countries, modes: modes[1..], travellers: travellers, meanDebt: coalesce(meanDebt, rt.debt), currency: rt.currency}) AS routes
}
CALL (g, victims) {
  CALL (g, victims) {
    UNWIND victims AS p RETURN p
    UNION
    MATCH (g)-[o:OPERATES_ROUTE]->(:Route)<-[t:TRAVELLED]-(p:Person) WHERE ${v('o')} AND ${v('t')} AND ${v('p')} RETURN p
  }
  MATCH (p)-[h:HAS_IDENTIFIER]->(d:TravelDocument) WHERE ${v('h')} AND ${v('d')}
  OPTIONAL MATCH (d)-[i:ISSUED_BY]->(c:Country) WHERE ${v('i')}
  WITH coalesce(d.documentType, 'OTHER') + ':' + coalesce(c.code, '??') AS key, d
  WITH key, count(DISTINCT d) AS count, collect(DISTINCT d.id)[0..100] AS ids
  RETURN collect({key: key, count: count, ids: ids}) AS documents
}
CALL (g) {
  CALL (g) {
    MATCH (g)-[h:HAS_IDENTIFIER]->(a:BankAccount) WHERE ${v('h')} AND ${v('a')} RETURN a
    UNION
    MATCH (g)<-[m:MEMBER_OF]-(p:Person)-[h:HAS_IDENTIFIER]->(a:BankAccount) WHERE ${v('m')} AND ${v('p')} AND ${v('h')} AND ${v('a')} RETURN a
    UNION
    MATCH (g)-[c:CONTROLS]->(b:Business)-[h:HAS_IDENTIFIER]->(a:BankAccount) WHERE ${v('c')} AND ${v('b')} AND ${v('h')} AND ${v('a')} RETURN a
  }
  MATCH (a)-[t:TRANSFERRED_TO]->(dest) WHERE ${v('t')} AND ${v('dest')}
  OPTIONAL MATCH (dest)-[i:ISSUED_BY]->(c:Country) WHERE ${v('i')}
  WITH coalesce(c.code, 'UNKNOWN') AS country, coalesce(t.channel, 'OTHER') AS channel, coalesce(t.currency, '???') AS currency,
       count(t) AS transfers, sum(coalesce(t.amount, 0)) AS total, collect(elementId(t))[0..100] AS ids
  RETURN collect({country: country, channel: channel, currency: currency, transfers: transfers, total: total, ids: ids}) AS flows
}
RETURN g.id AS groupId, g.name AS name, size(events) AS events, [e IN events | e.id][0..100] AS eventIds, size(victims) AS victims,
  eventStages, membersByRole, victimStages, routes, documents, flows`,
    },
    request: (p) => ({ statement: 'model', params: { groupId: p.groupId } }),
    answer(rows: Row[]) {
      const r = rows[0];
      if (!r) return null;
      const byStage = (list: { stage: string; key: string; count: number }[], stage: string): Tally => list.filter((x) => x.stage === stage);
      const ev = r.eventStages as { stage: string; key: string; count: number }[];
      const vs = r.victimStages as { stage: string; key: string; count: number }[];
      return answer({
        groupId: r.groupId as string,
        name: r.name as string,
        events: r.events as number,
        victims: r.victims as number,
        stages: {
          recruitment: tally(byStage(ev, 'recruitment')),
          control: tally(byStage(ev, 'control')),
          types: tally(byStage(ev, 'types')),
          venues: tally(byStage(ev, 'venues')),
          forceAreas: tally(byStage(ev, 'forceAreas')),
          membersByRole: tally(r.membersByRole as Tally),
          victimNationalities: tally(byStage(vs, 'victimNationalities')),
          victimAgeGroups: tally(byStage(vs, 'victimAgeGroups')),
          victimGenders: tally(byStage(vs, 'victimGenders')),
          documents: tally(r.documents as Tally),
        },
        routes: (r.routes as { routeId: string; countries: string[]; modes: string[]; travellers: number; meanDebt: number | null }[]).map((x) => route({ ...x, modes: x.modes.map((m) => (m === '-' ? null : m)) })),
        flows: (r.flows as Parameters<typeof flow>[0][]).map(flow),
      });
    },
  },
};

function answer(a: Answer): Answer {
  return { ...a, routes: [...a.routes].sort(), flows: [...a.flows].sort() };
}
