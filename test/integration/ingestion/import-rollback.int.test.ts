import { deleteNotedNodes, readRuns } from '../../../src/graph/import-run.store';
import { restoreNodesQuery } from '../../../src/graph/queries/import-run.query';
import { systemGraph } from '../../../src/graph/system-graph';
import type { ScopedGraph } from '../../../src/graph/scoped-graph';
import { planCsv } from '../../../src/ingestion/csv/csv-import';
import { formatBadRow } from '../../../src/ingestion/import-plan';
import { importBatch } from '../../../src/ingestion/import-batch';
import { prepareImport, type PreparedImport } from '../../../src/ingestion/prepare-import';
import type { RollbackCounts } from '../../../src/graph/import-run.store';
import { runImportInOneTransaction, runStagedImport } from '../../../src/ingestion/run-import';
import { canonicalDump } from '../../support/canonical-dump';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';
import { unfinishedRun } from '../../support/unfinished-run';

/**
 * Rolling back an unfinished import run (`msht import --rollback`, `--recover`, or at once when
 * a run fails) restores what the run changed and deletes what it created, but keeps what others
 * changed since the run wrote it, and says what it kept: a value edited since stays (the run's
 * other changes go back), a record edited since keeps its handling, UK handling, consent and
 * roles (never loosened under someone who works on it), a record deleted since stays deleted, and
 * a node or relationship the run created that someone has since edited, linked or merged into is
 * not deleted. Here a run is left unfinished (its process "dies" after its last batch), analysts
 * work on what it wrote through the API, and then it is rolled back.
 */
