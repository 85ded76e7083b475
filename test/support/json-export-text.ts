import { mostRestrictive, mostRestrictiveUk, type Provenance } from '../../src/domain/provenance';
import { JSON_EXPORT_FORMAT_VERSION, type ExportPackage } from '../../src/exports/export-package';
import { toJson } from '../../src/exports/json-export';

type Subgraph = ExportPackage['subgraph'];

/**
 * The text of an msht-graph JSON export of `subgraph`, as another graph (or this one) would send
 * it, with a manifest naming what is given here and the most restrictive handling it holds.
 */
export function jsonExportText(subgraph: Subgraph, m: { exportId: string; purpose: string; exportedBy: { subject: string; agency: string }; recipientName: string; description: string }): string {
  const items = [...subgraph.nodes, ...subgraph.edges];
  const pkg: ExportPackage = {
    manifest: {
      formatVersion: JSON_EXPORT_FORMAT_VERSION,
      exportId: m.exportId,
      exportedAt: '2026-01-01T00:00:00.000Z',
      exportedBy: m.exportedBy,
      recipient: { kind: 'UK_PARTNER', name: m.recipientName },
      purpose: m.purpose,
      query: { description: m.description, seeds: [], depth: null, relationshipTypes: [], nodeTypes: [] },
      counts: { nodes: subgraph.nodes.length, edges: subgraph.edges.length },
      packageHandling: { handling: mostRestrictive(items.map((i) => i.provenance.handling)), ukHandling: mostRestrictiveUk(items.map((i) => i.provenance.ukHandling)) },
      leftOut: [],
      pseudonymised: false,
      sha256: null,
    },
    subgraph,
  };
  return toJson(pkg).content.toString('utf8');
}

/**
 * A partner's JSON export of these people (offenders), each citing its report with the grading
 * and handling the file gives it (2B, P, H0 unless said).
 */
export function peopleExportText(people: { id: string; name: string; reportId: string; handling?: Provenance['handling'] }[], exportId: string, purpose: string): string {
  const nodes = people.map((p) => ({
    id: p.id,
    type: 'Person' as const,
    label: p.name,
    roles: ['OFFENDER'],
    redacted: false,
    properties: { name: p.name },
    provenance: { reportId: p.reportId, agency: 'NCA', recordedAt: new Date('2025-01-01T00:00:00Z'), gradeSource: 2 as const, gradeIntel: 'B' as const, ukHandling: 'P' as const, handling: p.handling ?? ('H0' as const), consent: false },
  }));
  return jsonExportText({ nodes, edges: [], truncated: false, truncatedBy: null }, { exportId, purpose, exportedBy: { subject: 'partner', agency: 'NCA' }, recipientName: 'Kent Police', description: 'people' });
}
