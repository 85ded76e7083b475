import type { Row } from '../../src/graph/records';
import { sortedBy, v, type Workload } from './workload';

/**
 * (a) The everyday look-up: one person with their nationalities, their groups (role, period,
 * source of the link) and the identifiers they hold. Ids drawn from offenders, suspects and
 * victims alike.
 */
interface Params {
  id: string;
}

interface Answer {
  id: string;
  name: string | null;
  gender: string | null;
  birthYear: number | null;
  nationalities: string[];
  groupCount: number;
  groups: string[];
  identifierCount: number;
  identifiers: string[];
}

const group = (g: { role: string | null; since: string | null; until: string | null; handling: string; reportId: string; id: string; name: string; threatLevel: string | null }) =>
  [g.id, g.name, g.threatLevel, g.role, g.since, g.until, g.handling, g.reportId].join('|');
const identifier = (i: { id: string; kind: string; value: string | null; since: string | null; until: string | null; handling: string; reportId: string }) =>
  [i.id, i.kind, i.value, i.since, i.until, i.handling, i.reportId].join('|');

export const personProfile: Workload<Params> = {
  letter: 'a',
  key: 'person-profile',
  title: 'one person with groups, identifiers and nationality',
  bounded: true,
  boundedWhy: 'one person and at most 50 links of each kind',
  roundTrips: 2,

  async sample(db, rng, n) {
    const rows = await db('MATCH (p:Person) RETURN p.id AS id ORDER BY id');
    return rng.sample(rows, n).map((r) => ({ id: r.id as string }));
  },

  ours: {
    request: (p) => ({
      query: `query BenchPersonProfile($id: ID!) {
  person(id: $id) {
    id name gender birthYear roles
    nationalities { code name }
    groups(first: 50) { totalCount edges { role since until provenance { handling reportId } node { id name threatLevel } } }
    identifiers(first: 50) { totalCount edges { since until provenance { handling reportId } node { id kind value } } }
  }
}`,
      variables: { id: p.id },
    }),
    answer(data) {
      const person = (data as { person: Record<string, unknown> | null }).person;
      if (!person) return null;
      type Edge = { role?: string | null; since: string | null; until: string | null; provenance: { handling: string; reportId: string }; node: Record<string, unknown> };
      const groups = person.groups as { totalCount: number; edges: Edge[] };
      const ids = person.identifiers as { totalCount: number; edges: Edge[] };
      return answer({
        id: person.id as string,
        name: person.name as string | null,
        gender: person.gender as string | null,
        birthYear: person.birthYear as number | null,
        nationalities: (person.nationalities as { code: string; name: string }[]).map((c) => `${c.code}|${c.name}`),
        groupCount: groups.totalCount,
        groups: groups.edges.map((e) => group({ ...(e.node as { id: string; name: string; threatLevel: string | null }), role: e.role ?? null, since: e.since, until: e.until, ...e.provenance })),
        identifierCount: ids.totalCount,
        identifiers: ids.edges.map((e) => identifier({ ...(e.node as { id: string; kind: string; value: string | null }), since: e.since, until: e.until, ...e.provenance })),
      });
    },
  },

  limit: {
    statements: {
      profile: `MATCH (p:Person {id: $id}) WHERE ${v('p')}
CALL (p) {
  MATCH (p)-[r:NATIONAL_OF]->(c:Country) WHERE ${v('r')} AND ${v('c')}
  WITH c ORDER BY c.id LIMIT 20
  RETURN collect(c.code + '|' + c.name) AS nationalities
}
CALL (p) {
  MATCH (p)-[r:MEMBER_OF]->(g:OrganisedCrimeGroup) WHERE ${v('r')} AND ${v('g')}
  WITH r, g ORDER BY g.id
  RETURN count(*) AS groupCount,
    collect({id: g.id, name: g.name, threatLevel: g.threatLevel, role: r.role, since: r.since, until: r.until, handling: r.handling, reportId: r.reportId})[0..50] AS groups
}
CALL (p) {
  MATCH (p)-[r:HAS_IDENTIFIER]->(i:Identifier) WHERE ${v('r')} AND ${v('i')}
  WITH r, i ORDER BY i.id
  RETURN count(*) AS identifierCount,
    collect({id: i.id, kind: [l IN labels(i) WHERE NOT l IN ['Entity', 'Identifier']][0], value: i.value, since: r.since, until: r.until, handling: r.handling, reportId: r.reportId})[0..50] AS identifiers
}
RETURN p {.id, .name, .gender, .birthYear, roles: labels(p)} AS person, nationalities, groupCount, groups, identifierCount, identifiers`,
    },
    request: (p) => ({ statement: 'profile', params: { id: p.id } }),
    answer(rows: Row[]) {
      const r = rows[0];
      if (!r) return null;
      const person = r.person as Record<string, unknown>;
      return answer({
        id: person.id as string,
        name: (person.name as string | undefined) ?? null,
        gender: (person.gender as string | undefined) ?? null,
        birthYear: (person.birthYear as number | undefined) ?? null,
        nationalities: r.nationalities as string[],
        groupCount: r.groupCount as number,
        groups: (r.groups as Parameters<typeof group>[0][]).map(group),
        identifierCount: r.identifierCount as number,
        identifiers: (r.identifiers as Parameters<typeof identifier>[0][]).map(identifier),
      });
    },
  },

  peer: {
    request: (p) => ({
      query: `query PeerPersonProfile($id: ID!) {
  people(where: { id: { eq: $id } }) {
    id name gender birthYear
    nationalities(limit: 20, sort: [{ id: ASC }]) { code name }
    groupsConnection(first: 50, sort: [{ node: { id: ASC } }]) { totalCount edges { properties { role since until handling reportId } node { id name threatLevel } } }
    identifiersConnection(first: 50, sort: [{ node: { id: ASC } }]) { totalCount edges { properties { since until handling reportId } node { __typename id value } } }
  }
}`,
      variables: { id: p.id },
    }),
    answer(data) {
      const person = (data as { people: Record<string, unknown>[] }).people[0];
      if (!person) return null;
      type Edge = { properties: { role?: string | null; since: string | null; until: string | null; handling: string; reportId: string }; node: Record<string, unknown> };
      const groups = person.groupsConnection as { totalCount: number; edges: Edge[] };
      const ids = person.identifiersConnection as { totalCount: number; edges: Edge[] };
      return answer({
        id: person.id as string,
        name: person.name as string | null,
        gender: person.gender as string | null,
        birthYear: person.birthYear as number | null,
        nationalities: (person.nationalities as { code: string; name: string }[]).map((c) => `${c.code}|${c.name}`),
        groupCount: groups.totalCount,
        groups: groups.edges.map((e) => group({ ...(e.node as { id: string; name: string; threatLevel: string | null }), ...e.properties, role: e.properties.role ?? null })),
        identifierCount: ids.totalCount,
        identifiers: ids.edges.map((e) => {
          const node = e.node as { __typename: string; id: string; value: string | null };
          return identifier({ id: node.id, kind: node.__typename, value: node.value, ...e.properties });
        }),
      });
    },
  },
};

function answer(a: Answer): Answer {
  return {
    ...a,
    nationalities: [...a.nationalities].sort(),
    groups: sortedBy(a.groups, (x) => x),
    identifiers: sortedBy(a.identifiers, (x) => x),
  };
}
