import { accessScope } from '../../../src/auth/access-policy';
import type { Principal } from '../../../src/auth/principal';
import { ScopedGraph } from '../../../src/graph/scoped-graph';
import { systemGraph } from '../../../src/graph/system-graph';
import { formatBadRow, ImportRowsRefused } from '../../../src/ingestion/import-plan';
import { planJson } from '../../../src/ingestion/json/json-import';
import { prepareImport } from '../../../src/ingestion/prepare-import';
import { runImportInOneTransaction } from '../../../src/ingestion/run-import';
import { canonicalDump } from '../../support/canonical-dump';
import { csvPlan, preparePlan } from '../../support/csv-plan';
import { resetGraph } from '../../support/reset-graph';
import { peopleExportText } from '../../support/json-export-text';
import { startTestService, type TestService } from '../../support/test-service';
import { unfinishedRun } from '../../support/unfinished-run';

/**
 * Found by a review of the provenance floor and the rollback that keeps later edits; each failed
 * on the code it reviewed. The floor holds where a file restates a report the graph has, and does
 * not refuse valid exports by the order of their items; a rollback keeps a created node whose
 * run-created link someone edited, and an edited item's whole provenance; old runs and the locks
 * behave as before.
 */
const REPORT = 'ref-msht-reference-data';
const h2Ingest: Principal = { subject: 'h2-ingest', agency: 'NCA', roles: ['INGEST'], clearance: 'H2', ukConditional: false };
const h1Ingest: Principal = { subject: 'h1-ingest', agency: 'KENT', roles: ['INGEST'], clearance: 'H1', ukConditional: false };
const analyst = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true, subject: 'analyst-review' };

