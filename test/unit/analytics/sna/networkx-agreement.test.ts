import { betweennessCentrality } from '../../../../src/analytics/sna/betweenness';
import { brokerageRoles } from '../../../../src/analytics/sna/brokerage';
import { closenessCentrality } from '../../../../src/analytics/sna/closeness';
import { degreeCentrality, inDegreeCentrality, outDegreeCentrality } from '../../../../src/analytics/sna/degree';
import { eigenvectorCentrality } from '../../../../src/analytics/sna/eigenvector';
import { fragmentation } from '../../../../src/analytics/sna/fragmentation';
import { keyPlayers } from '../../../../src/analytics/sna/key-players';
import { louvainCommunities, type LouvainResult } from '../../../../src/analytics/sna/louvain';
import { modularity } from '../../../../src/analytics/sna/modularity';
import { pagerank } from '../../../../src/analytics/sna/pagerank';
import { PythonRandom } from '../../../../src/analytics/sna/python-random';
import { compileGraph, type SnaGraph } from '../../../../src/analytics/sna/sna-graph';
import { FLORENTINE_FAMILIES } from '../../../fixtures/sna/florentine-families';
import { KARATE_CLUB, KARATE_FACTIONS } from '../../../fixtures/sna/karate-club';
import { componentsGraph, directedWeightedGraph, plantedPartition } from '../../../fixtures/sna/random-graphs';
import { canonical, maxDifference, type NetworkxReference, networkxReference, valuesOf } from './harness';

// Every measure on the same graphs as networkx 3.6 (scripts/networkx-reference.py).
const CENTRALITY = 1e-6;
const MODULARITY = 1e-9;
const LOUVAIN_SEEDS = [0, 1, 42];

interface Case {
  name: string;
  graph: SnaGraph;
  groups?: Record<string, string>;
}

/** Three groups drawn at random (seeded), for brokerage on graphs without a natural grouping. */
function randomGroups(graph: SnaGraph, seed: number): Record<string, string> {
  const rng = new PythonRandom(seed);
  return Object.fromEntries(graph.nodes.map((id) => [id, ['red', 'green', 'blue'][rng.randBelow(3)]]));
}

const CASES: Case[] = [
  { name: "Zachary's karate club", graph: KARATE_CLUB, groups: KARATE_FACTIONS },
  { name: 'Florentine families (with an isolated family)', graph: FLORENTINE_FAMILIES },
  { name: 'a weighted random graph with several components, isolates, duplicate edges and a self-loop', graph: componentsGraph() },
  { name: 'a directed weighted graph with sinks, sources, two weak components and isolates', graph: directedWeightedGraph() },
  { name: 'an undirected weighted planted partition', graph: plantedPartition(false) },
  { name: 'a directed weighted planted partition', graph: plantedPartition(true) },
];

