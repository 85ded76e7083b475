import { TEST_PROVENANCE } from '../../support/bulk';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

/**
 * Relationship fields selected on a root's nodes come in the root's own statement
 * (graphql/relation-prefetch.ts). A field under `@include(if: true)` is not planned and loads
 * through the related loader as before, so each query is asked both ways and must answer the same.
 */
const PERSON_FIELDS = (d: string) => `
  id name
  nationalities ${d} { code }
  groups(first: 2) ${d} { totalCount pageInfo { hasNextPage endCursor } edges { role cursor provenance { handling reportId } node { id name } } }
  leaders: groups(first: 5, roles: [LEADER]) ${d} { totalCount edges { role node { id } } }
  identifiers(first: 5) ${d} { edges { node { id ... on Phone { value } } } }
`;

const ONE = (d: string) => `query One($id: ID!) { person(id: $id) { ${PERSON_FIELDS(d)} } }`;
const PAGE = (d: string) => `query Page($after: String) {
  persons(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PERSON_FIELDS(d)} } edges { cursor node { id groups(first: 1) ${d} { edges { node { name } } } } } }
}`;

describe('relationship fields come with their parents in one statement', () => {
  let svc: TestService;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    // 25 people; three groups each (one of them led); a phone each; two nationalities each; the
    // third group's membership is H2, which an H1 analyst must not see by either path.
    await svc.graph.write({
      cypher: `UNWIND range(0, 24) AS i
CREATE (p:Person:Entity:Offender {id: 'per-f' + toString(1000 + i), name: 'Prefetch ' + toString(i)})
SET p += $prov, p.recordedAt = datetime()
WITH p, i
UNWIND range(0, 2) AS k
MERGE (g:OrganisedCrimeGroup:Entity {id: 'ocg-f' + toString((i + k) % 7)})
ON CREATE SET g += $prov, g.recordedAt = datetime(), g.name = 'Group ' + toString((i + k) % 7)
CREATE (p)-[m:MEMBER_OF {role: CASE k WHEN 0 THEN 'LEADER' ELSE 'MEMBER' END}]->(g)
SET m += $prov, m.recordedAt = datetime(), m.handling = CASE k WHEN 2 THEN 'H2' ELSE 'H0' END
WITH DISTINCT p, i
CREATE (ph:Phone:Identifier:Entity {id: 'phone-f' + toString(i), value: '+4477008' + toString(10000 + i)})
SET ph += $prov, ph.recordedAt = datetime()
CREATE (p)-[h:HAS_IDENTIFIER]->(ph) SET h += $prov, h.recordedAt = datetime()
WITH p
MATCH (c:Country) WHERE c.code IN ['RO', 'VN']
CREATE (p)-[n:NATIONAL_OF]->(c) SET n += $prov, n.recordedAt = datetime()`,
      params: { prov: TEST_PROVENANCE },
    });
  });
  afterAll(() => svc.close());

  async function ask(query: string, variables: Record<string, unknown>) {
    const client = await svc.client({ roles: ['ANALYST'], clearance: 'H1' });
    const res = await client.rawRequest<Record<string, unknown>>(query, variables);
    expect(res.errors).toBeUndefined();
    return { data: res.data, queries: Number(res.headers.get('x-cypher-queries')) };
  }

  it('reads a person with nationalities, groups (paged, filtered) and identifiers in one statement, as the loaders would', async () => {
    const ahead = await ask(ONE(''), { id: 'per-f1003' });
    const loaded = await ask(ONE('@include(if: true)'), { id: 'per-f1003' });
    expect(ahead.queries).toBe(1);
    expect(loaded.queries).toBe(2);
    expect(ahead.data).toEqual(loaded.data);
    const person = ahead.data.person as { groups: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: unknown[] }; leaders: { totalCount: number }; nationalities: unknown[]; identifiers: { edges: unknown[] } };
    // Two of the three memberships are H0; the H2 one stays hidden.
    expect(person.groups.totalCount).toBe(2);
    expect(person.groups.pageInfo.hasNextPage).toBe(false);
    expect(person.leaders.totalCount).toBe(1);
    expect(person.nationalities).toHaveLength(2);
    expect(person.identifiers.edges).toHaveLength(1);
  });

  it('reads a page of people with their fields in one statement, page after page, as the loaders would', async () => {
    let after: string | null = null;
    let seen = 0;
    do {
      const ahead = await ask(PAGE(''), { after });
      const loaded = await ask(PAGE('@include(if: true)'), { after });
      expect(ahead.queries).toBe(1);
      expect(loaded.queries).toBe(2);
      expect(ahead.data).toEqual(loaded.data);
      const page = ahead.data.persons as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { groups: { totalCount: number } }[] };
      expect(page.totalCount).toBe(25);
      expect(page.nodes.every((p) => p.groups.totalCount === 2)).toBe(true);
      seen += page.nodes.length;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toBe(25);
  });

  it('reads an empty page with its total, whether nothing matches or the cursor is past the end', async () => {
    const q = (d: string) => `query Empty($after: String, $filter: PersonFilter) {
  persons(first: 10, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage } nodes { id nationalities ${d} { code } } }
}`;
    const last = (await ask('query { persons(first: 25) { pageInfo { endCursor } } }', {})).data.persons as { pageInfo: { endCursor: string } };
    for (const variables of [{ filter: { name: 'nobody of that name' } }, { after: last.pageInfo.endCursor }]) {
      const ahead = await ask(q(''), variables);
      const loaded = await ask(q('@include(if: true)'), variables);
      expect(ahead.queries).toBe(1);
      expect(ahead.data).toEqual(loaded.data);
      const page = ahead.data.persons as { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: unknown[] };
      expect(page.nodes).toEqual([]);
      expect(page.pageInfo.hasNextPage).toBe(false);
      expect(page.totalCount).toBe('after' in variables ? 25 : 0);
    }
  });

  it('reads a group with its leaders and members (a fragment, an alias) in one statement, as the loaders would', async () => {
    const q = (d: string) => `query Group($id: ID!) {
  organisedCrimeGroup(id: $id) {
    name
    leaders: members(first: 50, roles: [LEADER]) ${d} { totalCount edges { role node { id name } } }
    ...Members
  }
}
fragment Members on OrganisedCrimeGroup { members(first: 3) ${d} { totalCount pageInfo { hasNextPage } edges { cursor role provenance { handling } node { id } } } }`;
    const ahead = await ask(q(''), { id: 'ocg-f3' });
    const loaded = await ask(q('@include(if: true)'), { id: 'ocg-f3' });
    expect(ahead.queries).toBe(1);
    expect(loaded.queries).toBe(2);
    expect(ahead.data).toEqual(loaded.data);
    const group = ahead.data.organisedCrimeGroup as { leaders: { totalCount: number }; members: { totalCount: number; edges: { provenance: { handling: string } }[] } };
    // Each group has 25 * 3 / 7 memberships, a third of them H2 and hidden.
    expect(group.leaders.totalCount).toBeGreaterThan(0);
    expect(group.members.edges.every((e) => e.provenance.handling === 'H0')).toBe(true);
  });

  it('answers an absent person with null, and a bad page size on a planned field with its own error', async () => {
    const absent = await ask(ONE(''), { id: 'per-nobody' });
    expect(absent.data.person).toBeNull();
    const client = await svc.client({ roles: ['ANALYST'], clearance: 'H1' });
    await expect(client.request(`query { person(id: "per-f1000") { groups(first: 0) { totalCount } } }`)).rejects.toMatchObject({
      response: { errors: [expect.objectContaining({ path: ['person', 'groups'] })] },
    });
  });
});
