import { entityLabel, provenanceOf, type EntityRecord, type RelRecord } from '../domain/entity-record';
import { isRelationshipType } from '../domain/graph-model';
import { rolesFromLabels } from '../domain/person';
import { PROVENANCE_KEYS } from '../domain/provenance';
import type { Subgraph, SubgraphEdge, SubgraphNode, TruncationReason } from '../domain/subgraph';

const HIDDEN = new Set<string>(['id', ...PROVENANCE_KEYS, 'mergeRecord']);

function keyProperties(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (HIDDEN.has(k) || k.startsWith('__') || v === null || v === undefined) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

/** What a link chart writes under a node: a name, a pseudonym, an identifier value, an address. */
export function displayLabel(n: EntityRecord, pseudonymOf: (id: string) => string): string {
  const label = entityLabel(n);
  if (label === 'Person') return (n.name as string | null) ?? (n.__labels.includes('Victim') ? pseudonymOf(n.id) : n.id);
  if (n.__labels.includes('Identifier')) return (n.value as string | null) ?? `${label} (withheld)`;
  if (label === 'Address') return [n.line1, n.postcode].filter(Boolean).join(', ') || n.id;
  if (label === 'Exploitation') return `Exploitation ${(n.startDate as string | undefined) ?? ''}`.trim();
  if (label === 'NRMReferral') return `NRM referral ${(n.referredOn as string | undefined) ?? ''}`.trim();
  return (n.name as string | undefined) ?? (n.reference as string | undefined) ?? (n.code as string | undefined) ?? n.id;
}

export function toSubgraphNode(n: EntityRecord, pseudonymOf: (id: string) => string): SubgraphNode {
  return {
    id: n.id,
    type: entityLabel(n),
    label: displayLabel(n, pseudonymOf),
    roles: rolesFromLabels(n.__labels),
    properties: keyProperties(n),
    provenance: provenanceOf(n),
    redacted: n.__redacted,
  };
}

export function toSubgraphEdge(r: RelRecord): SubgraphEdge {
  if (!isRelationshipType(r.__type)) throw new Error(`Invariant failed: unknown relationship type ${r.__type}`);
  const props = keyProperties(r);
  const from = (r.since as string | undefined) ?? (r.date as string | undefined) ?? null;
  const to = (r.until as string | undefined) ?? (r.date as string | undefined) ?? null;
  return { id: r.__id, type: r.__type, source: r.__from, target: r.__to, properties: props, provenance: provenanceOf(r), from, to };
}

/** Nodes and edges (deduplicated), edges only between nodes present. */
export function buildSubgraph(
  nodes: readonly EntityRecord[],
  rels: readonly RelRecord[],
  pseudonymOf: (id: string) => string,
  truncatedBy: TruncationReason | null = null,
): Subgraph {
  const byId = new Map<string, SubgraphNode>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, toSubgraphNode(n, pseudonymOf));
  const edges = new Map<string, SubgraphEdge>();
  for (const r of rels) if (byId.has(r.__from) && byId.has(r.__to) && !edges.has(r.__id)) edges.set(r.__id, toSubgraphEdge(r));
  return { nodes: [...byId.values()], edges: [...edges.values()], truncated: truncatedBy !== null, truncatedBy };
}
