// The side-by-side benchmark (bench/README.md): our service, hand-written Cypher (the limit) and
// @neo4j/graphql (the peer) on the same Neo4j and the same world, workload by workload.
//   npm run bench -- --scale small|medium|large [--duration s] [--connections 1,8,32] ...
// Not a test: it prints figures and writes bench/results/<scale>[.local].json.
import fs from 'node:fs';
import path from 'node:path';

import { parseBenchArgs, USAGE, type BenchOptions } from './harness/args';
import { canonical, diffAnswers } from './harness/compare';
import type { BenchResult, CheckResult, PointResult, SystemName, WorkloadResult } from './harness/results';
import { formatSummary, formatWorkload } from './harness/table';
import { buildSystems, startSystem, type SystemProcess } from './support/child-system';
import { benchCredentials } from './support/credentials';
import { openBenchDatabase, type BenchDatabase } from './support/database';
import { measurePoint, type LoadTarget } from './support/load';
import { loadAverage, machineInfo } from './support/machine';
import { ask, clientFor, type SystemClient } from './support/system-client';
import { WORKLOADS, type Workload } from './workloads';
import { Rng } from './harness/rng';
import { settleJit, type SettleResult } from './support/settle';
import { prepareWorld } from './support/world';

const say = (line: string) => process.stdout.write(`${line}\n`);
const ROOT = path.resolve(__dirname, '..');
const SCRIPTS: Record<SystemName, string> = { limit: 'limit-server.ts', ours: 'service-server.ts', peer: 'peer-server.ts' };

function pkgVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function chooseWorkloads(o: BenchOptions): Workload[] {
  if (!o.workloads) return [...WORKLOADS];
  return o.workloads.map((x) => {
    const w = WORKLOADS.find((y) => y.letter === x || y.key === x);
    if (!w) throw new Error(`--workloads: unknown workload ${JSON.stringify(x)} (${WORKLOADS.map((y) => `${y.letter}=${y.key}`).join(', ')})`);
    return w;
  });
}

/** Asks every system the first `n` requests and compares the normalised answers with ours. */
async function check(w: Workload, params: unknown[], clients: SystemClient[], n: number): Promise<CheckResult> {
  const differences: string[] = [];
  const cypher: Partial<Record<SystemName, number[]>> = {};
  const sample = params.slice(0, n);
  for (const [i, p] of sample.entries()) {
    const answers: Partial<Record<SystemName, unknown>> = {};
    for (const c of clients.filter((x) => x.supports(w))) {
      const r = await ask(c, w, p);
      if (r.error !== undefined) {
        differences.push(`request ${i} ${canonical(p)}: ${c.name} failed: ${r.error}`);
        continue;
      }
      answers[c.name] = r.answer;
      if (r.cypher !== null) (cypher[c.name] ??= []).push(r.cypher);
    }
    if (i < 2 && process.env.BENCH_SHOW_ANSWERS) say(`    ${w.key} #${i} ${canonical(answers.ours).slice(0, 400)}`);
    const reference = answers.ours !== undefined ? 'ours' : undefined;
    if (!reference) continue;
    for (const other of ['limit', 'peer'] as const) {
      if (answers[other] === undefined) continue;
      const d = diffAnswers(answers.ours, answers[other]);
      if (d.length) differences.push(`request ${i} ${canonical(p)}: ours and ${other} differ:\n      ${d.join('\n      ')}`);
    }
  }
  const stats = Object.fromEntries(Object.entries(cypher).map(([k, v]) => [k, { mean: v.reduce((a, b) => a + b, 0) / v.length, max: Math.max(...v) }]));
  return { requests: sample.length, equal: differences.length === 0, cypher: stats, ...(differences.length ? { differences } : {}) };
}

