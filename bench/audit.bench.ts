// The audit trail's two sides (not a test: it only prints): what the filter indexes of migration
// 0014 cost each event written, and what they save the auditors' filtered reads.
//   npx ts-node --transpile-only bench/audit.bench.ts [--events 300000] [--write 20000] [--rounds 3]
// On a Neo4j of its own (a temporary folder), the trail is filled to --events events of a made-up
// year (50 agencies, a few of them most of the traffic; 60 operations; 2.5% errors), written in
// batches of 1,000. Then, alternately without and with the three indexes, --write more events are
// appended as the service appends them (src/graph/audit.writer.ts, batches of 100, one after the
// other), and Neo4j's CPU per event is read from /proc; then each filter an auditor gives is counted
// and paged (the service's own statements, src/graph/queries/audit.query.ts), median of 5.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { AuditEventInput } from '../src/auth/audit/audit-event';
import { appendAuditEvents } from '../src/graph/audit.writer';
import { readMigrations } from '../src/graph/migrations/migrator';
import { auditCountQuery, auditPageQuery, type AuditFilter } from '../src/graph/queries/audit.query';
import { Rng } from './harness/rng';
import { percentile } from './harness/stats';
import { machineInfo } from './support/machine';
import { openBenchDatabase, type BenchDatabase } from './support/database';
import { cpuMs } from './support/process-stats';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const EVENTS = arg('events', 300_000);
const WRITE = arg('write', 20_000);
const ROUNDS = arg('rounds', 3);

const random = new Rng(7);
/** Agency i is drawn with weight 1/(i+1): the first few carry most of the trail, the last few a trace. */
const AGENCIES = Array.from({ length: 50 }, (_, i) => `AG${String(i).padStart(2, '0')}`);
const OPERATIONS = Array.from({ length: 60 }, (_, i) => `Operation${i}`);
const CODES = ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'MSHT_CONFLICT', 'SERVICE_UNAVAILABLE', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED', 'RARE_CODE'];
/** One of `n` items, item i with weight 1/(i+1). */
const zipf = (n: number): number => random.weighted(Array.from({ length: n }, (_, i) => [i, 1 / (i + 1)] as const));

const YEAR_MS = 365 * 24 * 3600 * 1000;
const START = Date.parse('2026-01-01T00:00:00Z');
let made = 0;
/** The next event of the made-up year (`at` grows with the seq, as it does in a real trail). */
function nextEvent(total: number): AuditEventInput {
  const n = made++;
  const roll = random.next();
  const outcome = roll < 0.975 ? 'ok' : roll < 0.995 ? 'error' : 'aborted';
  const codes = outcome === 'error' ? [CODES[zipf(CODES.length)]!] : [];
  const op = OPERATIONS[zipf(OPERATIONS.length)]!;
  return {
    at: new Date(START + Math.floor((n / total) * YEAR_MS)).toISOString(),
    requestId: `req-${n}`,
    subject: `analyst-${zipf(400)}`,
    agency: AGENCIES[zipf(AGENCIES.length)]!,
    roles: ['ANALYST'],
    failureReason: null,
    operationName: op,
    operationType: 'query',
    documentHash: 'f'.repeat(64),
    variables: JSON.stringify({ id: `person-${Math.floor(random.next() * 1e6)}`, first: 50, filter: { nationality: 'RO', name: '***' } }),
    outcome,
    errorCodes: codes,
    httpStatus: outcome === 'error' ? 400 : 200,
    durationMs: Math.floor(random.next() * 200),
    records: Math.floor(random.next() * 100),
    export: null,
  };
}

const migration = readMigrations().find((m) => m.id === '0014-audit-filters');
if (!migration) throw new Error('migration 0014-audit-filters not found');
const indexNames = migration.statements.map((s) => /CREATE INDEX (\w+)/.exec(s)?.[1]).filter((n): n is string => !!n);

/** Builds or drops the indexes; returns the seconds a build took (what the first start after 0014 waits on an existing trail). */
async function setIndexes(db: BenchDatabase, on: boolean): Promise<number> {
  const t0 = performance.now();
  if (on) {
    for (const s of migration!.statements) await db.run(s);
    await db.run('CALL db.awaitIndexes(600)');
  } else {
    for (const name of indexNames) await db.run(`DROP INDEX ${name} IF EXISTS`);
  }
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]): number => percentile([...xs].sort((a, b) => a - b), 50)!;

