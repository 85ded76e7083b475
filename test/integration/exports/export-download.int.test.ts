import fs from 'node:fs';
import path from 'node:path';

import { parseJsonExport } from '../../../src/exports/json-export';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';
import { testToken, type TokenOptions } from '../../support/tokens';

const ingest = { roles: ['INGEST' as const, 'ANALYST' as const], clearance: 'H3' as const, ukConditional: true };
/** A liaison who may see everything, victims included: its exports carry victims' real names. */
const liaison: TokenOptions = { roles: ['LIAISON', 'VICTIM_DATA_OFFICER'], clearance: 'H3', ukConditional: true, subject: 'liaison-vdo' };
const supervisorH0: TokenOptions = { roles: ['SUPERVISOR'], clearance: 'H0', subject: 'supervisor-h0' };
const supervisorAll: TokenOptions = { roles: ['SUPERVISOR', 'VICTIM_DATA_OFFICER'], clearance: 'H3', ukConditional: true, subject: 'supervisor-all' };

/**
 * GET /exports/:id gives a package only to a caller whose clearance covers what it holds: its
 * handling code, UK code C, and victims' data when they were not pseudonymised. Anyone else gets
 * the answer an unknown id gets.
 */
describe('downloading an export', () => {
  let svc: TestService;
  let ids: { victim: string; offender: string; restricted: string };

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const writer = await svc.sdk(ingest);
    const report = async (reference: string, handling: 'H0' | 'H3', ukHandling: 'P' | 'C') =>
      (await writer.UpsertReport({ input: { reference, agency: 'NCA', handling, gradeSource: 2, gradeIntel: 'B', ukHandling, reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
    const open = await report('NCA/2024/0500', 'H0', 'P');
    const secret = await report('NCA/2024/0501', 'H3', 'C');
    const person = async (name: string, roles: ('OFFENDER' | 'VICTIM')[], provenance: { reportId: string; consent?: boolean }, extra: object = {}) =>
      (await writer.UpsertPerson({ input: { name, roles, nationalities: ['RO'], provenance, ...extra } })).upsertPerson.id;
    ids = {
      victim: await person('Ana Victimescu', ['VICTIM'], { reportId: open }, { dateOfBirth: '2005-03-09', ageGroup: 'CHILD' }),
      offender: await person('Vasile Offenderu', ['OFFENDER'], { reportId: open }),
      // H3 and UK C, but the provider consented: it may leave.
      restricted: await person('Hidden Highman', ['OFFENDER'], { reportId: secret, consent: true }),
    };
    await writer.Link({ type: 'ASSOCIATE_OF', from: ids.offender, to: ids.victim, properties: { kind: 'ASSOCIATE' }, provenance: { reportId: open } });
    await writer.Link({ type: 'ASSOCIATE_OF', from: ids.offender, to: ids.restricted, properties: { kind: 'ASSOCIATE' }, provenance: { reportId: open } });
  });
  afterAll(() => svc.close());

  async function exportNodes(nodeIds: string[]) {
    const sdk = await svc.sdk(liaison);
    return (await sdk.ExportSubgraph({ input: { nodeIds, recipient: { kind: 'EUROPOL', name: 'Europol' }, purpose: 'download test', format: 'JSON' } })).exportSubgraph;
  }
  async function download(url: string, who: TokenOptions) {
    const res = await fetch(new URL(url, svc.url), { headers: { authorization: `Bearer ${await testToken(who)}` } });
    return { status: res.status, body: await res.text() };
  }

  it('refuses a package with a victim’s real name and H3/UK C material to an H0 supervisor, exactly as an unknown package', async () => {
    const result = await exportNodes([ids.victim, ids.offender, ids.restricted]);
    expect(result.packageHandling).toEqual({ handling: 'H3', ukHandling: 'C' });
    expect(result.pseudonymised).toBe(false);
    const mine = await download(result.downloadUrl, liaison);
    expect(mine.status).toBe(200);
    for (const text of ['Ana Victimescu', '2005-03-09', 'Hidden Highman']) expect(mine.body).toContain(text);

    // What the API shows that supervisor...
    const api = await svc.sdk(supervisorH0);
    expect((await api.PersonById({ id: ids.victim })).person).toMatchObject({ name: null, dateOfBirth: null, redacted: true });
    expect((await api.PersonById({ id: ids.restricted })).person).toBeNull();
    // ...and what the download shows it: nothing, not even that the package exists.
    const unknown = await download('/exports/exp-0000000000000000', supervisorH0);
    const refused = await download(result.downloadUrl, supervisorH0);
    expect(unknown.status).toBe(404);
    expect(refused).toEqual(unknown);
    // Each of the three requirements on its own is enough to refuse.
    for (const who of [
      { roles: ['SUPERVISOR'], clearance: 'H3', ukConditional: true },
      { roles: ['SUPERVISOR', 'VICTIM_DATA_OFFICER'], clearance: 'H3', ukConditional: false },
      { roles: ['ADMIN', 'VICTIM_DATA_OFFICER'], clearance: 'H2', ukConditional: true },
    ] satisfies TokenOptions[]) {
      expect(await download(result.downloadUrl, who)).toEqual(unknown);
    }
  });

  it('gives it to a supervisor cleared for H3, UK C and victims’ data', async () => {
    const result = await exportNodes([ids.victim, ids.offender, ids.restricted]);
    const got = await download(result.downloadUrl, supervisorAll);
    expect(got.status).toBe(200);
    const pkg = parseJsonExport(got.body);
    expect(pkg.subgraph.nodes.map((n) => n.label).sort()).toEqual(['Ana Victimescu', 'Hidden Highman', 'Vasile Offenderu']);
    // A HEAD sends no file, and a refused download sends nothing: neither is a download.
    const head = await fetch(new URL(result.downloadUrl, svc.url), { method: 'HEAD', headers: { authorization: `Bearer ${await testToken(supervisorAll)}` } });
    expect(head.status).toBe(200);
    expect((await download(result.downloadUrl, supervisorH0)).status).toBe(404);
    // The download is in the trail beside the export, and an auditor finds both among the exports.
    await svc.app.auditLog.flush();
    const auditor = await svc.sdk(supervisorAll);
    const found = (await auditor.AuditEvents({ filter: { hasExport: true }, first: 100 })).auditEvents.nodes.filter((e) => JSON.parse(e.export!).exportId === result.exportId);
    expect(found.map((e) => [e.subject, JSON.parse(e.export!).download ?? false])).toEqual([
      ['supervisor-all', true],
      ['liaison-vdo', false],
    ]);
    // The download records what the file holds: the export's nodes and links.
    const { counts } = JSON.parse(found[1]!.export!) as { counts: { nodes: number; edges: number } };
    expect(counts.nodes).toBe(3);
    expect(found[0]!.records).toBe(counts.nodes + counts.edges);
    // The HEAD and the refusal are in the trail too, each naming the export it asked for.
    const asked = (await auditor.AuditEvents({ filter: { hasExport: false }, first: 100 })).auditEvents.nodes.filter((e) => e.variables?.includes(result.exportId));
    expect(asked.map((e) => [e.subject, e.operationName, e.httpStatus])).toEqual([
      ['supervisor-h0', 'downloadExport', 404],
      ['supervisor-all', 'exportHeaders', 200],
    ]);
  });

  it('gives an H0 package without victims to an H0 supervisor', async () => {
    const result = await exportNodes([ids.offender]);
    expect(result.packageHandling).toEqual({ handling: 'H0', ukHandling: 'P' });
    expect(result.leftOut).toEqual([]);
    const got = await download(result.downloadUrl, supervisorH0);
    expect(got.status).toBe(200);
    expect(parseJsonExport(got.body).subgraph.nodes.map((n) => n.id)).toEqual([ids.offender]);
  });

  it('holds the creator to the same rule: its own package, unless its token now carries less', async () => {
    const result = await exportNodes([ids.victim, ids.offender, ids.restricted]);
    expect((await download(result.downloadUrl, liaison)).status).toBe(200);
    expect((await download(result.downloadUrl, { ...liaison, roles: ['LIAISON'] })).status).toBe(404);
    expect((await download(result.downloadUrl, { ...liaison, clearance: 'H1' })).status).toBe(404);
  });

  it('keeps a package stored before access was recorded for its creator only', async () => {
    const result = await exportNodes([ids.offender]);
    const record = path.join(svc.config.dataDir, 'exports', `${result.exportId}.json`);
    const { access, ...older } = JSON.parse(fs.readFileSync(record, 'utf8')) as Record<string, unknown>;
    expect(access).toEqual({ handling: 'H0', ukConditional: false, victimData: false });
    fs.writeFileSync(record, JSON.stringify(older));
    expect((await download(result.downloadUrl, supervisorH0)).status).toBe(404);
    expect((await download(result.downloadUrl, supervisorAll)).status).toBe(404);
    expect((await download(result.downloadUrl, liaison)).status).toBe(200);
  });
});
