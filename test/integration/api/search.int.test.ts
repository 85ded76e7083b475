import { print } from 'graphql';

import { SearchDocument } from '../../../src/sdk/generated';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

const ingest = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true };
const provenance = { reportId: 'ref-msht-reference-data' };

describe('full-text search', () => {
  let svc: TestService;
  let ids: Record<string, string>;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const sdk = await svc.sdk(ingest);
    const person = async (name: string, extra: object = {}) => (await sdk.UpsertPerson({ input: { name, provenance, ...extra } })).upsertPerson.id;
    ids = {
      nguyen: await person('Nguyen Van A', { roles: ['OFFENDER'] }),
      nguyenB: await person('Nguyen Thi B'),
      ionescu: await person('Marian Ionescu', { aliases: ['Bogdan'], roles: ['OFFENDER'] }),
      victim: await person('Elena Ionescu', { roles: ['VICTIM'] }),
      group: (await sdk.UpsertGroup({ input: { name: 'Dragon Nails Network', provenance } })).upsertOrganisedCrimeGroup.id,
      phone: (await sdk.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 900123', provenance } })).upsertIdentifier.id,
    };
    await svc.graph.write({ cypher: 'CALL db.awaitIndexes(60)', params: {} });
  });
  afterAll(() => svc.close());

  async function hits(text: string, roles: ('ANALYST' | 'VICTIM_DATA_OFFICER')[] = ['ANALYST'], types?: string[]) {
    const sdk = await svc.sdk({ roles, clearance: 'H1' });
    return (await sdk.Search({ text, types: types as never })).search.map((h) => h.node.id);
  }

  it('finds "Nguyen Van A" from "nguyen van", ranked first', async () => {
    const found = await hits('nguyen van');
    expect(found[0]).toBe(ids.nguyen);
  });

  it('finds "Ionescu" from the misspelling "Ionesku" and by alias', async () => {
    expect(await hits('Ionesku')).toContain(ids.ionescu);
    expect(await hits('bogdan')).toEqual([ids.ionescu]);
  });

  it('finds groups by name part and phones by value', async () => {
    expect(await hits('dragon')).toEqual([ids.group]);
    expect(await hits('+447700900123')).toContain(ids.phone);
  });

  it('narrows by type', async () => {
    expect(await hits('ionescu', ['ANALYST'], ['OrganisedCrimeGroup'])).toEqual([]);
  });

  it('never matches a victim for an analyst, but does for a victim-data officer', async () => {
    expect(await hits('Elena', ['ANALYST'], ['Person'])).toEqual([]);
    expect(await hits('Elena', ['VICTIM_DATA_OFFICER'], ['Person'])).toEqual([ids.victim]);
  });

  it('finds what a low clearance may see of a common name, however many hidden records rank above it', async () => {
    const sdk = await svc.sdk(ingest);
    const secret = (
      await sdk.UpsertReport({ input: { reference: 'SEARCH/H3/1', agency: 'NCA', handling: 'H3', gradeSource: 2, gradeIntel: 'B', ukHandling: 'C', reportedOn: '2024-01-05' } })
    ).upsertIntelligenceReport.id;
    const shown = (await sdk.UpsertPerson({ input: { name: 'Zebulon Quintus Marlowe', provenance } })).upsertPerson.id;
    const hidden = (await sdk.UpsertPerson({ input: { name: 'Zebulon', provenance: { reportId: secret } } })).upsertPerson.id;
    // 600 more like the hidden one: a shorter name, so each ranks above the one shown.
    await svc.graph.write({
      cypher: `MATCH (p:Person {id: $id}) UNWIND range(1, 600) AS i CREATE (c:Person:Entity) SET c = p {.*, id: p.id + '-' + toString(i)}`,
      params: { id: hidden },
    });
    await svc.graph.write({ cypher: 'CALL db.awaitIndexes(60)', params: {} });
    expect(await hits('zebulon')).toEqual([shown]);
    // One statement however far it reads: the count (a response header) says nothing of hidden hits.
    const client = await svc.client({ roles: ['ANALYST'], clearance: 'H1' });
    const res = await client.rawRequest<{ search: { node: { id: string } }[] }>(print(SearchDocument), { text: 'zebulon' });
    expect(res.data.search.map((h) => h.node.id)).toEqual([shown]);
    expect(res.headers.get('x-cypher-queries')).toBe('1');
    const cleared = await svc.sdk({ roles: ['ANALYST'], clearance: 'H3', ukConditional: true });
    const top = (await cleared.Search({ text: 'zebulon' })).search.map((h) => h.node.id);
    expect(top.length).toBeGreaterThan(1);
    expect(top).not.toContain(shown);
  });

  it('applies the clearance inside the index: past 50,000 hidden records that rank above it, a low clearance finds what it may see, with the score a cleared caller sees', async () => {
    const sdk = await svc.sdk(ingest);
    const secret = (
      await sdk.UpsertReport({ input: { reference: 'SEARCH/H3/2', agency: 'NCA', handling: 'H3', gradeSource: 2, gradeIntel: 'B', ukHandling: 'C', reportedOn: '2024-01-05' } })
    ).upsertIntelligenceReport.id;
    const shown = (await sdk.UpsertPerson({ input: { name: 'Quillon Abernathy Vantrell', provenance } })).upsertPerson.id;
    const hidden = (await sdk.UpsertPerson({ input: { name: 'Quillon', provenance: { reportId: secret } } })).upsertPerson.id;
    // More hidden records ranking above the one shown than a search ever read past (50,000).
    await svc.graph.autoCommit({
      cypher: `MATCH (p:Person {id: $id}) UNWIND range(1, 50100) AS i CALL (p, i) { CREATE (c:Person:Entity) SET c = p {.*, id: p.id + '-' + toString(i)} } IN TRANSACTIONS OF 10000 ROWS`,
      params: { id: hidden },
    });
    await svc.graph.write({ cypher: 'CALL db.awaitIndexes(120)', params: {} });
    const [{ n }] = (await svc.graph.read({ cypher: "MATCH (p:Person) WHERE p.name = 'Quillon' RETURN count(p) AS n", params: {} })) as [{ n: number }];
    expect(n).toBeGreaterThan(50_000);
    const low = (await (await svc.sdk({ roles: ['ANALYST'], clearance: 'H1' })).Search({ text: 'quillon' })).search;
    expect(low.map((h) => h.node.id)).toEqual([shown]);
    // The clearance adds nothing to a score: the hit scores the same for a caller cleared for everything.
    const cleared = (await (await svc.sdk({ roles: ['ANALYST'], clearance: 'H3', ukConditional: true })).Search({ text: 'quillon vantrell' })).search;
    const lowBoth = (await (await svc.sdk({ roles: ['ANALYST'], clearance: 'H1' })).Search({ text: 'quillon vantrell' })).search;
    expect(lowBoth.map((h) => h.node.id)).toEqual([shown]);
    expect(cleared.map((h) => [h.node.id, h.score])).toEqual([[shown, lowBoth[0]!.score]]);
  }, 240_000);

  it('never matches a term against the handling codes the index holds', async () => {
    for (const text of ['H0', 'h1', 'P', 'handling:H0', 'ukHandling:P']) expect(await hits(text)).toEqual([]);
  });

  it('answers a search of punctuation alone, or of one very long word, with nothing, not every record or an error', async () => {
    const low = await svc.sdk({ roles: ['ANALYST'], clearance: 'H1' });
    for (const text of ['?', '&& ||', '-', '…']) expect((await low.Search({ text })).search).toEqual([]);
    for (const text of ['ionescu'.repeat(35), 'я'.repeat(150)]) expect((await low.Search({ text })).search).toEqual([]);
  });

  it('takes Lucene syntax as plain text', async () => {
    for (const text of ['nguyen AND NOT van', '"nguyen', 'name:*', '(ionescu', 'van~~~', '\\', '/regex/', 'OR', '* ?', '[a TO z]', '&& ||']) {
      await expect(hits(text)).resolves.toBeInstanceOf(Array);
    }
  });
});