describe('the provenance floor in imports, and rollbacks that keep later edits', () => {
  let svc: TestService;
  let system: ScopedGraph;
  const scoped = (p: Principal) => new ScopedGraph(svc.graph, accessScope(p), { requestId: 'floor-rollback', subject: p.subject });

  beforeAll(async () => {
    svc = await startTestService();
    system = systemGraph(svc.graph, 'review');
    await resetGraph(svc.graph);
  });
  afterAll(() => svc.close());

  const rows = (cypher: string, params: Record<string, unknown> = {}) => svc.graph.read({ cypher, params });
  const seed = async (nodes: string[], rels: string[] = []) => runImportInOneTransaction(system, await preparePlan(system, csvPlan(nodes, rels)));
  /** The rows a write refuses, as the check names them (ImportRowsRefused); null when it writes. */
  const refusedAsWritten = (g: ScopedGraph, prepared: Awaited<ReturnType<typeof preparePlan>>) =>
    runImportInOneTransaction(g, prepared).then(
      () => null,
      (x: unknown) => (x instanceof ImportRowsRefused ? x.bad.map(formatBadRow) : x),
    );
  const seedReport = (id: string, reference: string, handling = 'H0', ukHandling = 'P', grade = '2,B') =>
    seed([':ID,:LABEL,reference,agency,gradeSource,gradeIntel,ukHandling,handling', `${id},IntelligenceReport,${reference},NCA,${grade},${ukHandling},${handling}`]);


  // ---------------------------------------------------------------------------------------------
  // Floor: a fact's handling may not be looser than its cited report's.

  it('refuses a row whose dates the record, changed since the check, would hold out of order, and writes nothing', async () => {
    // Checked against the stored start (2023-01-01), the new end (2023-06-01) is fine; the start
    // is then moved past it before the write. The write statement tests the pair again.
    const header = ':ID,:LABEL,name,status,startDate:date,endDate:date';
    await seed([header, 'op-rv-dt1,Operation,Op Dates,LIVE,2023-01-01,2023-12-31']);
    const g = scoped(h2Ingest);
    const prepared = await preparePlan(g, csvPlan([':ID,:LABEL,name,status,endDate:date', 'op-rv-dt1,Operation,Op Dates,LIVE,2023-06-01']));
    await svc.graph.write({ cypher: "MATCH (o:Operation {id: 'op-rv-dt1'}) SET o.startDate = date('2023-09-01')", params: {} });
    expect(await refusedAsWritten(g, prepared)).toEqual([expect.stringMatching(/^nodes:2: .*endDate.*\(the record's other date as the graph holds it\)$/)]);
    expect(await rows("MATCH (o:Operation {id: 'op-rv-dt1'}) RETURN toString(o.startDate) AS start, toString(o.endDate) AS end")).toEqual([{ start: '2023-09-01', end: '2023-12-31' }]);
  });

  it('checks a link’s since or until given alone against the other as the link holds it, before the write and as it writes', async () => {
    await seed([':ID,:LABEL,name', 'per-rv-l1,Person,Link Dates', 'ocg-rv-l1,OrganisedCrimeGroup,Link Dates Group'], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-rv-l1,ocg-rv-l1,MEMBER_OF,RECRUITER,2024-01-01']);
    const g = scoped(h2Ingest);
    const header = ':START_ID,:END_ID,:TYPE,role,until:date';
    const checked = await prepareImport(g, csvPlan([], [header, 'per-rv-l1,ocg-rv-l1,MEMBER_OF,RECRUITER,2023-01-01', 'per-rv-l1,ocg-rv-l1,MEMBER_OF,LEADER,2023-01-01']), new Date());
    // The leader's link is new: nothing to hold its until against.
    expect(checked.ok ? [] : checked.bad.map(formatBadRow)).toEqual(["relationships:2: until: would leave the link's until (2023-01-01) before its since (2024-01-01), as the link holds the other"]);
    // Fine when checked; the since moved past it before the write.
    const prepared = await preparePlan(g, csvPlan([], [header, 'per-rv-l1,ocg-rv-l1,MEMBER_OF,RECRUITER,2024-06-01']));
    await svc.graph.write({ cypher: "MATCH (:Person {id: 'per-rv-l1'})-[m:MEMBER_OF]->() SET m.since = date('2024-09-01')", params: {} });
    expect(await refusedAsWritten(g, prepared)).toEqual(["relationships:2: until: would leave the link's until (2024-06-01) before its since (2024-09-01), as the link holds the other"]);
    expect(await rows("MATCH (:Person {id: 'per-rv-l1'})-[m:MEMBER_OF]->() RETURN toString(m.since) AS since, toString(m.until) AS until")).toEqual([{ since: '2024-09-01', until: null }]);
  });

  it('updates a link or record already holding its dates out of order when the row gives none of them', async () => {
    // Written before dates were checked against the stored ones: an end before its start.
    await seed([':ID,:LABEL,name,status', 'per-rv-o1,Person,Old Order,', 'ocg-rv-o1,OrganisedCrimeGroup,Old Order Group,', 'op-rv-o1,Operation,Op Old Order,LIVE']);
    await svc.graph.write({ cypher: "MATCH (p:Person {id: 'per-rv-o1'}), (o:OrganisedCrimeGroup {id: 'ocg-rv-o1'}) CREATE (p)-[:MEMBER_OF {role: 'RECRUITER', since: date('2024-01-01'), until: date('2023-01-01'), reportId: $r, agency: 'MSHT', handling: 'H0', ukHandling: 'P', gradeSource: 2, gradeIntel: 'B', consent: false, recordedAt: datetime()}]->(o)", params: { r: REPORT } });
    await svc.graph.write({ cypher: "MATCH (o:Operation {id: 'op-rv-o1'}) SET o.startDate = date('2024-01-01'), o.endDate = date('2023-01-01')", params: {} });
    const g = scoped(h2Ingest);
    await runImportInOneTransaction(g, await preparePlan(g, csvPlan([':ID,:LABEL,name,status', 'op-rv-o1,Operation,Op Old Order,CLOSED'], [':START_ID,:END_ID,:TYPE,role,handling', 'per-rv-o1,ocg-rv-o1,MEMBER_OF,RECRUITER,H1'])));
    expect(await rows("MATCH (o:Operation {id: 'op-rv-o1'}) RETURN o.status AS status")).toEqual([{ status: 'CLOSED' }]);
    expect(await rows("MATCH (:Person {id: 'per-rv-o1'})-[m:MEMBER_OF]->() RETURN m.handling AS handling")).toEqual([{ handling: 'H1' }]);
    // Giving one of them is checked: here against the other as the link holds it.
    const checked = await prepareImport(g, csvPlan([], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-rv-o1,ocg-rv-o1,MEMBER_OF,RECRUITER,2023-06-01']), new Date());
    expect(checked.ok ? [] : checked.bad.map(formatBadRow)).toEqual(["relationships:2: since: would leave the link's until (2023-01-01) before its since (2023-06-01), as the link holds the other"]);
  });

  it('refuses a report row whose report was given another agency since the check, naming the row, and writes nothing', async () => {
    await seedReport('rep-rv-i1', 'RV/I1');
    const g = scoped(h2Ingest);
    const prepared = await preparePlan(g, csvPlan([':ID,:LABEL,reference,title,agency,gradeSource,gradeIntel,ukHandling,handling', 'rep-rv-i1,IntelligenceReport,RV/I1,Restated,NCA,2,B,P,H0']));
    // upsertIntelligenceReport's change of issuer, meanwhile.
    await svc.graph.write({ cypher: "MATCH (r:IntelligenceReport {id: 'rep-rv-i1'})-[i:ISSUED_BY]->() SET r.agency = 'KENT' WITH r, i MATCH (a:Agency {code: 'KENT'}) CREATE (r)-[j:ISSUED_BY]->(a) SET j = properties(i), j.agency = 'KENT' DELETE i", params: {} });
    expect(await refusedAsWritten(g, prepared)).toEqual([expect.stringMatching(/^nodes:2: agency: report rep-rv-i1 is issued by KENT in the graph/)]);
    expect(await rows("MATCH (r:IntelligenceReport {id: 'rep-rv-i1'})-[:ISSUED_BY]->(a) RETURN r.agency AS agency, r.title AS title, collect(a.code) AS issuers")).toEqual([{ agency: 'KENT', title: null, issuers: ['KENT'] }]);
  });

  it('refuses a row citing an H2 report in the graph at H0', async () => {
    await seedReport('rep-rv-a1', 'RV/A1', 'H2');
    const checked = await prepareImport(scoped(h2Ingest), csvPlan([':ID,:LABEL,name,reportId,handling', 'per-rv-a0,Person;Offender,Says H0,rep-rv-a1,H0']), new Date());
    expect(checked.ok ? [] : checked.bad.map(formatBadRow)).toEqual([expect.stringMatching(/^nodes:2: handling: must not be below the cited report's handling \(H2\)/)]);
  });

  it('refuses rows citing that report at H0 when the same file restates the report at H0, and writes nothing', async () => {
    // rep-rv-a1 is H2 in the graph (above). The importer (cleared H2, sees it) adds a report row
    // for it graded H0: the report row cannot loosen it (it stays H2), but the rows citing it are
    // resolved against the file's H0, not the graph's H2, and the write statement does not test them.
    const g = scoped(h2Ingest);
    const prepared = await prepareImport(
      g,
      csvPlan([
        ':ID,:LABEL,name,reference,agency,gradeSource,gradeIntel,ukHandling,handling,reportId',
        'rep-rv-a1,IntelligenceReport,,RV/A1,NCA,2,B,P,H0,',
        'per-rv-a1,Person;Offender,Inherits From File,,,,,,,rep-rv-a1',
        'per-rv-a2,Person;Offender,Says H0,,,,,,H0,rep-rv-a1',
      ]),
      new Date(),
    );
    // Expected (README "Provenance"): refused, as the row without the report row is (above).
    const outcome = prepared.ok ? await runImportInOneTransaction(g, prepared.prepared).then(() => 'written', (e: Error) => `refused: ${e.message}`) : `refused at check: ${prepared.bad.map(formatBadRow).join('; ')}`;
    const stored = await rows(
      "MATCH (r:IntelligenceReport {id: 'rep-rv-a1'}) OPTIONAL MATCH (p:Person) WHERE p.id IN ['per-rv-a1', 'per-rv-a2'] RETURN r.handling AS report, p.id AS id, p.reportId AS cites, p.handling AS handling ORDER BY id",
    );
    expect({ outcome, stored }).toEqual({ outcome: expect.stringMatching(/^refused/), stored: [{ report: 'H2', id: null, cites: null, handling: null }] });
  });

  it('reports a restated report row below the graph\'s handling once, at its line, not again for the ISSUED_BY it implies', async () => {
    // rep-rv-a3 is H2 in the graph. The report row restates it at H0 and a fact cites it at H0: one
    // refusal per row the user wrote, at that row's line (the ISSUED_BY link the report row implies
    // is no line of the file, and its refusal would repeat the report row's).
    await seedReport('rep-rv-a3', 'RV/A3', 'H2');
    const checked = await prepareImport(
      scoped(h2Ingest),
      csvPlan([
        ':ID,:LABEL,name,reference,agency,gradeSource,gradeIntel,ukHandling,handling,reportId',
        'rep-rv-a3,IntelligenceReport,,RV/A3,NCA,2,B,P,H0,',
        'per-rv-a3,Person;Offender,Says H0,,,,,,H0,rep-rv-a3',
      ]),
      new Date(),
    );
    expect(checked.ok ? [] : checked.bad.map(formatBadRow)).toEqual([
      "nodes:2: handling: must not be below the cited report's handling (H2): a fact is never shared more widely than its source",
      "nodes:3: handling: must not be below the cited report's handling (H2): a fact is never shared more widely than its source",
    ]);
  });

  it('accepts a JSON export whose items cite a report this graph lacks at different handling codes, in either order', async () => {
    // Two facts of one report of another graph: one raised to H1 for itself (allowed: stricter),
    // the other at the report's own H0. The first item's provenance is taken as "the report's",
    // and the second is refused as below it. Both orders are legitimate exports.
    const g = scoped(h2Ingest);
    const stricterFirst = await prepareImport(g, planJson([{ name: 'pkg.json', text: peopleExportText([{ id: 'per-rv-b1', name: 'Stricter First', reportId: 'rep-rv-elsewhere', handling: 'H1' }, { id: 'per-rv-b2', name: 'At Report', reportId: 'rep-rv-elsewhere', handling: 'H0' }], 'exp-review', 'review') }], { today: new Date() }), new Date());
    const stricterLast = await prepareImport(g, planJson([{ name: 'pkg.json', text: peopleExportText([{ id: 'per-rv-b2', name: 'At Report', reportId: 'rep-rv-elsewhere', handling: 'H0' }, { id: 'per-rv-b1', name: 'Stricter First', reportId: 'rep-rv-elsewhere', handling: 'H1' }], 'exp-review', 'review') }], { today: new Date() }), new Date());
    const show = (p: typeof stricterFirst) => (p.ok ? 'ok' : p.bad.map(formatBadRow));
    expect({ stricterFirst: show(stricterFirst), stricterLast: show(stricterLast) }).toEqual({ stricterFirst: 'ok', stricterLast: 'ok' });
  });

  // ---------------------------------------------------------------------------------------------
  // Rollback keeping what others changed since.


  it('keeps a node the run created when someone edited the link the run gave it, and lists it', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'ocg-rv-d1,OrganisedCrimeGroup,Rv Group D,LOW']);
    const prepared = await preparePlan(system, csvPlan([':ID,:LABEL,name', 'per-rv-d1,Person;Offender,New D'], [':START_ID,:END_ID,:TYPE,role', 'per-rv-d1,ocg-rv-d1,MEMBER_OF,LEADER']));
    const sdk = await svc.sdk(analyst);
    const counts = await unfinishedRun(system, prepared, async () => {
      // An analyst corrects the membership the run wrote (a later date, another grading).
      await sdk.Link({ type: 'MEMBER_OF', from: 'per-rv-d1', to: 'ocg-rv-d1', properties: { role: 'LEADER', since: '2024-04-04' }, provenance: { reportId: REPORT, gradeIntel: 'C' } });
    });
    const links = await rows("MATCH (p:Person {id: 'per-rv-d1'})-[r:MEMBER_OF]->() RETURN toString(r.since) AS since, r.gradeIntel AS intel");
    // README: "a relationship the run created and someone edited stays".
    expect({ links, kept: counts.itemsKept }).toEqual({ links: [{ since: '2024-04-04', intel: 'C' }], kept: [{ id: 'per-rv-d1', kind: 'node', reason: 'CREATED_LINKED' }] });
  });

  it('keeps the source and grading of an edit made since the run with the value it kept', async () => {
    await seedReport('rep-rv-e1', 'RV/E1', 'H0', 'P', '3,D');
    await seed([':ID,:LABEL,name,gender', 'per-rv-e1,Person;Offender,Before E,MALE']);
    const prepared = await preparePlan(system, csvPlan([':ID,:LABEL,name,reportId', 'per-rv-e1,Person;Offender,Run E,rep-rv-e1']));
    const sdk = await svc.sdk(analyst);
    const counts = await unfinishedRun(system, prepared, async () => {
      // From the same (3D) report the run cited, an analyst records the person's gender.
      await sdk.UpsertPerson({ input: { id: 'per-rv-e1', gender: 'FEMALE', provenance: { reportId: 'rep-rv-e1' } } });
    });
    const [p] = await rows("MATCH (p:Person {id: 'per-rv-e1'}) RETURN p.name AS name, p.gender AS gender, p.reportId AS report, p.gradeSource AS s, p.gradeIntel AS i");
    expect(counts.itemsKept).toEqual([{ id: 'per-rv-e1', kind: 'node', reason: 'EDITED' }]);
    // The run's name goes back, the analyst's gender stays, and so should the analyst's source:
    // the gender came from rep-rv-e1 (3D), not from the reference-data report (1A).
    expect(p).toEqual({ name: 'Before E', gender: 'FEMALE', report: 'rep-rv-e1', s: 3, i: 'D' });
  });

  // ---------------------------------------------------------------------------------------------
  // Sound: runs written before after-values (old backups) are restored whole, as before.

  it('restores a run whose backups have no after-values (written before 2026-11-30) whole, created items deleted', async () => {
    await seed([':ID,:LABEL,name,gender', 'per-rv-o1,Person;Offender,Before O,MALE']);
    const before = await canonicalDump(svc.graph);
    const prepared = await preparePlan(system, csvPlan([':ID,:LABEL,name,handling', 'per-rv-o1,Person;Offender;Suspect,Run O,H2', 'per-rv-o2,Person;Offender,New O,'], [':START_ID,:END_ID,:TYPE', 'per-rv-o1,country-GB,NATIONAL_OF', 'per-rv-o2,per-rv-o1,ASSOCIATE_OF']));
    const counts = await unfinishedRun(system, prepared, async () => {
      // Make the run's backups look as the old code wrote them.
      await svc.graph.write({
        cypher: `MATCH (b:ImportBackup)
          FOREACH (k IN [k IN keys(b) WHERE k STARTS WITH '__a.' OR k = '__aLabels' OR (b.__createdRel IS NOT NULL AND NOT k IN ['__run', '__createdRel'])] | SET b[k] = null)
          WITH b WHERE b.__createdNodes IS NOT NULL DELETE b`,
        params: {},
      });
    });
    expect(await canonicalDump(svc.graph)).toEqual(before);
    expect(counts).toEqual({ nodesRestored: 1, relationshipsRestored: 0, relationshipsDeleted: 1, nodesDeleted: 1, itemsKept: [] });
  });

  it('leaves nothing on the items an import locks, hidden ones included (every key, `__` keys too)', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'per-rv-s1,Person;Offender,Open S,', 'ocg-rv-s1,OrganisedCrimeGroup,Rv Group S,LOW']);
    await seed([], [':START_ID,:END_ID,:TYPE,role,handling,ukHandling', 'per-rv-s1,ocg-rv-s1,MEMBER_OF,LEADER,H3,C']);
    const all = () => rows("MATCH (n:Entity) WHERE n.id STARTS WITH 'per-rv-s' OR n.id STARTS WITH 'ocg-rv-s' OPTIONAL MATCH (n)-[r]->() RETURN n.id AS id, properties(n) AS n, collect(properties(r)) AS rels ORDER BY id");
    const before = await all();
    const g = scoped(h1Ingest);
    const s = await runImportInOneTransaction(g, await preparePlan(g, csvPlan([':ID,:LABEL,name', 'per-rv-s1,Person;Offender,Open S'], [':START_ID,:END_ID,:TYPE,role', 'per-rv-s1,ocg-rv-s1,MEMBER_OF,LEADER'])));
    expect(s.nodes).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const after = await all();
    expect(after.map((x) => x.n)).toEqual(before.map((x) => x.n));
    expect(await rows('MATCH (n) WHERE n.__lock IS NOT NULL RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    expect(await rows('MATCH ()-[r]->() WHERE r.__lock IS NOT NULL RETURN count(r) AS n')).toEqual([{ n: 0 }]);
    expect(await rows("MATCH (:Person {id: 'per-rv-s1'})-[r:MEMBER_OF]->() WHERE r.handling = 'H3' RETURN properties(r) AS p")).toEqual([{ p: (before.find((x) => x.id === 'per-rv-s1')!.rels as Record<string, unknown>[])[0] }]);
  });
});
