import { resetGraph } from '../../support/reset-graph';
import { bulkPersons, TEST_PROVENANCE } from '../../support/bulk';
import { startTestService, type TestService } from '../../support/test-service';
import type { PersonFilter } from '../../../src/sdk/generated';

const analystH1 = { roles: ['ANALYST' as const], clearance: 'H1' as const };

describe('lists: keyset pagination over thousands of rows', () => {
  let svc: TestService;
  const N = 3000;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const rows = Array.from({ length: N }, (_, i) => ({
      id: `per-bulk${String(i).padStart(5, '0')}`,
      name: `Person ${String((i * 7919) % N).padStart(5, '0')}`,
      handling: i % 10 === 0 ? 'H2' : 'H0',
      victim: i % 50 === 5,
    }));
    for (let i = 0; i < rows.length; i += 1000) await bulkPersons(svc.graph, rows.slice(i, i + 1000));
  });
  afterAll(() => svc.close());

  async function pageAll(sort: 'ID' | 'NAME', direction: 'ASC' | 'DESC', first: number, filter?: PersonFilter) {
    const sdk = await svc.sdk(analystH1);
    const seen: { id: string; name?: string | null }[] = [];
    let after: string | null | undefined;
    let total = -1;
    let pages = 0;
    do {
      const { persons } = await sdk.PersonList({ sort, direction, first, after, filter });
      // The total is the whole list's on every page, whatever the cursor.
      if (total >= 0) expect(persons.totalCount).toBe(total);
      total = persons.totalCount;
      seen.push(...persons.nodes.map((p) => ({ id: p.id, name: p.name })));
      after = persons.pageInfo.hasNextPage ? persons.pageInfo.endCursor : null;
      pages++;
    } while (after);
    return { seen, total, pages };
  }

  it('pages by id through every visible row once, in order, with the right total', async () => {
    const { seen, total, pages } = await pageAll('ID', 'ASC', 500);
    expect(total).toBe(N - N / 10);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);
    expect(seen.map((s) => s.id)).toEqual(seen.map((s) => s.id).sort());
    expect(pages).toBe(Math.ceil(total / 500));
  });

  it('pages by name descending with stable cursors; victims sort blank for an analyst', async () => {
    const { seen, total } = await pageAll('NAME', 'DESC', 700);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);
    const named = seen.filter((s) => s.name);
    expect(named.map((s) => s.name)).toEqual(named.map((s) => s.name!).sort().reverse());
    // Victims (name withheld) come last in DESC order: the order says nothing about their names.
    const firstBlank = seen.findIndex((s) => !s.name);
    expect(seen.slice(firstBlank).every((s) => !s.name)).toBe(true);
  });

  it('pages a filtered list (matched once, counted, then paged) through every match once, in order', async () => {
    const rowName = (i: number) => `Person ${String((i * 7919) % N).padStart(5, '0')}`;
    // Visible to an H1 analyst by a name filter: not H2, and not a victim (whose name is withheld).
    const expected = Array.from({ length: N }, (_, i) => i)
      .filter((i) => i % 10 !== 0 && i % 50 !== 5 && rowName(i).includes('Person 01'))
      .map((i) => `per-bulk${String(i).padStart(5, '0')}`);
    expect(expected.length).toBeGreaterThan(500);
    for (const [sort, direction] of [['ID', 'ASC'], ['NAME', 'DESC']] as const) {
      const { seen, total, pages } = await pageAll(sort, direction, 150, { name: 'person 01' });
      expect(total).toBe(expected.length);
      expect(pages).toBe(Math.ceil(total / 150));
      expect(seen.map((s) => s.id).sort()).toEqual(expected);
      const keys = seen.map((s) => (sort === 'ID' ? s.id : s.name!));
      expect(keys).toEqual(sort === 'ID' ? [...keys].sort() : [...keys].sort().reverse());
    }
  });

  it('does not reveal a victim, or an item above clearance, through a name filter', async () => {
    const nameOf = (i: number) => `Person ${String((i * 7919) % N).padStart(5, '0')}`;
    const analyst = await svc.sdk(analystH1);
    const officer = await svc.sdk({ roles: ['VICTIM_DATA_OFFICER'], clearance: 'H1' });
    // row 5 is a victim (H0); row 10 is not a victim but H2.
    expect((await analyst.PersonList({ filter: { name: nameOf(5) } })).persons.totalCount).toBe(0);
    expect((await officer.PersonList({ filter: { name: nameOf(5) } })).persons.nodes.map((p) => p.id)).toEqual(['per-bulk00005']);
    expect((await analyst.PersonList({ filter: { name: nameOf(10) } })).persons.totalCount).toBe(0);
    const h2Analyst = await svc.sdk({ roles: ['ANALYST'], clearance: 'H2' });
    expect((await h2Analyst.PersonList({ filter: { name: nameOf(10) } })).persons.nodes.map((p) => p.id)).toEqual(['per-bulk00010']);
  });

  it('pages a list filtered through a join (nationality, group) through every match once, never through a hidden link', async () => {
    const id = (i: number) => `per-bulk${String(i).padStart(5, '0')}`;
    // Every 3rd person is Vietnamese, every 5th Romanian (every 15th both); every 7th of those
    // links is H2, which an H1 analyst may not see. Every 4th person is in one group, every 8th
    // as a LEADER, and every 12th membership is H2.
    await svc.graph.write({ cypher: `CREATE (g:OrganisedCrimeGroup:Entity {id: 'ocg-joined', name: 'Joined'}) SET g += $prov, g.recordedAt = datetime()`, params: { prov: TEST_PROVENANCE } });
    await svc.graph.write({
      cypher: `UNWIND $rows AS row
MATCH (p:Person {id: row.id})
CALL (p, row) {
  UNWIND row.nat AS nat
  MATCH (c:Country {code: nat.code})
  CREATE (p)-[r:NATIONAL_OF]->(c) SET r += $prov, r.handling = nat.handling
}
CALL (p, row) {
  UNWIND row.group AS m
  MATCH (g:OrganisedCrimeGroup {id: 'ocg-joined'})
  CREATE (p)-[r:MEMBER_OF]->(g) SET r += $prov, r.role = m.role, r.handling = m.handling
}`,
      params: {
        prov: TEST_PROVENANCE,
        rows: Array.from({ length: N }, (_, i) => ({
          id: id(i),
          nat: [...(i % 3 === 0 ? ['VN'] : []), ...(i % 5 === 0 ? ['RO'] : [])].map((code) => ({ code, handling: i % 7 === 0 ? 'H2' : 'H0' })),
          group: i % 4 === 0 ? [{ role: i % 8 === 0 ? 'LEADER' : 'MEMBER', handling: i % 12 === 0 ? 'H2' : 'H0' }] : [],
        })),
      },
    });
    // Visible to an H1 analyst: the person H0 (not every 10th), not a victim (a victim's name is withheld, not the row).
    const visiblePerson = (i: number) => i % 10 !== 0;
    const expectNat = Array.from({ length: N }, (_, i) => i).filter((i) => visiblePerson(i) && (i % 3 === 0 || i % 5 === 0) && i % 7 !== 0).map(id);
    const expectLeaders = Array.from({ length: N }, (_, i) => i).filter((i) => visiblePerson(i) && i % 8 === 0 && i % 12 !== 0).map(id);
    expect(expectNat.length).toBeGreaterThan(500);
    for (const [sort, direction] of [['ID', 'ASC'], ['NAME', 'DESC']] as const) {
      const { seen, total, pages } = await pageAll(sort, direction, 150, { nationalities: ['VN', 'RO'] });
      expect(total).toBe(expectNat.length);
      expect(pages).toBe(Math.ceil(total / 150));
      // Each once, though every 15th has both nationalities asked for.
      expect(seen.map((s) => s.id).sort()).toEqual(expectNat);
      const keys = seen.map((s) => (sort === 'ID' ? s.id : (s.name ?? '')));
      expect(keys).toEqual(sort === 'ID' ? [...keys].sort() : [...keys].sort().reverse());
    }
    const leaders = await pageAll('ID', 'ASC', 100, { groupId: 'ocg-joined', groupRoles: ['LEADER'] });
    expect(leaders.total).toBe(expectLeaders.length);
    expect(leaders.seen.map((s) => s.id)).toEqual(expectLeaders);
    // A join and a predicate together: Romanian leaders; and the page alone (no total asked).
    const both = Array.from({ length: N }, (_, i) => i).filter((i) => visiblePerson(i) && i % 5 === 0 && i % 7 !== 0 && i % 8 === 0 && i % 12 !== 0).map(id);
    expect((await pageAll('ID', 'ASC', 100, { nationalities: ['RO'], groupId: 'ocg-joined', groupRoles: ['LEADER'] })).seen.map((s) => s.id)).toEqual(both);
    const client = await svc.client(analystH1);
    const alone = await client.request<{ persons: { nodes: { id: string }[] } }>('query($f: PersonFilter) { persons(filter: $f, first: 50) { nodes { id } } }', { f: { nationalities: ['VN', 'RO'] } });
    expect(alone.persons.nodes.map((p) => p.id)).toEqual(expectNat.slice(0, 50));
  });

  it('refuses a page size out of range and a cursor it did not issue', async () => {
    const sdk = await svc.sdk(analystH1);
    await expect(sdk.PersonList({ first: 0 })).rejects.toThrow(/first/);
    await expect(sdk.PersonList({ first: 5000 })).rejects.toThrow(/first/);
    await expect(sdk.PersonList({ after: 'not-a-cursor' })).rejects.toThrow(/after/);
  });
});
