import type { EntityRecord, RelRecord } from '../domain/entity-record';
import type { RelationshipType } from '../domain/graph-model';
import { exportNodesQuery, leftOutQuery } from './queries/export/export-collect.query';
import { neighbourhoodQuery, type NeighbourhoodSpec } from './queries/network/neighbourhood.query';
import type { ScopedGraph } from './scoped-graph';

export interface CollectedExport {
  nodes: EntityRecord[];
  rels: RelRecord[];
  truncated: boolean;
  /** Around seeds: nodes beyond the last depth the expansion reached (what a deeper one would add). */
  moreBeyond: boolean;
  leftOut: { reason: string; nodes: number; edges: number }[];
}

/**
 * Collects what may leave, in one read transaction: the exportable subgraph (around seeds, or
 * exactly the given nodes), then the counts of what the handling rules kept out of it, where the
 * export looked (leftOutQuery).
 */
export async function collectExport(
  g: ScopedGraph,
  request: { seeds: NeighbourhoodSpec | null; nodeIds: readonly string[] | null; relationshipTypes: readonly RelationshipType[] | null },
  timeoutMs: number,
): Promise<CollectedExport> {
  return g.readTx(async (tx) => {
    let nodes: EntityRecord[];
    let rels: RelRecord[];
    let truncated = false;
    let moreBeyond = false;
    let around: { from: string[]; among: string[] | null };
    if (request.seeds) {
      const [row] = await tx.run(neighbourhoodQuery({ ...request.seeds, exportableOnly: true }));
      nodes = (row?.nodes as EntityRecord[] | undefined) ?? [];
      rels = (row?.rels as RelRecord[] | undefined) ?? [];
      truncated = (row?.truncated as boolean | undefined) ?? false;
      moreBeyond = (row?.moreBeyond as boolean | undefined) ?? false;
      around = { from: (row?.expanded as string[] | undefined) ?? [], among: null };
    } else {
      const [row] = await tx.run(exportNodesQuery(request.nodeIds ?? [], request.relationshipTypes));
      nodes = (row?.nodes as EntityRecord[] | undefined) ?? [];
      rels = (row?.rels as RelRecord[] | undefined) ?? [];
      around = { from: nodes.map((n) => n.id), among: [...(request.nodeIds ?? [])] };
    }
    const asked = request.seeds ? request.seeds.ids : (request.nodeIds ?? []);
    const [left] = await tx.run(leftOutQuery(around, asked, request.relationshipTypes, request.seeds?.nodeTypes ?? null));
    const counts = new Map<string, { reason: string; nodes: number; edges: number }>();
    const bump = (reason: string, key: 'nodes' | 'edges') => {
      const c = counts.get(reason) ?? { reason, nodes: 0, edges: 0 };
      c[key] += 1;
      counts.set(reason, c);
    };
    for (const r of (left?.rels as ({ reason: string } | null)[] | undefined) ?? []) if (r) bump(r.reason, 'edges');
    const seenNodes = new Set<string>();
    for (const n of (left?.nodes as ({ reason: string; id: string } | null)[] | undefined) ?? []) {
      if (n && !seenNodes.has(n.id)) {
        seenNodes.add(n.id);
        bump(n.reason, 'nodes');
      }
    }
    return { nodes, rels, truncated, moreBeyond, leftOut: [...counts.values()].sort((a, b) => a.reason.localeCompare(b.reason)) };
  }, timeoutMs);
}
