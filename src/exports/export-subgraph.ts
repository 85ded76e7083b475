import { randomBytes } from 'node:crypto';

import { budget, clampDepth } from '../analytics/bounds';
import { buildSubgraph } from '../analytics/subgraph';
import type { Principal } from '../auth/principal';
import type { Pseudonymiser } from '../auth/pseudonymiser';
import type { TraversalLimits } from '../config/config';
import type { NodeLabel, RelationshipType } from '../domain/graph-model';
import { mostRestrictive, mostRestrictiveUk } from '../domain/provenance';
import type { Subgraph, SubgraphNode } from '../domain/subgraph';
import { countryCode, requiredText } from '../domain/validation';
import { badInput } from '../errors/app-error';
import { collectExport } from '../graph/export.reader';
import type { ScopedGraph } from '../graph/scoped-graph';
import { serialiseExport } from './export-formats';
import { linkIdentities, withLinkIds } from './link-ids';
import { JSON_EXPORT_FORMAT_VERSION, type ExportFile, type ExportFormat, type ExportManifest, type ExportPackage, type RecipientKind } from './export-package';

export interface ExportRequest {
  /** Seeds and depth (a neighbourhood), or */
  seeds?: readonly string[] | null;
  depth?: number | null;
  /** exactly these nodes (e.g. the result of a network query on a link chart). */
  nodeIds?: readonly string[] | null;
  relationshipTypes?: readonly RelationshipType[] | null;
  nodeTypes?: readonly NodeLabel[] | null;
  recipient: { kind: RecipientKind; name: string; country?: string | null };
  purpose: string;
  format: ExportFormat;
}

export interface ExportDeps {
  graph: ScopedGraph;
  limits: TraversalLimits;
  pseudonyms: Pseudonymiser;
  principal: Principal;
  now: Date;
}

/** The audience a pseudonym is made for: one recipient, so two partners cannot join their copies. */
export function recipientAudience(r: ExportRequest['recipient']): string {
  return `export:${r.kind}:${(r.country ?? '').toUpperCase()}:${r.name.trim().toLowerCase()}`;
}

/**
 * Replaces every withheld record's id (victims, identifiers victims hold) by a pseudonym made for
 * this recipient, and re-points the links. Nothing that was withheld is carried: the node's
 * protected properties are already null (dropped); its internal id does not leave either.
 */
export function pseudonymise(s: Subgraph, pseudonymOf: (id: string) => string): { subgraph: Subgraph; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  const nodes: SubgraphNode[] = s.nodes.map((n) => {
    if (!n.redacted) return n;
    const p = pseudonymOf(n.id);
    const id = n.type === 'Person' ? p : `${n.type}-${p.slice(2)}`;
    renamed.set(n.id, id);
    return { ...n, id, label: n.type === 'Person' ? p : `${n.type} (withheld)` };
  });
  const edges = s.edges.map((e) => ({ ...e, source: renamed.get(e.source) ?? e.source, target: renamed.get(e.target) ?? e.target }));
  return { subgraph: { ...s, nodes, edges }, renamed };
}

/**
 * Collects, protects and serialises a subgraph for a partner. The handling rules are in the
 * collecting Cypher (graph/queries/export); victims are withheld by the projection unless the
 * caller may hand them out, and pseudonymised per recipient; the package takes the most
 * restrictive handling of what it contains; the manifest says what was left out and why.
 */
