import fs from 'node:fs';
import path from 'node:path';

import { SCALES } from '../../../src/ingestion/seed/seed-item';
import { runSeed } from '../../../src/ingestion/seed/seeder';
import { systemGraph } from '../../../src/graph/system-graph';
import { canonicalDump } from '../../support/canonical-dump';
import { jsonExportText } from '../../support/json-export-text';
import { readWholeGraph } from '../../support/read-subgraph';
import { errorOf } from '../../support/graphql-errors';
import { resetGraph } from '../../support/reset-graph';
import { holdLocks, someoneBlocked } from '../../support/held-locks';
import { countData, testGraph } from '../../support/test-graph';
import { startTestService, type TestService } from '../../support/test-service';

const ingest = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true };
const analyst = { roles: ['ANALYST' as const], clearance: 'H3' as const, ukConditional: true };
const REPORT = 'ref-msht-reference-data';

describe('the importBatch mutation', () => {
  let svc: TestService;

  beforeAll(async () => {
    svc = await startTestService({ MSHT_BODY_LIMIT: '20m' });
    await resetGraph(svc.graph);
  });
  afterAll(() => svc.close());

  const nodes = [':ID,:LABEL,name,threatLevel,birthYear:int', 'ocg-b1,OrganisedCrimeGroup,Batch network,HIGH,', 'per-b1,Person;Offender,Batch Person,,1979', ''].join('\n');
  const relationships = [':START_ID,:END_ID,:TYPE,role', 'per-b1,ocg-b1,MEMBER_OF,LEADER', 'per-b1,country-AL,NATIONAL_OF,', ''].join('\n');

  it('writes a CSV batch in one transaction for the INGEST role, and the same batch again changes nothing', async () => {
    const sdk = await svc.sdk(ingest);
    const { importBatch: s } = await sdk.ImportBatch({ format: 'CSV', nodes, relationships, reportId: REPORT });
    expect(s).toMatchObject({ format: 'csv', rows: 4, rejected: 0, nodes: { created: 2, updated: 0, unchanged: 0 }, relationships: { created: 2, updated: 0, unchanged: 0 } });
    const again = (await sdk.ImportBatch({ format: 'CSV', nodes, relationships, reportId: REPORT })).importBatch;
    expect(again).toMatchObject({ nodes: { created: 0, updated: 0, unchanged: 2 }, relationships: { created: 0, updated: 0, unchanged: 2 } });
    const { organisedCrimeGroup } = await (await svc.sdk(analyst)).GroupWithMembers({ id: 'ocg-b1' });
    expect(organisedCrimeGroup!.members.edges.map((e) => [e.node.id, e.role])).toEqual([['per-b1', 'LEADER']]);
  });

  it('writes a batch of the largest size in one transaction within the per-transaction memory cap', async () => {
    // The tests' Neo4j caps a transaction at 256 MiB, the embedded default at its 1 GB heap.
    const people = Array.from({ length: 5_000 }, (_, i) => `per-max${String(i).padStart(4, '0')},Person;Offender,Max Person ${i},,${1950 + (i % 50)}`);
    const links = Array.from({ length: 5_000 }, (_, i) => `per-max${String(i).padStart(4, '0')},country-${i % 2 ? 'RO' : 'VN'},NATIONAL_OF,`);
    const sdk = await svc.sdk(ingest);
    const { importBatch: s } = await sdk.ImportBatch({
      format: 'CSV',
      nodes: [':ID,:LABEL,name,threatLevel,birthYear:int', ...people, ''].join('\n'),
      relationships: [':START_ID,:END_ID,:TYPE,role', ...links, ''].join('\n'),
      reportId: REPORT,
    });
    expect(s).toMatchObject({ rows: 10_000, rejected: 0, nodes: { created: 5_000 }, relationships: { created: 5_000 } });
    await svc.graph.write({ cypher: "MATCH (p:Person) WHERE p.id STARTS WITH 'per-max' DETACH DELETE p", params: {} });
  });

  it('is refused to other roles', async () => {
    const sdk = await svc.sdk(analyst);
    const e = await sdk.ImportBatch({ format: 'CSV', nodes, relationships, reportId: REPORT }).catch((x: unknown) => x);
    expect(errorOf(e).code).toBe('FORBIDDEN');
  });

  it('refuses a batch with bad rows with BAD_USER_INPUT listing every one, and writes nothing', async () => {
    // Earlier tests' audit events are written a moment after their requests, and this one's too.
    await svc.app.auditLog.flush();
    const before = await countData(svc.graph);
    const bad = [':ID,:LABEL,name,birthYear:int', 'per-b2,Person,Fine,1980', 'per-b3,Person,,1980', 'per-b4,Person,Bad Year,1066', 'per-b5,Person,Also Fine,1990', ''].join('\n');
    const links = [':START_ID,:END_ID,:TYPE', 'per-b2,ocg-nowhere,MEMBER_OF', ''].join('\n');
    const e = errorOf(await (await svc.sdk(ingest)).ImportBatch({ format: 'CSV', nodes: bad, relationships: links, reportId: REPORT }).catch((x) => x));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.rows).toEqual([
      'nodes:3: name: is required',
      'nodes:4: birthYear: must be an integer from 1900 to 2100, got 1066',
      'relationships:2: MEMBER_OF end ocg-nowhere does not exist (neither in the import nor in the graph)',
    ]);
    expect(e.message).toMatch(/^the batch has 3 bad rows and was not written: nodes:3: name: is required; /);
    await svc.app.auditLog.flush();
    expect(await countData(svc.graph)).toEqual(before);
  });

  /** A partner's JSON export of these items (H0/P, graded 2B, citing the reference report). */
  const provenance = { reportId: REPORT, agency: 'NCA', recordedAt: new Date('2025-01-01T00:00:00Z'), gradeSource: 2 as const, gradeIntel: 'B' as const, ukHandling: 'P' as const, handling: 'H0' as const, consent: false };
  const jsonOf = (exportId: string, nodes: Parameters<typeof jsonExportText>[0]['nodes']) =>
    jsonExportText({ nodes, edges: [], truncated: false, truncatedBy: null }, { exportId, purpose: 'test', exportedBy: { subject: 'partner', agency: 'NCA' }, recipientName: 'Kent Police', description: 'people' });

  it('refuses a JSON batch whose date is given as a list, naming the item, and writes nothing', async () => {
    await svc.app.auditLog.flush();
    const before = await countData(svc.graph);
    const person = (id: string, properties: Record<string, unknown>) => ({ id, type: 'Person' as const, label: id, roles: ['OFFENDER'], redacted: false, properties, provenance });
    const text = jsonOf('exp-jl', [person('per-jl1', { name: 'Listed Date', dateOfBirth: ['1990-01-01'] }), person('per-jl2', { name: 'Fine Date', dateOfBirth: '1990-01-01' })]);
    const e = errorOf(await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: text }).catch((x) => x));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.rows).toEqual([expect.stringMatching(/\$\.nodes\[0\]: properties\.dateOfBirth: must be a date YYYY-MM-DD$/)]);
    await svc.app.auditLog.flush();
    expect(await countData(svc.graph)).toEqual(before);
  });

  it('refuses JSON items that would create a record without what every such record has, or with a birth the API refuses', async () => {
    await svc.app.auditLog.flush();
    const before = await countData(svc.graph);
    const item = (id: string, type: 'Person' | 'Business', properties: Record<string, unknown>) => ({ id, type, label: id, roles: type === 'Person' ? ['OFFENDER'] : [], redacted: false, properties, provenance });
    const text = jsonOf('exp-jr', [
      item('per-jr1', 'Person', {}),
      item('biz-jr2', 'Business', { name: 'No Type Ltd' }),
      item('per-jr3', 'Person', { name: 'Born Later', dateOfBirth: '1990-01-01', birthYear: 1970 }),
      item('per-jr4', 'Person', { name: 'Fine', dateOfBirth: '1990-01-01' }),
    ]);
    const e = errorOf(await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: text }).catch((x) => x));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.rows!.map((r) => r.replace(/^.*?(\$\.nodes)/, '$1'))).toEqual([
      '$.nodes[0]: properties.name: is required to create a Person',
      '$.nodes[1]: properties.type: is required to create a Business',
      '$.nodes[2]: properties.birthYear: does not match dateOfBirth (1990-01-01)',
    ]);
    await svc.app.auditLog.flush();
    expect(await countData(svc.graph)).toEqual(before);
    // A victim's phone withheld by the partner's export (no value) is still taken, as before.
    const withheld = { id: 'phone-jr6', type: 'Phone' as const, label: 'Phone (withheld)', roles: [], redacted: true, properties: {}, provenance };
    expect((await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: jsonOf('exp-jr6', [withheld]) })).importBatch).toMatchObject({ nodes: { created: 1 } });
    // An item that updates a record in the graph may leave out what the record holds.
    await (await svc.sdk(ingest)).ImportBatch({ format: 'CSV', nodes: [':ID,:LABEL,name', 'per-jr5,Person;Offender,Held Name', ''].join('\n'), relationships: ':START_ID,:END_ID,:TYPE\n', reportId: REPORT });
    const update = jsonOf('exp-jr5', [item('per-jr5', 'Person', { gender: 'MALE' })]);
    expect((await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: update })).importBatch).toMatchObject({ nodes: { updated: 1 } });
  });

  it('refuses a file’s birth year that does not match the date of birth the graph keeps, as the API does', async () => {
    const sdk = await svc.sdk(ingest);
    await sdk.ImportBatch({ format: 'CSV', nodes: [':ID,:LABEL,name,dateOfBirth:date', 'per-jb1,Person;Offender,Born Once,1990-06-01', ''].join('\n'), relationships: ':START_ID,:END_ID,:TYPE\n', reportId: REPORT });
    const csv = errorOf(await sdk.ImportBatch({ format: 'CSV', nodes: [':ID,:LABEL,name,birthYear:int', 'per-jb1,Person;Offender,Born Once,1985', ''].join('\n'), relationships: ':START_ID,:END_ID,:TYPE\n', reportId: REPORT }).catch((x) => x));
    expect(csv.rows).toEqual(['nodes:2: birthYear: does not match the date of birth already recorded']);
    const json = errorOf(await sdk.ImportBatch({ format: 'JSON', nodes: jsonOf('exp-jb1', [{ id: 'per-jb1', type: 'Person', label: 'Born Once', roles: ['OFFENDER'], redacted: false, properties: { birthYear: 1985 }, provenance }]) }).catch((x) => x));
    expect(json.rows).toEqual([expect.stringMatching(/\$\.nodes\[0\]: properties\.birthYear: does not match the date of birth already recorded$/)]);
    // Its own year is taken.
    expect((await sdk.ImportBatch({ format: 'JSON', nodes: jsonOf('exp-jb2', [{ id: 'per-jb1', type: 'Person', label: 'Born Once', roles: ['OFFENDER'], redacted: false, properties: { birthYear: 1990 }, provenance }]) })).importBatch.rejected).toBe(0);
  });

  it('refuses a JSON item that would create a record under another kind’s prefix, naming it', async () => {
    const person = { id: 'agency-FAKE', type: 'Person' as const, label: 'Fake Agency', roles: ['OFFENDER'], redacted: false, properties: { name: 'Fake Agency' }, provenance };
    const e = errorOf(await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: jsonOf('exp-prefix', [person]) }).catch((x: unknown) => x));
    expect(e.rows).toEqual([expect.stringMatching(/\$\.nodes\[0\]: id agency-FAKE: a new Person's id must start with per-$/)]);
    expect(await svc.graph.read({ cypher: "MATCH (n:Entity {id: 'agency-FAKE'}) RETURN count(n) AS n", params: {} })).toEqual([{ n: 0 }]);
  });

  it('refuses a date that puts a record’s end before the start the graph holds, naming the line, and writes nothing', async () => {
    const sdk = await svc.sdk(ingest);
    await sdk.ImportBatch({ format: 'CSV', nodes: [':ID,:LABEL,startDate:date', 'expl-dates-1,Exploitation,2023-05-01', ''].join('\n'), reportId: REPORT });
    const e = errorOf(await sdk.ImportBatch({ format: 'CSV', nodes: [':ID,:LABEL,endDate:date', 'expl-dates-1,Exploitation,2022-01-01', ''].join('\n'), reportId: REPORT }).catch((x: unknown) => x));
    expect(e.rows).toEqual(["nodes:2: endDate: must not be before row.startDate (2023-05-01 > 2022-01-01) (the record's other date as the graph holds it)"]);
    const json = errorOf(
      await sdk
        .ImportBatch({ format: 'JSON', nodes: jsonOf('exp-dates', [{ id: 'expl-dates-1', type: 'Exploitation', label: 'expl-dates-1', roles: [], redacted: false, properties: { endDate: '2022-01-01' }, provenance }]) })
        .catch((x: unknown) => x),
    );
    expect(json.rows).toEqual([expect.stringMatching(/endDate: must not be before .*startDate \(2023-05-01 > 2022-01-01\)/)]);
    expect(await svc.graph.read({ cypher: "MATCH (e:Exploitation {id: 'expl-dates-1'}) RETURN toString(e.startDate) AS start, e.endDate AS end", params: {} })).toEqual([{ start: '2023-05-01', end: null }]);
    // An end after it is taken.
    expect((await sdk.ImportBatch({ format: 'CSV', nodes: [':ID,:LABEL,endDate:date', 'expl-dates-1,Exploitation,2023-06-01', ''].join('\n'), reportId: REPORT })).importBatch.nodes.updated).toBe(1);
  });

  it('imports the example of the JSON format document as it stands', async () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'exports', 'json-format.md'), 'utf8');
    const example = /## Example\n[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)![1]!;
    const { importBatch: s } = await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: example });
    expect(s).toMatchObject({ rejected: 0, nodes: { created: 2 }, relationships: { created: 1 } });
    const rows = await svc.graph.read({ cypher: 'MATCH (v:Person:Victim {id: $id})-[r:RESIDES_AT]->(a:Address) RETURN a.id AS address, a.postcode AS postcode, r.reportId AS reportId', params: { id: 'per-V-7K2M4Q9X' } });
    expect(rows).toEqual([{ address: 'addr-leeds', postcode: 'LS1 5JL', reportId: 'rep-wyp-2025-0007' }]);
  });

  it('takes back a JSON export of a world: export, import into an empty graph, the same nodes and edges', async () => {
    await resetGraph(svc.graph);
    await runSeed(systemGraph(svc.graph), { seed: 3, scale: { name: 'tiny', persons: SCALES.tiny }, runHost: { host: 'test', pid: 1, isAlive: () => true } });
    const before = await canonicalDump(svc.graph);
    const subgraph = await readWholeGraph(svc.graph);
    const text = jsonExportText(subgraph, { exportId: 'exp-roundtrip', purpose: 'round trip', exportedBy: { subject: 'test', agency: 'MSHT' }, recipientName: 'the same service', description: 'everything' });
    await resetGraph(svc.graph);
    const { importBatch: s } = await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: text });
    expect(s.nodes.created).toBe(before.nodes.length);
    expect(await canonicalDump(svc.graph)).toEqual(before);
    // A second time: nothing to do.
    const again = (await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: text })).importBatch;
    expect(again.nodes.created + again.nodes.updated + again.relationships.created + again.relationships.updated).toBe(0);
  }, 300_000);
});

