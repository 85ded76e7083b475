import fs from 'node:fs';
import path from 'node:path';

import { canonicalDump } from '../../support/canonical-dump';
import { errorOf } from '../../support/graphql-errors';
import { jsonExportText } from '../../support/json-export-text';
import { resetGraph } from '../../support/reset-graph';
import { runCli } from '../../support/run-cli';
import { countData } from '../../support/test-graph';
import { startTestService, type TestService } from '../../support/test-service';
import { tempDir } from '../../support/temp-dir';

/**
 * A report's reference is its natural key (unique, as an identifier's value is). An import row
 * that gives an IntelligenceReport a reference another report holds is refused before anything is
 * written, with its line: "use that id" when the importer may see the holder (an import row names
 * its record by id, so a row with the holder's id updates it, as upsertIntelligenceReport updates
 * the report with that reference), "already in use", naming nothing, when it may not. Before, the
 * check did not look at references and the write failed on the uniqueness constraint with a bare
 * MSHT_CONFLICT, naming no line.
 *
 * When the holder of a reference (or of an identifier's value) is reference data, which no import
 * row may write, "use that id" would lead straight to the next refusal: the advice is then to
 * leave the row out and cite (or link to) the holder instead, which an import may do.
 */
const high = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true, subject: 'high-ingest' };
const low = { roles: ['INGEST' as const], clearance: 'H1' as const, ukConditional: false, subject: 'low-ingest' };
const REPORT = 'ref-msht-reference-data';
const REPORT_HEADER = ':ID,:LABEL,reference,title,agency,gradeSource,gradeIntel,ukHandling,handling';
const lines = (ls: string[]) => `${ls.join('\n')}\n`;

