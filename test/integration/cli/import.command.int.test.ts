import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readRuns } from '../../../src/graph/import-run.store';
import { planCsv } from '../../../src/ingestion/csv/csv-import';
import { prepareImport } from '../../../src/ingestion/prepare-import';
import { runImportInOneTransaction, runStagedImport } from '../../../src/ingestion/run-import';
import { resetGraph } from '../../support/reset-graph';
import { collect, runCli, spawnCli, type CliResult } from '../../support/run-cli';
import { testGraph, type TestGraph } from '../../support/test-graph';
import { tempDir } from '../../support/temp-dir';

/**
 * `msht import --rollback RUN_ID` tells the operator what it did, and each item it kept because
 * someone changed it after the run wrote it (its id, and what stayed), so that nothing is undone
 * behind anyone's back.
 */
const REPORT = 'ref-msht-reference-data';
const host = { host: 'test', pid: process.pid, isAlive: () => true };
const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('msht import --rollback', () => {
  let t: TestGraph;

  beforeAll(async () => {
    t = testGraph();
    await resetGraph(t.client);
  });
  afterAll(() => t.close());

  async function prepare(nodes: string[]) {
    const p = await prepareImport(t.system, planCsv([{ name: 'nodes', text: text(nodes) }], { defaultReportId: REPORT, today: new Date() }), new Date());
    if (!p.ok) throw new Error(JSON.stringify(p.bad));
    return p.prepared;
  }

  it('rolls back an unfinished run and lists the items it kept, changed since the run wrote them', async () => {
    await runImportInOneTransaction(t.system, await prepare([':ID,:LABEL,name,gender', 'per-cli-1,Person;Offender,Before One,MALE', 'per-cli-2,Person;Offender,Before Two,MALE']));
    const prepared = await prepare([':ID,:LABEL,name,gender', 'per-cli-1,Person;Offender,Run One,FEMALE', 'per-cli-2,Person;Offender,Run Two,FEMALE', 'per-cli-new,Person;Offender,New,']);
    let r: CliResult | undefined;
    const run = runStagedImport(t.system, prepared, {
      batchSize: 1,
      sha256: 'cli-rb',
      runHost: host,
      afterBatch: async (n) => {
        if (n < 3) return;
        // While the run is unfinished, someone edits one record it changed and one it created.
        await t.client.write({ cypher: "MATCH (p:Person) WHERE p.id IN ['per-cli-1', 'per-cli-new'] SET p.name = p.name + ' (edited)', p.recordedAt = datetime()", params: {} });
        const [unfinished] = (await readRuns(t.system)).filter((x) => x.status === 'RUNNING');
        r = await runCli(['import', '--rollback', unfinished!.id]);
        throw new Error('the process died');
      },
    });
    await expect(run).rejects.toThrow('the process died');

    expect(r!.code).toBe(0);
    expect(r!.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^rolled back imp-\S+: 0 nodes and 0 relationships deleted, 1 nodes and 0 relationships restored$/),
      '  kept 2 items changed since the run wrote them:',
      "    per-cli-1: edited since the run: those edits, its roles and its provenance (report, grading, handling, UK handling, consent) stay; the run's other changes are undone",
      '    per-cli-new: created by the run and edited since: not deleted',
    ]);
    expect(await t.client.read({ cypher: "MATCH (p:Person) WHERE p.id STARTS WITH 'per-cli-' RETURN p.id AS id, p.name AS name, p.gender AS gender ORDER BY id", params: {} })).toEqual([
      { id: 'per-cli-1', name: 'Run One (edited)', gender: 'MALE' },
      { id: 'per-cli-2', name: 'Before Two', gender: 'MALE' },
      { id: 'per-cli-new', name: 'New (edited)', gender: null },
    ]);
  }, 120_000);

  it('lists the items kept when a run that failed mid-way is rolled back at once, as --rollback lists them', async () => {
    await runImportInOneTransaction(t.system, await prepare([':ID,:LABEL,reference,agency,gradeSource,gradeIntel,ukHandling,handling', 'rep-cli-f,IntelligenceReport,CLI/F,NCA,2,B,P,H0']));
    const dir = tempDir('msht-cli-failed-');
    const file = path.join(dir, 'people.csv');
    // Batch 1 creates per-cli-f1; batch 2 writes a fact at H0 citing rep-cli-f, which is raised to
    // H2 meanwhile (so the write refuses it), after someone edited per-cli-f1.
    fs.writeFileSync(file, text([':ID,:LABEL,name,reportId,handling', `per-cli-f1,Person;Offender,First F,${REPORT},`, 'per-cli-f2,Person;Offender,Second F,rep-cli-f,H0']));
    let r: CliResult | undefined;
    await t.client.writeTx(async (tx) => {
      // Hold the report's lock (raised, uncommitted): the run's second batch waits for it.
      await tx.run({ cypher: "MATCH (r:IntelligenceReport {id: 'rep-cli-f'}) SET r.handling = 'H2'", params: {} });
      const done = collect(spawnCli(['import', file, '--format', 'csv', '--batch-size', '1']));
      for (let i = 0; ; i++) {
        const [row] = await t.client.read({ cypher: "OPTIONAL MATCH (p:Person {id: 'per-cli-f1'}) RETURN p IS NOT NULL AS written", params: {} });
        if (row?.written) break;
        if (i > 600) throw new Error(`the run did not write its first batch: ${JSON.stringify(await Promise.race([done, new Promise((ok) => setTimeout(ok, 10))]))}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
      await tx.run({ cypher: "MATCH (p:Person {id: 'per-cli-f1'}) SET p.name = p.name + ' (edited)', p.recordedAt = datetime()", params: {} });
      // Committed when this returns; the run then refuses its second batch and is rolled back.
      void done.then((x) => (r = x));
    });
    while (!r) await new Promise((ok) => setTimeout(ok, 100));

    expect(r.code).toBe(1);
    const told = r.stderr.split('\n').filter((l) => /^(rolled back|  kept|    per-|refused:)/.test(l) || l.startsWith(file));
    expect(told).toEqual([
      expect.stringMatching(/^rolled back imp-\S+: 0 nodes and 0 relationships deleted, 0 nodes and 0 relationships restored$/),
      '  kept 1 item changed since the run wrote it:',
      '    per-cli-f1: created by the run and edited since: not deleted',
      `${file}:3: handling: must not be below the cited report's handling (H2): a fact is never shared more widely than its source`,
      'refused: 1 problem; the run was rolled back but for the 1 item it kept (above)',
    ]);
    expect(await t.client.read({ cypher: "MATCH (p:Person) WHERE p.id STARTS WITH 'per-cli-f' RETURN p.id AS id, p.name AS name ORDER BY id", params: {} })).toEqual([{ id: 'per-cli-f1', name: 'First F (edited)' }]);
  }, 120_000);

  it('recovers a dead process’s run before it checks the files, so they are not refused for what the recovery deletes', async () => {
    // A run of a process on this host that is gone (its pid is no process), which created phone-cli-dead.
    const dead = { host: os.hostname(), pid: 2 ** 22 + 7, isAlive: () => true };
    const prepared = await prepare([':ID,:LABEL,value', 'phone-cli-dead,Phone,+40 721 234 999']);
    // It "dies" after its batch: it never goes on, and never rolls itself back.
    let written!: () => void;
    const batchDone = new Promise<void>((ok) => (written = ok));
    void runStagedImport(t.system, prepared, {
      batchSize: 1,
      sha256: 'dead',
      runHost: dead,
      afterBatch: () => {
        written();
        return new Promise<void>(() => undefined);
      },
    });
    await batchDone;
    expect((await readRuns(t.system)).filter((r) => r.status === 'RUNNING')).toHaveLength(1);
    const file = path.join(tempDir('msht-cli-dead-'), 'phones.csv');
    fs.writeFileSync(file, text([':ID,:LABEL,value', 'phone-cli-live,Phone,+40 721 234 999']));
    const r = await runCli(['import', file, '--format', 'csv', '--report', REPORT]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^rolled back unfinished run imp-\S+ \(nodes\) first/m);
    expect(await t.client.read({ cypher: "MATCH (p:Phone) WHERE p.id STARTS WITH 'phone-cli-' RETURN p.id AS id", params: {} })).toEqual([{ id: 'phone-cli-live' }]);
  }, 120_000);

  it('names every file that is not UTF-8, with its line, as refused rows are named, and exits 1', async () => {
    const dir = tempDir('msht-cli-utf8-');
    const good = path.join(dir, 'good.csv');
    const latin = path.join(dir, 'latin.csv');
    const wide = path.join(dir, 'wide.csv');
    fs.writeFileSync(good, ':ID,:LABEL,name\nper-cli-u1,Person,Plain\n');
    fs.writeFileSync(latin, Buffer.concat([Buffer.from(':ID,:LABEL,name\nper-cli-u2,Person,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]));
    fs.writeFileSync(wide, Buffer.from(':ID,:LABEL,name\n', 'utf16le'));
    const r = await runCli(['import', good, latin, wide, '--format', 'csv', '--report', REPORT]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${latin}:2: is not UTF-8 text: save the file as UTF-8 and import it again`,
      `${wide}:1: is not UTF-8 text (it holds NUL bytes: UTF-16?): save the file as UTF-8 and import it again`,
      'refused: 2 files not UTF-8; nothing was written',
    ]);
  }, 60_000);

  it('answers an unknown option with the usage and exit code 2', async () => {
    const r = await runCli(['import', 'x.csv', '--format', 'csv', '--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage:/);
  }, 60_000);
});