export async function exportSubgraph(d: ExportDeps, req: ExportRequest): Promise<{ pkg: ExportPackage; file: ExportFile }> {
  const purpose = requiredText('input.purpose', req.purpose, 1000);
  const recipientName = requiredText('input.recipient.name', req.recipient.name, 200);
  const country = req.recipient.country ? countryCode('input.recipient.country', req.recipient.country) : null;
  if (req.recipient.kind === 'PARTNER_COUNTRY' && !country) throw badInput('input.recipient.country', 'is required for a partner country');
  const seeds = req.seeds?.length ? [...new Set(req.seeds)] : null;
  const nodeIds = req.nodeIds?.length ? [...new Set(req.nodeIds)] : null;
  if (!!seeds === !!nodeIds) throw badInput('input.seeds', 'give seeds (with a depth) or nodeIds, one of the two');
  if (nodeIds && nodeIds.length > d.limits.nodeBudget) throw badInput('input.nodeIds', `at most ${d.limits.nodeBudget} nodes`);
  const depth = seeds ? clampDepth(req.depth ?? 2, d.limits, 'input.depth') : null;
  const collected = await collectExport(
    d.graph,
    {
      seeds: seeds
        ? {
            ids: seeds,
            depth: depth!.depth,
            relationshipTypes: req.relationshipTypes ?? null,
            nodeTypes: req.nodeTypes ?? null,
            since: null,
            until: null,
            limit: budget(null, d.limits),
            expandReference: false,
          }
        : null,
      nodeIds,
      relationshipTypes: req.relationshipTypes ?? null,
    },
    d.limits.timeoutMs,
  );
  const recipient = { kind: req.recipient.kind, name: recipientName, country };
  const audience = recipientAudience(recipient);
  // A depth cut to the service's limit stopped the traversal as a budget would, when there is more beyond it (as network queries say).
  const depthCut = depth !== null && depth.clamped && collected.moreBeyond;
  const raw = buildSubgraph(collected.nodes, collected.rels, (id) => d.pseudonyms.of(id, audience), collected.truncated ? 'NODE_BUDGET' : depthCut ? 'DEPTH' : null);
  const { subgraph: named, renamed } = pseudonymise(raw, (id) => d.pseudonyms.of(id, audience));
  const subgraph = withLinkIds(named, linkIdentities(raw.edges), (identity) => d.pseudonyms.linkId(identity, audience));
  // Seeds are named in the manifest only if they left, and under their pseudonym if they have one.
  const collectedIds = new Set(collected.nodes.map((n) => n.id));
  const namedSeeds = (seeds ?? nodeIds!).filter((id) => collectedIds.has(id)).map((id) => renamed.get(id) ?? id);
  const items = [...subgraph.nodes, ...subgraph.edges];
  const leftOut = [...collected.leftOut];
  if (collected.truncated) leftOut.push({ reason: 'the node budget stopped the traversal early: more lies beyond', nodes: 0, edges: 0 });
  else if (depthCut) leftOut.push({ reason: `the depth asked for is beyond the service's limit of ${depth.depth} hops: the export stops there, and more may lie beyond`, nodes: 0, edges: 0 });
  const manifest: ExportManifest = {
    formatVersion: JSON_EXPORT_FORMAT_VERSION,
    exportId: `exp-${randomBytes(8).toString('hex')}`,
    exportedAt: d.now.toISOString(),
    exportedBy: { subject: d.principal.subject, agency: d.principal.agency },
    recipient,
    purpose,
    query: {
      description: seeds ? `the ${depth!.depth}-hop neighbourhood of ${seeds.length} seed(s)` : `${nodeIds!.length} chosen node(s) and the links among them`,
      seeds: namedSeeds,
      depth: depth?.depth ?? null,
      relationshipTypes: [...(req.relationshipTypes ?? [])],
      nodeTypes: [...(req.nodeTypes ?? [])],
    },
    counts: { nodes: subgraph.nodes.length, edges: subgraph.edges.length },
    packageHandling: {
      handling: mostRestrictive(items.map((i) => i.provenance.handling)),
      ukHandling: mostRestrictiveUk(items.map((i) => i.provenance.ukHandling)),
    },
    leftOut,
    pseudonymised: renamed.size > 0,
    sha256: null,
  };
  const pkg: ExportPackage = { manifest, subgraph };
  const file = serialiseExport(req.format, pkg);
  return { pkg: { manifest: file.manifest, subgraph }, file };
}
