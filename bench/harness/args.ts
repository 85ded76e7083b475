import path from 'node:path';
import { parseArgs } from 'node:util';

import type { SystemName } from './results';

export const USAGE = `npm run bench -- --scale small|medium|large [options]

  --scale S            tiny, small, medium or large (default small)
  --duration SECONDS   measured seconds per point (default 10)
  --warmup SECONDS     warm-up before each point (default: a third of --duration, 1 to 5)
  --settle SECONDS     before timing, load every system with every workload until Neo4j's JIT
                       compiler has settled, for at most this long (default 240; 0: no settling)
  --connections LIST   concurrency levels, comma-separated (default 1,8,32)
  --workloads LIST     letters or keys, comma-separated (default a,b,c,d,e,f,g)
  --systems LIST       limit,ours,peer (default all three)
  --requests N         request parameter sets drawn per workload (default 200)
  --check N            requests per workload compared across the systems first (default 25)
  --seed N             world and sample seed (default 1)
  --data-dir DIR       the bench's Neo4j store (default .bench-data/<scale>; never .data/)
  --neo4j-uri URI      use this Neo4j instead of starting one (it must hold the world or be empty)
  --neo4j-pid PID      that Neo4j's process, to report its CPU time per request
  --heap SIZE          embedded Neo4j heap (default 1g)
  --pagecache SIZE     embedded Neo4j page cache (default 512m small, 1g medium, 3g large)
  --fresh              delete the store first and seed again
  --check-only         compare the answers, measure nothing
  --record             write bench/results/<scale>.json (committed); otherwise <scale>.local.json`;

export interface BenchOptions {
  scale: 'tiny' | 'small' | 'medium' | 'large';
  durationS: number;
  warmupS: number;
  settleS: number;
  connections: number[];
  workloads: string[] | null;
  systems: SystemName[];
  requests: number;
  check: number;
  seed: number;
  dataDir: string;
  neo4jUri: string | null;
  neo4jPid: number | null;
  heap: string;
  pageCache: string;
  fresh: boolean;
  checkOnly: boolean;
  record: boolean;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function positive(name: string, s: string, integer = true): number {
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`--${name} must be a positive ${integer ? 'whole ' : ''}number, got ${JSON.stringify(s)}`);
  return n;
}

/** Parses the command line (after `npm run bench --`); throws with a message on a bad value. */
export function parseBenchArgs(argv: string[], cwd: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scale: { type: 'string', default: 'small' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string' },
      settle: { type: 'string', default: '240' },
      connections: { type: 'string', default: '1,8,32' },
      workloads: { type: 'string' },
      systems: { type: 'string', default: 'limit,ours,peer' },
      requests: { type: 'string', default: '200' },
      check: { type: 'string', default: '25' },
      seed: { type: 'string', default: '1' },
      'data-dir': { type: 'string' },
      'neo4j-uri': { type: 'string' },
      'neo4j-pid': { type: 'string' },
      heap: { type: 'string', default: '1g' },
      pagecache: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'check-only': { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
    },
  });
  const scale = values.scale!;
  if (!['tiny', 'small', 'medium', 'large'].includes(scale)) throw new Error(`--scale must be tiny, small, medium or large, got ${JSON.stringify(scale)}`);
  const durationS = positive('duration', values.duration!, false);
  const warmupS = values.warmup !== undefined ? Number(values.warmup) : Math.min(5, Math.max(1, Math.round(durationS / 3)));
  if (!Number.isFinite(warmupS) || warmupS < 0) throw new Error('--warmup must be a number of seconds, 0 or more');
  const settleS = Number(values.settle);
  if (!Number.isFinite(settleS) || settleS < 0) throw new Error('--settle must be a number of seconds, 0 or more');
  const systems = list(values.systems!);
  for (const s of systems) if (!['limit', 'ours', 'peer'].includes(s)) throw new Error(`--systems: unknown system ${JSON.stringify(s)} (limit, ours, peer)`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number, 0 or more');
  const dataDir = path.resolve(cwd, values['data-dir'] ?? path.join('.bench-data', scale));
  if (path.basename(dataDir) === '.data' || dataDir === path.resolve(cwd, '.data') || dataDir.startsWith(path.resolve(cwd, '.data') + path.sep)) {
    throw new Error("--data-dir may not be the development store (.data/): the bench seeds and cleans its own");
  }
  return {
    scale: scale as BenchOptions['scale'],
    durationS,
    warmupS,
    settleS,
    connections: list(values.connections!).map((c) => positive('connections', c)),
    workloads: values.workloads ? list(values.workloads) : null,
    systems: systems as SystemName[],
    requests: positive('requests', values.requests!),
    check: positive('check', values.check!),
    seed,
    dataDir,
    neo4jUri: values['neo4j-uri'] ?? null,
    neo4jPid: values['neo4j-pid'] !== undefined ? positive('neo4j-pid', values['neo4j-pid']) : null,
    heap: values.heap!,
    pageCache: values.pagecache ?? (scale === 'large' ? '3g' : scale === 'medium' ? '1g' : '512m'),
    fresh: values.fresh!,
    checkOnly: values['check-only']!,
    record: values.record!,
  };
}
