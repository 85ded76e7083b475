import { badInput } from '../errors/app-error';
import { readPersonNetwork } from '../graph/network.reader';
import type { NetworkDeps } from './network';
import { budget } from './bounds';
import { betweennessCentrality } from './sna/betweenness';
import { brokerageRoles, BROKERAGE_ROLES, type BrokerageRole } from './sna/brokerage';
import { closenessCentrality } from './sna/closeness';
import { degreeCentrality } from './sna/degree';
import { eigenvectorCentrality } from './sna/eigenvector';
import { keyPlayers } from './sna/key-players';
import { louvainCommunities } from './sna/louvain';
import { pagerank } from './sna/pagerank';
import type { RankedValue } from './sna/ranking';
import { compileGraph } from './sna/sna-graph';

/** What brokerage groups people by (Gould and Fernandez need a group per person). */
export const BROKERAGE_GROUPINGS = ['NATIONALITY', 'GROUP', 'COUNTRY_OF_OPERATION'] as const;
export type BrokerageGrouping = (typeof BROKERAGE_GROUPINGS)[number];

/** Exact betweenness up to this many people; above it, a seeded sample of sources (as networkx's k). */
export const EXACT_BETWEENNESS_LIMIT = 3000;

export interface NetworkMeasuresArgs {
  groupId?: string | null;
  ids?: readonly string[] | null;
  top?: number | null;
  keyPlayers?: number | null;
  brokerageBy?: BrokerageGrouping | null;
  /** Whole-graph scope only: people holding one of these role labels (Offender, Suspect, Victim). */
  roles?: readonly string[] | null;
  limit?: number | null;
}

export interface NetworkMeasures {
  people: number;
  personIds: string[];
  ties: number;
  degree: RankedValue[];
  betweenness: RankedValue[];
  betweennessSampled: boolean;
  closeness: RankedValue[];
  eigenvector: RankedValue[];
  pagerank: RankedValue[];
  communities: { modularity: number; count: number; members: string[][] };
  brokerageBy: BrokerageGrouping;
  brokers: ({ id: string; group: string; total: number; rank: number } & Record<BrokerageRole, number>)[];
  keyPlayers: { set: string[]; fragmentationBefore: number; fragmentationAfter: number } | null;
  edges: { source: string; target: string; weight: number; kinds: string[] }[];
}

/**
 * Social-network measures on the person-to-person projection of a scope (a group, seeds, or
 * every offender): who holds the network together (centralities), its clusters (Louvain, with
 * modularity), who brokers between nationalities, groups or countries (Gould-Fernandez), and
 * whose removal fragments it most (key players). The projection is one Cypher round trip; the
 * measures run in process (analytics/sna, agreeing with networkx).
 */
export async function networkMeasures(d: NetworkDeps, a: NetworkMeasuresArgs): Promise<NetworkMeasures> {
  const topN = a.top ?? 10;
  if (!Number.isInteger(topN) || topN < 1 || topN > 500) throw badInput('top', 'must be from 1 to 500');
  const k = a.keyPlayers ?? 3;
  if (!Number.isInteger(k) || k < 0 || k > 50) throw badInput('keyPlayers', 'must be from 0 to 50');
  if (a.groupId && a.ids?.length) throw badInput('ids', 'give a groupId or ids, not both');
  const net = await readPersonNetwork(d.graph, { groupId: a.groupId ?? null, ids: a.ids?.length ? [...a.ids] : null, roles: a.roles ?? null, limit: budget(a.limit, d.limits) }, d.limits.timeoutMs);
  const graph = compileGraph({
    nodes: net.people.map((p) => p.id),
    edges: net.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })),
    directed: false,
  });
  const n = net.people.length;
  const sampled = n > EXACT_BETWEENNESS_LIMIT;
  const louvain = n > 0 ? louvainCommunities(graph, { seed: 42 }) : { communities: [], modularity: 0 };
  const grouping = a.brokerageBy ?? 'NATIONALITY';
  const groupOf: Record<string, string> = {};
  for (const p of net.people) {
    groupOf[p.id] = (grouping === 'NATIONALITY' ? p.nationality : grouping === 'GROUP' ? p.groupId : p.operatesIn) ?? 'UNKNOWN';
  }
  const brokerage = n > 0 ? brokerageRoles(graph, groupOf) : null;
  const brokers = brokerage
    ? brokerage.rankings.total
        .top(topN)
        .filter((r) => r.value > 0)
        .map((r) => {
          const counts = brokerage.nodes.find((c) => c.id === r.id)!;
          return { id: r.id, group: counts.group, total: counts.total, rank: r.rank, ...Object.fromEntries(BROKERAGE_ROLES.map((role) => [role, counts[role]])) } as NetworkMeasures['brokers'][number];
        })
    : [];
  const kp = k > 0 && n > k ? keyPlayers(graph, k) : null;
  const safeTop = <T>(f: () => { top(n: number): T[] }) => (n > 0 ? f().top(topN) : []);
  return {
    people: n,
    personIds: net.people.map((p) => p.id),
    ties: net.edges.length,
    degree: safeTop(() => degreeCentrality(graph)),
    betweenness: safeTop(() => betweennessCentrality(graph, sampled ? { k: 500, seed: 42 } : {})),
    betweennessSampled: sampled,
    closeness: safeTop(() => closenessCentrality(graph)),
    eigenvector: safeTop(() => eigenvectorCentrality(graph, { weighted: true, maxIterations: 1000 })),
    pagerank: safeTop(() => pagerank(graph, { weighted: true })),
    communities: { modularity: louvain.modularity, count: louvain.communities.length, members: louvain.communities.map((c) => [...c].sort()) },
    brokerageBy: grouping,
    brokers,
    keyPlayers: kp ? { set: kp.set, fragmentationBefore: kp.fragmentationBefore, fragmentationAfter: kp.fragmentationAfter } : null,
    edges: net.edges,
  };
}