async function main(): Promise<number> {
  let o: BenchOptions;
  try {
    o = parseBenchArgs(process.argv.slice(2), ROOT);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const workloads = chooseWorkloads(o);
  const machine = machineInfo();
  say(`msht-graph bench: scale ${o.scale}, seed ${o.seed}; ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB; load average ${machine.loadBefore.join(' ')}`);
  if (o.fresh && !o.neo4jUri && fs.existsSync(o.dataDir)) {
    say(`--fresh: deleting ${o.dataDir}`);
    fs.rmSync(o.dataDir, { recursive: true, force: true });
  }

  const db: BenchDatabase = await openBenchDatabase({ dataDir: o.dataDir, uri: o.neo4jUri ?? undefined, heap: o.heap, pageCache: o.pageCache }, say);
  const systems: SystemProcess[] = [];
  try {
    const world = await prepareWorld(db, o.scale, o.seed, say);
    // Audit events of earlier runs (our service writes one per request) are not part of the world.
    await db.run('MATCH (e:AuditEvent) CALL (e) { DETACH DELETE e } IN TRANSACTIONS OF 10000 ROWS');
    await db.run('MATCH (c:AuditChain|AuditWriter) DETACH DELETE c');
    const [neo4jVersion] = await db.run("CALL dbms.components() YIELD name, versions RETURN versions[0] AS version");

    say('drawing requests from the world');
    const params = new Map<Workload, unknown[]>();
    for (const w of workloads) {
      const list = await w.sample((c, p) => db.run(c, p), new Rng(o.seed * 7919 + w.letter.charCodeAt(0)), o.requests);
      if (list.length === 0) throw new Error(`(${w.letter}) ${w.key}: the world gave no requests`);
      params.set(w, list);
    }

    const { env, token } = await benchCredentials(db.uri);
    say('compiling the systems (tsc -p bench/tsconfig.systems.json)');
    buildSystems();
    say(`starting ${o.systems.join(', ')}`);
    const settled = await Promise.allSettled(o.systems.map((s) => startSystem(s, SCRIPTS[s], env)));
    for (const r of settled) if (r.status === 'fulfilled') systems.push(r.value);
    const failedToStart = settled.find((r) => r.status === 'rejected');
    if (failedToStart) throw failedToStart.reason;
    const started = systems;
    const clients = o.systems.map((s, i) => clientFor(s, started[i]!, token));

    say(`\nchecking that the systems give the same answers (${o.check} requests per workload)`);
    const checks = new Map<Workload, CheckResult>();
    for (const w of workloads) {
      const c = await check(w, params.get(w)!, clients, o.check);
      checks.set(w, c);
      say(`  (${w.letter}) ${w.key}: ${c.equal ? 'same answers' : `${c.differences!.length} DIFFERENCES`} over ${c.requests} requests; Cypher per request ${Object.entries(c.cypher).map(([k, v]) => `${k} ${v.mean.toFixed(2)} (max ${v.max})`).join(', ')}`);
      for (const d of c.differences?.slice(0, 5) ?? []) say(`    ${d}`);
    }
    const different = workloads.filter((w) => !checks.get(w)!.equal);
    if (different.length) {
      say(`\nthe systems disagree on ${different.map((w) => `(${w.letter})`).join(' ')}: nothing was timed`);
      return 1;
    }
    if (o.checkOnly) return 0;

    const neo4jPid = db.pid ?? o.neo4jPid ?? undefined;
    const targetOf = (w: Workload, c: SystemClient): LoadTarget => ({
      system: c.name,
      origin: c.origin,
      headers: c.headers,
      requests: params.get(w)!.map((p) => c.request(w, p)),
      pid: c.pid,
      neo4jPid,
      failed: c.failed,
    });
    let jit: SettleResult | null = null;
    if (o.settleS > 0) {
      say(`\nsettling Neo4j's JIT compiler (every workload through every system, up to ${o.settleS} s)`);
      const targets = workloads.flatMap((w) => clients.filter((x) => x.supports(w)).map((c) => targetOf(w, c)));
      jit = await settleJit(targets, neo4jPid, { maxS: o.settleS, sliceS: 2, connections: 8 }, say);
    }

    const results: WorkloadResult[] = [];
    for (const w of workloads) {
      say(`\n(${w.letter}) ${w.title}`);
      const points: PointResult[] = [];
      for (const connections of o.connections) {
        for (const c of clients.filter((x) => x.supports(w))) {
          const point = await measurePoint(targetOf(w, c), connections, o.durationS, o.warmupS);
          points.push(point);
          const cpu = point.cpuMsPerRequest;
          say(
            `  ${String(connections).padStart(3)} conn  ${c.name.padEnd(6)} ${point.throughput.toFixed(1).padStart(8)} req/s  p50 ${(point.latencyMs.p50 ?? 0).toFixed(1).padStart(7)} ms  p99 ${(point.latencyMs.p99 ?? 0).toFixed(1).padStart(7)} ms  errors ${point.errors}  CPU ms/req: ${c.name} ${cpu?.system ?? '–'}, neo4j ${cpu?.neo4j ?? '–'}${cpu?.neo4jCompiler ? ` (JIT ${cpu.neo4jCompiler})` : ''}`,
          );
        }
      }
      const result: WorkloadResult = { letter: w.letter, key: w.key, title: w.title, bounded: w.bounded, roundTrips: w.roundTrips, peerCannot: w.peer ? null : (w.peerCannot ?? 'not expressed'), check: checks.get(w)!, points };
      results.push(result);
      say(formatWorkload(result));
    }

    const run: BenchResult = {
      version: 1,
      date: new Date().toISOString(),
      scale: o.scale,
      seed: o.seed,
      world: { persons: world.persons, nodes: world.nodes, relationships: world.relationships, generator: world.generator, seedSeconds: world.seedSeconds, reused: world.reused },
      machine: { ...machine, loadAfter: loadAverage() },
      options: { durationS: o.durationS, warmupS: o.warmupS, settle: jit, connections: o.connections, requestsPerWorkload: o.requests, neo4jHeap: o.heap, neo4jPageCache: o.pageCache },
      versions: {
        node: process.version,
        neo4j: String(neo4jVersion?.version ?? 'unknown'),
        '@neo4j/graphql': pkgVersion('@neo4j/graphql'),
        '@apollo/server': pkgVersion('@apollo/server'),
        'neo4j-driver': pkgVersion('neo4j-driver'),
        autocannon: pkgVersion('autocannon'),
      },
      workloads: results,
    };
    say(`\n${formatSummary(run)}`);
    say(`load average after: ${run.machine.loadAfter.join(' ')}`);
    const out = path.join(ROOT, 'bench', 'results', `${o.scale}${o.record ? '' : '.local'}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(run, null, 2)}\n`);
    say(`written ${path.relative(ROOT, out)}`);
    return 0;
  } finally {
    await Promise.all(systems.map((s) => s.stop()));
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
