import { encodeCursor } from '../../src/graph/cursor';
import type { Row } from '../../src/graph/records';
import { v, type Workload } from './workload';

/**
 * (b) A filtered list of 100 people with nested relationships, paged: people of a nationality,
 * gender and birth-year window, sorted by id, with their nationalities, groups and identifiers,
 * and the total. Pages vary: the first, or one further on (each system pages its own way: our
 * keyset cursor, the limit's `id > $after`, the peer's offset cursor).
 */
interface Params {
  nationality: string;
  gender: string;
  birthYearFrom: number;
  birthYearTo: number;
  /** Rows before the page (0 for the first page). */
  offset: number;
  /** Id of the last row before the page, when offset > 0. */
  afterId: string | null;
}

interface Answer {
  total: number;
  hasNextPage: boolean;
  people: string[];
}

const PAGE = 100;
const NATIONALITIES = ['VN', 'RO', 'AL', 'GB', 'CN', 'PL', 'NG', 'SK'];

const personLine = (p: { id: string; name: string | null; gender: string | null; birthYear: number | null; nationalities: string[]; groups: string[]; identifiers: string[] }) =>
  [p.id, p.name, p.gender, p.birthYear, [...p.nationalities].sort().join(','), [...p.groups].sort().join(','), [...p.identifiers].sort().join(',')].join('|');

