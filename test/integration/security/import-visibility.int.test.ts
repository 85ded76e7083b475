import { accessScope } from '../../../src/auth/access-policy';
import type { Principal } from '../../../src/auth/principal';
import { ScopedGraph } from '../../../src/graph/scoped-graph';
import { formatBadRow } from '../../../src/ingestion/import-plan';
import { planJson } from '../../../src/ingestion/json/json-import';
import { prepareImport, type PreparedImport } from '../../../src/ingestion/prepare-import';
import { runImportInOneTransaction, runStagedImport } from '../../../src/ingestion/run-import';
import { writeNodeBatch, writeRelBatch } from '../../../src/graph/bulk.writer';
import { canonicalDump } from '../../support/canonical-dump';
import { holdLocks as holdLocksAs, someoneBlocked as someoneBlockedIn, type HeldLocks } from '../../support/held-locks';
import { peopleExportText } from '../../support/json-export-text';
import { csvPlan, preparePlan } from '../../support/csv-plan';
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
 * a row citing a report regraded meanwhile (still visible) takes the grading it has at the write,
 * and one citing a report raised meanwhile above the handling the row gives itself is refused as
 * the check would refuse it now (a fact is never shared more widely than its source).
 *
 * A JSON export's item cites its report by id, with the grading the file gives it: a report the
 * importer may not see is, to it, one that does not exist, at the check and at the write.
 *
 * The write statements lock each existing record, end, link and cited report they test, and test
 * it again after the lock: a change committed while a statement waits for a lock is seen by its
 * test (the record or report hidden by then refuses the import), not only a change committed
 * before the statement started. They lock only what the importer may see: an importer never
 * waits for a hidden item another writer is writing (its waiting would tell it the item is there,
 * and being written), nor holds a hidden item's lock.
 *
 * A report the import restates that the graph already has is the graph's at the write too: a
 * fact citing it is not written below it, nor citing it once hidden from the importer.
 */
const REPORT = 'ref-msht-reference-data';
const low: Principal = { subject: 'low-ingest', agency: 'KENT', roles: ['INGEST'], clearance: 'H1', ukConditional: false };
const host = { host: 'test', pid: process.pid, isAlive: () => true };

