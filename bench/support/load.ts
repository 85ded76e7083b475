import autocannon from 'autocannon';

import type { PointResult, SystemName } from '../harness/results';
import { summarise } from '../harness/stats';
import { compilerCpuMs, cpuMs, watchMemory } from './process-stats';

export interface LoadTarget {
  system: SystemName;
  /** Scheme, host and port. */
  origin: string;
  headers: Record<string, string>;
  /** The mix, sent round robin across all connections. */
  requests: { path: string; body: string }[];
  /** Whose resident memory and CPU time to sample. */
  pid: number;
  /** Neo4j's process, when the bench started it: its CPU time per request too. */
  neo4jPid?: number;
  /** A response that is a failure although it is a 200 (GraphQL errors). */
  failed?: (body: string) => boolean;
}

/** One autocannon run; latencies in ms, per response. */
export function cannon(t: LoadTarget, connections: number, seconds: number) {
  let next = 0;
  const latencies: number[] = [];
  let failures = 0;
  let cypher = 0;
  let withCypher = 0;
  let finish: (r: autocannon.Result) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: t.origin,
    connections,
    duration: seconds,
    timeout: 60,
    headers: { 'content-type': 'application/json', ...t.headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const r = t.requests[next++ % t.requests.length]!;
          return { ...req, path: r.path, body: r.body };
        },
        onResponse: (status, body, _ctx, headers) => {
          if (status === 200 && t.failed?.(body)) failures++;
          const n = Number((headers as Record<string, string | undefined> | undefined)?.['x-cypher-queries']);
          if (Number.isFinite(n)) {
            cypher += n;
            withCypher++;
          }
        },
      },
    ],
  }, (err, result) => (err ? fail(err) : finish(result)));
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  return done.then((result) => ({ result, latencies, failures, cypherPerRequest: withCypher ? cypher / withCypher : null }));
}

/** Warms the system up, then measures it at one concurrency, sampling its memory meanwhile. */
export async function measurePoint(t: LoadTarget, connections: number, seconds: number, warmupSeconds: number): Promise<PointResult> {
  if (warmupSeconds > 0) await cannon(t, connections, warmupSeconds);
  const memory = watchMemory(t.pid);
  // CPU so far of: the system, Neo4j, the load generator (this process), Neo4j's JIT compiler.
  const sample = () => [cpuMs(t.pid), t.neo4jPid ? cpuMs(t.neo4jPid) : null, cpuMs(process.pid), t.neo4jPid ? compilerCpuMs(t.neo4jPid) : null];
  const cpu0 = sample();
  const started = process.hrtime.bigint();
  const run = await cannon(t, connections, seconds);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu1 = sample();
  const rss = memory.stop();
  const r = run.result;
  const perRequest = (i: number) => (cpu0[i] === null || cpu1[i] === null || run.latencies.length === 0 ? null : Math.round(((cpu1[i]! - cpu0[i]!) / run.latencies.length) * 100) / 100);
  return {
    system: t.system,
    connections,
    seconds: Math.round(elapsed * 100) / 100,
    requests: run.latencies.length,
    throughput: run.latencies.length / elapsed,
    latencyMs: summarise(run.latencies),
    errors: r.errors + r.timeouts + r.non2xx + run.failures,
    cypherPerRequest: run.cypherPerRequest,
    rssMb: rss ? { peak: Math.round(rss.peak), mean: Math.round(rss.mean) } : null,
    cpuMsPerRequest: { system: perRequest(0), neo4j: perRequest(1), loadGenerator: perRequest(2), neo4jCompiler: perRequest(3) },
  };
}