export const personList: Workload<Params> = {
  letter: 'b',
  key: 'person-list',
  title: 'filtered list of 100 people with nested relationships, paged',
  bounded: true,
  boundedWhy: 'a page of 100 rows (the total is counted in the database, which grows with the data)',
  roundTrips: 2,

  async sample(db, rng, n) {
    const out: Params[] = [];
    for (let i = 0; i < n; i++) {
      const nationality = rng.pick(NATIONALITIES);
      const gender = rng.pick(['MALE', 'FEMALE']);
      const birthYearFrom = rng.int(1960, 1995);
      const birthYearTo = birthYearFrom + rng.int(10, 40);
      // A page from those that exist: the first most often, else one of the next four.
      const rows = await db(
        `MATCH (n:Person) WHERE n.gender = $gender AND n.birthYear >= $from AND n.birthYear <= $to
           AND EXISTS { (n)-[:NATIONAL_OF]->(:Country {code: $nationality}) }
         WITH n ORDER BY n.id RETURN collect(n.id)[0..500] AS ids`,
        { gender, from: birthYearFrom, to: birthYearTo, nationality },
      );
      const ids = rows[0]!.ids as string[];
      const pages = Math.max(1, Math.ceil(ids.length / PAGE));
      const page = rng.chance(0.5) ? 0 : rng.int(0, pages - 1);
      out.push({ nationality, gender, birthYearFrom, birthYearTo, offset: page * PAGE, afterId: page > 0 ? ids[page * PAGE - 1]! : null });
    }
    return out;
  },

  ours: {
    request: (p) => ({
      query: `query BenchPersonList($filter: PersonFilter, $first: Int!, $after: String) {
  persons(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id name gender birthYear
      nationalities { code }
      groups(first: 10) { edges { role node { id name } } }
      identifiers(first: 10) { edges { node { id kind value } } }
    }
  }
}`,
      variables: {
        filter: { nationalities: [p.nationality], gender: [p.gender], birthYearFrom: p.birthYearFrom, birthYearTo: p.birthYearTo },
        first: PAGE,
        after: p.afterId ? encodeCursor({ key: p.afterId, id: p.afterId }) : null,
      },
    }),
    answer(data) {
      const c = (data as { persons: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: Record<string, unknown>[] } }).persons;
      type Edges = { edges: { role?: string | null; node: Record<string, string | null> }[] };
      return answer({
        total: c.totalCount,
        hasNextPage: c.pageInfo.hasNextPage,
        people: c.nodes.map((n) =>
          personLine({
            id: n.id as string,
            name: n.name as string | null,
            gender: n.gender as string | null,
            birthYear: n.birthYear as number | null,
            nationalities: (n.nationalities as { code: string }[]).map((x) => x.code),
            groups: (n.groups as Edges).edges.map((e) => `${e.node.id}:${e.node.name}:${e.role ?? ''}`),
            identifiers: (n.identifiers as Edges).edges.map((e) => `${e.node.id}:${e.node.kind}:${e.node.value}`),
          }),
        ),
      });
    },
  },

  limit: {
    statements: {
      // The filter runs once: its matches are collected, counted, and the page sorted out of them
      // (a page past the end would have no row to carry the total; the samples never ask one).
      // The nationality is a pattern in the MATCH, so the planner can start from the country.
      page: `MATCH (n:Person)-[r:NATIONAL_OF]->(c:Country)
WHERE c.code IN $nationalities AND ${v('r')} AND ${v('n')} AND n.gender IN $genders AND n.birthYear >= $from AND n.birthYear <= $to
WITH collect(DISTINCT n) AS matched
UNWIND matched AS n
WITH size(matched) AS total, n WHERE $after IS NULL OR n.id > $after
WITH total, n ORDER BY n.id LIMIT 101
CALL (n) {
  MATCH (n)-[r:NATIONAL_OF]->(c:Country) WHERE ${v('r')} AND ${v('c')}
  WITH c ORDER BY c.id LIMIT 20
  RETURN collect(c.code) AS nationalities
}
CALL (n) {
  MATCH (n)-[r:MEMBER_OF]->(g:OrganisedCrimeGroup) WHERE ${v('r')} AND ${v('g')}
  WITH r, g ORDER BY g.id LIMIT 10
  RETURN collect(g.id + ':' + coalesce(g.name, 'null') + ':' + coalesce(r.role, '')) AS groups
}
CALL (n) {
  MATCH (n)-[r:HAS_IDENTIFIER]->(i) WHERE ${v('r')} AND ${v('i')}
  WITH i ORDER BY i.id LIMIT 10
  RETURN collect(i.id + ':' + [l IN labels(i) WHERE NOT l IN ['Entity', 'Identifier']][0] + ':' + coalesce(i.value, 'null')) AS identifiers
}
RETURN total, n {.id, .name, .gender, .birthYear} AS person, nationalities, groups, identifiers`,
    },
    request: (p) => ({
      statement: 'page',
      params: { nationalities: [p.nationality], genders: [p.gender], from: p.birthYearFrom, to: p.birthYearTo, after: p.afterId },
    }),
    answer(rows: Row[]) {
      return answer({
        total: (rows[0]?.total as number | undefined) ?? 0,
        hasNextPage: rows.length > PAGE,
        people: rows.slice(0, PAGE).map((r) => {
          const p = r.person as { id: string; name?: string; gender?: string; birthYear?: number };
          return personLine({
            id: p.id,
            name: p.name ?? null,
            gender: p.gender ?? null,
            birthYear: p.birthYear ?? null,
            nationalities: r.nationalities as string[],
            groups: r.groups as string[],
            identifiers: r.identifiers as string[],
          });
        }),
      });
    },
  },

  peer: {
    request: (p) => ({
      query: `query PeerPersonList($where: PersonWhere, $first: Int!, $after: String) {
  peopleConnection(where: $where, first: $first, after: $after, sort: [{ id: ASC }]) {
    totalCount
    pageInfo { hasNextPage }
    edges {
      node {
        id name gender birthYear
        nationalities(limit: 20, sort: [{ id: ASC }]) { code }
        groupsConnection(first: 10, sort: [{ node: { id: ASC } }]) { edges { properties { role } node { id name } } }
        identifiersConnection(first: 10, sort: [{ node: { id: ASC } }]) { edges { node { __typename id value } } }
      }
    }
  }
}`,
      variables: {
        where: { nationalities: { some: { code: { in: [p.nationality] } } }, gender: { in: [p.gender] }, birthYear: { gte: p.birthYearFrom, lte: p.birthYearTo } },
        first: PAGE,
        // The peer's own paging: an offset cursor.
        after: p.offset > 0 ? Buffer.from(`arrayconnection:${p.offset - 1}`).toString('base64') : null,
      },
    }),
    answer(data) {
      const c = (data as { peopleConnection: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: Record<string, unknown> }[] } }).peopleConnection;
      type Edges = { edges: { properties?: { role: string | null }; node: Record<string, string | null> }[] };
      return answer({
        total: c.totalCount,
        hasNextPage: c.pageInfo.hasNextPage,
        people: c.edges.map(({ node: n }) =>
          personLine({
            id: n.id as string,
            name: n.name as string | null,
            gender: n.gender as string | null,
            birthYear: n.birthYear as number | null,
            nationalities: (n.nationalities as { code: string }[]).map((x) => x.code),
            groups: (n.groupsConnection as Edges).edges.map((e) => `${e.node.id}:${e.node.name}:${e.properties?.role ?? ''}`),
            identifiers: (n.identifiersConnection as Edges).edges.map((e) => `${e.node.id}:${e.node.__typename}:${e.node.value}`),
          }),
        ),
      });
    },
  },
};

function answer(a: Answer): Answer {
  return { ...a, people: [...a.people].sort() };
}
