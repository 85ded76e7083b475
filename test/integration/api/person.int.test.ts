import { ClientError } from 'graphql-request';

import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

const ingest = { roles: ['INGEST' as const, 'ANALYST' as const], clearance: 'H3' as const, ukConditional: true };
const provenance = { reportId: 'ref-msht-reference-data' };

function codeAndField(e: unknown): { code?: string; field?: string } {
  expect(e).toBeInstanceOf(ClientError);
  const ext = (e as ClientError).response.errors?.[0]?.extensions as { code?: string; field?: string };
  return { code: ext.code, field: ext.field };
}

describe('Person through the GraphQL API', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
  });
  afterAll(() => svc.close());

  async function counts() {
    // The audit trail writes a node per request; count the domain graph only.
    const rows = await svc.graph.read({ cypher: 'MATCH (n:Entity) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels', params: {} });
    return rows[0];
  }

  it('creates a person with nationalities and provenance, and reads it back', async () => {
    const sdk = await svc.sdk(ingest);
    const { upsertPerson: createPerson } = await sdk.UpsertPerson({
      input: { name: 'Nguyen Van A', aliases: ['Anh'], dateOfBirth: '1985-03-02', gender: 'MALE', roles: ['OFFENDER'], nationalities: ['VN'], provenance: { ...provenance, handling: 'H1' } },
    });
    expect(createPerson).toMatchObject({ name: 'Nguyen Van A', birthYear: 1985, roles: ['OFFENDER'], redacted: false, nationalities: [{ code: 'VN' }] });
    expect(createPerson.provenance).toMatchObject({ reportId: 'ref-msht-reference-data', agency: 'MSHT', handling: 'H1', grading: '1AP' });

    const { person } = await sdk.PersonById({ id: createPerson.id });
    expect(person).toMatchObject({ id: createPerson.id, displayName: 'Nguyen Van A', dateOfBirth: '1985-03-02', nationalities: [{ code: 'VN', name: 'Vietnam' }] });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const sdk = await svc.sdk(ingest);
    const before = await counts();
    const bad = [
      [{ name: 'X', dateOfBirth: '1990-02-30', provenance }, 'input.dateOfBirth'],
      [{ name: 'X', nationalities: ['VN', 'QQ'], provenance }, 'input.nationalities'],
      [{ name: ' ', provenance }, 'input.name'],
      [{ name: 'X', provenance: { reportId: 'no-such-report' } }, 'input.provenance.reportId'],
    ] as const;
    for (const [input, field] of bad) {
      const err = await sdk.UpsertPerson({ input: input as never }).catch((e: unknown) => e);
      expect(codeAndField(err)).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a birth year that does not match the date of birth already recorded, and writes nothing', async () => {
    const sdk = await svc.sdk(ingest);
    const { id } = (await sdk.UpsertPerson({ input: { name: 'Born Once', dateOfBirth: '1990-06-01', roles: ['OFFENDER'], provenance } })).upsertPerson;
    const err = await sdk.UpsertPerson({ input: { id, birthYear: 1985, provenance } }).catch((e: unknown) => e);
    expect(codeAndField(err)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.birthYear' });
    expect((await sdk.PersonById({ id })).person).toMatchObject({ dateOfBirth: '1990-06-01', birthYear: 1990 });
    // The same year, or a new date of birth with its own year, is taken.
    await sdk.UpsertPerson({ input: { id, birthYear: 1990, provenance } });
    await sdk.UpsertPerson({ input: { id, dateOfBirth: '1985-01-02', provenance } });
    expect((await sdk.PersonById({ id })).person).toMatchObject({ dateOfBirth: '1985-01-02', birthYear: 1985 });

    // A victim's birth is victim data: a writer without the right to read it is not told, by a
    // refusal, which year it holds; a writer with the right is held to it.
    const officer = await svc.sdk({ ...ingest, roles: ['INGEST', 'VICTIM_DATA_OFFICER'] });
    const victim = (await officer.UpsertPerson({ input: { name: 'Born Hidden', dateOfBirth: '1990-06-01', roles: ['VICTIM'], provenance } })).upsertPerson.id;
    const refusedYears: number[] = [];
    for (const year of [1989, 1990, 1991]) {
      const e = await sdk.UpsertPerson({ input: { id: victim, birthYear: year, provenance } }).then(() => null, (x: unknown) => x);
      if (e) refusedYears.push(year);
    }
    expect(refusedYears).toEqual([]);
    expect(codeAndField(await officer.UpsertPerson({ input: { id: victim, birthYear: 1985, provenance } }).catch((e: unknown) => e))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.birthYear' });
  });

  it("refuses a fact looser than its report's handling, naming the field, and writes nothing", async () => {
    const sdk = await svc.sdk(ingest);
    const report = (await sdk.UpsertReport({ input: { reference: 'NCA/FLOOR/1', agency: 'NCA', handling: 'H2', gradeSource: 2, gradeIntel: 'B', ukHandling: 'C', reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
    const before = await counts();
    for (const [prov, field] of [
      [{ reportId: report, handling: 'H1' }, 'input.provenance.handling'],
      [{ reportId: report, handling: 'H0' }, 'input.provenance.handling'],
      [{ reportId: report, ukHandling: 'P' }, 'input.provenance.ukHandling'],
    ] as const) {
      const err = await sdk.UpsertPerson({ input: { name: 'Floor Test', provenance: prov } }).catch((e: unknown) => e);
      expect(codeAndField(err)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect((err as ClientError).response.errors?.[0]?.message).toContain("below the cited report's");
    }
    expect(await counts()).toEqual(before);

    // Stricter than the report is allowed, and the report's own codes are the default.
    const stricter = (await sdk.UpsertPerson({ input: { name: 'Floor Test', provenance: { reportId: report, handling: 'H3' } } })).upsertPerson;
    expect(stricter.provenance).toMatchObject({ handling: 'H3', ukHandling: 'C' });
    const inherited = (await sdk.UpsertPerson({ input: { name: 'Floor Test Two', provenance: { reportId: report } } })).upsertPerson;
    expect(inherited.provenance).toMatchObject({ handling: 'H2', ukHandling: 'C' });
  });

  it('refuses an enum value outside the vocabulary before anything runs', async () => {
    const client = await svc.client(ingest);
    const err = await client.request('mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }', { i: { name: 'X', gender: 'ROBOT', provenance } }).catch((e: unknown) => e);
    expect(codeAndField(err).code).toBe('BAD_USER_INPUT');
  });

  it('lets only the INGEST role write', async () => {
    const sdk = await svc.sdk({ roles: ['ANALYST'] });
    const err = await sdk.UpsertPerson({ input: { name: 'X', provenance } }).catch((e: unknown) => e);
    expect(codeAndField(err).code).toBe('FORBIDDEN');
  });

  it("shows an analyst a victim's pseudonym, never the name or birth date", async () => {
    const writer = await svc.sdk(ingest);
    const { upsertPerson: v } = await writer.UpsertPerson({ input: { name: 'Maria Ionescu', dateOfBirth: '2001-05-05', roles: ['VICTIM'], ageGroup: 'ADULT', nationalities: ['RO'], provenance } });
    const analyst = await svc.sdk({ roles: ['ANALYST'] });
    const { person } = await analyst.PersonById({ id: v.id });
    expect(person).toMatchObject({ name: null, aliases: null, dateOfBirth: null, birthYear: null, redacted: true, ageGroup: 'ADULT', nationalities: [{ code: 'RO' }] });
    expect(person!.pseudonym).toMatch(/^V-[0-9A-Z]{8}$/);
    expect(person!.displayName).toBe(person!.pseudonym);
    expect(JSON.stringify(person)).not.toContain('Ionescu');

    const officer = await svc.sdk({ roles: ['VICTIM_DATA_OFFICER'] });
    expect((await officer.PersonById({ id: v.id })).person).toMatchObject({ name: 'Maria Ionescu', dateOfBirth: '2001-05-05', redacted: false });
  });

  it('hides an item above the caller’s clearance as if it did not exist', async () => {
    const writer = await svc.sdk(ingest);
    const { upsertPerson: secret } = await writer.UpsertPerson({ input: { name: 'Restricted Person', provenance: { ...provenance, handling: 'H2' } } });
    const h1 = await svc.sdk({ roles: ['ANALYST'], clearance: 'H1' });
    expect((await h1.PersonById({ id: secret.id })).person).toBeNull();
    const page = await h1.PersonList({ first: 200 });
    expect(page.persons.nodes.map((p) => p.id)).not.toContain(secret.id);
    const h2 = await svc.sdk({ roles: ['ANALYST'], clearance: 'H2' });
    expect((await h2.PersonById({ id: secret.id })).person?.name).toBe('Restricted Person');
    expect((await h2.PersonList({ first: 1 })).persons.totalCount).toBe(page.persons.totalCount + 1);
  });

  it('pages with keyset cursors across pages', async () => {
    const writer = await svc.sdk(ingest);
    for (let i = 0; i < 25; i++) await writer.UpsertPerson({ input: { name: `Paged ${i}`, provenance } });
    const sdk = await svc.sdk({ roles: ['ANALYST'], clearance: 'H3', ukConditional: true });
    const seen: string[] = [];
    let after: string | null | undefined;
    let total = 0;
    do {
      const { persons } = await sdk.PersonList({ first: 7, after });
      total = persons.totalCount;
      seen.push(...persons.nodes.map((p) => p.id));
      after = persons.pageInfo.hasNextPage ? persons.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
  });
});
