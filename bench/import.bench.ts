/**
 * Import throughput (README.md#measured-throughput): seeds a synthetic world and imports the real
 * CTDC file into an embedded Neo4j of its own (a temporary folder, a free port), and prints rows,
 * nodes and relationships per second. A benchmark, not a test: it prints figures and passes
 * whatever they are; the aim is at least 20,000 relationships per second.
 *
 *   npx ts-node --transpile-only bench/import.bench.ts [--scale medium] [--seed 7] [--heap 1g] [--pagecache 1g] [--no-ctdc] [--rollback]
 *
 * `--rollback`: the CTDC file is first imported as a run that fails after its last batch, and the
 * time its rollback takes (deleting every node and relationship the run created) is printed.
 */
import 'reflect-metadata';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadConfig } from '../src/config/config';
import { createDriver } from '../src/graph/driver';
import { startEmbeddedNeo4j } from '../src/graph/embedded/embedded-neo4j';
import { Migrator } from '../src/graph/migrations/migrator';
import { GraphClient } from '../src/graph/run-query';
import { systemGraph } from '../src/graph/system-graph';
import { planFiles } from '../src/ingestion/plan-files';
import { prepareImport } from '../src/ingestion/prepare-import';
import { runStagedImport } from '../src/ingestion/run-import';
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
    },
  });
  const log = createLogger('warn');
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
        const failing = await prepareImport(g, planFiles('ctdc', [file], { now: new Date() }).plan, new Date());
        if (!failing.ok) throw new Error(`the CTDC file was refused: ${failing.bad[0]!.reason}`);
        const batches = [...failing.prepared.nodes, ...failing.prepared.rels].reduce((n, b) => n + Math.ceil(b.rows.length / 10_000), 0);
        let failedAt = 0;
        let undone: { nodesDeleted: number; relationshipsDeleted: number } | null = null;
        const run = runStagedImport(g, failing.prepared, {
          batchSize: 10_000,
          sha256: 'rollback-bench',
          runHost: host,
          afterBatch: (n) => {
            if (n < batches) return;
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
        const rolledBack = undone as { nodesDeleted: number; relationshipsDeleted: number } | null;
        if (!failedAt || !rolledBack) throw new Error('the failing run was not rolled back');
        const seconds = (Date.now() - failedAt) / 1000;
        out.push(`${'roll back a failed CTDC run'.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s  ${fmt(rolledBack.nodesDeleted / Math.max(seconds, 0.001)).padStart(9)} nodes/s deleted, with their relationships`);
        process.stdout.write(`  ${out.at(-1)}\n    ${fmt(rolledBack.nodesDeleted)} nodes\n`);
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
