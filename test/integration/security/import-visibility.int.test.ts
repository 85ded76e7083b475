import { accessScope } from '../../../src/auth/access-policy';
import type { Principal } from '../../../src/auth/principal';
import { ScopedGraph } from '../../../src/graph/scoped-graph';
import { planCsv } from '../../../src/ingestion/csv/csv-import';
import { formatBadRow } from '../../../src/ingestion/import-plan';
import { prepareImport, type PreparedImport } from '../../../src/ingestion/prepare-import';
import { runImportInOneTransaction, runStagedImport } from '../../../src/ingestion/run-import';
import { canonicalDump } from '../../support/canonical-dump';
import { resetGraph } from '../../support/reset-graph';
import { countAll, testGraph, type TestGraph } from '../../support/test-graph';

/**
 * An import checks the graph before it writes (prepareImport), and writes later: in the same
 * request for the API, batches later for a staged run. These tests change the graph in between,
 * as another writer could, by running the writer with the check's (now stale) result: the write
 * statements themselves must keep the rule of write-visibility.int.test.ts. A record hidden from
 * the importer, or a hidden record taking a row's id or value, is refused with the row's line and
 * the check's own reason, naming nothing, and nothing of the import is written; a link hidden
 * meanwhile stays as it was and the row's link is a new one beside it. A row citing a report
 * hidden meanwhile, or giving a report a reference a hidden report took, is refused the same way;
 * a row citing a report regraded meanwhile (still visible) takes the grading it has at the write.
 */
