import { cannon, type LoadTarget } from './load';
import { compilerCpuMs } from './process-stats';

export interface SettleResult {
  seconds: number;
  cycles: number;
  /** The compiler threads' CPU over the last cycle, as a share of one core. */
  compilerShare: number | null;
}

/** Below this share of one core, Neo4j's JIT compiler counts as settled. */
const SETTLED_SHARE = 0.1;

/**
 * Puts load on Neo4j until its JIT compiler has settled, before anything is timed. A Neo4j that
 * has just started spends a large part of its CPU compiling (HotSpot's C1 and C2 threads: on the
 * 2-core machine of the recorded runs they took half of Neo4j's CPU half a minute into a run),
 * and whichever system is measured first pays for it. So every workload's mix is sent through
 * every system in turn (`sliceS` seconds each at `connections`), cycle after cycle, until the
 * compiler threads used less than a tenth of one core over a whole cycle, or `maxS` has passed.
 * Without Neo4j's process (`--neo4j-uri`) one cycle is run.
 */
export async function settleJit(
  targets: readonly LoadTarget[],
  neo4jPid: number | undefined,
  opts: { maxS: number; sliceS: number; connections: number },
  say: (line: string) => void,
): Promise<SettleResult> {
  const started = Date.now();
  let cycles = 0;
  let share: number | null = null;
  for (;;) {
    const c0 = neo4jPid ? compilerCpuMs(neo4jPid) : null;
    const t0 = Date.now();
    for (const t of targets) await cannon(t, opts.connections, opts.sliceS);
    cycles++;
    const c1 = neo4jPid ? compilerCpuMs(neo4jPid) : null;
    share = c0 === null || c1 === null ? null : (c1 - c0) / (Date.now() - t0);
    const elapsed = (Date.now() - started) / 1000;
    say(`  cycle ${cycles}: ${elapsed.toFixed(0)} s; Neo4j's JIT compiler ${share === null ? 'not observed' : `${(share * 100).toFixed(0)}% of a core`}`);
    if (share === null || share < SETTLED_SHARE || elapsed >= opts.maxS) return { seconds: elapsed, cycles, compilerShare: share };
  }
}
