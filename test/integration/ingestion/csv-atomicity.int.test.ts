import fs from 'node:fs';
import path from 'node:path';

import { planCsv } from '../../../src/ingestion/csv/csv-import';
import { prepareImport } from '../../../src/ingestion/prepare-import';
import { runStagedImport } from '../../../src/ingestion/run-import';
import { canonicalDump } from '../../support/canonical-dump';
import { resetGraph } from '../../support/reset-graph';
import { cliEnv, collect, runCli, spawnCli } from '../../support/run-cli';
import { countAll, testGraph, type TestGraph } from '../../support/test-graph';
import { tempDir } from '../../support/temp-dir';

const REPORT = 'ref-msht-reference-data';
const host = { host: 'test', pid: process.pid, isAlive: () => true };
const dir = tempDir('msht-csv-');
const write = (name: string, lines: string[]) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};

/** n people, and for each a nationality: a file big enough to take many batches. */
function bigFiles(n: number, prefix: string): string[] {
  const people = [':ID,:LABEL,name,birthYear:int,gender', ...Array.from({ length: n }, (_, i) => `per-${prefix}${i},Person;Suspect,Person ${prefix} ${i},${1950 + (i % 50)},${i % 2 ? 'MALE' : 'FEMALE'}`)];
  const links = [':START_ID,:END_ID,:TYPE', ...Array.from({ length: n }, (_, i) => `per-${prefix}${i},country-${i % 3 ? 'GB' : 'AL'},NATIONAL_OF`)];
  return [write(`${prefix}-people.csv`, people), write(`${prefix}-links.csv`, links)];
}

/** Nodes written so far by an unfinished (RUNNING) import run. */
async function marked(t: TestGraph): Promise<number> {
  const [row] = await t.client.read({ cypher: "OPTIONAL MATCH (r:ImportRun {status: 'RUNNING'}) OPTIONAL MATCH (n:Entity) WHERE n.__importRun = r.id RETURN count(n) AS n", params: {} });
  return row!.n as number;
}

async function bookkeeping(t: TestGraph): Promise<{ runs: number; backups: number }> {
  const [row] = await t.client.read({ cypher: 'OPTIONAL MATCH (r:ImportRun) WITH count(r) AS runs OPTIONAL MATCH (b:ImportBackup) RETURN runs, count(b) AS backups', params: {} });
  return row as { runs: number; backups: number };
}

