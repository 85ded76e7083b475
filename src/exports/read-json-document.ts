import { isNodeLabel, isRelationshipType, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../domain/graph-model';
import { PERSON_ROLES } from '../domain/person';
import { HANDLING_CODES, INTEL_GRADES, PROVENANCE_KEYS, SOURCE_GRADES, UK_HANDLING, type Provenance } from '../domain/provenance';
import { TRUNCATION_REASONS, type SubgraphEdge, type SubgraphNode } from '../domain/subgraph';
import { badInput } from '../errors/app-error';
import { contentHashOf } from './content-hash';
import { JSON_EXPORT_FORMAT, JSON_EXPORT_FORMAT_VERSION, JSON_EXPORT_VERSION, RECIPIENT_KINDS, type ExportManifest, type ExportPackage } from './export-package';
import type { JsonEdge, JsonNode, JsonPropertyValue } from './json-document';
import { isIsoDate, isIsoDateTime, isIsoInstant } from './temporal-text';

/** Property keys items may not use: the format gives these a meaning of its own. */
export const RESERVED_NODE_PROPERTY_KEYS: readonly string[] = ['id', 'label', 'redacted', ...PROVENANCE_KEYS];
export const RESERVED_EDGE_PROPERTY_KEYS: readonly string[] = ['id', 'from', 'to', ...PROVENANCE_KEYS];

/** A property key: what Cypher, GraphML and spreadsheets all take without quoting games; a leading
 * `__` is kept for internal markers (and keeps `__proto__` out). */
export const PROPERTY_KEY_PATTERN = /^(?!__)[A-Za-z_][A-Za-z0-9_]{0,99}$/;

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Reads a parsed JSON value as an export document (json-format.md), strictly: every field
 * present with its type, no unknown fields, names from the registry, edges between nodes of the
 * package with ends the relationship type allows, counts and package handling consistent with
 * the items, and the content hash (when set) matching the content. The first problem found is
 * thrown as BAD_USER_INPUT whose `field` is the JSON path, e.g. `$.nodes[3].provenance.handling`.
 * Error messages name types and paths, never property values (they may be victim data).
 */
export function readJsonDocument(doc: unknown): ExportPackage {
  const d = object(doc, '$', ['format', 'version', 'manifest', 'truncated', 'truncatedBy', 'nodes', 'edges']);
  if (d.format !== JSON_EXPORT_FORMAT) fail('$.format', `must be "${JSON_EXPORT_FORMAT}"`);
  if (d.version !== JSON_EXPORT_VERSION) {
    fail('$.version', typeof d.version === 'number' ? `${d.version} is not a version this reader knows (it reads ${JSON_EXPORT_VERSION})` : `must be the number ${JSON_EXPORT_VERSION}`);
  }
  const truncated = bool(d.truncated, '$.truncated');
  const truncatedBy = d.truncatedBy === null ? null : oneOf(d.truncatedBy, '$.truncatedBy', TRUNCATION_REASONS);
  if (truncated !== (truncatedBy !== null)) fail('$.truncatedBy', truncated ? 'must name the budget that stopped the traversal' : 'must be null when truncated is false');

  const jsonNodes = array(d.nodes, '$.nodes').map((n, i) => readNode(n, `$.nodes[${i}]`));
  const types = new Map<string, NodeLabel>();
  jsonNodes.forEach((n, i) => {
    if (types.has(n.id)) fail(`$.nodes[${i}].id`, `"${n.id}" is used by an earlier node`);
    types.set(n.id, n.type);
  });
  const jsonEdges = array(d.edges, '$.edges').map((e, i) => readEdge(e, `$.edges[${i}]`));
  const edgeIds = new Set<string>();
  jsonEdges.forEach((e, i) => {
    const at = `$.edges[${i}]`;
    if (edgeIds.has(e.id)) fail(`${at}.id`, `"${e.id}" is used by an earlier edge`);
    edgeIds.add(e.id);
    const spec = RELATIONSHIP_TYPES[e.type];
    const from = types.get(e.source);
    const to = types.get(e.target);
    if (!from) fail(`${at}.source`, `"${e.source}" is not a node of this package`);
    if (!to) fail(`${at}.target`, `"${e.target}" is not a node of this package`);
    if (!(spec.from as readonly string[]).includes(from)) fail(`${at}.source`, `${e.type} cannot start at a ${from}`);
    if (!(spec.to as readonly string[]).includes(to)) fail(`${at}.target`, `${e.type} cannot end at a ${to}`);
  });

  const manifest = readManifest(d.manifest, '$.manifest');
  if (manifest.counts.nodes !== jsonNodes.length) fail('$.manifest.counts.nodes', `is ${manifest.counts.nodes} but the document holds ${jsonNodes.length} nodes`);
  if (manifest.counts.edges !== jsonEdges.length) fail('$.manifest.counts.edges', `is ${manifest.counts.edges} but the document holds ${jsonEdges.length} edges`);
  const items = [...jsonNodes, ...jsonEdges];
  const worst = items.reduce((max, x) => Math.max(max, HANDLING_CODES.indexOf(x.provenance.handling)), 0);
  if (HANDLING_CODES.indexOf(manifest.packageHandling.handling) < worst) {
    fail('$.manifest.packageHandling.handling', `is ${manifest.packageHandling.handling} but the package holds ${HANDLING_CODES[worst]} items`);
  }
  if (manifest.packageHandling.ukHandling === 'P' && items.some((x) => x.provenance.ukHandling === 'C')) {
    fail('$.manifest.packageHandling.ukHandling', 'is P but the package holds items with UK handling C');
  }
  if (manifest.sha256 !== null && manifest.sha256 !== contentHashOf(jsonNodes, jsonEdges)) {
    fail('$.manifest.sha256', 'does not match the content: the file was changed or damaged after it was written');
  }

  return {
    manifest,
    subgraph: { nodes: jsonNodes.map(toSubgraphNode), edges: jsonEdges.map(toSubgraphEdge), truncated, truncatedBy },
  };
}

function readManifest(v: unknown, at: string): ExportManifest {
  const m = object(v, at, ['formatVersion', 'exportId', 'exportedAt', 'exportedBy', 'recipient', 'purpose', 'query', 'counts', 'packageHandling', 'leftOut', 'pseudonymised', 'sha256']);
  if (m.formatVersion !== JSON_EXPORT_FORMAT_VERSION) fail(`${at}.formatVersion`, `must be "${JSON_EXPORT_FORMAT_VERSION}"`);
  const by = object(m.exportedBy, `${at}.exportedBy`, ['subject', 'agency']);
  const rec = object(m.recipient, `${at}.recipient`, ['kind', 'name'], ['country']);
  const q = object(m.query, `${at}.query`, ['description', 'seeds', 'depth', 'relationshipTypes', 'nodeTypes']);
  const counts = object(m.counts, `${at}.counts`, ['nodes', 'edges']);
  const ph = object(m.packageHandling, `${at}.packageHandling`, ['handling', 'ukHandling']);
  const recipient: ExportManifest['recipient'] = { kind: oneOf(rec.kind, `${at}.recipient.kind`, RECIPIENT_KINDS), name: text(rec.name, `${at}.recipient.name`, true) };
  if (Object.prototype.hasOwnProperty.call(rec, 'country')) recipient.country = rec.country === null ? null : text(rec.country, `${at}.recipient.country`, true);
  const exportedAt = text(m.exportedAt, `${at}.exportedAt`, true);
  if (!isIsoDateTime(exportedAt)) fail(`${at}.exportedAt`, 'must be an ISO 8601 date-time with a time zone');
  const sha256 = m.sha256 === null ? null : text(m.sha256, `${at}.sha256`, true);
  if (sha256 !== null && !SHA256.test(sha256)) fail(`${at}.sha256`, 'must be 64 lower-case hex digits or null');
  return {
    formatVersion: JSON_EXPORT_FORMAT_VERSION,
    exportId: text(m.exportId, `${at}.exportId`, true),
    exportedAt,
    exportedBy: { subject: text(by.subject, `${at}.exportedBy.subject`, true), agency: text(by.agency, `${at}.exportedBy.agency`, true) },
    recipient,
    purpose: text(m.purpose, `${at}.purpose`, true),
    query: {
      description: text(q.description, `${at}.query.description`),
      seeds: array(q.seeds, `${at}.query.seeds`).map((s, i) => text(s, `${at}.query.seeds[${i}]`, true)),
      depth: q.depth === null ? null : int(q.depth, `${at}.query.depth`, 0),
      relationshipTypes: array(q.relationshipTypes, `${at}.query.relationshipTypes`).map((s, i) => text(s, `${at}.query.relationshipTypes[${i}]`, true)),
      nodeTypes: array(q.nodeTypes, `${at}.query.nodeTypes`).map((s, i) => text(s, `${at}.query.nodeTypes[${i}]`, true)),
    },
    counts: { nodes: int(counts.nodes, `${at}.counts.nodes`, 0), edges: int(counts.edges, `${at}.counts.edges`, 0) },
    packageHandling: { handling: oneOf(ph.handling, `${at}.packageHandling.handling`, HANDLING_CODES), ukHandling: oneOf(ph.ukHandling, `${at}.packageHandling.ukHandling`, UK_HANDLING) },
    leftOut: array(m.leftOut, `${at}.leftOut`).map((x, i) => {
      const l = object(x, `${at}.leftOut[${i}]`, ['reason', 'nodes', 'edges']);
      return { reason: text(l.reason, `${at}.leftOut[${i}].reason`, true), nodes: int(l.nodes, `${at}.leftOut[${i}].nodes`, 0), edges: int(l.edges, `${at}.leftOut[${i}].edges`, 0) };
    }),
    pseudonymised: bool(m.pseudonymised, `${at}.pseudonymised`),
    sha256,
  };
}

function readNode(v: unknown, at: string): JsonNode {
  const n = object(v, at, ['id', 'type', 'label', 'roles', 'redacted', 'properties', 'provenance']);
  const type = n.type;
  if (typeof type !== 'string' || !isNodeLabel(type)) fail(`${at}.type`, `must be a node label of the graph model, got ${describe(type)}`);
  const roles = array(n.roles, `${at}.roles`).map((r, i) => oneOf(r, `${at}.roles[${i}]`, PERSON_ROLES));
  if (roles.length > 0 && type !== 'Person') fail(`${at}.roles`, `only a Person holds roles, not a ${type}`);
  roles.forEach((r, i) => {
    if (roles.indexOf(r) !== i) fail(`${at}.roles[${i}]`, `${r} is listed twice`);
  });
  return {
    id: text(n.id, `${at}.id`, true),
    type,
    label: text(n.label, `${at}.label`),
    roles,
    redacted: bool(n.redacted, `${at}.redacted`),
    properties: readProperties(n.properties, `${at}.properties`, RESERVED_NODE_PROPERTY_KEYS),
    provenance: readProvenance(n.provenance, `${at}.provenance`),
  };
}

function readEdge(v: unknown, at: string): JsonEdge {
  const e = object(v, at, ['id', 'type', 'source', 'target', 'from', 'to', 'properties', 'provenance']);
  const type = e.type;
  if (typeof type !== 'string' || !isRelationshipType(type)) fail(`${at}.type`, `must be a relationship type of the graph model, got ${describe(type)}`);
  return {
    id: text(e.id, `${at}.id`, true),
    type: type as RelationshipType,
    source: text(e.source, `${at}.source`, true),
    target: text(e.target, `${at}.target`, true),
    from: e.from === null ? null : temporal(e.from, `${at}.from`),
    to: e.to === null ? null : temporal(e.to, `${at}.to`),
    properties: readProperties(e.properties, `${at}.properties`, RESERVED_EDGE_PROPERTY_KEYS),
    provenance: readProvenance(e.provenance, `${at}.provenance`),
  };
}

function readProvenance(v: unknown, at: string): JsonNode['provenance'] {
  const p = object(v, at, [...PROVENANCE_KEYS]);
  const recordedAt = text(p.recordedAt, `${at}.recordedAt`, true);
  if (!isIsoInstant(recordedAt)) fail(`${at}.recordedAt`, 'must be a UTC date-time as 2025-03-01T09:30:00.000Z');
  return {
    reportId: text(p.reportId, `${at}.reportId`, true),
    agency: text(p.agency, `${at}.agency`, true),
    recordedAt,
    gradeSource: oneOf(p.gradeSource, `${at}.gradeSource`, SOURCE_GRADES),
    gradeIntel: oneOf(p.gradeIntel, `${at}.gradeIntel`, INTEL_GRADES),
    ukHandling: oneOf(p.ukHandling, `${at}.ukHandling`, UK_HANDLING),
    handling: oneOf(p.handling, `${at}.handling`, HANDLING_CODES),
    consent: bool(p.consent, `${at}.consent`),
  };
}

function readProperties(v: unknown, at: string, reserved: readonly string[]): Record<string, JsonPropertyValue> {
  const props = object(v, at, null);
  const out: Record<string, JsonPropertyValue> = {};
  for (const [key, value] of Object.entries(props)) {
    const kat = member(at, key);
    if (!PROPERTY_KEY_PATTERN.test(key)) fail(kat, 'is not a usable property key (a letter or _, then letters, digits or _, at most 100; not starting with __)');
    if (reserved.includes(key)) fail(kat, 'is reserved: the format carries it as a field of the item');
    out[key] = propertyValue(value, kat);
  }
  return out;
}

/** What a Neo4j property holds: a scalar, or a list of scalars of one type (no nulls in it). */
function propertyValue(v: unknown, at: string): JsonPropertyValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(at, 'must be a finite number');
    return v;
  }
  if (Array.isArray(v)) {
    const kinds = new Set(v.map((x) => typeof x));
    v.forEach((x, i) => {
      if (!['string', 'number', 'boolean'].includes(typeof x)) fail(`${at}[${i}]`, `a list may hold strings, numbers or booleans only, got ${describe(x)}`);
      if (typeof x === 'number' && !Number.isFinite(x)) fail(`${at}[${i}]`, 'must be a finite number');
    });
    if (kinds.size > 1) fail(at, 'a list must hold values of one type (as a Neo4j property does)');
    return v as string[] | number[] | boolean[];
  }
  return fail(at, `must be a string, number, boolean, null or a list of one of these, got ${describe(v)}`);
}

