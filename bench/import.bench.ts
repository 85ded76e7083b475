/**
 * Import throughput (README.md#measured-throughput): seeds a synthetic world and imports the real
 * CTDC file into an embedded Neo4j of its own (a temporary folder, a free port), and prints rows,
 * nodes and relationships per second. A benchmark, not a test: it prints figures and passes
 * whatever they are; the aim is at least 20,000 relationships per second.
 *
 *   npx ts-node --transpile-only bench/import.bench.ts [--scale medium] [--seed 7] [--heap 1g] [--pagecache 1g] [--no-ctdc] [--rollback] [--restore [--edited N]]
 *
 * `--rollback`: the CTDC file is first imported as a run that fails after its last batch, and the
 * time its rollback takes (deleting every node and relationship the run created) is printed.
 * `--restore`: after the import, a run that changes every record and link of the file (graded
 * otherwise) fails after its last batch, and the time its rollback takes (restoring each from its
 * backup) is printed; the bench checks that every change was undone. `--edited N`: N of the
 * records it changed are edited before the rollback (which keeps them, and lists them).
 * `LOG_LEVEL=debug` logs each statement's time (to stdout).
 */
import 'reflect-metadata';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import neo4j from 'neo4j-driver';

import { loadConfig } from '../src/config/config';
import { createDriver } from '../src/graph/driver';
import { IMPORT_BACKUP_LABEL, IMPORT_RUN_LABEL } from '../src/domain/graph-model';
import type { ProvenanceInput } from '../src/domain/provenance-input';
import { startEmbeddedNeo4j } from '../src/graph/embedded/embedded-neo4j';
import type { RollbackCounts } from '../src/graph/import-run.store';
import { Migrator } from '../src/graph/migrations/migrator';
import { GraphClient } from '../src/graph/run-query';
import type { ScopedGraph } from '../src/graph/scoped-graph';
import { systemGraph } from '../src/graph/system-graph';
import type { ImportPlan } from '../src/ingestion/import-plan';
import { planFiles } from '../src/ingestion/plan-files';
import { prepareImport } from '../src/ingestion/prepare-import';
import { runStagedImport, type RunHost } from '../src/ingestion/run-import';
import { sharedDataDir } from '../src/ingestion/reference/shared-data';
import { parseScale } from '../src/ingestion/seed/seed-item';
import { runSeed } from '../src/ingestion/seed/seeder';
import { createLogger } from '../src/logging/logger';
import { freePort } from '../test/support/free-port';

const AIM = 20_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

function line(what: string, seconds: number, rows: number | null, nodes: number, rels: number): string {
  const s = Math.max(seconds, 0.001);
  const rate = rels / s;
  return [
    `${what.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s`,
    rows !== null ? `${fmt(rows / s).padStart(9)} rows/s` : ''.padStart(16),
    `${fmt(nodes / s).padStart(9)} nodes/s`,
    `${fmt(rate).padStart(9)} relationships/s`,
    rate >= AIM ? '(meets the 20,000/s aim)' : '(below the 20,000/s aim)',
  ].join('  ');
}

/** What the running run changed (each item is backed up before its change). */
const backedUpQuery = {
  cypher: `MATCH (r:${IMPORT_RUN_LABEL} {status: 'RUNNING'}), (b:${IMPORT_BACKUP_LABEL} {__run: r.id})
RETURN count(b.__of) AS nodes, count(b.__relId) AS relationships`,
  params: {},
};

/** An analyst's edit of `n` of the records the running run changed (before the rollback, which keeps them). */
const editQuery = (n: number) => ({
  cypher: `MATCH (r:${IMPORT_RUN_LABEL} {status: 'RUNNING'}), (b:${IMPORT_BACKUP_LABEL} {__run: r.id}) WHERE b.__of IS NOT NULL
WITH b LIMIT $n
MATCH (e:Entity {id: b.__of}) SET e.gradeIntel = 'D'`,
  params: { n: neo4j.int(n) },
});

