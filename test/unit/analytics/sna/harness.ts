import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type { Ranking } from '../../../../src/analytics/sna/ranking';
import type { SnaGraph } from '../../../../src/analytics/sna/sna-graph';

const SCRIPT = path.join(__dirname, '..', '..', '..', '..', 'scripts', 'networkx-reference.py');
const INSTALL = "python3 -m pip install 'networkx==3.6.1'";

export type Values = Record<string, number>;

export interface NetworkxReference {
  networkx: string;
  degree: Values;
  in_degree?: Values;
  out_degree?: Values;
  betweenness: Values;
  betweenness_weighted: Values;
  betweenness_sampled: { k: number; seed: number; values: Values }[];
  closeness: Values;
  closeness_weighted: Values;
  eigenvector: Values | { error: string };
  eigenvector_weighted: Values | { error: string };
  pagerank: Values;
  pagerank_unweighted: Values;
  pagerank_implementation: string;
  louvain: { seed: number; communities: string[][]; modularity: number }[];
  modularity: number[];
  fragmentation: number[];
  brokerage?: Record<string, Record<string, number>>;
}

export interface ReferenceRequest {
  betweenness_samples?: { k: number; seed: number }[];
  louvain_seeds?: number[];
  partitions?: string[][][];
  removals?: string[][];
  groups?: Record<string, string>;
}

/** Runs a Python 3 program and returns what it printed; a missing python3 fails the test. */
export function runPython(code: string): string {
  const run = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
  if (run.error) throw new Error(`cannot run python3 (${run.error.message}): these tests compare with CPython`);
  if (run.status !== 0) throw new Error(`python3 failed with status ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

/**
 * Runs scripts/networkx-reference.py on the graph. A missing python3 or networkx is a failure
 * with the command that fixes it, never a skip: these tests are the proof of agreement.
 */
export function networkxReference(graph: SnaGraph, request: ReferenceRequest = {}): NetworkxReference {
  const run = spawnSync('python3', [SCRIPT], { input: JSON.stringify({ ...graph, ...request }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    throw new Error(`cannot run python3 (${run.error.message}): the networkx comparison needs Python 3 with networkx 3.6 (${INSTALL})`);
  }
  if (run.status === 3) throw new Error(`networkx is missing: ${INSTALL}\n${run.stderr}`);
  if (run.status !== 0) throw new Error(`scripts/networkx-reference.py failed with status ${run.status}:\n${run.stderr}`);
  const reference = JSON.parse(run.stdout) as NetworkxReference;
  if (!/^3\.6(\.|$)/.test(reference.networkx)) {
    throw new Error(`these tests compare with networkx 3.6, found ${reference.networkx}: ${INSTALL}`);
  }
  return reference;
}

/** The largest absolute difference between a ranking and networkx's values, per node. */
export function maxDifference(ranking: Ranking, expected: Values): number {
  expect(Object.keys(expected).sort()).toEqual(ranking.entries.map((e) => e.id).sort());
  let worst = 0;
  for (const [id, value] of Object.entries(expected)) worst = Math.max(worst, Math.abs(ranking.get(id)!.value - value));
  return worst;
}

/** A partition in a canonical form for comparison: members sorted, communities sorted. */
export function canonical(communities: readonly (readonly string[])[]): string[][] {
  const sorted = communities.map((c) => [...c].sort());
  return sorted.sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
}

export function valuesOf(reference: Values | { error: string }): Values {
  if ('error' in reference && typeof reference.error === 'string') throw new Error(`networkx failed: ${reference.error}`);
  return reference as Values;
}
