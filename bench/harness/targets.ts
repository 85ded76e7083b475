import type { BenchResult, PointResult, SystemName, WorkloadResult } from './results';

/** The targets. Printed beside the figures; never a test failure. */
export const TARGETS = {
  /** ours / limit throughput, at least. */
  limitThroughput: 0.8,
  /** ours / limit p50, at most. */
  limitP50: 1.25,
  /** ours / peer throughput, at least. */
  peerThroughput: 1.5,
  /** ours / peer p99, at most. */
  peerP99: 1,
  /** p50 at large / p50 at small for bounded workloads, at most. */
  growthP50: 2,
  /** Our service's resident memory under load, below (MB). */
  memoryMb: 300,
} as const;

export interface Verdict {
  name: string;
  value: number | null;
  target: string;
  met: boolean | null;
}

export interface PointRatios {
  connections: number;
  limit: { throughput: number | null; p50: number | null } | null;
  peer: { throughput: number | null; p99: number | null } | null;
}

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b);

/** A measured point; one that got no response within its window (too short for the load) is no figure at all. */
function point(w: WorkloadResult, system: SystemName, connections: number): PointResult | undefined {
  const p = w.points.find((x) => x.system === system && x.connections === connections);
  return p && p.throughput > 0 ? p : undefined;
}

/** ours/limit and ours/peer at each concurrency the workload was measured at. */
export function pointRatios(w: WorkloadResult): PointRatios[] {
  const levels = [...new Set(w.points.map((p) => p.connections))].sort((a, b) => a - b);
  return levels.map((c) => {
    const ours = point(w, 'ours', c);
    const limit = point(w, 'limit', c);
    const peer = point(w, 'peer', c);
    return {
      connections: c,
      limit: ours && limit ? { throughput: ratio(ours.throughput, limit.throughput), p50: ratio(ours.latencyMs.p50, limit.latencyMs.p50) } : null,
      peer: ours && peer ? { throughput: ratio(ours.throughput, peer.throughput), p99: ratio(ours.latencyMs.p99, peer.latencyMs.p99) } : null,
    };
  });
}

const atLeast = (name: string, value: number | null, min: number): Verdict => ({ name, value, target: `≥ ${min}`, met: value === null ? null : value >= min });
const atMost = (name: string, value: number | null, max: number): Verdict => ({ name, value, target: `≤ ${max}`, met: value === null ? null : value <= max });

/** Every target for one workload: each ratio at each concurrency, round trips and memory. */
export function workloadVerdicts(w: WorkloadResult): Verdict[] {
  const out: Verdict[] = [];
  for (const r of pointRatios(w)) {
    if (r.limit) {
      out.push(atLeast(`ours/limit throughput @${r.connections}`, r.limit.throughput, TARGETS.limitThroughput));
      out.push(atMost(`ours/limit p50 @${r.connections}`, r.limit.p50, TARGETS.limitP50));
    }
    if (r.peer) {
      out.push(atLeast(`ours/peer throughput @${r.connections}`, r.peer.throughput, TARGETS.peerThroughput));
      out.push(atMost(`ours/peer p99 @${r.connections}`, r.peer.p99, TARGETS.peerP99));
    }
  }
  const cypher = w.check.cypher.ours?.max ?? null;
  out.push(atMost('Cypher round trips per request', cypher, w.roundTrips));
  const peaks = w.points.filter((p) => p.system === 'ours' && p.rssMb).map((p) => p.rssMb!.peak);
  if (peaks.length) out.push({ name: 'service RSS peak (MB)', value: Math.max(...peaks), target: `< ${TARGETS.memoryMb}`, met: Math.max(...peaks) < TARGETS.memoryMb });
  return out;
}

export interface GrowthRow {
  key: string;
  letter: string;
  bounded: boolean;
  /** p50 at one connection, per scale. */
  p50: Record<string, number | null>;
  /** p50 at the largest scale / p50 at the smallest, for our service. */
  growth: number | null;
  met: boolean | null;
}

/** The scale curve: our service's p50 at one connection (else the lowest measured) per scale. */
export function growth(results: readonly BenchResult[]): GrowthRow[] {
  const order = ['tiny', 'small', 'medium', 'large'];
  const runs = [...results].sort((a, b) => order.indexOf(a.scale) - order.indexOf(b.scale));
  const keys = [...new Set(runs.flatMap((r) => r.workloads.map((w) => w.key)))];
  return keys.map((key) => {
    const p50: Record<string, number | null> = {};
    let letter = '';
    let bounded = false;
    for (const run of runs) {
      const w = run.workloads.find((x) => x.key === key);
      if (!w) continue;
      letter = w.letter;
      bounded = w.bounded;
      const ours = w.points.filter((p) => p.system === 'ours').sort((a, b) => a.connections - b.connections)[0];
      p50[run.scale] = ours?.latencyMs.p50 ?? null;
    }
    const scales = Object.keys(p50);
    const first = p50[scales[0]!] ?? null;
    const last = p50[scales[scales.length - 1]!] ?? null;
    const g = scales.length > 1 ? ratio(last, first) : null;
    return { key, letter, bounded, p50, growth: g, met: bounded && g !== null ? g <= TARGETS.growthP50 : null };
  });
}