/** How many records and links are graded E (the seeded world has some). */
async function gradedE(g: ScopedGraph): Promise<number> {
  const [r] = await g.read({
    cypher: "CALL { MATCH (n:Entity) WHERE n.gradeIntel = 'E' RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() WHERE r.gradeIntel = 'E' RETURN count(r) AS rels } RETURN nodes + rels AS n",
    params: {},
  });
  return Number(r?.n ?? 0);
}

/**
 * Imports `plan` as a run that fails after its last batch (so that it is rolled back), and times
 * the rollback from the failure. `wrote`: what the run had written by then; `meanwhile` runs
 * before the rollback, while the run is unfinished.
 */
async function failAndRollBack(g: ScopedGraph, plan: ImportPlan, host: RunHost, meanwhile: () => Promise<unknown> = async () => undefined): Promise<{ seconds: number; counts: RollbackCounts; wrote: { seconds: number; rows: number; nodes: number; relationships: number } }> {
  const failing = await prepareImport(g, plan, new Date());
  if (!failing.ok) throw new Error(`the CTDC file was refused: ${failing.bad[0]!.reason}`);
  const batches = [...failing.prepared.nodes, ...failing.prepared.rels].reduce((n, b) => n + Math.ceil(b.rows.length / 10_000), 0);
  const started = Date.now();
  let failedAt = 0;
  let undone: RollbackCounts | null = null;
  let wrote = { seconds: 0, rows: plan.rows, nodes: 0, relationships: 0 };
  const run = runStagedImport(g, failing.prepared, {
    batchSize: 10_000,
    sha256: 'rollback-bench',
    runHost: host,
    afterBatch: async (n) => {
      if (n < batches) return;
      const wroteAt = Date.now();
      const [r] = await g.read(backedUpQuery);
      wrote = { seconds: (wroteAt - started) / 1000, rows: plan.rows, nodes: Number(r?.nodes ?? 0), relationships: Number(r?.relationships ?? 0) };
      await meanwhile();
      failedAt = Date.now();
      throw new Error('failed on purpose after the last batch');
    },
    onRolledBack: (_id, counts) => (undone = counts),
  });
  await run.then(
    () => {
      throw new Error('the failing run committed');
    },
    () => undefined,
  );
  const counts = undone as RollbackCounts | null;
  if (!failedAt || !counts) throw new Error('the failing run was not rolled back');
  return { seconds: (Date.now() - failedAt) / 1000, counts, wrote };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'medium' },
      seed: { type: 'string', default: '7' },
      heap: { type: 'string', default: '1g' },
      pagecache: { type: 'string', default: '1g' },
      'no-ctdc': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      rollback: { type: 'boolean', default: false },
      restore: { type: 'boolean', default: false },
      edited: { type: 'string', default: '0' },
    },
  });
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-bench-'));
  const db = await startEmbeddedNeo4j({ homeDir: home, boltHost: '127.0.0.1', boltPort: await freePort(), heap: values.heap!, pageCache: values.pagecache!, txTimeoutSeconds: 3600, startTimeoutMs: 600_000 }, log);
  const config = loadConfig({ NEO4J_URI: db.uri, MSHT_MODE: 'test' });
  const client = new GraphClient(createDriver(db.uri, config.neo4j), { database: 'neo4j', queryTimeoutMs: 3_600_000, log });
  const g = systemGraph(client, 'bench');
  const host = { host: os.hostname(), pid: process.pid, isAlive: () => true };
  const out: string[] = [];
  try {
    await new Migrator(client, log).migrate();
    process.stdout.write(`msht-graph import benchmark: Neo4j ${db.version} embedded (heap ${values.heap}, page cache ${values.pagecache}), ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}\n`);

    const scale = parseScale(values.scale!);
    const seed = await runSeed(g, { seed: Number(values.seed), scale, runHost: host });
    out.push(line(`seed ${scale.name} (${fmt(scale.persons)} persons)`, seed.seconds, null, seed.nodes.created, seed.relationships.created));
    process.stdout.write(`  ${out.at(-1)}\n    ${fmt(seed.nodes.created)} nodes, ${fmt(seed.relationships.created)} relationships\n`);

    if (!values['no-ctdc']) {
      const file = path.join(sharedDataDir(), 'ctdc', 'ctdc_global_dataset_2017_kanon.csv');
      if (values.rollback) {
        const plan = planFiles('ctdc', [file], { now: new Date() }).plan;
        const { seconds, counts } = await failAndRollBack(g, plan, host);
        out.push(`${'roll back a failed CTDC run'.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s  ${fmt(counts.nodesDeleted / Math.max(seconds, 0.001)).padStart(9)} nodes/s deleted, with their relationships`);
        process.stdout.write(`  ${out.at(-1)}\n    ${fmt(counts.nodesDeleted)} nodes\n`);
      }
      const started = Date.now();
      const { plan, sha256 } = planFiles('ctdc', [file], { now: new Date() });
      const prepared = await prepareImport(g, plan, new Date());
      if (!prepared.ok) throw new Error(`the CTDC file was refused: ${prepared.bad[0]!.reason}`);
      const s = await runStagedImport(g, prepared.prepared, { batchSize: 10_000, sha256, runHost: host });
      const total = (Date.now() - started) / 1000;
      out.push(line('import CTDC (write phase)', s.seconds, s.rows, s.nodes.created, s.relationships.created));
      process.stdout.write(`  ${out.at(-1)}\n`);
      out.push(line('import CTDC (read, check, write)', total, s.rows, s.nodes.created, s.relationships.created));
      process.stdout.write(`  ${out.at(-1)}\n    ${fmt(s.rows)} rows, ${fmt(s.nodes.created)} nodes, ${fmt(s.relationships.created)} relationships\n`);
      const again = Date.now();
      const second = await prepareImport(g, planFiles('ctdc', [file], { now: new Date() }).plan, new Date());
      if (second.ok) {
        const s2 = await runStagedImport(g, second.prepared, { batchSize: 10_000, sha256, runHost: host });
        out.push(line('import CTDC again (unchanged)', (Date.now() - again) / 1000, s2.rows, s2.nodes.unchanged, s2.relationships.unchanged));
        process.stdout.write(`  ${out.at(-1)}\n`);
      }
      if (values.restore) {
        // Every record and link of the file, graded otherwise: a run that changes them all (each
        // backed up first), fails after its last batch, and is rolled back by restoring them all.
        const plan = planFiles('ctdc', [file], { now: new Date() }).plan;
        const regraded = (prov: ProvenanceInput): ProvenanceInput => ({ ...prov, gradeIntel: 'E' });
        plan.nodes = plan.nodes.map((n) => ({ ...n, prov: regraded(n.prov) }));
        plan.rels = plan.rels.map((r) => ({ ...r, prov: regraded(r.prov) }));
        const beforeRegrade = await gradedE(g);
        const edited = Number(values.edited);
        const { seconds, counts, wrote } = await failAndRollBack(g, plan, host, () => g.write(editQuery(edited)));
        const restored = counts.nodesRestored + counts.relationshipsRestored;
        out.push(line('re-grade CTDC (write phase)', wrote.seconds, wrote.rows, wrote.nodes, wrote.relationships));
        process.stdout.write(`  ${out.at(-1)}\n    ${fmt(wrote.nodes)} nodes and ${fmt(wrote.relationships)} relationships changed\n`);
        out.push(`${'roll back the re-grading'.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s  ${fmt(restored / Math.max(seconds, 0.001)).padStart(9)} items/s restored`);
        process.stdout.write(`  ${out.at(-1)}\n    ${fmt(counts.nodesRestored)} nodes and ${fmt(counts.relationshipsRestored)} relationships restored, ${fmt(counts.itemsKept.length)} kept\n`);
        const after = await gradedE(g);
        if (after !== beforeRegrade) throw new Error(`records and links graded E: ${beforeRegrade} before the run, ${after} after its rollback`);
        if (restored + counts.itemsKept.length !== wrote.nodes + wrote.relationships || counts.itemsKept.length !== edited) {
          throw new Error(`the run changed ${wrote.nodes + wrote.relationships} items, ${edited} were edited since, and the rollback restored ${restored} and kept ${counts.itemsKept.length}`);
        }
      }
    }
  } finally {
    await client.close();
    await db.stop();
    if (!values.keep) fs.rmSync(home, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