describe('the time budget of an import', () => {
  // A batch that waits for another writer longer than a query's budget is given its own
  // (MSHT_IMPORT_TIMEOUT_MS): after a start of Neo4j, planning an import's statements alone takes
  // about 0.3 s for each kind of record and link it writes (README.md#import-time).
  const t = testGraph();
  afterAll(() => t.close());
  const csv = [':ID,:LABEL,name,threatLevel', 'ocg-budget,OrganisedCrimeGroup,Budget network,HIGH', ''].join('\n');

  async function importWhileHeld(env: Record<string, string>) {
    const svc = await startTestService({ MSHT_QUERY_TIMEOUT_MS: '1000', ...env });
    try {
      await resetGraph(svc.graph);
      await (await svc.sdk(ingest)).ImportBatch({ format: 'CSV', nodes: csv, reportId: REPORT });
      // Another writer holds the group for 3 s; the batch updates it.
      const held = holdLocks(t.client, "MATCH (g:OrganisedCrimeGroup {id: 'ocg-budget'}) SET g.name = 'Held network'");
      await held.started;
      const sdk = await svc.sdk(ingest);
      const batch = sdk.ImportBatch({ format: 'CSV', nodes: csv.replace('HIGH', 'SIGNIFICANT'), reportId: REPORT }).then((r) => r.importBatch, (e: unknown) => e);
      expect(await someoneBlocked(t.client)).toBe(true);
      await new Promise((r) => setTimeout(r, 3000));
      await held.commit();
      const outcome = await batch;
      const [row] = await svc.graph.read({ cypher: "MATCH (g:OrganisedCrimeGroup {id: 'ocg-budget'}) RETURN g.name AS name, g.threatLevel AS threatLevel", params: {} });
      return { outcome, row };
    } finally {
      await svc.close();
    }
  }

  it('lets a batch run past the query budget, within its own', async () => {
    const { outcome, row } = await importWhileHeld({ MSHT_IMPORT_TIMEOUT_MS: '60000' });
    expect(outcome).toMatchObject({ nodes: { updated: 1 } });
    expect(row).toEqual({ name: 'Budget network', threatLevel: 'SIGNIFICANT' });
  }, 60_000);

  it('stops a batch at its own budget, and writes nothing of it', async () => {
    const { outcome, row } = await importWhileHeld({ MSHT_IMPORT_TIMEOUT_MS: '1000' });
    expect(errorOf(outcome).code).toBe('MSHT_QUERY_TIMEOUT');
    expect(row).toEqual({ name: 'Held network', threatLevel: 'HIGH' });
  }, 60_000);
});
