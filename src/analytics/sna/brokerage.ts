import { badInput } from '../../errors/app-error';

import { type Ranking, rankValues } from './ranking';
import { compiled, type SnaInput } from './sna-graph';

/**
 * Gould and Fernandez (1989) roles of b on a brokered two-path a -> b -> c (a != c, no edge
 * a -> c), by the groups of a, b and c:
 * - coordinator: all three in one group;
 * - itinerant (consultant): a and c in one group, b in another;
 * - gatekeeper: b and c in one group, a in another (b controls access into its group);
 * - representative: a and b in one group, c in another (b speaks for its group outward);
 * - liaison: three different groups.
 */
export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export interface BrokerageCounts {
  id: string;
  group: string;
  coordinator: number;
  itinerant: number;
  gatekeeper: number;
  representative: number;
  liaison: number;
  /** All brokered two-paths through the node, whatever the role. */
  total: number;
}

export interface BrokerageResult {
  /** Raw counts per node, in the graph's node order. */
  nodes: BrokerageCounts[];
  /** Rankings by each role's count and by the total. */
  rankings: Record<BrokerageRole | 'total', Ranking>;
}

/** A node's group: a map or a plain record from node id to group name. */
export type GroupAssignment = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * Raw brokerage counts per node, as R sna's `brokerage()` counts them (its raw role matrix,
 * without the expected values and z-scores). Each ordered two-path counts once, so in an
 * undirected graph (each edge read as two directed ones) a-b-c counts as a->b->c and c->b->a.
 * O(sum over b of indegree(b) * outdegree(b)) time, O(n) extra memory.
 */
export function brokerageRoles(graph: SnaInput, groups: GroupAssignment): BrokerageResult {
  const g = compiled(graph);
  const n = g.ids.length;
  const groupNames: string[] = [];
  const groupCode = new Int32Array(n);
  const codes = new Map<string, number>();
  for (let u = 0; u < n; u++) {
    const name = groupOf(groups, g.ids[u]);
    if (typeof name !== 'string') throw badInput('groups', `node ${JSON.stringify(g.ids[u])} has no group`);
    groupNames.push(name);
    let code = codes.get(name);
    if (code === undefined) codes.set(name, (code = codes.size));
    groupCode[u] = code;
  }

  const counts = BROKERAGE_ROLES.map(() => new Float64Array(n));
  const [coordinator, itinerant, gatekeeper, representative, liaison] = counts;
  const { offsets, targets } = g.outAdj;
  // successorOf[c] === a marks c as a successor of the current a: the test for "a -> c".
  const successorOf = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    for (let e = offsets[a]; e < offsets[a + 1]; e++) successorOf[targets[e]] = a;
    const ga = groupCode[a];
    for (let e = offsets[a]; e < offsets[a + 1]; e++) {
      const b = targets[e];
      const gb = groupCode[b];
      for (let f = offsets[b]; f < offsets[b + 1]; f++) {
        const c = targets[f];
        if (c === a || successorOf[c] === a) continue;
        const gc = groupCode[c];
        if (ga === gb) {
          if (gb === gc) coordinator[b]++;
          else representative[b]++;
        } else if (gb === gc) gatekeeper[b]++;
        else if (ga === gc) itinerant[b]++;
        else liaison[b]++;
      }
    }
  }

  const total = new Float64Array(n);
  for (const role of counts) for (let u = 0; u < n; u++) total[u] += role[u];
  const nodes = g.ids.map((id, u) => ({
    id,
    group: groupNames[u],
    coordinator: coordinator[u],
    itinerant: itinerant[u],
    gatekeeper: gatekeeper[u],
    representative: representative[u],
    liaison: liaison[u],
    total: total[u],
  }));
  const rankings = {
    coordinator: rankValues(g.ids, coordinator),
    itinerant: rankValues(g.ids, itinerant),
    gatekeeper: rankValues(g.ids, gatekeeper),
    representative: rankValues(g.ids, representative),
    liaison: rankValues(g.ids, liaison),
    total: rankValues(g.ids, total),
  };
  return { nodes, rankings };
}

function groupOf(groups: GroupAssignment, id: string): string | undefined {
  if (groups instanceof Map) return (groups as ReadonlyMap<string, string>).get(id);
  const record = groups as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}
