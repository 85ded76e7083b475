import type { NodeLabel, RelationshipType } from '../domain/graph-model';
import type { HandlingCode, IntelGrade, Provenance, SourceGrade, UkHandling } from '../domain/provenance';
import type { SubgraphEdge, SubgraphNode, TruncationReason } from '../domain/subgraph';
import { invariant } from '../errors/app-error';
import { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION, type ExportManifest, type ExportPackage } from './export-package';

/**
 * Our JSON graph format, version 1, as plain JSON values (json-format.md). The other formats
 * are written from this form too, so that every format of a package says the same thing and
 * the content hash is computed once, over it.
 */
export interface JsonExportDocument {
  format: typeof JSON_EXPORT_FORMAT;
  version: typeof JSON_EXPORT_VERSION;
  manifest: ExportManifest;
  truncated: boolean;
  truncatedBy: TruncationReason | null;
  nodes: JsonNode[];
  edges: JsonEdge[];
}

/** A property value a Neo4j property can hold; `null` means "known to be withheld or unset". */
export type JsonPropertyValue = string | number | boolean | null | string[] | number[] | boolean[];

export interface JsonProvenance {
  reportId: string;
  agency: string;
  /** UTC, exactly as Date.prototype.toISOString writes it: 2025-03-01T09:30:00.000Z. */
  recordedAt: string;
  gradeSource: SourceGrade;
  gradeIntel: IntelGrade;
  ukHandling: UkHandling;
  handling: HandlingCode;
  consent: boolean;
}

export interface JsonNode {
  id: string;
  type: NodeLabel;
  label: string;
  roles: string[];
  redacted: boolean;
  properties: Record<string, JsonPropertyValue>;
  provenance: JsonProvenance;
}

export interface JsonEdge {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  from: string | null;
  to: string | null;
  properties: Record<string, JsonPropertyValue>;
  provenance: JsonProvenance;
}

export function toJsonProvenance(p: Provenance): JsonProvenance {
  return {
    reportId: p.reportId,
    agency: p.agency,
    recordedAt: isoInstant(p.recordedAt),
    gradeSource: p.gradeSource,
    gradeIntel: p.gradeIntel,
    ukHandling: p.ukHandling,
    handling: p.handling,
    consent: p.consent,
  };
}

/** Property values as JSON: a Date becomes its ISO string, `undefined` drops the key. */
export function toJsonProperties(props: Record<string, unknown>): Record<string, JsonPropertyValue> {
  const out: Record<string, JsonPropertyValue> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    out[k] = (v instanceof Date ? isoInstant(v) : Array.isArray(v) ? v.map((x) => (x instanceof Date ? isoInstant(x) : x)) : v) as JsonPropertyValue;
  }
  return out;
}

export function toJsonNode(n: SubgraphNode): JsonNode {
  return {
    id: n.id,
    type: n.type,
    label: n.label,
    roles: [...n.roles],
    redacted: n.redacted,
    properties: toJsonProperties(n.properties),
    provenance: toJsonProvenance(n.provenance),
  };
}

export function toJsonEdge(e: SubgraphEdge): JsonEdge {
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    from: e.from,
    to: e.to,
    properties: toJsonProperties(e.properties),
    provenance: toJsonProvenance(e.provenance),
  };
}

/** The document for a package, in the documented key order; `sha256` as given. */
export function toJsonDocument(pkg: ExportPackage, sha256: string | null): JsonExportDocument {
  return {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    manifest: { ...pkg.manifest, sha256 },
    truncated: pkg.subgraph.truncated,
    truncatedBy: pkg.subgraph.truncatedBy,
    nodes: pkg.subgraph.nodes.map(toJsonNode),
    edges: pkg.subgraph.edges.map(toJsonEdge),
  };
}

function isoInstant(d: Date): string {
  invariant(!Number.isNaN(d.getTime()), 'export package holds an invalid Date');
  return d.toISOString();
}