const REPORT = 'ref-msht-reference-data';
const analyst = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true, subject: 'analyst-rb' };
const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('rolling back an import run keeps what others changed since the run wrote it', () => {
  let svc: TestService;
  let system: ScopedGraph;

  beforeAll(async () => {
    svc = await startTestService();
    system = systemGraph(svc.graph, 'test');
    await resetGraph(svc.graph);
  });
  afterAll(() => svc.close());

  const rows = (cypher: string, params: Record<string, unknown> = {}) => svc.graph.read({ cypher, params });

  async function prepare(nodes: string[], rels: string[]): Promise<PreparedImport> {
    const plan = planCsv([{ name: 'nodes', text: text(nodes) }, { name: 'relationships', text: text(rels) }], { defaultReportId: REPORT, today: new Date() });
    const p = await prepareImport(system, plan, new Date());
    if (!p.ok) throw new Error(`the check refused the rows: ${p.bad.map(formatBadRow).join('; ')}`);
    return p.prepared;
  }


  it('restores what nobody touched since, keeps later edits and access on a record edited since, leaves a deleted record deleted, and keeps created items edited or linked since', async () => {
    await runImportInOneTransaction(
      system,
      await prepare(
        [':ID,:LABEL,name,gender,threatLevel', 'per-rb-1,Person;Offender,Before One,MALE,', 'per-rb-2,Person;Offender,Before Two,,', 'per-rb-3,Person;Offender,Before Three,,', 'per-rb-4,Person;Offender,Before Four,,', 'ocg-rb-1,OrganisedCrimeGroup,Rb Group,,LOW'],
        [':START_ID,:END_ID,:TYPE,role,since:date', 'per-rb-3,ocg-rb-1,MEMBER_OF,LEADER,2020-01-01', 'per-rb-1,ocg-rb-1,MEMBER_OF,RECRUITER,2020-01-01'],
      ),
    );
    const before = await canonicalDump(svc.graph);
    const prepared = await prepare(
      [
        ':ID,:LABEL,name,gender,handling',
        'per-rb-1,Person;Offender;Suspect,Run One,OTHER,H1',
        'per-rb-2,Person;Offender,Run Two,,H2',
        'per-rb-4,Person;Offender,Run Four,,',
        'per-rb-new1,Person;Offender,New One,,',
        'per-rb-new2,Person;Offender,New Two,,',
        'per-rb-new3,Person;Offender,New Three,,',
      ],
      [
        ':START_ID,:END_ID,:TYPE,role,since:date,kind',
        'per-rb-3,ocg-rb-1,MEMBER_OF,LEADER,2021-06-01,',
        'per-rb-1,ocg-rb-1,MEMBER_OF,RECRUITER,2022-02-02,',
        'per-rb-2,per-rb-3,ASSOCIATE_OF,,,FAMILY',
        'per-rb-1,per-rb-2,ASSOCIATE_OF,,,EMPLOYMENT',
        'per-rb-new1,country-GB,NATIONAL_OF,,,',
      ],
    );
    const sdk = await svc.sdk(analyst);
    const counts = await unfinishedRun(system, prepared, async () => {
      // Analysts work on what the run wrote, through the API, before anyone rolls it back.
      await sdk.UpsertPerson({ input: { id: 'per-rb-1', name: 'Analyst One', provenance: { reportId: REPORT } } });
      await sdk.DeleteEntity({ id: 'per-rb-4' });
      await sdk.UpsertPerson({ input: { id: 'per-rb-new2', name: 'Analyst New Two', provenance: { reportId: REPORT } } });
      await sdk.Link({ type: 'MEMBER_OF', from: 'per-rb-new3', to: 'ocg-rb-1', properties: { role: 'MONEY_HANDLER' }, provenance: { reportId: REPORT } });
      await sdk.Link({ type: 'MEMBER_OF', from: 'per-rb-1', to: 'ocg-rb-1', properties: { role: 'RECRUITER', since: '2023-03-03' }, provenance: { reportId: REPORT } });
      await sdk.Link({ type: 'ASSOCIATE_OF', from: 'per-rb-2', to: 'per-rb-3', properties: { kind: 'FAMILY' }, provenance: { reportId: REPORT, gradeIntel: 'C' } });
    });

    // Edited since: the analyst's name stays, the run's gender goes back; the handling the run
    // raised and the role it added stay (the analyst's edit may rest on them).
    expect(await rows("MATCH (p:Person {id: 'per-rb-1'}) RETURN p.name AS name, p.gender AS gender, p.handling AS handling, p:Suspect AS suspect")).toEqual([
      { name: 'Analyst One', gender: 'MALE', handling: 'H1', suspect: true },
    ]);
    // Nobody touched it since: as before the run, its handling back down too.
    const after = await canonicalDump(svc.graph);
    expect(after.nodes.filter((n) => n.includes('"per-rb-2"'))).toEqual(before.nodes.filter((n) => n.includes('"per-rb-2"')));
    expect(await rows("MATCH (p:Person {id: 'per-rb-2'}) RETURN p.handling AS handling")).toEqual([{ handling: 'H0' }]);
    // Deleted since: stays deleted.
    expect(await rows("MATCH (p:Entity {id: 'per-rb-4'}) RETURN count(p) AS n")).toEqual([{ n: 0 }]);
    // Created by the run: untouched, gone with its links; edited or linked since, kept (unmarked).
    expect(await rows("MATCH (p:Person) WHERE p.id STARTS WITH 'per-rb-new' RETURN p.id AS id, p.name AS name, p.__importRun AS run ORDER BY id")).toEqual([
      { id: 'per-rb-new2', name: 'Analyst New Two', run: null },
      { id: 'per-rb-new3', name: 'New Three', run: null },
    ]);
    expect(await rows("MATCH (:Person {id: 'per-rb-new3'})-[r:MEMBER_OF]->(:OrganisedCrimeGroup {id: 'ocg-rb-1'}) RETURN r.role AS role")).toEqual([{ role: 'MONEY_HANDLER' }]);
    // Links: the one nobody touched is restored, the one edited since keeps the edit; the run's
    // new link edited since stays, the other goes.
    expect(await rows("MATCH (:Person)-[r:MEMBER_OF]->(:OrganisedCrimeGroup {id: 'ocg-rb-1'}) WHERE r.role IN ['LEADER', 'RECRUITER'] RETURN r.role AS role, toString(r.since) AS since ORDER BY role")).toEqual([
      { role: 'LEADER', since: '2020-01-01' },
      { role: 'RECRUITER', since: '2023-03-03' },
    ]);
    expect(await rows("MATCH (a:Person)-[r:ASSOCIATE_OF]->(b:Person) WHERE a.id STARTS WITH 'per-rb-' RETURN a.id AS a, b.id AS b, r.kind AS kind, r.gradeIntel AS intel")).toEqual([
      { a: 'per-rb-2', b: 'per-rb-3', kind: 'FAMILY', intel: 'C' },
    ]);
    expect(await rows("MATCH (:Person {id: 'per-rb-3'})-[r:MEMBER_OF]->() RETURN count(r) AS n")).toEqual([{ n: 1 }]);
    expect(await rows('OPTIONAL MATCH (r:ImportRun) WITH count(r) AS runs OPTIONAL MATCH (b:ImportBackup) RETURN runs, count(b) AS backups')).toEqual([{ runs: 0, backups: 0 }]);
    // And the operator is told what was kept, and why.
    expect({ ...counts, itemsKept: [...counts.itemsKept].sort((a, b) => a.id.localeCompare(b.id)) }).toEqual({
      nodesRestored: 1,
      relationshipsRestored: 1,
      relationshipsDeleted: 1,
      nodesDeleted: 1,
      itemsKept: [
        { id: 'per-rb-1', kind: 'node', reason: 'EDITED' },
        { id: 'per-rb-1 -[MEMBER_OF]-> ocg-rb-1', kind: 'relationship', reason: 'EDITED' },
        { id: 'per-rb-2 -[ASSOCIATE_OF]-> per-rb-3', kind: 'relationship', reason: 'CREATED_EDITED' },
        { id: 'per-rb-4', kind: 'node', reason: 'DELETED' },
        { id: 'per-rb-new2', kind: 'node', reason: 'CREATED_EDITED' },
        { id: 'per-rb-new3', kind: 'node', reason: 'CREATED_LINKED' },
      ],
    });
  });

  it('takes everything back when nobody touched what the run wrote, and keeps nothing', async () => {
    await resetGraph(svc.graph);
    await runImportInOneTransaction(system, await prepare([':ID,:LABEL,name,gender', 'per-rb-5,Person;Offender,Before Five,MALE'], [':START_ID,:END_ID,:TYPE', 'per-rb-5,country-AL,NATIONAL_OF']));
    const before = await canonicalDump(svc.graph);
    const prepared = await prepare(
      [':ID,:LABEL,name,gender,handling,ukHandling,consent', 'per-rb-5,Person;Victim,Run Five,FEMALE,H3,C,false', 'per-rb-6,Person;Offender,New Six,,,,'],
      [':START_ID,:END_ID,:TYPE', 'per-rb-5,country-GB,NATIONAL_OF', 'per-rb-6,per-rb-5,ASSOCIATE_OF'],
    );
    const counts = await unfinishedRun(system, prepared, async () => {});
    expect(await canonicalDump(svc.graph)).toEqual(before);
    expect(await rows("MATCH (p:Person {id: 'per-rb-5'}) RETURN labels(p) AS labels")).toEqual([{ labels: expect.not.arrayContaining(['Victim']) }]);
    expect(counts).toEqual({ nodesRestored: 1, relationshipsRestored: 0, relationshipsDeleted: 1, nodesDeleted: 1, itemsKept: [] });
  });

  it('keeps a record the run created whose link another import (an API batch) updated since', async () => {
    await resetGraph(svc.graph);
    await runImportInOneTransaction(system, await prepare([':ID,:LABEL,name,threatLevel', 'ocg-rb-7,OrganisedCrimeGroup,Group Seven,LOW'], [':START_ID,:END_ID,:TYPE']));
    const prepared = await prepare([':ID,:LABEL,name', 'per-rb-7,Person;Offender,Run Seven'], [':START_ID,:END_ID,:TYPE,role', 'per-rb-7,ocg-rb-7,MEMBER_OF,LEADER']);
    const counts = await unfinishedRun(system, prepared, async () => {
      // Another import updates the link the run created (its date): the link is no longer the run's alone.
      await importBatch(system, { format: 'CSV', nodes: '', relationships: ':START_ID,:END_ID,:TYPE,role,since:date\nper-rb-7,ocg-rb-7,MEMBER_OF,LEADER,2023-03-03\n', reportId: REPORT }, new Date());
    });
    expect(await rows("MATCH (p:Person {id: 'per-rb-7'}) OPTIONAL MATCH (p)-[r:MEMBER_OF]->() RETURN p.__importRun AS run, r.__importRun AS linkRun, toString(r.since) AS since")).toEqual([
      { run: null, linkRun: null, since: '2023-03-03' },
    ]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rb-7', kind: 'node', reason: 'CREATED_LINKED' }]);
  });

  it('keeps a record that one the run created was merged into, with its links, and deletes nothing of it', async () => {
    await resetGraph(svc.graph);
    await runImportInOneTransaction(system, await prepare([':ID,:LABEL,name', 'per-rb-kept,Person;Offender,Kept Person', 'ocg-rb-8,OrganisedCrimeGroup,Group Eight'], [':START_ID,:END_ID,:TYPE,role', 'per-rb-kept,ocg-rb-8,MEMBER_OF,LEADER']));
    const prepared = await prepare([':ID,:LABEL,name,gender', 'per-rb-dupe,Person;Offender,Kept Person,MALE'], [':START_ID,:END_ID,:TYPE']);
    const supervisor = await svc.sdk({ roles: ['SUPERVISOR'], clearance: 'H3', ukConditional: true, subject: 'supervisor-rb' });
    await unfinishedRun(system, prepared, async () => {
      // A supervisor sees the duplicate the run is creating and merges it into the older record.
      await supervisor.MergeEntities({ keepId: 'per-rb-kept', mergeId: 'per-rb-dupe' });
    });
    // The older record stays, with its own link and what the merge gave it, and carries no
    // mark of the run (a mark would have had the rollback delete it as the run's).
    expect(await rows("MATCH (p:Person {id: 'per-rb-kept'}) OPTIONAL MATCH (p)-[r:MEMBER_OF]->() RETURN p.name AS name, p.gender AS gender, p.__importRun AS run, r.role AS role")).toEqual([
      { name: 'Kept Person', gender: 'MALE', run: null, role: 'LEADER' },
    ]);
  });

  it('keeps a report the run created that others cite since, or that a record it keeps cites, so no fact is left citing nothing', async () => {
    await resetGraph(svc.graph);
    await runImportInOneTransaction(system, await prepare([':ID,:LABEL,name', 'per-rb-old,Person;Offender,Old Person'], [':START_ID,:END_ID,:TYPE']));
    const reports = [':ID,:LABEL,reference,title,agency,gradeSource,gradeIntel,ukHandling,handling', 'rep-rb-a,IntelligenceReport,RB/A,Report A,NCA,2,B,P,H0', 'rep-rb-b,IntelligenceReport,RB/B,Report B,NCA,2,B,P,H0', 'rep-rb-c,IntelligenceReport,RB/C,Report C,NCA,2,B,P,H0', 'rep-rb-d,IntelligenceReport,RB/D,Report D,NCA,2,B,P,H0', 'rep-rb-e,IntelligenceReport,RB/E,Report E,NCA,2,B,P,H0'];
    const people = [':ID,:LABEL,name,reportId', 'per-rb-cb,Person;Offender,Cites B,rep-rb-b', 'per-rb-cc,Person;Offender,Cites C,rep-rb-c'];
    // D is cited by a link the run made from a record that stays (B's) to an older one; E by one from a record that goes.
    const links = [':START_ID,:END_ID,:TYPE,kind,reportId', 'per-rb-cb,per-rb-old,ASSOCIATE_OF,FAMILY,rep-rb-d', 'per-rb-cc,per-rb-old,ASSOCIATE_OF,FAMILY,rep-rb-e'];
    const plan = planCsv(
      [
        { name: 'reports', text: text(reports) },
        { name: 'people', text: text(people) },
        { name: 'links', text: text(links) },
      ],
      { defaultReportId: REPORT, today: new Date() },
    );
    const p = await prepareImport(system, plan, new Date());
    if (!p.ok) throw new Error(p.bad.map(formatBadRow).join('; '));
    const sdk = await svc.sdk({ ...analyst, roles: ['INGEST', 'ANALYST'] });
    const counts = await unfinishedRun(system, p.prepared, async () => {
      // An analyst cites report A on a record of their own, and on a link between older records.
      await sdk.UpsertPerson({ input: { name: 'Analyst Record', roles: ['OFFENDER'], provenance: { reportId: 'rep-rb-a' } } });
      // Report B is cited by a record the run created, which the analyst links: that record stays.
      await sdk.Link({ type: 'ASSOCIATE_OF', from: 'per-rb-cb', to: 'per-rb-old', properties: { kind: 'ASSOCIATE' }, provenance: { reportId: REPORT } });
    });
    // C and E were cited only by what the run wrote and goes: they go with it.
    expect(await rows("MATCH (r:IntelligenceReport) WHERE r.id STARTS WITH 'rep-rb-' RETURN r.id AS id, r.__importRun AS run ORDER BY id")).toEqual([
      { id: 'rep-rb-a', run: null },
      { id: 'rep-rb-b', run: null },
      { id: 'rep-rb-d', run: null },
    ]);
    expect(await rows("MATCH (n:Entity) WHERE n.reportId STARTS WITH 'rep-rb-' AND NOT n:IntelligenceReport AND NOT EXISTS { MATCH (r:IntelligenceReport {id: n.reportId}) } RETURN n.id AS id")).toEqual([]);
    expect(await rows("MATCH ()-[l]->() WHERE l.reportId STARTS WITH 'rep-rb-' AND NOT EXISTS { MATCH (r:IntelligenceReport {id: l.reportId}) } RETURN l.reportId AS id")).toEqual([]);
    expect(await rows("MATCH (:Person {id: 'per-rb-cb'})-[l:ASSOCIATE_OF]->(:Person {id: 'per-rb-old'}) RETURN l.reportId AS reportId ORDER BY reportId")).toEqual([{ reportId: REPORT }, { reportId: 'rep-rb-d' }]);
    expect(await rows("MATCH (p:Person {id: 'per-rb-cc'}) RETURN p.id AS id")).toEqual([]);
    expect(counts.itemsKept).toEqual(
      expect.arrayContaining([
        { id: 'rep-rb-a', kind: 'node', reason: 'CREATED_LINKED' },
        { id: 'rep-rb-b', kind: 'node', reason: 'CREATED_LINKED' },
        { id: 'rep-rb-d', kind: 'node', reason: 'CREATED_LINKED' },
        { id: 'per-rb-cb', kind: 'node', reason: 'CREATED_LINKED' },
      ]),
    );
    expect(counts.itemsKept).toHaveLength(4);
  });

  it('reports what an earlier attempt of the rollback did and kept, when the rollback is run again', async () => {
    await resetGraph(svc.graph);
    await runImportInOneTransaction(system, await prepare([':ID,:LABEL,name,gender', 'per-rb-8,Person;Offender,Before Eight,MALE', 'per-rb-9,Person;Offender,Before Nine,MALE'], [':START_ID,:END_ID,:TYPE']));
    const prepared = await prepare(
      [':ID,:LABEL,name,gender', 'per-rb-8,Person;Offender,Run Eight,FEMALE', 'per-rb-9,Person;Offender,Run Nine,FEMALE', 'per-rb-10,Person;Offender,New Ten,', 'per-rb-11,Person;Offender,New Eleven,'],
      [':START_ID,:END_ID,:TYPE', 'per-rb-11,country-GB,NATIONAL_OF'],
    );
    const sdk = await svc.sdk(analyst);
    const counts = await unfinishedRun(system, prepared, async () => {
      await sdk.UpsertPerson({ input: { id: 'per-rb-8', name: 'Analyst Eight', provenance: { reportId: REPORT } } });
      await sdk.UpsertPerson({ input: { id: 'per-rb-10', name: 'Analyst Ten', provenance: { reportId: REPORT } } });
      // A first attempt at the rollback restores the records the run changed and deletes the ones
      // it created, then stops (its process dies, or a deadlock stopped it): the rollback that
      // follows meets nothing of that again.
      const [run] = (await readRuns(system)).filter((r) => r.kind === 'IMPORT' && r.status === 'RUNNING');
      await system.autoCommit(restoreNodesQuery(run!.id));
      await deleteNotedNodes(system, run!.id);
    });
    expect(await rows("MATCH (p:Person) WHERE p.id STARTS WITH 'per-rb-' RETURN p.id AS id, p.name AS name ORDER BY id")).toEqual([
      { id: 'per-rb-10', name: 'Analyst Ten' },
      { id: 'per-rb-8', name: 'Analyst Eight' },
      { id: 'per-rb-9', name: 'Before Nine' },
    ]);
    expect(counts).toEqual({
      nodesRestored: 1,
      relationshipsRestored: 0,
      relationshipsDeleted: 0,
      nodesDeleted: 1,
      itemsKept: [
        { id: 'per-rb-8', kind: 'node', reason: 'EDITED' },
        { id: 'per-rb-10', kind: 'node', reason: 'CREATED_EDITED' },
      ],
    });
  });

  it('rolls back a run whose batches each created thousands of records (each statement bounded, not holding every note)', async () => {
    await resetGraph(svc.graph);
    const before = await canonicalDump(svc.graph);
    const people = Array.from({ length: 4000 }, (_, i) => `per-rb-many-${i},Person;Offender,Many ${i}`);
    const prepared = await prepare([':ID,:LABEL,name', ...people], [':START_ID,:END_ID,:TYPE', 'per-rb-many-0,country-GB,NATIONAL_OF']);
    let undone: RollbackCounts | undefined;
    const run = runStagedImport(system, prepared, {
      batchSize: 4000,
      sha256: 'many',
      runHost: { host: 'test', pid: process.pid, isAlive: () => true },
      afterBatch: (n) => {
        if (n === 2) throw new Error('failed after its last batch');
      },
      onRolledBack: (_id, counts) => (undone = counts),
    });
    // Read in the statement, each note's 4,000 ids rode on every row Neo4j buffered: past the memory one transaction may use.
    await expect(run).rejects.toThrow('failed after its last batch');
    expect(undone).toEqual({ nodesRestored: 0, relationshipsRestored: 0, relationshipsDeleted: 0, nodesDeleted: 4000, itemsKept: [] });
    expect(await canonicalDump(svc.graph)).toEqual(before);
  }, 120_000);
});
