// Two builds of our service on one Neo4j, measured in turns: the service's and Neo4j's CPU per
// request, and throughput, for each, a few seconds at a time, alternating, so that the machine's
// drift (other people's work, Neo4j's JIT) falls on both alike. For a change on the hot path,
// where one run of `run.ts` per version moves more with the machine than with the code.
//   npx ts-node --transpile-only bench/ab.ts --base REV [--scale small] [--workloads a,b,d] [--rounds 6] [--seconds 4] [--connections 8] [--settle 24]
// The world must exist (.bench-data/<scale>: `npm run bench -- --scale S --check-only`). REV is
// checked out into .bench-data/ab/<rev> (a git worktree) and both builds are compiled there; both
// take their packages from this checkout's node_modules, so a REV needing a package since removed
// will not start.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { Rng } from './harness/rng';
import { summarise } from './harness/stats';
import { startSystem } from './support/child-system';
import { benchCredentials } from './support/credentials';
import { openBenchDatabase } from './support/database';
import { cannon, type LoadTarget } from './support/load';
import { cpuMs } from './support/process-stats';
import { clientFor } from './support/system-client';
import { WORKLOADS } from './workloads';

const ROOT = path.resolve(__dirname, '..');

function build(tree: string, out: string): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(tree, 'bench', 'tsconfig.systems.json'), '--outDir', out, '--tsBuildInfoFile', path.join(out, '.tsbuildinfo')], { stdio: 'inherit' });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      scale: { type: 'string', default: 'small' },
      workloads: { type: 'string', default: 'a,b,d' },
      rounds: { type: 'string', default: '6' },
      seconds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '8' },
      settle: { type: 'string', default: '24' },
    },
  });
  if (!values.base) throw new Error('--base REV is required (the version to compare the working tree with)');
  const rev = execFileSync('git', ['rev-parse', '--short', values.base], { cwd: ROOT, encoding: 'utf8' }).trim();
  const abDir = path.join(ROOT, '.bench-data', 'ab');
  const baseTree = path.join(abDir, rev);
  if (!fs.existsSync(baseTree)) {
    fs.mkdirSync(abDir, { recursive: true });
    execFileSync('git', ['worktree', 'add', '--detach', baseTree, rev], { cwd: ROOT, stdio: 'inherit' });
  }
  // The builds resolve their packages from here (.bench-data/ab/* is inside the project).
  const builds = { base: path.join(abDir, `build-${rev}`), work: path.join(abDir, 'build-work') };
  console.log(`compiling ${rev} and the working tree`);
  build(baseTree, builds.base);
  build(ROOT, builds.work);

  const db = await openBenchDatabase({ dataDir: path.join(ROOT, '.bench-data', values.scale!), heap: '1g', pageCache: '512m' }, (l) => console.log(l));
  const stops: (() => Promise<void>)[] = [];
  try {
    const { env, token } = await benchCredentials(db.uri);
    const procs = {
      base: await startSystem(`ours@${rev}`, 'service-server.ts', env, undefined, builds.base),
      work: await startSystem('ours@work', 'service-server.ts', env, undefined, builds.work),
    };
    stops.push(procs.base.stop, procs.work.stop);
    const wanted = values.workloads!.split(',');
    const rounds = Number(values.rounds);
    const seconds = Number(values.seconds);
    const connections = Number(values.connections);
    for (const w of WORKLOADS.filter((x) => wanted.includes(x.letter) || wanted.includes(x.key))) {
      const params = await w.sample((c, p) => db.run(c, p), new Rng(1 + w.letter.charCodeAt(0)), 200);
      const target = (which: 'base' | 'work'): LoadTarget => {
        const c = clientFor('ours', procs[which], token);
        return { system: 'ours', origin: c.origin, headers: c.headers, requests: params.map((p) => c.request(w, p)), pid: procs[which].pid, neo4jPid: db.pid, failed: c.failed };
      };
      const targets = { base: target('base'), work: target('work') };
      const figures = { base: [] as { rps: number; own: number; neo4j: number }[], work: [] as { rps: number; own: number; neo4j: number }[] };
      // Unmeasured turns first, until Neo4j's JIT and V8's have compiled what this workload runs.
      for (let t = 0; t < Number(values.settle); t += 2 * seconds) for (const which of ['base', 'work'] as const) await cannon(targets[which], connections, seconds);
      for (let r = 0; r < rounds; r++) {
        // Each round in the other order, so that neither version always follows the other.
        for (const which of r % 2 === 0 ? (['base', 'work'] as const) : (['work', 'base'] as const)) {
          const t = targets[which];
          const own0 = cpuMs(t.pid)!;
          const db0 = db.pid ? cpuMs(db.pid)! : 0;
          const out = await cannon(t, connections, seconds);
          const n = out.result.requests.total;
          if (n === 0) throw new Error(`${which}: no answer within ${seconds} s; give it longer (--seconds, --settle)`);
          if (out.failures || out.result.errors || out.result.non2xx) throw new Error(`${which}: ${out.failures + out.result.errors + out.result.non2xx} failed requests`);
          figures[which].push({ rps: n / seconds, own: (cpuMs(t.pid)! - own0) / n, neo4j: db.pid ? (cpuMs(db.pid)! - db0) / n : NaN });
        }
      }
      const med = (xs: number[]) => summarise(xs).p50!;
      const line = (which: 'base' | 'work') => {
        const f = figures[which];
        return `${which === 'base' ? rev.padEnd(8) : 'work'.padEnd(8)} ${med(f.map((x) => x.rps)).toFixed(0).padStart(6)} req/s   CPU ms/req: service ${med(f.map((x) => x.own)).toFixed(3)} (${f.map((x) => x.own.toFixed(2)).join(' ')}), neo4j ${med(f.map((x) => x.neo4j)).toFixed(3)}`;
      };
      const ratio = med(figures.work.map((x) => x.rps)) / med(figures.base.map((x) => x.rps));
      const cpu = med(figures.work.map((x) => x.own)) / med(figures.base.map((x) => x.own));
      console.log(`\n(${w.letter}) ${w.key}, ${connections} connections, ${rounds} × ${seconds} s each, medians:\n  ${line('base')}\n  ${line('work')}\n  work / ${rev}: throughput ${ratio.toFixed(2)}, service CPU per request ${cpu.toFixed(2)}`);
    }
  } finally {
    for (const stop of stops) await stop();
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