describe('imports and report references already in use', () => {
  let svc: TestService;
  let openId: string;
  let hiddenId: string;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const sdk = await svc.sdk(high);
    const report = (reference: string, handling: 'H0' | 'H3', ukHandling: 'P' | 'C') =>
      sdk.UpsertReport({ input: { reference, title: `Report ${reference}`, agency: 'NCA', gradeSource: 2, gradeIntel: 'B', ukHandling, handling } });
    openId = (await report('NCA/REF/OPEN', 'H0', 'P')).upsertIntelligenceReport.id;
    hiddenId = (await report('NCA/REF/COVERT', 'H3', 'C')).upsertIntelligenceReport.id;
  });
  afterAll(() => svc.close());

  /** Everything but the audit trail, which each request adds to. */
  async function dataNow() {
    await svc.app.auditLog.flush();
    return { counts: await countData(svc.graph), reports: await svc.graph.read({ cypher: 'MATCH (r:IntelligenceReport) RETURN r.id AS id, r.reference AS reference, r.title AS title ORDER BY id', params: {} }) };
  }

  it('refuses to give a report another issuer, or to touch the reference data report’s, naming the line, and writes nothing', async () => {
    const before = await dataNow();
    const restated = errorOf(
      await (await svc.sdk(high)).ImportBatch({ format: 'CSV', nodes: lines([REPORT_HEADER, `${openId},IntelligenceReport,NCA/REF/OPEN,Report NCA/REF/OPEN,KENT,2,B,P,H0`]), reportId: REPORT }).catch((x: unknown) => x),
    );
    expect(restated.rows).toEqual([`nodes:2: agency: report ${openId} is issued by NCA in the graph, and an import cannot change a report's issuer (upsertIntelligenceReport can)`]);
    const reissued = errorOf(
      await (await svc.sdk(high))
        .ImportBatch({ format: 'CSV', nodes: '', relationships: lines([':START_ID,:END_ID,:TYPE,handling', `${REPORT},agency-MSHT,ISSUED_BY,H3`, `${REPORT},agency-NCA,ISSUED_BY,`]), reportId: openId })
        .catch((x: unknown) => x),
    );
    expect(reissued.rows).toEqual([
      `relationships:2: ISSUED_BY from ${REPORT}: names the reference data's report, whose issuer an import cannot change`,
      `relationships:3: ISSUED_BY from ${REPORT}: names the reference data's report, whose issuer an import cannot change`,
    ]);
    expect(await dataNow()).toEqual(before);
    // The same report restated with its own issuer is an update as before.
    const same = (await (await svc.sdk(high)).ImportBatch({ format: 'CSV', nodes: lines([REPORT_HEADER, `${openId},IntelligenceReport,NCA/REF/OPEN,Report NCA/REF/OPEN,NCA,2,B,P,H0`]), reportId: REPORT })).importBatch;
    expect(same.rejected).toBe(0);
  });

  it('refuses a second issuer for a report the import creates, and a JSON restatement under another agency, and writes nothing', async () => {
    const before = await dataNow();
    // CSV: the new report's row makes it ISSUED_BY NCA; a relationship row to Kent would be a second.
    const csv = errorOf(
      await (await svc.sdk(high))
        .ImportBatch({ format: 'CSV', nodes: lines([REPORT_HEADER, 'rep-imp-i1,IntelligenceReport,NCA/REF/ISSUER-1,Issuer one,NCA,2,B,P,H0']), relationships: lines([':START_ID,:END_ID,:TYPE', 'rep-imp-i1,agency-KENT,ISSUED_BY']), reportId: REPORT })
        .catch((x: unknown) => x),
    );
    expect(csv.rows).toEqual(['relationships:2: ISSUED_BY: report rep-imp-i1 is issued by NCA in this import, and a report has one issuer, its own agency (upsertIntelligenceReport changes it)']);
    // JSON: a report is its own source; its provenance's agency is its issuer.
    const prov = (reportId: string, agency: string) => ({ reportId, agency, recordedAt: new Date('2025-01-01T00:00:00Z'), gradeSource: 2 as const, gradeIntel: 'B' as const, ukHandling: 'P' as const, handling: 'H0' as const, consent: false });
    const reportItem = (id: string, reference: string, agency: string) => ({ id, type: 'IntelligenceReport' as const, label: reference, roles: [], redacted: false, properties: { reference, title: `Report ${reference}` }, provenance: prov(id, agency) });
    const issuedBy = (from: string, agency: string, reportAgency: string) => ({ id: `e-${from}-${agency}`, type: 'ISSUED_BY' as const, source: from, target: `agency-${agency}`, properties: {}, provenance: prov(from, reportAgency), from: null, to: null });
    // The agencies an export carries with its ISSUED_BY edges: reference data, left as it is.
    const agencyItem = (code: string) => ({ id: `agency-${code}`, type: 'Agency' as const, label: code, roles: [], redacted: false, properties: { code }, provenance: prov(REPORT, 'MSHT') });
    const json = (nodes: ReturnType<typeof reportItem>[], edges: ReturnType<typeof issuedBy>[]) =>
      jsonExportText({ nodes: [...nodes, ...[...new Set(edges.map((e) => e.target))].map((t) => agencyItem(t.slice('agency-'.length)))], edges, truncated: false, truncatedBy: null }, { exportId: 'exp-issuer', purpose: 'test', exportedBy: { subject: 'partner', agency: 'NCA' }, recipientName: 'Kent Police', description: 'reports' });
    const importJson = async (text: string) => errorOf(await (await svc.sdk(high)).ImportBatch({ format: 'JSON', nodes: text }).catch((x: unknown) => x));
    // Restated as Kent's, with its link left out or left on NCA: the agency its facts take would change, its link would not.
    for (const edges of [[], [issuedBy(openId, 'NCA', 'KENT')]]) {
      const e = await importJson(json([reportItem(openId, 'NCA/REF/OPEN', 'KENT')], edges));
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.rows).toEqual([expect.stringMatching(new RegExp(`provenance\\.agency: report ${openId} is issued by NCA in the graph, and an import cannot change a report's issuer`))]);
    }
    // A new report linked to an agency other than its own.
    const fresh = await importJson(json([reportItem('rep-imp-i2', 'NCA/REF/ISSUER-2', 'NCA')], [issuedBy('rep-imp-i2', 'KENT', 'NCA')]));
    expect(fresh.rows).toEqual([expect.stringMatching(/ISSUED_BY: report rep-imp-i2 is issued by NCA in this import/)]);
    expect(await dataNow()).toEqual(before);
    // Its own agency is fine.
    expect((await (await svc.sdk(high)).ImportBatch({ format: 'JSON', nodes: json([reportItem('rep-imp-i2', 'NCA/REF/ISSUER-2', 'NCA')], [issuedBy('rep-imp-i2', 'NCA', 'NCA')]) })).importBatch.rejected).toBe(0);
    expect(await svc.graph.read({ cypher: "MATCH (:IntelligenceReport {id: 'rep-imp-i2'})-[:ISSUED_BY]->(a) RETURN a.id AS a", params: {} })).toEqual([{ a: 'agency-NCA' }]);
  });

  it("refuses a row whose own handling is below its cited report's, naming the line, and writes nothing", async () => {
    const covert = (await (await svc.sdk(high)).UpsertReport({ input: { reference: 'NCA/REF/FLOOR', title: 'Floor', agency: 'NCA', gradeSource: 2, gradeIntel: 'B', ukHandling: 'C', handling: 'H2' } })).upsertIntelligenceReport.id;
    const before = await dataNow();
    const nodes = lines([':ID,:LABEL,name,reportId,handling,ukHandling', `per-floor-1,Person,Floor One,${covert},H2,C`, `per-floor-2,Person,Floor Two,${covert},H1,`, `per-floor-3,Person,Floor Three,${covert},,P`]);
    const e = errorOf(await (await svc.sdk(high)).ImportBatch({ format: 'CSV', nodes, reportId: REPORT }).catch((x: unknown) => x));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nodes' });
    expect(e.rows).toEqual([
      expect.stringMatching(/^nodes:3: handling: must not be below the cited report's handling \(H2\)/),
      expect.stringMatching(/^nodes:4: ukHandling: must not be below the cited report's UK handling \(C\)/),
    ]);
    expect(await dataNow()).toEqual(before);
  });

  it('refuses a batch row whose reference a report the importer sees holds, naming the line and that report, and writes nothing', async () => {
    const before = await dataNow();
    const nodes = lines([REPORT_HEADER, 'rep-imp-a1,IntelligenceReport,NCA/REF/NEW-A,New A,NCA,2,B,P,H0', 'rep-imp-a2,IntelligenceReport,NCA/REF/OPEN,Copy of open,NCA,2,B,P,H0']);
    const e = errorOf(await (await svc.sdk(low)).ImportBatch({ format: 'CSV', nodes, reportId: REPORT }).catch((x: unknown) => x));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nodes', rows: [`nodes:3: reference: this IntelligenceReport is already in the graph as ${openId}; use that id`] });
    expect(await dataNow()).toEqual(before);
  });

  it('refuses a batch row whose reference a report hidden from the importer holds, naming nothing of it, and writes nothing', async () => {
    const before = await dataNow();
    const nodes = lines([REPORT_HEADER, 'rep-imp-b1,IntelligenceReport,NCA/REF/COVERT,Guess,NCA,2,B,P,H0']);
    const e = errorOf(await (await svc.sdk(low)).ImportBatch({ format: 'CSV', nodes, reportId: REPORT }).catch((x: unknown) => x));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', rows: ['nodes:2: reference: this IntelligenceReport reference is already in use'] });
    expect(e.message).not.toContain(hiddenId);
    expect(e.message).not.toMatch(/H3|Report NCA/);
    expect(await dataNow()).toEqual(before);
    // The API's upsert by that reference is refused the same way, naming nothing.
    const api = errorOf(
      await (await svc.sdk(low)).UpsertReport({ input: { reference: 'NCA/REF/COVERT', agency: 'NCA', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H0' } }).catch((x: unknown) => x),
    );
    expect(api).toMatchObject({ code: 'MSHT_CONFLICT', message: 'input.reference: this reference is already in use' });
  });

  it('refuses two rows of one batch with the same reference, naming both lines', async () => {
    const before = await dataNow();
    const nodes = lines([REPORT_HEADER, 'rep-imp-c1,IntelligenceReport,NCA/REF/TWICE,One,NCA,2,B,P,H0', 'rep-imp-c2,IntelligenceReport,NCA/REF/TWICE,Two,NCA,2,B,P,H0']);
    const e = errorOf(await (await svc.sdk(low)).ImportBatch({ format: 'CSV', nodes, reportId: REPORT }).catch((x: unknown) => x));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', rows: ["nodes:3: reference of IntelligenceReport rep-imp-c2 is the same as rep-imp-c1's (line 2): one IntelligenceReport per reference"] });
    expect(await dataNow()).toEqual(before);
  });

  it('updates the report a row names by its own id, keeping its reference, as upsertIntelligenceReport updates it by reference', async () => {
    const nodes = lines([REPORT_HEADER, `${openId},IntelligenceReport,NCA/REF/OPEN,Open report retitled,NCA,2,B,P,H0`]);
    const { importBatch: s } = await (await svc.sdk(low)).ImportBatch({ format: 'CSV', nodes, reportId: REPORT });
    expect(s.nodes).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await svc.graph.read({ cypher: "MATCH (r:IntelligenceReport {reference: 'NCA/REF/OPEN'}) RETURN r.id AS id, r.title AS title", params: {} })).toEqual([{ id: openId, title: 'Open report retitled' }]);
  });

  it('msht import refuses a file whose report reference is in use with exit 1 and the file:line, and writes nothing', async () => {
    const dir = tempDir('msht-reports-');
    const file = path.join(dir, 'reports.csv');
    fs.writeFileSync(file, lines([REPORT_HEADER, 'rep-imp-d1,IntelligenceReport,NCA/REF/NEW-D,New D,NCA,2,B,P,H0', 'rep-imp-d2,IntelligenceReport,NCA/REF/COVERT,Copy,NCA,2,B,P,H0']));
    const before = await canonicalDump(svc.graph);
    const r = await runCli(['import', file, '--format', 'csv']);
    expect(r.code).toBe(1);
    // The CLI sees every record: it is told which report holds the reference.
    expect(r.stderr.split('\n').filter((l) => l.includes('.csv:'))).toEqual([`${file}:3: reference: this IntelligenceReport is already in the graph as ${hiddenId}; use that id`]);
    expect(r.stdout).toMatch(/^refused /);
    expect(r.stdout).toMatch(/rejected: +1 row/);
    expect(await canonicalDump(svc.graph)).toEqual(before);
  }, 120_000);
  it('refuses a row whose reference reference data holds with advice that, followed, imports: leave the row out and cite that report', async () => {
    const before = await dataNow();
    const header = ':ID,:LABEL,reference,title,agency,gradeSource,gradeIntel,ukHandling,handling,name,reportId';
    const sdk = await svc.sdk(low);
    const nodes = lines([header, 'rep-imp-f1,IntelligenceReport,MSHT/REF/0001,Copy of the reference report,MSHT,1,A,P,H0,,', 'per-imp-f1,Person;Offender,,,,,,,,Cites F,rep-imp-f1']);
    const e = errorOf(await sdk.ImportBatch({ format: 'CSV', nodes }).catch((x: unknown) => x));
    expect(e).toMatchObject({
      code: 'BAD_USER_INPUT',
      rows: [`nodes:2: reference: this IntelligenceReport is reference data, already in the graph as ${REPORT}, which an import cannot change; leave this row out and cite ${REPORT} instead of rep-imp-f1 (an import may cite reference data)`],
    });
    // "Use that id" would not have done: a row with the reference data's id is refused in turn.
    const asIs = errorOf(await sdk.ImportBatch({ format: 'CSV', nodes: lines([header, `${REPORT},IntelligenceReport,MSHT/REF/0001,Copy,MSHT,1,A,P,H0,,`]) }).catch((x: unknown) => x));
    expect(asIs).toMatchObject({ code: 'BAD_USER_INPUT', rows: expect.arrayContaining([`nodes:2: id ${REPORT} names reference data, which an import cannot change`]) });
    expect(await dataNow()).toEqual(before);

    // Followed: the row left out, its facts citing the reference data report.
    const { importBatch: s } = await sdk.ImportBatch({ format: 'CSV', nodes: lines([header, `per-imp-f1,Person;Offender,,,,,,,,Cites F,${REPORT}`]) });
    expect(s.nodes).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await svc.graph.read({ cypher: "MATCH (p:Person {id: 'per-imp-f1'}) RETURN p.reportId AS reportId, p.agency AS agency", params: {} })).toEqual([{ reportId: REPORT, agency: 'MSHT' }]);
  });

  it('refuses a row whose identifier value reference data holds with advice that, followed, imports: leave the row out and link to that record', async () => {
    // No migration makes identifiers reference data; a deployment may hold some (a force's switchboard).
    await svc.graph.write({
      cypher: `CREATE (:Phone:Identifier:Entity:Reference {id: 'phone-ref-imp', value: '+447700900777', countryCode: 'GB', reportId: $report, agency: 'MSHT',
        recordedAt: datetime('2026-01-01T00:00:00Z'), gradeSource: 1, gradeIntel: 'A', ukHandling: 'P', handling: 'H0', consent: true})`,
      params: { report: REPORT },
    });
    try {
      const before = await dataNow();
      const sdk = await svc.sdk(low);
      const people = [':ID,:LABEL,name,value', 'per-imp-g1,Person;Offender,Holder G,'];
      const e = errorOf(
        await sdk
          .ImportBatch({ format: 'CSV', nodes: lines([...people, 'phone-imp-g1,Phone,,07700 900777']), relationships: lines([':START_ID,:END_ID,:TYPE', 'per-imp-g1,phone-imp-g1,HAS_IDENTIFIER']), reportId: REPORT })
          .catch((x: unknown) => x),
      );
      expect(e).toMatchObject({
        code: 'BAD_USER_INPUT',
        rows: ['nodes:3: value: this Phone is reference data, already in the graph as phone-ref-imp, which an import cannot change; leave this row out and name phone-ref-imp instead of phone-imp-g1 in links (an import may link to reference data)'],
      });
      expect(await dataNow()).toEqual(before);

      // Followed: the row left out, the link made to the reference data's phone.
      const { importBatch: s } = await sdk.ImportBatch({ format: 'CSV', nodes: lines(people), relationships: lines([':START_ID,:END_ID,:TYPE', 'per-imp-g1,phone-ref-imp,HAS_IDENTIFIER']), reportId: REPORT });
      expect([s.nodes.created, s.relationships.created]).toEqual([1, 1]);
      expect(await svc.graph.read({ cypher: "MATCH (:Person {id: 'per-imp-g1'})-[:HAS_IDENTIFIER]->(p:Phone) RETURN p.id AS id, p.value AS value", params: {} })).toEqual([{ id: 'phone-ref-imp', value: '+447700900777' }]);
    } finally {
      await svc.graph.write({ cypher: "MATCH (p:Phone {id: 'phone-ref-imp'}) DETACH DELETE p", params: {} });
    }
  });
});