describe('an import keeps the visibility rule when the graph changes between its check and its write', () => {
  let t: TestGraph;
  let g: ScopedGraph;

  beforeAll(async () => {
    t = testGraph();
    g = new ScopedGraph(t.client, accessScope(low), { requestId: 'test', subject: low.subject });
    await resetGraph(t.client);
  });
  afterAll(() => t.close());

  /** Checks CSV node and relationship lines as `by`. */
  const prepare = (by: ScopedGraph, nodes: string[], rels: string[] = []) => preparePlan(by, csvPlan(nodes, rels));
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
  const jsonPlan = (doc: string) => planJson([{ name: 'pkg.json', text: doc }], { today: new Date() });

  it('refuses a JSON item citing a report the importer may not see, at its path, worded as for a report that does not exist, and writes nothing', async () => {
    await seedReport('rep-tv-k1', 'TV/K1', 'H3', 'C');
    const before = await canonicalDump(t.client);
    // The file grades its fact H0 itself: written, it would point at the hidden report.
    const doc = peopleExportText([
      { id: 'per-tv-k1', name: 'Cites Hidden', reportId: 'rep-tv-k1' },
      { id: 'per-tv-k2', name: 'Cites Open', reportId: REPORT },
    ], 'exp-tv', 'import visibility test');
    const checked = await prepareImport(g, jsonPlan(doc), new Date());
    expect(checked).toEqual({ ok: false, bad: [{ file: 'pkg.json', line: '$.nodes[0]', reason: 'reportId: no intelligence report "rep-tv-k1"' }] });
    // The same words as for a CSV row citing a report that does not exist at all.
    const missing = await prepareImport(g, csvPlan([':ID,:LABEL,name,reportId', 'per-tv-k3,Person;Offender,Cites Nothing,rep-tv-nowhere']), new Date());
    expect(missing).toEqual({ ok: false, bad: [{ file: 'nodes', line: 2, reason: 'reportId: no intelligence report "rep-tv-nowhere"' }] });
    expect(await canonicalDump(t.client)).toEqual(before);
    // A CSV row citing the hidden report is refused the same way, a node row and a link row alike.
    const csv = await prepareImport(g, csvPlan([':ID,:LABEL,name,reportId', 'per-tv-k4,Person;Offender,Cites Hidden Too,rep-tv-k1'], [':START_ID,:END_ID,:TYPE,reportId', 'per-tv-k4,country-GB,NATIONAL_OF,rep-tv-k1']), new Date());
    expect(csv.ok ? [] : csv.bad.map(formatBadRow)).toEqual(['nodes:2: reportId: no intelligence report "rep-tv-k1"', 'relationships:2: reportId: no intelligence report "rep-tv-k1"']);
  });

  it('still writes a JSON item citing a report the graph does not have, as the file gives it, and takes a visible report’s agency from the graph', async () => {
    await seedReport('rep-tv-k5', 'TV/K5');
    const s = await runImportInOneTransaction(g, await preparePlan(g, jsonPlan(peopleExportText([
      { id: 'per-tv-k5', name: 'Cites Elsewhere', reportId: 'rep-tv-elsewhere', handling: 'H1' },
      { id: 'per-tv-k6', name: 'Cites Seen', reportId: 'rep-tv-k5' },
    ], 'exp-tv', 'import visibility test'))));
    expect(s.nodes.created).toBe(2);
    expect(await rows("MATCH (p:Person) WHERE p.id IN ['per-tv-k5', 'per-tv-k6'] RETURN p.id AS id, p.reportId AS report, p.agency AS agency, p.handling AS handling ORDER BY id")).toEqual([
      { id: 'per-tv-k5', report: 'rep-tv-elsewhere', agency: 'NCA', handling: 'H1' },
      { id: 'per-tv-k6', report: 'rep-tv-k5', agency: 'NCA', handling: 'H0' },
    ]);
  });

  it('refuses a JSON item whose report was hidden, or made hidden, between the check and the write, at its path, and writes nothing', async () => {
    await seedReport('rep-tv-k7', 'TV/K7');
    const stale = await preparePlan(g, jsonPlan(peopleExportText([
      { id: 'per-tv-k7', name: 'Cites Seen Then Hidden', reportId: 'rep-tv-k7' },
      { id: 'per-tv-k8', name: 'Cites Absent Then Hidden', reportId: 'rep-tv-k8' },
      { id: 'per-tv-k9', name: 'Cites Open', reportId: REPORT },
    ], 'exp-tv', 'import visibility test')));
    await hide("MATCH (x:IntelligenceReport {id: 'rep-tv-k7'})", {});
    await seedReport('rep-tv-k8', 'TV/K8', 'H3', 'C');
    const before = await canonicalDump(t.client);

    const e = await refusal(runImportInOneTransaction(g, stale));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: ['pkg.json:$.nodes[0]: reportId: no intelligence report "rep-tv-k7"', 'pkg.json:$.nodes[1]: reportId: no intelligence report "rep-tv-k8"'] } });
    expect(e.message).not.toMatch(/H3|TV\/K/);
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (p:Person) WHERE p.id STARTS WITH 'per-tv-k' AND p.id >= 'per-tv-k7' RETURN count(p) AS n")).toEqual([{ n: 0 }]);
  });

  it('refuses rows giving a handling below their report’s, the report raised between the check and the write, as the check words it now, and writes nothing', async () => {
    await seedReport('rep-tv-l1', 'TV/L1');
    const plan = () =>
      csvPlan(
        [':ID,:LABEL,name,reportId,handling', 'per-tv-l1,Person;Offender,Says H0,rep-tv-l1,H0', 'per-tv-l2,Person;Offender,Inherits,rep-tv-l1,'],
        [':START_ID,:END_ID,:TYPE,reportId,handling', 'per-tv-l2,country-GB,NATIONAL_OF,rep-tv-l1,H0'],
      );
    const stale = await preparePlan(g, plan());
    // Raised to a handling the importer (H1) still sees: the report may be named, with its code.
    await t.client.write({ cypher: "MATCH (r:IntelligenceReport {id: 'rep-tv-l1'}) SET r.handling = 'H1'", params: {} });
    const before = await canonicalDump(t.client);

    const e = await refusal(runImportInOneTransaction(g, stale));
    const now = await prepareImport(g, plan(), new Date());
    expect(now.ok).toBe(false);
    const expected = now.ok ? [] : now.bad.map(formatBadRow);
    expect(expected).toEqual([expect.stringMatching(/^nodes:2: handling: .*H1/), expect.stringMatching(/^relationships:2: handling: .*H1/)]);
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: expected } });
    expect(await canonicalDump(t.client)).toEqual(before);
  });

  it('refuses, in a staged run, rows below a report raised between two of its batches, and rolls the run back; a report raised out of sight is no report', async () => {
    await seedReport('rep-tv-l3', 'TV/L3');
    await seedReport('rep-tv-l4', 'TV/L4');
    const prepared = await preparePlan(t.system, csvPlan([':ID,:LABEL,name,reportId,handling,ukHandling', 'per-tv-l3,Person;Offender,First L,rep-tv-l3,,', 'per-tv-l4,Person;Offender,Second L,rep-tv-l3,H0,P', 'per-tv-l5,Person;Offender,Third L,rep-tv-l4,H0,']));
    const before = await canonicalDump(t.client);
    const counts = await countAll(t.client);

    // Cleared for everything, the importer is told the report's new codes; rep-tv-l4 goes to H3.
    const e = await refusal(
      runStagedImport(t.system, prepared, {
        batchSize: 1,
        sha256: 'tv-l',
        runHost: host,
        afterBatch: async (n) => {
          if (n === 1) await t.client.write({ cypher: "MATCH (r:IntelligenceReport) WHERE r.id IN ['rep-tv-l3', 'rep-tv-l4'] SET r.handling = 'H3', r.ukHandling = 'C'", params: {} });
        },
      }),
    );
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: [expect.stringMatching(/^nodes:3: handling: .*H3/), expect.stringMatching(/^nodes:4: handling: .*H3/)] } });
    // To an importer cleared for H1, the raised report is no report at all.
    const low3 = await prepareImport(g, csvPlan([':ID,:LABEL,name,reportId,handling', 'per-tv-l6,Person;Offender,Fourth L,rep-tv-l3,H0']), new Date());
    expect(low3.ok ? [] : low3.bad.map(formatBadRow)).toEqual(['nodes:2: reportId: no intelligence report "rep-tv-l3"']);
    const after = await canonicalDump(t.client);
    expect(after.relationships).toEqual(before.relationships);
    expect(after.nodes.filter((n) => !/rep-tv-l[34]/.test(n))).toEqual(before.nodes.filter((n) => !/rep-tv-l[34]/.test(n)));
    expect(await countAll(t.client)).toEqual(counts);
    expect(await rows('OPTIONAL MATCH (r:ImportRun) WITH count(r) AS runs OPTIONAL MATCH (b:ImportBackup) RETURN runs, count(b) AS backups')).toEqual([{ runs: 0, backups: 0 }]);
  });

  const holdLocks = (cypher: string) => holdLocksAs(t.client, cypher);

  /**
   * Another writer's transaction that raises a record (to H3, UK code C) and holds its lock until
   * `commit` is called; `started` resolves once the change is made (and the lock taken).
   */
  const raiseAndHold = (match: string) => holdLocks(`${match} SET x.handling = 'H3', x.ukHandling = 'C', x.name = 'Covert While Waiting'`);

  const someoneBlocked = (ms?: number) => someoneBlockedIn(t.client, ms);

  /**
   * Imports `prepared` as the low importer while `other` holds its locks, then lets `other`
   * commit: whether the import waited meanwhile, the graph as `other` left it (before the import
   * ends), and the import's refusal (null when it was written).
   */
  async function importWhileHeld(other: HeldLocks, prepared: PreparedImport) {
    await other.started;
    const writing = runImportInOneTransaction(g, prepared).then(
      () => null,
      (x: unknown) => x as Error & { extensions?: Record<string, unknown> },
    );
    const blocked = await someoneBlocked();
    await other.commit();
    const before = await canonicalDump(t.client);
    return { blocked, before, e: await writing };
  }

  it('locks a record before it tests it: a record raised by a transaction that commits while the import waits for its lock is refused, and nothing is written', async () => {
    await seed([':ID,:LABEL,name', 'per-tv-m1,Person;Offender,Open M']);
    const stale = await prepare(g, [':ID,:LABEL,name', 'per-tv-m0,Person;Offender,New M', 'per-tv-m1,Person;Offender,Renamed M']);
    // The import reaches the record and waits for the other writer's lock; then it commits.
    const { blocked, before, e } = await importWhileHeld(raiseAndHold("MATCH (x:Person {id: 'per-tv-m1'})"), stale);
    expect(blocked).toBe(true);
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: ['nodes:3: id per-tv-m1 is already in use'] } });
    expect(e!.message).not.toMatch(/Covert|H3/);
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (p:Person) WHERE p.id IN ['per-tv-m0', 'per-tv-m1'] RETURN p.id AS id, p.name AS name, p.handling AS handling")).toEqual([{ id: 'per-tv-m1', name: 'Covert While Waiting', handling: 'H3' }]);
  });

  it('locks an end before it tests it: a record raised while the import waits to link it is refused (a new and an existing other end), and nothing is written', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'per-tv-n1,Person;Offender,Member N,', 'ocg-tv-n1,OrganisedCrimeGroup,Tv Group N,HIGH']);
    const stale = await prepare(g, [':ID,:LABEL,name', 'per-tv-n2,Person;Offender,New Member N'], [':START_ID,:END_ID,:TYPE,role', 'per-tv-n2,ocg-tv-n1,MEMBER_OF,LEADER', 'per-tv-n1,ocg-tv-n1,MEMBER_OF,RECRUITER']);
    const { blocked, before, e } = await importWhileHeld(raiseAndHold("MATCH (x:OrganisedCrimeGroup {id: 'ocg-tv-n1'})"), stale);
    expect(e).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: {
        rows: [
          'relationships:2: MEMBER_OF end ocg-tv-n1 does not exist (neither in the import nor in the graph)',
          'relationships:3: MEMBER_OF end ocg-tv-n1 does not exist (neither in the import nor in the graph)',
        ],
      },
    });
    expect(blocked).toBe(true);
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (:Entity {id: 'ocg-tv-n1'})<-[r]-() RETURN count(r) AS n")).toEqual([{ n: 0 }]);
    expect(await rows("MATCH (p:Person {id: 'per-tv-n2'}) RETURN count(p) AS n")).toEqual([{ n: 0 }]);
  });

  /** How a write ended: 'written', or 'refused: ' and its message. */
  const outcomeOf = (write: Promise<unknown>) =>
    write.then(
      () => 'written',
      (e: Error) => `refused: ${e.message}`,
    );

  it('never waits for the lock of a record hidden from it: a row naming a hidden record someone is writing is refused at once', async () => {
    await seed([':ID,:LABEL,name', 'per-tv-o1,Person;Offender,Open O']);
    // Checked while the record was open; hidden before the write, as a stale plan would find it.
    const stale = await prepare(g, [':ID,:LABEL,name', 'per-tv-o1,Person;Offender,Renamed O']);
    await hide("MATCH (x:Person {id: 'per-tv-o1'})", {});
    const other = holdLocks("MATCH (x:Person {id: 'per-tv-o1'}) SET x.aliases = ['busy']");
    await other.started;
    const writing = outcomeOf(runImportInOneTransaction(g, stale));
    // Waiting for the lock would tell the importer that someone is writing a record it may not see.
    const blocked = await someoneBlocked(3_000);
    await other.commit();
    expect({ blocked, outcome: await writing }).toEqual({ blocked: false, outcome: expect.stringMatching(/^refused: .*nodes:2: id per-tv-o1 is already in use/) });
  });

  it('never waits for the lock of an end hidden from it: a link to a hidden record someone is writing is refused at once', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'per-tv-o2,Person;Offender,Member O,', 'ocg-tv-o2,OrganisedCrimeGroup,Tv Group O,HIGH']);
    const stale = await prepare(g, [], [':START_ID,:END_ID,:TYPE,role', 'per-tv-o2,ocg-tv-o2,MEMBER_OF,LEADER']);
    await hide("MATCH (x:OrganisedCrimeGroup {id: 'ocg-tv-o2'})", {});
    const other = holdLocks("MATCH (x:OrganisedCrimeGroup {id: 'ocg-tv-o2'}) SET x.threatLevel = 'CRITICAL'");
    await other.started;
    const writing = outcomeOf(runImportInOneTransaction(g, stale));
    const blocked = await someoneBlocked(3_000);
    await other.commit();
    expect({ blocked, outcome: await writing }).toEqual({ blocked: false, outcome: expect.stringMatching(/^refused: .*relationships:2: MEMBER_OF end ocg-tv-o2 does not exist/) });
  });

  /** A membership per-tv-<n> → ocg-tv-<n> at H0, and another writer raising it (to H3/C, with its own report and grading) and holding its lock. */
  async function raisedLink(n: string) {
    await seed([':ID,:LABEL,name,threatLevel', `per-tv-${n},Person;Offender,Member ${n},`, `ocg-tv-${n},OrganisedCrimeGroup,Tv Group ${n},LOW`], [':START_ID,:END_ID,:TYPE,role', `per-tv-${n},ocg-tv-${n},MEMBER_OF,LEADER`]);
    return holdLocks(
      `MATCH (:Person {id: 'per-tv-${n}'})-[r:MEMBER_OF]->() SET r.handling = 'H3', r.ukHandling = 'C', r.reportId = 'covert-report', r.gradeSource = 1, r.gradeIntel = 'A', r.since = date('2001-01-01')`,
    );
  }
  /** per-tv-<n>'s memberships: the raised one as the other writer left it, and the row's, created beside it. */
  const membershipsOf = (n: string) =>
    rows(`MATCH (:Person {id: 'per-tv-${n}'})-[r:MEMBER_OF]->() RETURN r.handling AS handling, r.reportId AS cites, r.gradeSource AS grade, toString(r.since) AS since ORDER BY handling`);
  const raisedAndRow = [
    { handling: 'H0', cites: REPORT, grade: 3, since: null },
    { handling: 'H3', cites: 'covert-report', grade: 1, since: '2001-01-01' },
  ];
  const linkRow = (n: string) => [':START_ID,:END_ID,:TYPE,role,gradeSource,gradeIntel', `per-tv-${n},ocg-tv-${n},MEMBER_OF,LEADER,3,C`];

  it('leaves a link raised while the import waits for its lock as the other writer made it, and creates the row’s beside it', async () => {
    const other = await raisedLink('s1');
    const prepared = await prepare(g, [], linkRow('s1'));
    await other.started;
    const writing = runImportInOneTransaction(g, prepared).then((x) => x.relationships);
    const blocked = await someoneBlocked();
    await other.commit();
    expect({ blocked, written: await writing, links: await membershipsOf('s1') }).toEqual({ blocked: true, written: { created: 1, updated: 0, unchanged: 0 }, links: raisedAndRow });
  });

  it('leaves a raised link alone when the same import also updates one of its ends first (its node rows are written before its links)', async () => {
    const other = await raisedLink('s2');
    const prepared = await prepare(g, [':ID,:LABEL,name', 'per-tv-s2,Person;Offender,Renamed S2'], linkRow('s2'));
    await other.started;
    const writing = runImportInOneTransaction(g, prepared).then((x) => [x.nodes, x.relationships]);
    const blocked = await someoneBlocked();
    await other.commit();
    expect({ blocked, written: await writing, links: await membershipsOf('s2') }).toEqual({
      blocked: true,
      written: [
        { created: 0, updated: 1, unchanged: 0 },
        { created: 1, updated: 0, unchanged: 0 },
      ],
      links: raisedAndRow,
    });
  });

  it('leaves a raised link alone in a staged run too (each batch its own transaction)', async () => {
    const other = await raisedLink('s3');
    const prepared = await prepare(g, [':ID,:LABEL,name', 'per-tv-s3,Person;Offender,Renamed S3'], linkRow('s3'));
    await other.started;
    const writing = runStagedImport(g, prepared, { batchSize: 1, sha256: 'tv-s3', runHost: host }).then((x) => [x.nodes, x.relationships]);
    const blocked = await someoneBlocked();
    await other.commit();
    expect({ blocked, written: await writing, links: await membershipsOf('s3') }).toEqual({
      blocked: true,
      written: [
        { created: 0, updated: 1, unchanged: 0 },
        { created: 1, updated: 0, unchanged: 0 },
      ],
      links: raisedAndRow,
    });
    // The run's record is kept as history; the later tests count runs.
    expect(await rows("MATCH (r:ImportRun {sha256: 'tv-s3'}) WITH collect(r) AS runs OPTIONAL MATCH (b:ImportBackup) RETURN size(runs) AS runs, count(b) AS backups")).toEqual([{ runs: 1, backups: 0 }]);
    await t.client.write({ cypher: "MATCH (r:ImportRun {sha256: 'tv-s3'}) DELETE r", params: {} });
  });

  it('never waits for, nor holds, the lock of a hidden link beside which it writes its own (its latency would tell the hidden link is there)', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'per-tv-p1,Person;Offender,Open P,', 'ocg-tv-p1,OrganisedCrimeGroup,Tv Group P,LOW']);
    await seed([], [':START_ID,:END_ID,:TYPE,role,handling,ukHandling', 'per-tv-p1,ocg-tv-p1,MEMBER_OF,LEADER,H3,C']);
    const hiddenLink = "MATCH (:Person {id: 'per-tv-p1'})-[r:MEMBER_OF]->(:OrganisedCrimeGroup {id: 'ocg-tv-p1'}) WHERE r.handling = 'H3'";
    const prepared = await prepare(g, [], [':START_ID,:END_ID,:TYPE,role', 'per-tv-p1,ocg-tv-p1,MEMBER_OF,LEADER']);

    // A cleared analyst edits the hidden membership (a relationship property: only the link is locked).
    const other = holdLocks(`${hiddenLink} SET r.since = date('2020-02-02')`);
    await other.started;
    const writing = outcomeOf(runImportInOneTransaction(g, prepared));
    const waited = await someoneBlocked(3_000);
    await other.commit();
    expect({ waited, outcome: await writing }).toEqual({ waited: false, outcome: 'written' });

    // While the importer's transaction is open (its link written beside the hidden one), a cleared
    // writer editing the hidden link does not wait for it.
    const again = await prepare(g, [], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-tv-p1,ocg-tv-p1,MEMBER_OF,LEADER,2024-04-04']);
    let wrote!: () => void;
    let release!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const gate = new Promise<void>((r) => (release = r));
    const importing = g.writeTx(async (tx) => {
      const counts = await writeRelBatch(tx, again.rels[0]!.type, again.rels[0]!.mode, again.rels[0]!.rows, null);
      wrote();
      await gate;
      return counts;
    });
    await written;
    const editing = t.client.write({ cypher: `${hiddenLink} SET r.since = date('2021-03-03')`, params: {} });
    const held = await someoneBlocked(3_000);
    release();
    expect(await importing).toEqual({ created: 0, updated: 1, unchanged: 0 });
    await editing;
    expect(held).toBe(false);
    expect(await rows("MATCH (:Person {id: 'per-tv-p1'})-[r:MEMBER_OF]->() RETURN toString(r.since) AS since, r.handling AS handling ORDER BY handling")).toEqual([
      { since: '2024-04-04', handling: 'H0' },
      { since: '2021-03-03', handling: 'H3' },
    ]);
  });

  it('reads a cited report after its lock: a report raised (and hidden) by a transaction that also holds a record the import updates is refused, and nothing is written', async () => {
    await seedReport('rep-tv-q1', 'TV/Q1');
    await seed([':ID,:LABEL,name', 'per-tv-q1,Person;Offender,Open Q']);
    const stale = await prepare(g, [':ID,:LABEL,name,reportId', 'per-tv-q1,Person;Offender,Renamed Q,rep-tv-q1']);
    // Another writer (a cleared importer: a report row raising rep-tv-q1 to H3/C and a row adding
    // to per-tv-q1, in one transaction) holds the record's lock, and the report's.
    const other = holdLocks("MATCH (r:IntelligenceReport {id: 'rep-tv-q1'}), (x:Person {id: 'per-tv-q1'}) SET r.handling = 'H3', r.ukHandling = 'C', x.gender = 'FEMALE'");
    const { blocked, before, e } = await importWhileHeld(other, stale);
    expect(blocked).toBe(true);
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: ['nodes:2: reportId: no intelligence report "rep-tv-q1"'] } });
    expect(e!.message).not.toMatch(/H3/);
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (p:Person {id: 'per-tv-q1'}) RETURN p.name AS name, p.reportId AS cites, p.gender AS gender")).toEqual([{ name: 'Open Q', cites: REPORT, gender: 'FEMALE' }]);
  });

  it('reads a cited report after its lock for an importer cleared for everything too: a row inheriting from a report raised while it waits takes the raised handling', async () => {
    await seedReport('rep-tv-q2', 'TV/Q2');
    await seed([':ID,:LABEL,name', 'per-tv-q2,Person;Offender,Open Q2']);
    const stale = await prepare(t.system, [':ID,:LABEL,name,reportId', 'per-tv-q2,Person;Offender,Renamed Q2,rep-tv-q2']);
    const other = holdLocks("MATCH (r:IntelligenceReport {id: 'rep-tv-q2'}), (x:Person {id: 'per-tv-q2'}) SET r.handling = 'H2', r.ukHandling = 'C', x.gender = 'MALE'");
    await other.started;
    const writing = outcomeOf(runImportInOneTransaction(t.system, stale));
    const blocked = await someoneBlocked();
    await other.commit();
    expect({ blocked, outcome: await writing }).toEqual({ blocked: true, outcome: 'written' });
    expect(await rows("MATCH (p:Person {id: 'per-tv-q2'}) RETURN p.name AS name, p.reportId AS cites, p.handling AS handling, p.ukHandling AS uk")).toEqual([
      { name: 'Renamed Q2', cites: 'rep-tv-q2', handling: 'H2', uk: 'C' },
    ]);
  });

  /** A file restating rep-tv-r<n> (a report row, graded H0, P) with a fact inheriting from it and one giving itself H0. */
  const restating = (n: number) =>
    csvPlan([
      ':ID,:LABEL,name,reference,agency,gradeSource,gradeIntel,ukHandling,handling,reportId',
      `rep-tv-r${n},IntelligenceReport,,TV/R${n},NCA,2,B,P,H0,`,
      `per-tv-r${n}a,Person;Offender,Inherits R${n},,,,,,,rep-tv-r${n}`,
      `per-tv-r${n}b,Person;Offender,Says H0 R${n},,,,,,H0,rep-tv-r${n}`,
    ]);

  it('refuses facts citing a report the file restates, when the graph’s report was raised above them between the check and the write, and writes nothing', async () => {
    await seedReport('rep-tv-r1', 'TV/R1');
    const stale = await preparePlan(g, restating(1));
    // Raised to a handling the importer (H1) still sees; the file's report row cannot lower it.
    await t.client.write({ cypher: "MATCH (r:IntelligenceReport {id: 'rep-tv-r1'}) SET r.handling = 'H1'", params: {} });
    const before = await canonicalDump(t.client);

    const e = await refusal(runImportInOneTransaction(g, stale));
    // Named as the check names the rows now (it holds them to the stricter of the file's and the graph's codes).
    const now = await prepareImport(g, restating(1), new Date());
    const expected = now.ok ? [] : now.bad.map(formatBadRow);
    expect(expected).toContainEqual(expect.stringMatching(/^nodes:4: handling: .*H1/));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: expected } });
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await rows("MATCH (p:Person) WHERE p.id STARTS WITH 'per-tv-r1' RETURN count(p) AS n")).toEqual([{ n: 0 }]);
  });

  it('refuses, in a staged run, facts citing a report the file restates once the graph’s report is raised above them between two batches, and rolls the run back', async () => {
    await seedReport('rep-tv-r2', 'TV/R2');
    // Cleared for everything: the report stays visible; only the floor stops the facts.
    const prepared = await preparePlan(t.system, restating(2));
    expect(prepared.nodes.map((n) => [n.label, n.rows.map((r) => r.id)])).toEqual([
      ['IntelligenceReport', ['rep-tv-r2']],
      ['Person', ['per-tv-r2a', 'per-tv-r2b']],
    ]);
    const counts = await countAll(t.client);

    // The report row is written (batch 1); then another writer raises the report to H2.
    const e = await refusal(
      runStagedImport(t.system, prepared, {
        batchSize: 1,
        sha256: 'tv-r2',
        runHost: host,
        afterBatch: async (n) => {
          if (n === 1) await t.client.write({ cypher: "MATCH (r:IntelligenceReport {id: 'rep-tv-r2'}) SET r.handling = 'H2'", params: {} });
        },
      }),
    );
    const now = await prepareImport(t.system, restating(2), new Date());
    const expected = now.ok ? [] : now.bad.map(formatBadRow);
    expect(expected).toContainEqual(expect.stringMatching(/^nodes:4: handling: .*H2/));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { rows: expected } });
    expect(await countAll(t.client)).toEqual(counts);
    expect(await rows("MATCH (p:Person) WHERE p.id STARTS WITH 'per-tv-r2' RETURN count(p) AS n")).toEqual([{ n: 0 }]);
    expect(await rows("MATCH (r:IntelligenceReport {id: 'rep-tv-r2'}) RETURN r.handling AS handling")).toEqual([{ handling: 'H2' }]);
    expect(await rows('OPTIONAL MATCH (r:ImportRun) WITH count(r) AS runs OPTIONAL MATCH (b:ImportBackup) RETURN runs, count(b) AS backups')).toEqual([{ runs: 0, backups: 0 }]);
  });

  it('writes a report’s own row restating it below the graph’s report (an update never lowers it), but no fact below that report, whatever the file says of it', async () => {
    await seedReport('rep-tv-r3', 'TV/R3', 'H1');
    // The rows as an import that read the report from the file alone would send them (no `fromReport`).
    const own = { reportId: 'rep-tv-r3', agency: 'NCA', recordedAt: new Date().toISOString(), gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H0', consent: false };
    const report = { id: 'rep-tv-r3', props: { reference: 'TV/R3', title: 'Restated' }, dates: {}, prov: own };
    const fact = (id: string, handling: string) => ({ id, props: { name: `Cites R3 ${handling}` }, dates: {}, prov: { ...own, handling }, roles: ['Offender'] });
    expect(await g.writeTx((tx) => writeNodeBatch(tx, 'IntelligenceReport', 'upsert', [report], null))).toEqual({ created: 0, updated: 1, unchanged: 0 });
    await expect(g.writeTx((tx) => writeNodeBatch(tx, 'Person', 'create', [fact('per-tv-r3a', 'H1'), fact('per-tv-r3b', 'H0')], null))).rejects.toMatchObject({ code: 'MSHT_CONFLICT' });
    expect(await g.writeTx((tx) => writeNodeBatch(tx, 'Person', 'create', [fact('per-tv-r3a', 'H1')], null))).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await rows("MATCH (x:Entity) WHERE x.id STARTS WITH 'rep-tv-r3' OR x.id STARTS WITH 'per-tv-r3' RETURN x.id AS id, x.title AS title, x.handling AS handling ORDER BY id")).toEqual([
      { id: 'per-tv-r3a', title: null, handling: 'H1' },
      { id: 'rep-tv-r3', title: 'Restated', handling: 'H1' },
    ]);
  });
});
