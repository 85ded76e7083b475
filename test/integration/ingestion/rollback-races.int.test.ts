import { linkInTx, upsertEntityInTx } from '../../../src/graph/entity.writer';
import { rollbackRun, type RollbackCounts } from '../../../src/graph/import-run.store';
import { deleteNodeQuery, lockNodeLinksQuery, unlinkQuery } from '../../../src/graph/queries/write.query';
import type { GraphTx } from '../../../src/graph/run-query';
import { lockRecords } from '../../../src/graph/write-locks';
import type { PreparedImport } from '../../../src/ingestion/prepare-import';
import { runImportInOneTransaction } from '../../../src/ingestion/run-import';
import { csvPlan, preparePlan, REFERENCE_REPORT } from '../../support/csv-plan';
import { holdTx, someoneBlocked, type HeldLocks } from '../../support/held-locks';
import { resetGraph } from '../../support/reset-graph';
import { testGraph, type TestGraph } from '../../support/test-graph';
import { unfinishedRun } from '../../support/unfinished-run';

/**
 * A rollback (`msht import --rollback`, `--recover`) that waits for the lock of an item an analyst
 * is editing through the API keeps the edit the analyst commits meanwhile, as it keeps an edit
 * made before it started (README.md#atomicity-rollback-and-recovery): each item is locked before
 * it is compared, and compared as it is once locked. Here a run is left unfinished (its process
 * "dies" after its last batch), an analyst's API write on what it wrote is under way (its locks
 * held, not yet committed), the rollback starts and waits for it, the analyst commits, and the
 * rollback ends.
 */
const provenance = { reportId: REFERENCE_REPORT };