describe.each(CASES)('on $name', ({ graph, groups: given }) => {
  const g = compileGraph(graph);
  const n = graph.nodes.length;
  const groups = given ?? randomGroups(graph, 5);
  const samples = [
    { k: Math.min(10, n), seed: 42 },
    { k: Math.floor(n / 2), seed: 7 },
  ];
  let louvain: LouvainResult[];
  let otherPartition: string[][];
  let removals: string[][];
  let nx: NetworkxReference;

  beforeAll(() => {
    louvain = LOUVAIN_SEEDS.map((seed) => louvainCommunities(g, { seed }));
    const rng = new PythonRandom(3);
    const blocks: string[][] = [[], [], [], []];
    for (const id of graph.nodes) blocks[rng.randBelow(4)].push(id);
    otherPartition = blocks.filter((b) => b.length > 0);
    removals = [keyPlayers(g, 2).set, keyPlayers(g, 4).set, graph.nodes.slice(0, 3)];
    nx = networkxReference(graph, {
      betweenness_samples: samples,
      louvain_seeds: LOUVAIN_SEEDS,
      partitions: [...louvain.map((l) => l.communities), otherPartition],
      removals,
      groups,
    });
  });

  it('gives degree centrality as networkx does', () => {
    expect(maxDifference(degreeCentrality(g), nx.degree)).toBeLessThan(CENTRALITY);
    if (graph.directed) {
      expect(maxDifference(inDegreeCentrality(g), nx.in_degree!)).toBeLessThan(CENTRALITY);
      expect(maxDifference(outDegreeCentrality(g), nx.out_degree!)).toBeLessThan(CENTRALITY);
    }
  });

  it('gives exact betweenness as networkx does, in hops and with weights as lengths', () => {
    expect(maxDifference(betweennessCentrality(g), nx.betweenness)).toBeLessThan(CENTRALITY);
    expect(maxDifference(betweennessCentrality(g, { distance: 'weight' }), nx.betweenness_weighted)).toBeLessThan(CENTRALITY);
  });

  it('samples the same betweenness sources as networkx for the same k and seed', () => {
    for (const { k, seed, values } of nx.betweenness_sampled) {
      expect(maxDifference(betweennessCentrality(g, { k, seed }), values)).toBeLessThan(CENTRALITY);
    }
  });

  it('gives closeness as networkx does (incoming distance when directed)', () => {
    expect(maxDifference(closenessCentrality(g), nx.closeness)).toBeLessThan(CENTRALITY);
    expect(maxDifference(closenessCentrality(g, { distance: 'weight' }), nx.closeness_weighted)).toBeLessThan(CENTRALITY);
  });

  it('gives eigenvector centrality as networkx does, with and without weights', () => {
    expect(maxDifference(eigenvectorCentrality(g), valuesOf(nx.eigenvector))).toBeLessThan(CENTRALITY);
    expect(maxDifference(eigenvectorCentrality(g, { weighted: true }), valuesOf(nx.eigenvector_weighted))).toBeLessThan(CENTRALITY);
  });

  it('gives PageRank as networkx does, with and without weights', () => {
    expect(maxDifference(pagerank(g), nx.pagerank)).toBeLessThan(CENTRALITY);
    expect(maxDifference(pagerank(g, { weighted: false }), nx.pagerank_unweighted)).toBeLessThan(CENTRALITY);
  });

  it('measures modularity exactly as networkx does', () => {
    const partitions = [...louvain.map((l) => l.communities), otherPartition];
    partitions.forEach((partition, i) => {
      expect(Math.abs(modularity(g, partition) - nx.modularity[i])).toBeLessThan(MODULARITY);
    });
    louvain.forEach((result, i) => expect(Math.abs(result.modularity - nx.modularity[i])).toBeLessThan(MODULARITY));
  });

  it('finds the partition networkx louvain_communities finds for the same seed', () => {
    LOUVAIN_SEEDS.forEach((seed, i) => {
      const theirs = nx.louvain.find((l) => l.seed === seed)!;
      expect(canonical(louvain[i].communities)).toEqual(canonical(theirs.communities));
      // What the brief asks as a minimum: within a few percent of networkx's modularity.
      expect(louvain[i].modularity).toBeGreaterThanOrEqual(theirs.modularity - 0.03 * Math.abs(theirs.modularity));
    });
  });

  it('measures fragmentation after removals as networkx components give it', () => {
    removals.forEach((removed, i) => expect(Math.abs(fragmentation(g, removed) - nx.fragmentation[i])).toBeLessThan(1e-12));
  });

  it('counts brokerage roles as a brute-force count from the definitions does', () => {
    const result = brokerageRoles(g, groups);
    for (const counts of result.nodes) {
      const expected = nx.brokerage![counts.id];
      const { coordinator, itinerant, gatekeeper, representative, liaison } = counts;
      expect({ coordinator, itinerant, gatekeeper, representative, liaison }).toEqual(expected);
    }
    expect(result.nodes.some((c) => c.total > 0)).toBe(true);
  });
});