describe('CSV imports are all or nothing', () => {
  let t: TestGraph;

  beforeAll(async () => {
    t = testGraph();
    await resetGraph(t.client);
  });
  afterAll(() => t.close());

  it('refuses a file with bad rows in the middle, listing each as file:line: reason, and writes nothing', async () => {
    const people = [':ID,:LABEL,name,birthYear:int,gender'];
    for (let i = 0; i < 200; i++) people.push(`per-ok${i},Person,Person ${i},1980,MALE`);
    people[50] = 'per-bad50,Person,,1980,MALE';
    people[120] = 'per-bad120,Person,Someone,19x0,MALE';
    people[121] = 'per-bad121,Person,Someone Else,1980,PURPLE';
    const links = [':START_ID,:END_ID,:TYPE,role', 'per-ok1,country-GB,NATIONAL_OF,', 'per-ok2,country-ZZ,NATIONAL_OF,', 'per-ok3,country-GB,NATIONAL_OF,'];
    const files = [write('people.csv', people), write('links.csv', links)];
    const before = await countAll(t.client);
    const r = await runCli(['import', ...files, '--format', 'csv', '--report', REPORT]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('.csv:'));
    expect(lines).toEqual([
      `${files[0]}:51: name: is required`,
      `${files[0]}:121: birthYear: must be an integer, got "19x0"`,
      `${files[0]}:122: gender: must be one of FEMALE, MALE, OTHER, UNKNOWN`,
      `${files[1]}:3: NATIONAL_OF end country-ZZ does not exist (neither in the import nor in the graph)`,
    ]);
    expect(r.stdout).toMatch(/^refused /);
    expect(r.stdout).toMatch(/rejected: +4 rows/);
    expect(await countAll(t.client)).toEqual(before);
  }, 120_000);

  it('imports the corrected files, and importing them again changes nothing', async () => {
    const files = bigFiles(300, 'ok');
    const first = await runCli(['import', ...files, '--format', 'csv', '--report', REPORT]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/nodes: +created 300, updated 0, unchanged 0/);
    expect(first.stdout).toMatch(/relationships: +created 300, updated 0, unchanged 0/);
    const after = await countAll(t.client);
    const again = await runCli(['import', ...files, '--format', 'csv', '--report', REPORT]);
    expect(again.stdout).toMatch(/nodes: +created 0, updated 0, unchanged 300/);
    expect(again.stdout).toMatch(/nothing changed; no run recorded/);
    expect(await countAll(t.client)).toEqual(after);
  }, 120_000);

  it('undoes a run that fails half-way: what it created goes, what it changed comes back', async () => {
    const before = await canonicalDump(t.client);
    const counts = await countAll(t.client);
    const books = await bookkeeping(t);
    const text = (lines: string[]) => `${lines.join('\n')}\n`;
    const plan = planCsv(
      [
        { name: 'upd.csv', text: text([':ID,:LABEL,name,gender', 'per-ok1,Person;Offender,Renamed Person,OTHER', 'per-new1,Person,New Person,', 'per-new2,Person,Another New,']) },
        { name: 'upd-links.csv', text: text([':START_ID,:END_ID,:TYPE,kind', 'per-ok1,per-ok2,ASSOCIATE_OF,FAMILY', 'per-new1,per-ok1,ASSOCIATE_OF,FAMILY', 'per-ok3,country-AL,NATIONAL_OF,']) },
      ],
      { defaultReportId: REPORT, today: new Date() },
    );
    const prepared = await prepareImport(t.system, plan, new Date());
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.bad));
    const failing = runStagedImport(t.system, prepared.prepared, {
      batchSize: 1,
      sha256: 'x',
      runHost: host,
      afterBatch: (n) => {
        if (n === 5) throw new Error('the disk is full');
      },
    });
    await expect(failing).rejects.toThrow('the disk is full');
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await countAll(t.client)).toEqual(counts);
    expect(await bookkeeping(t)).toEqual(books);
    expect(books.backups).toBe(0);
  }, 120_000);

  async function killMidway(files: string[]): Promise<void> {
    const child = spawnCli(['import', ...files, '--format', 'csv', '--report', REPORT, '--batch-size', '500'], cliEnv());
    const done = collect(child);
    const deadline = Date.now() + 120_000;
    while ((await marked(t)) < 2_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    const r = await done;
    expect(r.signal).toBe('SIGKILL');
  }

  it('leaves a killed import recoverable: `msht import --recover` takes the graph back to where it was', async () => {
    const before = await canonicalDump(t.client);
    const counts = await countAll(t.client);
    const files = bigFiles(20_000, 'k');
    await killMidway(files);
    // Some batches committed before the kill: the run is unfinished, its items marked.
    const partial = await marked(t);
    expect(partial).toBeGreaterThanOrEqual(2_000);
    expect(partial).toBeLessThanOrEqual(20_000);
    const recover = await runCli(['import', '--recover']);
    expect(recover.code).toBe(0);
    expect(recover.stdout).toMatch(/^rolled back imp-/);
    expect(await countAll(t.client)).toEqual(counts);
    expect(await canonicalDump(t.client)).toEqual(before);
    expect(await bookkeeping(t)).toEqual({ runs: 1, backups: 0 }); // the committed run of the earlier test
  }, 300_000);

  it('rolls a killed import back by itself when the same files are imported again', async () => {
    const counts = await countAll(t.client);
    const files = bigFiles(20_000, 'k');
    await killMidway(files);
    expect(await marked(t)).toBeGreaterThanOrEqual(2_000);
    const again = await runCli(['import', ...files, '--format', 'csv', '--report', REPORT, '--batch-size', '5000']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/rolled back unfinished run imp-\S+ .*k-people\.csv/);
    expect(again.stdout).toMatch(/nodes: +created 20,000, updated 0, unchanged 0/);
    expect(await countAll(t.client)).toEqual({ nodes: counts.nodes + 20_000 + 1, relationships: counts.relationships + 20_000 });
  }, 300_000);
});
