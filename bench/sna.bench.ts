// Timings of the network measures on a seeded random graph (not a test: it only prints).
//   npx ts-node --transpile-only bench/sna.bench.ts [nodes] [edges] [--skip-exact]
// Default 20,000 nodes and 100,000 edges: blocks of 200 nodes, 80% of ties inside a block,
// weights 1-5, nodes 0..99 left isolated; once undirected, once directed. Exact betweenness and
// weighted closeness are O(n m) and take minutes at this size (--skip-exact leaves them out).
import { performance } from 'node:perf_hooks';

import { betweennessCentrality } from '../src/analytics/sna/betweenness';
import { brokerageRoles } from '../src/analytics/sna/brokerage';
import { closenessCentrality } from '../src/analytics/sna/closeness';
import { degreeCentrality } from '../src/analytics/sna/degree';
import { eigenvectorCentrality } from '../src/analytics/sna/eigenvector';
import { fragmentationByRemoval } from '../src/analytics/sna/fragmentation';
import { keyPlayers } from '../src/analytics/sna/key-players';
import { louvainCommunities } from '../src/analytics/sna/louvain';
import { pagerank } from '../src/analytics/sna/pagerank';
import { PythonRandom } from '../src/analytics/sna/python-random';
import { compileGraph, type SnaEdge, type SnaGraph } from '../src/analytics/sna/sna-graph';

function randomGraph(nodes: number, edges: number, directed: boolean, seed: number): SnaGraph {
  const rng = new PythonRandom(seed);
  const ids = Array.from({ length: nodes }, (_, i) => `n${i}`);
  const list: SnaEdge[] = [];
  const block = 200;
  while (list.length < edges) {
    const u = 100 + rng.randBelow(nodes - 100);
    let v = rng.random() < 0.8 ? u - ((u - 100) % block) + rng.randBelow(block) : 100 + rng.randBelow(nodes - 100);
    if (v >= nodes) v = 100 + rng.randBelow(nodes - 100);
    if (u !== v) list.push({ source: ids[u], target: ids[v], weight: 1 + rng.randBelow(5) });
  }
  return { nodes: ids, edges: list, directed };
}

function time<T>(label: string, run: () => T, describe: (result: T) => string = () => ''): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(3).padStart(8)} s  ${describe(result)}`);
  return result;
}

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const skipExact = process.argv.includes('--skip-exact');
const nodes = Number(args[0] ?? 20000);
const edges = Number(args[1] ?? 100000);
console.log(`node ${process.version}; ${nodes} nodes, ${edges} edges`);

for (const directed of [false, true]) {
  const graph = randomGraph(nodes, edges, directed, 1);
  console.log(`\n${directed ? 'directed' : 'undirected'}`);
  const g = time('compile (check, merge, adjacency)', () => compileGraph(graph), (c) => `${c.edgeCount} distinct edges`);
  time('degree', () => degreeCentrality(g), (r) => `top ${r.top(1)[0].id}`);
  time('pagerank (tol 1e-12)', () => pagerank(g), (r) => `top ${r.top(1)[0].id}`);
  time('eigenvector (tol 1e-12)', () => eigenvectorCentrality(g), (r) => `top ${r.top(1)[0].id}`);
  time('louvain (seed 0)', () => louvainCommunities(g), (r) => `${r.communities.length} communities, Q=${r.modularity.toFixed(4)}, ${r.levels} levels`);
  time('closeness, hops (128-source bit-parallel BFS)', () => closenessCentrality(g), (r) => `top ${r.top(1)[0].id}`);
  time('betweenness, hops, k=500 sampled sources', () => betweennessCentrality(g, { k: 500, seed: 1 }), (r) => `top ${r.top(1)[0].id}`);
  time('brokerage roles (5 groups)', () => brokerageRoles(g, Object.fromEntries(graph.nodes.map((id, i) => [id, `g${i % 5}`]))), (r) => `max total ${r.rankings.total.top(1)[0].value}`);
  time('fragmentation by single removal', () => fragmentationByRemoval(g), (r) => `top ${r.top(1)[0].id}`);
  time('key players k=5 (greedy + swaps)', () => keyPlayers(g, 5), (r) => `F ${r.fragmentationBefore.toFixed(4)} -> ${r.fragmentationAfter.toFixed(4)}, ${r.rounds} rounds`);
  if (skipExact) continue;
  time('betweenness, hops, exact O(nm)', () => betweennessCentrality(g), (r) => `top ${r.top(1)[0].id}`);
  time('closeness, weights as lengths, exact O(nm log n)', () => closenessCentrality(g, { distance: 'weight' }), (r) => `top ${r.top(1)[0].id}`);
  time('betweenness, weights as lengths, exact', () => betweennessCentrality(g, { distance: 'weight' }), (r) => `top ${r.top(1)[0].id}`);
}