const REPORT = 'ref-msht-reference-data';
const low: Principal = { subject: 'low-ingest', agency: 'KENT', roles: ['INGEST'], clearance: 'H1', ukConditional: false };
const host = { host: 'test', pid: process.pid, isAlive: () => true };
const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('an import keeps the visibility rule when the graph changes between its check and its write', () => {
  let t: TestGraph;
  let g: ScopedGraph;

  beforeAll(async () => {
    t = testGraph();
    g = new ScopedGraph(t.client, accessScope(low), { requestId: 'test', subject: low.subject });
    await resetGraph(t.client);
  });
  afterAll(() => t.close());

  /** Checks CSV node and relationship lines as `by` (the rows cite the reference-data report unless they say otherwise). */
  async function prepare(by: ScopedGraph, nodes: string[], rels: string[] = []): Promise<PreparedImport> {
    const plan = planCsv([...(nodes.length ? [{ name: 'nodes', text: text(nodes) }] : []), ...(rels.length ? [{ name: 'relationships', text: text(rels) }] : [])], {
      defaultReportId: REPORT,
      today: new Date(),
    });
    const p = await prepareImport(by, plan, new Date());
    if (!p.ok) throw new Error(`the check refused the rows: ${p.bad.map(formatBadRow).join('; ')}`);
    return p.prepared;
  }
  const seed = async (nodes: string[], rels: string[] = []) => runImportInOneTransaction(t.system, await prepare(t.system, nodes, rels));
  /** What another writer, cleared for everything, does: raise a record to H3 and UK code C, and give it something secret. */
  const hide = (match: string, params: Record<string, unknown>, secret = '') => t.client.write({ cypher: `${match} SET x.handling = 'H3', x.ukHandling = 'C'${secret}`, params });
  const rows = (cypher: string, params: Record<string, unknown> = {}) => t.client.read({ cypher, params });
  /** A staged run in batches of one, with `between` done after its first batch. */
  const stagedRun = (prepared: PreparedImport, sha256: string, between: () => Promise<unknown>) =>
    runStagedImport(g, prepared, {
      batchSize: 1,
      sha256,
      runHost: host,
      afterBatch: async (n) => {
        if (n === 1) await between();
      },
    });
  const refusal = async (write: Promise<unknown>) => {
    const e = await write.then(
      () => null,
      (x: unknown) => x,
    );
    if (e === null) throw new Error('the import was written');
    return e as Error & { code?: string; extensions?: Record<string, unknown> };
  };

  it('refuses to update a record hidden after the check (one transaction), naming its line and nothing of it, and writes none of the batch', async () => {
    await seed([':ID,:LABEL,name', 'per-tv-a1,Person;Offender,Open Name']);
    const stale = await prepare(g, [':ID,:LABEL,name', 'per-tv-a0,Person;Offender,New Person', 'per-tv-a1,Person;Offender,Renamed By Low']);
    await hide("MATCH (x:Person {id: 'per-tv-a1'})", {}, ", x.name = 'Covert Name'");
    const before = await canonicalDump(t.client);

    const e = await refusal(runImportInOneTransaction(g, stale));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { code: 'BAD_USER_INPUT', field: 'nodes', rows: ['nodes:3: id per-tv-a1 is already in use'] } });
    expect(e.message).not.toMatch(/Covert|H3/);
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (p:Person {id: 'per-tv-a1'}) RETURN p.name AS name, p.handling AS handling")).toEqual([{ name: 'Covert Name', handling: 'H3' }]);
    expect(await rows("MATCH (p:Person {id: 'per-tv-a0'}) RETURN count(p) AS n")).toEqual([{ n: 0 }]);
  });

  it('refuses to link to a record hidden after the check, whether the row’s other end is new or not', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'per-tv-b1,Person;Offender,Member One,', 'ocg-tv-b1,OrganisedCrimeGroup,Tv Group,HIGH']);
    const stale = await prepare(g, [':ID,:LABEL,name', 'per-tv-b2,Person;Offender,Member Two'], [':START_ID,:END_ID,:TYPE,role', 'per-tv-b2,ocg-tv-b1,MEMBER_OF,LEADER', 'per-tv-b1,ocg-tv-b1,MEMBER_OF,RECRUITER']);
    await hide("MATCH (x:OrganisedCrimeGroup {id: 'ocg-tv-b1'})", {});
    const before = await canonicalDump(t.client);

    const e = await refusal(runImportInOneTransaction(g, stale));
    expect(e).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: {
        rows: [
          'relationships:2: MEMBER_OF end ocg-tv-b1 does not exist (neither in the import nor in the graph)',
          'relationships:3: MEMBER_OF end ocg-tv-b1 does not exist (neither in the import nor in the graph)',
        ],
      },
    });
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (:Entity {id: 'ocg-tv-b1'})<-[r]-() RETURN count(r) AS n")).toEqual([{ n: 0 }]);
  });

  it('refuses an id or an identifier value that a hidden record took after the check, naming neither record', async () => {
    const stale = await prepare(g, [':ID,:LABEL,name,value', 'per-tv-c1,Person;Suspect,Taken Id,', 'phone-tv-c2,Phone,,07700 900555']);
    await seed([':ID,:LABEL,name,value,handling,ukHandling', 'per-tv-c1,Person;Victim,Covert Victim,,H3,C', 'phone-tv-c9,Phone,,07700 900555,H3,C']);
    const before = await canonicalDump(t.client);

    const e = await refusal(runImportInOneTransaction(g, stale));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: ['nodes:2: id per-tv-c1 is already in use', 'nodes:3: value: this Phone value is already in use'] } });
    expect(e.message).not.toMatch(/Covert|phone-tv-c9/);
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (n:Entity) WHERE n.id IN ['per-tv-c1', 'phone-tv-c9'] RETURN n.id AS id, n.handling AS handling ORDER BY id")).toEqual([
      { id: 'per-tv-c1', handling: 'H3' },
      { id: 'phone-tv-c9', handling: 'H3' },
    ]);
  });

  it('adds its own link beside a link hidden after the check, which keeps its properties', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'per-tv-d1,Person;Offender,Leader One,', 'ocg-tv-d1,OrganisedCrimeGroup,Tv Group D,HIGH'], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-tv-d1,ocg-tv-d1,MEMBER_OF,LEADER,2020-01-01']);
    // At the check the link is visible: the row would update it.
    const stale = await prepare(g, [], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-tv-d1,ocg-tv-d1,MEMBER_OF,LEADER,2023-03-01']);
    expect(stale.rels.map((r) => r.mode)).toEqual(['upsert']);
    await hide("MATCH (:Person {id: 'per-tv-d1'})-[x:MEMBER_OF]->()", {});

    const s = await runImportInOneTransaction(g, stale);
    expect(s.relationships).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await rows("MATCH (:Person {id: 'per-tv-d1'})-[r:MEMBER_OF]->() RETURN toString(r.since) AS since, r.handling AS handling ORDER BY since")).toEqual([
      { since: '2020-01-01', handling: 'H3' },
      { since: '2023-03-01', handling: 'H0' },
    ]);
  });

  it('still links a record the same import writes above the importer’s clearance', async () => {
    const prepared = await prepare(g, [':ID,:LABEL,name,handling', 'per-tv-f1,Person;Offender,High Person,H3'], [':START_ID,:END_ID,:TYPE', 'per-tv-f1,country-GB,NATIONAL_OF']);
    const s = await runImportInOneTransaction(g, prepared);
    expect([s.nodes.created, s.relationships.created]).toEqual([1, 1]);
    expect(await rows("MATCH (p:Person {id: 'per-tv-f1'})-[r:NATIONAL_OF]->(c) RETURN p.handling AS handling, r.handling AS link, c.code AS code")).toEqual([{ handling: 'H3', link: 'H0', code: 'GB' }]);
  });

  it('refuses, in a staged run, a record hidden between two of its batches, and rolls the run back', async () => {
    await seed([':ID,:LABEL,name', 'per-tv-e1,Person;Offender,Open E']);
    const prepared = await prepare(g, [':ID,:LABEL,name', 'per-tv-e0,Person;Offender,New E', 'per-tv-e1,Person;Offender,Renamed E'], [':START_ID,:END_ID,:TYPE', 'per-tv-e0,country-GB,NATIONAL_OF']);
    // The first batch creates per-tv-e0; per-tv-e1 is hidden before the second updates it.
    expect(prepared.nodes.map((n) => [n.mode, n.rows.map((r) => r.id)])).toEqual([
      ['create', ['per-tv-e0']],
      ['upsert', ['per-tv-e1']],
    ]);
    const before = await canonicalDump(t.client);
    const counts = await countAll(t.client);

    const e = await refusal(
      stagedRun(prepared, 'tv', () => hide("MATCH (x:Person {id: 'per-tv-e1'})", {}, ", x.name = 'Covert E'")),
    );
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: ['nodes:3: id per-tv-e1 is already in use'] } });
    expect(e.message).not.toMatch(/Covert/);
    const after = await canonicalDump(t.client);
    expect(after.relationships).toEqual(before.relationships);
    expect(after.nodes.filter((n) => !n.includes('per-tv-e1'))).toEqual(before.nodes.filter((n) => !n.includes('per-tv-e1')));
    expect(await countAll(t.client)).toEqual(counts);
    expect(await rows("MATCH (p:Person {id: 'per-tv-e1'}) RETURN p.name AS name, p.handling AS handling")).toEqual([{ name: 'Covert E', handling: 'H3' }]);
    expect(await rows('OPTIONAL MATCH (r:ImportRun) WITH count(r) AS runs OPTIONAL MATCH (b:ImportBackup) RETURN runs, count(b) AS backups')).toEqual([{ runs: 0, backups: 0 }]);
  });

  /** A report another writer may later hide, made by the system as an import would (H0, P unless said). */
  const seedReport = (id: string, reference: string, handling = 'H0', ukHandling = 'P') =>
    seed([':ID,:LABEL,reference,agency,gradeSource,gradeIntel,ukHandling,handling', `${id},IntelligenceReport,${reference},NCA,2,B,${ukHandling},${handling}`]);

  it('refuses rows citing a report hidden after the check (nodes and links, new and existing), naming their lines and nothing of it, and writes none of the batch', async () => {
    await seedReport('rep-tv-g1', 'TV/G1');
    await seed([':ID,:LABEL,name', 'per-tv-g0,Person;Offender,Open G']);
    const stale = await prepare(
      g,
      [':ID,:LABEL,name,reportId', 'per-tv-g1,Person;Offender,New G,rep-tv-g1', 'per-tv-g0,Person;Offender,Renamed G,rep-tv-g1'],
      [':START_ID,:END_ID,:TYPE,reportId', 'per-tv-g1,country-AL,NATIONAL_OF,rep-tv-g1', 'per-tv-g0,country-GB,NATIONAL_OF,rep-tv-g1'],
    );
    expect([...stale.nodes.map((n) => n.mode), ...stale.rels.map((r) => r.mode)]).toEqual(['create', 'upsert', 'create', 'upsert']);
    await hide("MATCH (x:IntelligenceReport {id: 'rep-tv-g1'})", {}, ", x.title = 'Covert Report'");
    const before = await canonicalDump(t.client);

    const e = await refusal(runImportInOneTransaction(g, stale));
    expect(e).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: {
        rows: [
          'nodes:2: reportId: no intelligence report "rep-tv-g1"',
          'nodes:3: reportId: no intelligence report "rep-tv-g1"',
          'relationships:2: reportId: no intelligence report "rep-tv-g1"',
          'relationships:3: reportId: no intelligence report "rep-tv-g1"',
        ],
      },
    });
    expect(e.message).not.toMatch(/Covert|H3/);
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (n) WHERE n.reportId = 'rep-tv-g1' AND NOT n:IntelligenceReport RETURN count(n) AS n")).toEqual([{ n: 0 }]);
    expect(await rows("MATCH ()-[r]->() WHERE r.reportId = 'rep-tv-g1' AND type(r) <> 'ISSUED_BY' RETURN count(r) AS n")).toEqual([{ n: 0 }]);
  });

  it('refuses, in a staged run, rows citing a report hidden between two of its batches, and rolls the run back', async () => {
    await seedReport('rep-tv-h1', 'TV/H1');
    const prepared = await prepare(g, [':ID,:LABEL,name,reportId', 'per-tv-h1,Person;Offender,First H,rep-tv-h1', 'per-tv-h2,Person;Offender,Second H,rep-tv-h1']);
    const before = await canonicalDump(t.client);
    const counts = await countAll(t.client);

    const e = await refusal(
      stagedRun(prepared, 'tv-h', () => hide("MATCH (x:IntelligenceReport {id: 'rep-tv-h1'})", {})),
    );
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: ['nodes:2: reportId: no intelligence report "rep-tv-h1"', 'nodes:3: reportId: no intelligence report "rep-tv-h1"'] } });
    const after = await canonicalDump(t.client);
    expect(after.relationships).toEqual(before.relationships);
    expect(after.nodes.filter((n) => !n.includes('rep-tv-h1'))).toEqual(before.nodes.filter((n) => !n.includes('rep-tv-h1')));
    expect(await countAll(t.client)).toEqual(counts);
    expect(await rows("MATCH (p:Person) WHERE p.id IN ['per-tv-h1', 'per-tv-h2'] RETURN count(p) AS n")).toEqual([{ n: 0 }]);
    expect(await rows('OPTIONAL MATCH (r:ImportRun) WITH count(r) AS runs OPTIONAL MATCH (b:ImportBackup) RETURN runs, count(b) AS backups')).toEqual([{ runs: 0, backups: 0 }]);
  });

  it('takes the grading and handling a cited report has when it writes, not when it checked (what the row gives itself stays)', async () => {
    await seedReport('rep-tv-i1', 'TV/I1');
    const stale = await prepare(
      g,
      [':ID,:LABEL,name,reportId,gradeIntel', 'per-tv-i1,Person;Offender,Inherits I,rep-tv-i1,', 'per-tv-i2,Person;Offender,Overrides I,rep-tv-i1,E'],
      [':START_ID,:END_ID,:TYPE,reportId', 'per-tv-i1,country-AL,NATIONAL_OF,rep-tv-i1'],
    );
    // Regraded by another writer, and raised to a handling the importer (H1) still sees.
    await t.client.write({ cypher: "MATCH (r:IntelligenceReport {id: 'rep-tv-i1'}) SET r.handling = 'H1', r.gradeSource = 3, r.gradeIntel = 'C', r.consent = true", params: {} });

    await runImportInOneTransaction(g, stale);
    expect(
      await rows(
        "MATCH (x) WHERE x.reportId = 'rep-tv-i1' AND NOT x:IntelligenceReport RETURN x.id AS id, x.agency AS agency, x.handling AS handling, x.ukHandling AS uk, x.gradeSource AS s, x.gradeIntel AS i, x.consent AS consent ORDER BY id",
      ),
    ).toEqual([
      { id: 'per-tv-i1', agency: 'NCA', handling: 'H1', uk: 'P', s: 3, i: 'C', consent: true },
      { id: 'per-tv-i2', agency: 'NCA', handling: 'H1', uk: 'P', s: 3, i: 'E', consent: true },
    ]);
    expect(await rows("MATCH (:Person {id: 'per-tv-i1'})-[r:NATIONAL_OF]->() RETURN r.handling AS handling, r.gradeIntel AS i")).toEqual([{ handling: 'H1', i: 'C' }]);
  });

  it('refuses a report reference that a hidden report took after the check, naming neither report', async () => {
    const stale = await prepare(g, [':ID,:LABEL,reference,agency,gradeSource,gradeIntel,ukHandling,handling', 'rep-tv-j1,IntelligenceReport,TV/J,NCA,2,B,P,H0']);
    await seedReport('rep-tv-j9', 'TV/J', 'H3', 'C');
    const before = await canonicalDump(t.client);

    const e = await refusal(runImportInOneTransaction(g, stale));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: ['nodes:2: reference: this IntelligenceReport reference is already in use'] } });
    expect(e.message).not.toMatch(/rep-tv-j9/);
    expect(await canonicalDump(t.client)).toEqual(before);
  });
});
