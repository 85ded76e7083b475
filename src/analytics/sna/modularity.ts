import { badInput } from '../../errors/app-error';

import { type CompiledGraph, compiled, type SnaInput } from './sna-graph';

export interface ModularityOptions {
  /** gamma: above 1 favours smaller communities, below 1 larger ones. Default 1. */
  resolution?: number;
  /** Use edge weights (networkx's default `weight="weight"`); default true. */
  weighted?: boolean;
}

/**
 * networkx `community.modularity(G, communities, weight, resolution)`:
 * Q = sum over communities c of (L_c / m - gamma * out_c * in_c / M), where L_c is the weight of
 * edges inside c, m the total edge weight; undirected: out_c = in_c = the summed degree of c and
 * M = (2m)^2; directed (Leicht and Newman 2008): out_c and in_c are its summed out- and
 * in-strength and M = m^2. `communities` must be a partition of the nodes (every node exactly
 * once). A graph without edges has no structure to measure and gets 0 (networkx divides by
 * zero). O(n + m).
 */
export function modularity(graph: SnaInput, communities: readonly (readonly string[])[], options: ModularityOptions = {}): number {
  const g = compiled(graph);
  const membership = new Int32Array(g.ids.length).fill(-1);
  communities.forEach((community, c) => {
    for (const id of community) {
      const u = g.indexOf.get(id);
      if (u === undefined) throw badInput('communities', `unknown node ${JSON.stringify(id)}`);
      if (membership[u] !== -1) throw badInput('communities', `node ${JSON.stringify(id)} is in more than one community`);
      membership[u] = c;
    }
  });
  const missing = membership.indexOf(-1);
  if (missing !== -1) throw badInput('communities', `node ${JSON.stringify(g.ids[missing])} is in no community`);
  return membershipModularity(g, membership, communities.length, options.resolution ?? 1, options.weighted ?? true);
}

/** Modularity of `membership[u]` in [0, count); the partition is already known to be valid. */
export function membershipModularity(g: CompiledGraph, membership: Int32Array, count: number, resolution: number, weighted: boolean): number {
  const inside = new Float64Array(count);
  const outSum = new Float64Array(count);
  const inSum = new Float64Array(count);
  let total = 0;
  for (let e = 0; e < g.edgeCount; e++) {
    const w = weighted ? g.edgeWeight[e] : 1;
    const a = membership[g.edgeSource[e]];
    const b = membership[g.edgeTarget[e]];
    total += w;
    if (a === b) inside[a] += w;
    outSum[a] += w;
    inSum[b] += w;
  }
  if (total === 0) return 0;
  let norm: number;
  if (g.directed) {
    norm = 1 / (total * total);
  } else {
    // Undirected: a community's degree sum counts both ends of every edge.
    for (let c = 0; c < count; c++) {
      outSum[c] += inSum[c];
      inSum[c] = outSum[c];
    }
    norm = 1 / (4 * total * total);
  }
  let q = 0;
  for (let c = 0; c < count; c++) q += inside[c] / total - resolution * outSum[c] * inSum[c] * norm;
  return q;
}