function toSubgraphNode(n: JsonNode): SubgraphNode {
  return { id: n.id, type: n.type, label: n.label, roles: n.roles, properties: n.properties, provenance: toProvenance(n.provenance), redacted: n.redacted };
}

function toSubgraphEdge(e: JsonEdge): SubgraphEdge {
  return { id: e.id, type: e.type, source: e.source, target: e.target, properties: e.properties, provenance: toProvenance(e.provenance), from: e.from, to: e.to };
}

function toProvenance(p: JsonNode['provenance']): Provenance {
  return { ...p, recordedAt: new Date(p.recordedAt) };
}

// --- small strict readers: each names the path it was reading when it fails ---

function fail(path: string, message: string): never {
  throw badInput(path, message);
}

/** The path of an object member: `$.a.b`, or `$.a["two words"]` when the key is no identifier. */
function member(at: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${at}.${key}` : `${at}[${JSON.stringify(key)}]`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length <= 40 ? JSON.stringify(v) : 'a long string';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A plain object with exactly the required keys (and any of the optional ones); `null` keys: any. */
function object(v: unknown, at: string, required: readonly string[] | null, optional: readonly string[] = []): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, `must be an object, got ${describe(v)}`);
  const o = v as Record<string, unknown>;
  if (required) {
    for (const k of required) if (!Object.prototype.hasOwnProperty.call(o, k)) fail(`${at}.${k}`, 'is required');
    for (const k of Object.keys(o)) {
      if (!required.includes(k) && !optional.includes(k)) fail(member(at, k), 'is not a field of this format version');
    }
  }
  return o;
}

function array(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) fail(at, `must be a list, got ${describe(v)}`);
  return v;
}

function text(v: unknown, at: string, nonEmpty = false): string {
  if (typeof v !== 'string') fail(at, `must be a string, got ${describe(v)}`);
  if (nonEmpty && v.trim() === '') fail(at, 'must not be empty');
  return v;
}

function bool(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') fail(at, `must be true or false, got ${describe(v)}`);
  return v;
}

function int(v: unknown, at: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) fail(at, `must be an integer of at least ${min}, got ${describe(v)}`);
  return v;
}

function oneOf<T extends string | number>(v: unknown, at: string, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(v)) fail(at, `must be one of ${allowed.join(', ')}, got ${describe(v)}`);
  return v as T;
}

/** An edge's time bound: a date (YYYY-MM-DD) or an ISO date-time with a time zone. */
function temporal(v: unknown, at: string): string {
  const s = text(v, at, true);
  if (!isIsoDate(s) && !isIsoDateTime(s)) fail(at, 'must be a date YYYY-MM-DD or an ISO date-time, or null');
  return s;
}
