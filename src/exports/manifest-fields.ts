import type { ExportManifest } from './export-package';
import type { FlatKind, FlatValue } from './flat-columns';

export interface ManifestField {
  name: string;
  kind: FlatKind;
  value: FlatValue | null;
}

/**
 * The manifest (and the truncation flags) as named scalars, for formats that keep metadata as
 * flat key-value pairs (GraphML graph data, i2 chart summary properties, comment lines). Nested
 * fields are named by their path (`recipient.kind`); lists as their JSON text.
 */
export function manifestFields(m: ExportManifest, truncated: boolean, truncatedBy: string | null): ManifestField[] {
  const f = (name: string, kind: FlatKind, value: FlatValue | null | undefined): ManifestField => ({ name, kind, value: value ?? null });
  return [
    f('formatVersion', 'string', m.formatVersion),
    f('exportId', 'string', m.exportId),
    f('exportedAt', 'string', m.exportedAt),
    f('exportedBy.subject', 'string', m.exportedBy.subject),
    f('exportedBy.agency', 'string', m.exportedBy.agency),
    f('recipient.kind', 'string', m.recipient.kind),
    f('recipient.name', 'string', m.recipient.name),
    f('recipient.country', 'string', m.recipient.country),
    f('purpose', 'string', m.purpose),
    f('query.description', 'string', m.query.description),
    f('query.seeds', 'string', JSON.stringify(m.query.seeds)),
    f('query.depth', 'long', m.query.depth),
    f('query.relationshipTypes', 'string', JSON.stringify(m.query.relationshipTypes)),
    f('query.nodeTypes', 'string', JSON.stringify(m.query.nodeTypes)),
    f('counts.nodes', 'long', m.counts.nodes),
    f('counts.edges', 'long', m.counts.edges),
    f('packageHandling.handling', 'string', m.packageHandling.handling),
    f('packageHandling.ukHandling', 'string', m.packageHandling.ukHandling),
    f('leftOut', 'string', JSON.stringify(m.leftOut)),
    f('pseudonymised', 'boolean', m.pseudonymised),
    f('sha256', 'string', m.sha256),
    f('truncated', 'boolean', truncated),
    f('truncatedBy', 'string', truncatedBy),
  ];
}