describe('a rollback keeps an API edit committed while it waits for the item’s lock', () => {
  let t: TestGraph;

  beforeAll(async () => {
    t = testGraph();
    await resetGraph(t.client);
  });
  afterAll(() => t.close());

  const rows = (cypher: string, params: Record<string, unknown> = {}) => t.client.read({ cypher, params });
  const prepare = (nodes: string[], rels: string[] = []) => preparePlan(t.system, csvPlan(nodes, rels));
  const seed = async (nodes: string[], rels: string[] = []) => runImportInOneTransaction(t.system, await prepare(nodes, rels));

  /** An analyst's API write (cleared for everything), its locks held and its changes uncommitted until `commit`. */
  const holdWrite = (work: (tx: GraphTx) => Promise<unknown>): HeldLocks => holdTx((w) => t.system.writeTx(w), work);

  /**
   * Runs `prepared` as a staged import in batches of one whose process "dies" after its last
   * batch; then `edit` starts (and holds its locks), the run is rolled back as `msht import
   * --rollback` would, and once the rollback waits for a lock the edit commits. Returns whether
   * the rollback waited, and what it did.
   */
  async function rollbackWhileEdited(prepared: PreparedImport, edit: () => HeldLocks): Promise<{ blocked: boolean; counts: RollbackCounts }> {
    let other: HeldLocks | undefined;
    let blocked = false;
    const counts = await unfinishedRun(
      t.system,
      prepared,
      async () => {
        other = edit();
        await other.started;
      },
      async (runId) => {
        const undoing = rollbackRun(t.system, runId).then(
          (c) => ({ c }),
          (e: unknown) => ({ e }),
        );
        blocked = await someoneBlocked(t.client);
        await other!.commit();
        const undone = await undoing;
        if ('e' in undone) throw new Error(`the rollback failed: ${(undone.e as Error).message}`);
        return undone.c;
      },
    );
    return { blocked, counts };
  }

  const analystUpsert = (id: string, name: string) => () =>
    holdWrite((tx) => upsertEntityInTx(tx, { label: 'Person', id, props: { name }, provenance }, new Date()));
  const analystLink = (type: 'MEMBER_OF' | 'ASSOCIATE_OF', from: string, to: string, props: Record<string, unknown>, prov: Record<string, unknown> = {}) => () =>
    holdWrite((tx) => linkInTx(tx, { type, from, to, props, provenance: { ...provenance, ...prov } }, new Date()));
  /** deleteEntity's steps (entity.writer.ts): the record's links, then the record, locked; then it goes. */
  const analystDelete = (id: string) => () =>
    holdWrite(async (tx) => {
      await lockRecords(tx, [id], null);
      await tx.run(deleteNodeQuery(id));
    });
  /** unlink's steps (entity.writer.ts): the links between the two, then both ends, locked; then the links go. */
  const analystUnlink = (type: 'MEMBER_OF' | 'ASSOCIATE_OF', from: string, to: string) => () =>
    holdWrite(async (tx) => {
      await tx.run(lockNodeLinksQuery(from, [type], to));
      await lockRecords(tx, [from, to]);
      await tx.run(unlinkQuery(type, from, to, {}));
    });
  const leftOver = () => rows('OPTIONAL MATCH (r:ImportRun) WITH count(r) AS runs OPTIONAL MATCH (b:ImportBackup) RETURN runs, count(b) AS backups');

  it('keeps a record’s edit committed while the rollback waited to restore it', async () => {
    await seed([':ID,:LABEL,name,gender', 'per-rr-a1,Person;Offender,Before A1,MALE']);
    const prepared = await prepare([':ID,:LABEL,name,gender', 'per-rr-a1,Person;Offender,Run A1,FEMALE']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystUpsert('per-rr-a1', 'Analyst A1'));
    expect(blocked).toBe(true);
    // The analyst's name stays; the run's gender, which nobody touched since, goes back.
    expect(await rows("MATCH (p:Person {id: 'per-rr-a1'}) RETURN p.name AS name, p.gender AS gender")).toEqual([{ name: 'Analyst A1', gender: 'MALE' }]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-a1', kind: 'node', reason: 'EDITED' }]);
    expect(await leftOver()).toEqual([{ runs: 0, backups: 0 }]);
  });

  it('leaves deleted a record deleted while the rollback waited to restore it', async () => {
    await seed([':ID,:LABEL,name', 'per-rr-a3,Person;Offender,Before A3']);
    const prepared = await prepare([':ID,:LABEL,name', 'per-rr-a3,Person;Offender,Run A3']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystDelete('per-rr-a3'));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (p:Entity {id: 'per-rr-a3'}) RETURN count(p) AS n")).toEqual([{ n: 0 }]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-a3', kind: 'node', reason: 'DELETED' }]);
    expect(await leftOver()).toEqual([{ runs: 0, backups: 0 }]);
  });

  it('keeps a link’s edit committed while the rollback waited to restore it', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'per-rr-a2,Person;Offender,Member A2,', 'ocg-rr-a2,OrganisedCrimeGroup,Rr Group A2,LOW'], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-rr-a2,ocg-rr-a2,MEMBER_OF,LEADER,2020-01-01']);
    const prepared = await prepare([], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-rr-a2,ocg-rr-a2,MEMBER_OF,LEADER,2021-06-01']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystLink('MEMBER_OF', 'per-rr-a2', 'ocg-rr-a2', { role: 'LEADER', since: '2023-03-03' }));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (:Person {id: 'per-rr-a2'})-[r:MEMBER_OF]->() RETURN toString(r.since) AS since")).toEqual([{ since: '2023-03-03' }]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-a2 -[MEMBER_OF]-> ocg-rr-a2', kind: 'relationship', reason: 'EDITED' }]);
  });

  it('keeps a link the run created between records already there, edited while the rollback waited to delete it', async () => {
    await seed([':ID,:LABEL,name', 'per-rr-b1,Person;Offender,Person B1', 'per-rr-b1x,Person;Offender,Person B1x']);
    const prepared = await prepare([], [':START_ID,:END_ID,:TYPE,kind', 'per-rr-b1,per-rr-b1x,ASSOCIATE_OF,FAMILY']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystLink('ASSOCIATE_OF', 'per-rr-b1', 'per-rr-b1x', { kind: 'FAMILY' }, { gradeIntel: 'C' }));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (:Person {id: 'per-rr-b1'})-[r:ASSOCIATE_OF]->() RETURN r.kind AS kind, r.gradeIntel AS intel, r.__importRun AS run")).toEqual([{ kind: 'FAMILY', intel: 'C', run: null }]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-b1 -[ASSOCIATE_OF]-> per-rr-b1x', kind: 'relationship', reason: 'CREATED_EDITED' }]);
  });

  it('keeps a record the run created, edited while the rollback waited to delete it', async () => {
    const prepared = await prepare([':ID,:LABEL,name', 'per-rr-b2,Person;Offender,Run B2']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystUpsert('per-rr-b2', 'Analyst B2'));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (p:Person {id: 'per-rr-b2'}) RETURN p.name AS name, p.__importRun AS run")).toEqual([{ name: 'Analyst B2', run: null }]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-b2', kind: 'node', reason: 'CREATED_EDITED' }]);
  });

  it('keeps a record the run created, and its link the run created, when the link is edited while the rollback waits', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'ocg-rr-b3,OrganisedCrimeGroup,Rr Group B3,LOW']);
    const prepared = await prepare([':ID,:LABEL,name', 'per-rr-b3,Person;Offender,Run B3'], [':START_ID,:END_ID,:TYPE,role', 'per-rr-b3,ocg-rr-b3,MEMBER_OF,LEADER']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystLink('MEMBER_OF', 'per-rr-b3', 'ocg-rr-b3', { role: 'LEADER', since: '2023-03-03' }));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (p:Person {id: 'per-rr-b3'}) OPTIONAL MATCH (p)-[r:MEMBER_OF]->() RETURN p.__importRun AS run, toString(r.since) AS since, r.__importRun AS linkRun")).toEqual([
      { run: null, since: '2023-03-03', linkRun: null },
    ]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-b3', kind: 'node', reason: 'CREATED_LINKED' }]);
  });

  it('keeps a record the run created, linked by an analyst while the rollback waits', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'ocg-rr-b4,OrganisedCrimeGroup,Rr Group B4,LOW']);
    const prepared = await prepare([':ID,:LABEL,name', 'per-rr-b4,Person;Offender,Run B4']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystLink('MEMBER_OF', 'per-rr-b4', 'ocg-rr-b4', { role: 'RECRUITER' }));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (p:Person {id: 'per-rr-b4'}) OPTIONAL MATCH (p)-[r:MEMBER_OF]->() RETURN p.__importRun AS run, r.role AS role")).toEqual([{ run: null, role: 'RECRUITER' }]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-b4', kind: 'node', reason: 'CREATED_LINKED' }]);
  });

  it('keeps a record the run created whose link is edited while the rollback waits, after it deleted a record linked to it in the same batch', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'ocg-rr-b6,OrganisedCrimeGroup,Rr Group B6,LOW']);
    const prepared = await prepare(
      [':ID,:LABEL,name', 'per-rr-b6a,Person;Offender,Run B6a', 'per-rr-b6b,Person;Offender,Run B6b'],
      [':START_ID,:END_ID,:TYPE,role,kind', 'per-rr-b6a,per-rr-b6b,ASSOCIATE_OF,,FAMILY', 'per-rr-b6b,ocg-rr-b6,MEMBER_OF,LEADER,'],
    );
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystLink('MEMBER_OF', 'per-rr-b6b', 'ocg-rr-b6', { role: 'LEADER', since: '2023-03-03' }));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (p:Person) WHERE p.id STARTS WITH 'per-rr-b6' OPTIONAL MATCH (p)-[r:MEMBER_OF]->() RETURN p.id AS id, p.__importRun AS run, toString(r.since) AS since ORDER BY id")).toEqual([
      { id: 'per-rr-b6b', run: null, since: '2023-03-03' },
    ]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-b6b', kind: 'node', reason: 'CREATED_LINKED' }]);
  });

  it('keeps a link the run created, edited while the rollback waits, after it deleted another link of the same record in the same batch', async () => {
    await seed([':ID,:LABEL,name', 'per-rr-b7,Person;Offender,Person B7', 'per-rr-b7x,Person;Offender,Person B7x', 'per-rr-b7y,Person;Offender,Person B7y']);
    const prepared = await prepare([], [':START_ID,:END_ID,:TYPE,kind', 'per-rr-b7,per-rr-b7x,ASSOCIATE_OF,FAMILY', 'per-rr-b7,per-rr-b7y,ASSOCIATE_OF,FAMILY']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystLink('ASSOCIATE_OF', 'per-rr-b7', 'per-rr-b7y', { kind: 'FAMILY' }, { gradeIntel: 'C' }));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (:Person {id: 'per-rr-b7'})-[r:ASSOCIATE_OF]->(o) RETURN o.id AS to, r.gradeIntel AS intel, r.__importRun AS run")).toEqual([{ to: 'per-rr-b7y', intel: 'C', run: null }]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-b7 -[ASSOCIATE_OF]-> per-rr-b7y', kind: 'relationship', reason: 'CREATED_EDITED' }]);
    expect(counts.relationshipsDeleted).toBe(1);
  });

  it('leaves deleted, and says so, a link the run changed that is deleted while the rollback waits to restore it', async () => {
    await seed([':ID,:LABEL,name,threatLevel', 'per-rr-a4,Person;Offender,Member A4,', 'ocg-rr-a4,OrganisedCrimeGroup,Rr Group A4,LOW'], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-rr-a4,ocg-rr-a4,MEMBER_OF,LEADER,2020-01-01']);
    const prepared = await prepare([], [':START_ID,:END_ID,:TYPE,role,since:date', 'per-rr-a4,ocg-rr-a4,MEMBER_OF,LEADER,2021-06-01']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystUnlink('MEMBER_OF', 'per-rr-a4', 'ocg-rr-a4'));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (:Person {id: 'per-rr-a4'})-[r]->() RETURN count(r) AS n")).toEqual([{ n: 0 }]);
    expect(counts.itemsKept).toEqual([{ id: 'per-rr-a4 -[MEMBER_OF]-> ocg-rr-a4', kind: 'relationship', reason: 'DELETED' }]);
  });

  it('counts as neither deleted nor kept a link the run created that is deleted while the rollback waits to delete it', async () => {
    await seed([':ID,:LABEL,name', 'per-rr-b8,Person;Offender,Person B8', 'per-rr-b8x,Person;Offender,Person B8x']);
    const prepared = await prepare([], [':START_ID,:END_ID,:TYPE,kind', 'per-rr-b8,per-rr-b8x,ASSOCIATE_OF,FAMILY']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystUnlink('ASSOCIATE_OF', 'per-rr-b8', 'per-rr-b8x'));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (:Person {id: 'per-rr-b8'})-[r]->() RETURN count(r) AS n")).toEqual([{ n: 0 }]);
    expect({ deleted: counts.relationshipsDeleted, kept: counts.itemsKept }).toEqual({ deleted: 0, kept: [] });
  });

  it('counts as neither deleted nor kept a record the run created that is deleted while the rollback waits to delete it', async () => {
    const prepared = await prepare([':ID,:LABEL,name', 'per-rr-b9,Person;Offender,Run B9']);
    const { blocked, counts } = await rollbackWhileEdited(prepared, analystDelete('per-rr-b9'));
    expect(blocked).toBe(true);
    expect(await rows("MATCH (p:Entity {id: 'per-rr-b9'}) RETURN count(p) AS n")).toEqual([{ n: 0 }]);
    expect({ deleted: counts.nodesDeleted, kept: counts.itemsKept }).toEqual({ deleted: 0, kept: [] });
  });
});