async function main(): Promise<void> {
  const m = machineInfo();
  console.log(`audit bench: ${EVENTS.toLocaleString('en-GB')} events, then ${ROUNDS} × ${WRITE.toLocaleString('en-GB')} appended without and with the indexes; ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB; load average ${m.loadBefore.join(' ')}`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-audit-bench-'));
  const db = await openBenchDatabase({ dataDir: home, heap: '1g', pageCache: '1g' }, (l) => console.log(l));
  try {
    const started = performance.now();
    await setIndexes(db, true);
    for (let written = 0; written < EVENTS; written += 1000) {
      await appendAuditEvents(db.graph, Array.from({ length: Math.min(1000, EVENTS - written) }, () => nextEvent(EVENTS)), 'bench');
    }
    console.log(`trail filled: ${EVENTS.toLocaleString('en-GB')} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // The write side: the service's batches, one after the other, alternately without and with.
    const perEvent: Record<'without' | 'with', { neo4j: number[]; wall: number[] }> = { without: { neo4j: [], wall: [] }, with: { neo4j: [], wall: [] } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of ['without', 'with'] as const) {
        const built = await setIndexes(db, side === 'with');
        if (side === 'with') console.log(`  round ${round + 1}: the three indexes built over the trail in ${built.toFixed(1)} s`);
        const cpu0 = cpuMs(db.pid!) ?? 0;
        const t0 = performance.now();
        for (let w = 0; w < WRITE; w += 100) await appendAuditEvents(db.graph, Array.from({ length: 100 }, () => nextEvent(EVENTS)), 'bench');
        const wall = performance.now() - t0;
        const cpu = (cpuMs(db.pid!) ?? 0) - cpu0;
        perEvent[side].neo4j.push((cpu * 1000) / WRITE);
        perEvent[side].wall.push((wall * 1000) / WRITE);
        console.log(`  round ${round + 1}, ${side.padEnd(7)} the indexes: ${((cpu * 1000) / WRITE).toFixed(1)} µs of Neo4j CPU and ${((wall * 1000) / WRITE).toFixed(1)} µs of wall per event`);
      }
    }
    const w = median(perEvent.without.neo4j);
    const x = median(perEvent.with.neo4j);
    console.log(`write, median of the rounds: ${w.toFixed(1)} µs of Neo4j CPU per event without, ${x.toFixed(1)} µs with (${(x - w).toFixed(1)} µs more, ×${(x / w).toFixed(2)}); wall ${median(perEvent.without.wall).toFixed(1)} and ${median(perEvent.with.wall).toFixed(1)} µs`);

    // The read side: each filter counted and paged, without and with.
    const total = Number((await db.run('MATCH (e:AuditEvent) RETURN count(e) AS n'))[0]!.n);
    const filters: Array<[string, AuditFilter]> = [
      ['agency (the busiest)', { agency: AGENCIES[0] }],
      ['agency (the quietest)', { agency: AGENCIES[49] }],
      ['operation (a rare one)', { operationName: OPERATIONS[59] }],
      ['outcome error', { outcome: 'error' }],
      ['error code (a rare one)', { errorCode: 'RARE_CODE' }],
      ['agency (quietest), one month', { agency: AGENCIES[49], from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' }],
    ];
    console.log(`\nreads over ${total.toLocaleString('en-GB')} events (median of 5 after one untimed; ms)`);
    console.log(`${'filter'.padEnd(32)} ${'matches'.padStart(8)}  ${'count without'.padStart(13)} ${'with'.padStart(8)}  ${'page without'.padStart(12)} ${'with'.padStart(8)}`);
    const timings: Record<string, Record<string, number>> = {};
    for (const side of ['without', 'with'] as const) {
      await setIndexes(db, side === 'with');
      for (const [label, filter] of filters) {
        const t = (timings[label] ??= {});
        for (const [kind, q] of [['count', auditCountQuery(filter)], ['page', auditPageQuery(filter, 50)]] as const) {
          const ms: number[] = [];
          for (let i = 0; i < 6; i++) {
            const t0 = performance.now();
            const rows = await db.graph.read(q);
            if (i > 0) ms.push(performance.now() - t0);
            if (kind === 'count') t.matches = Number(rows[0]!.total);
          }
          t[`${kind} ${side}`] = median(ms);
        }
      }
    }
    for (const [label] of filters) {
      const t = timings[label]!;
      const f = (v: number | undefined) => (v ?? NaN).toFixed(1);
      console.log(`${label.padEnd(32)} ${String(t.matches).padStart(8)}  ${f(t['count without']).padStart(13)} ${f(t['count with']).padStart(8)}  ${f(t['page without']).padStart(12)} ${f(t['page with']).padStart(8)}`);
    }
  } finally {
    await db.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
