import type { NodeLabel, RelationshipType } from './graph-model';
import type { Provenance } from './provenance';

/**
 * A drawable piece of the graph: typed nodes and edges, each with its provenance. Network
 * queries return it; exports serialise it. Victim-protected values are already withheld (null)
 * when the caller may not see them.
 */
export interface SubgraphNode {
  id: string;
  type: NodeLabel;
  /** What a link chart writes under the icon: a name, a pseudonym, an identifier value... */
  label: string;
  /** Person roles (OFFENDER, SUSPECT, VICTIM); empty for other types. */
  roles: string[];
  /** The key properties (never the provenance keys), as stored, dates as ISO strings. */
  properties: Record<string, unknown>;
  provenance: Provenance;
  /** True when protected values were withheld from this caller. */
  redacted: boolean;
}

export interface SubgraphEdge {
  /** Stable within one database (the relationship's element id). */
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  provenance: Provenance;
  /** The time span the link covers, where known (ISO dates). */
  from: string | null;
  to: string | null;
}

export const TRUNCATION_REASONS = ['NODE_BUDGET', 'DEPTH', 'TIME_BUDGET', 'PATH_LIMIT'] as const;
export type TruncationReason = (typeof TRUNCATION_REASONS)[number];

export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  truncated: boolean;
  /** Which budget stopped the traversal, when truncated. */
  truncatedBy: TruncationReason | null;
}
