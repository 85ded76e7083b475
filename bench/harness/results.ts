import type { LatencySummary } from './stats';

/** What a bench run records (bench/results/*.json). */

export type SystemName = 'limit' | 'ours' | 'peer';
export const SYSTEMS: readonly SystemName[] = ['limit', 'ours', 'peer'];

export interface PointResult {
  system: SystemName;
  connections: number;
  /** Seconds measured (after the warm-up). */
  seconds: number;
  requests: number;
  /** Responses per second. */
  throughput: number;
  latencyMs: LatencySummary;
  /** Transport errors, timeouts, non-2xx answers and GraphQL errors. */
  errors: number;
  /** Mean Cypher statements per request, from the X-Cypher-Queries header. */
  cypherPerRequest: number | null;
  /** Resident memory of the system's process while it was measured (VmRSS). */
  rssMb: { peak: number; mean: number } | null;
  /**
   * CPU time per request (user + system, from /proc) of the system's process, of Neo4j (when the
   * bench started it) and of the load generator: steadier than throughput on a shared machine.
   * `neo4jCompiler` is the part of Neo4j's that its JIT compiler threads spent (compiling, not
   * answering): what was left of the warm-up (bench/support/settle.ts).
   */
  cpuMsPerRequest?: { system: number | null; neo4j: number | null; loadGenerator: number | null; neo4jCompiler?: number | null };
}

export interface CheckResult {
  requests: number;
  equal: boolean;
  /** Cypher statements per request while checking, per system. */
  cypher: Partial<Record<SystemName, { mean: number; max: number }>>;
  differences?: string[];
}

export interface WorkloadResult {
  letter: string;
  key: string;
  title: string;
  bounded: boolean;
  /** Cypher round trips per request the target allows our service. */
  roundTrips: number;
  peerCannot: string | null;
  check: CheckResult;
  points: PointResult[];
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1, 5 and 15-minute load averages before and after the measurements. */
  loadBefore: number[];
  loadAfter: number[];
}

export interface BenchResult {
  version: 1;
  date: string;
  scale: string;
  seed: number;
  world: { persons: number; nodes: number; relationships: number; generator: string; seedSeconds: number; reused: boolean };
  machine: MachineInfo;
  options: {
    durationS: number;
    warmupS: number;
    /** The load put on Neo4j before anything was timed, until its JIT compiler settled (absent in older results). */
    settle?: { seconds: number; cycles: number; compilerShare: number | null } | null;
    connections: number[];
    requestsPerWorkload: number;
    neo4jHeap: string;
    neo4jPageCache: string;
  };
  versions: Record<string, string>;
  workloads: WorkloadResult[];
}
