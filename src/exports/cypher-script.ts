import {
  IDENTIFIER_LABELS,
  isNodeLabel,
  isRelationshipType,
  LOCATION_LABELS,
  NODE_LABELS,
  PERSON_ROLE_LABELS,
  REFERENCE_LABELS,
  SUPER_LABELS,
  type NodeLabel,
} from '../domain/graph-model';
import { PERSON_ROLES, ROLE_LABEL, type PersonRole } from '../domain/person';
import { invariant } from '../errors/app-error';
import { cypherMap, cypherNumber, cypherString, cypherValue } from './cypher-literal';
import type { ExportFile, ExportPackage } from './export-package';
import type { JsonEdge, JsonNode, JsonProvenance } from './json-document';
import { manifestFields } from './manifest-fields';
import { exportFile, prepareExport } from './prepare-export';

export const CYPHER_MEDIA_TYPE = 'text/plain; charset=utf-8';

/** Rows per UNWIND statement: small enough for any transaction memory limit. */
export const CYPHER_BATCH_SIZE = 200;

/** The one schema statement: MERGE on `id` finds nodes through it and keeps ids unique. */
export const CYPHER_ID_CONSTRAINT = 'CREATE CONSTRAINT msht_export_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE';

/**
 * A Cypher script that recreates the subgraph in a partner's (empty) Neo4j 5: comment lines with
 * the manifest, a uniqueness constraint on Entity.id, then one `UNWIND [...] AS row MERGE ...`
 * statement per batch of nodes with the same labels and per batch of edges of one type. Values
 * are literals (cypher-literal.ts), so the script needs no parameters and runs as it is in
 * cypher-shell (`cypher-shell -f file.cypher`) or statement by statement through a driver
 * (splitCypherScript). Labels and relationship types come only from the graph model registry
 * (src/domain/graph-model.ts): anything else is refused. Nodes are merged on `id`,
 * relationships on their `id` between their two nodes, so running the script twice changes
 * nothing. README.md#cypher.
 */
export function toCypherScript(pkg: ExportPackage): ExportFile {
  const { manifest, document: d } = prepareExport(pkg);
  const out: string[] = [
    `// msht-graph export ${oneLine(manifest.exportId)}: recreates the exported subgraph in a Neo4j 5 database.`,
    '// Run it with cypher-shell -f <this file>, or statement by statement through a driver: each statement',
    '// ends with a semicolon; values are literals, no parameters. Nodes are merged on id (label Entity),',
    '// relationships on their id: running the script again changes nothing.',
    ...manifestFields(manifest, d.truncated, d.truncatedBy)
      .filter((f) => f.value !== null)
      .map((f) => `// ${f.name}: ${oneLine(String(f.value))}`),
    '',
    `${CYPHER_ID_CONSTRAINT};`,
  ];

  const nodeGroups = new Map<string, JsonNode[]>();
  for (const n of d.nodes) {
    const labels = nodeLabels(n).join(':');
    const group = nodeGroups.get(labels);
    if (group) group.push(n);
    else nodeGroups.set(labels, [n]);
  }
  for (const [labels, nodes] of [...nodeGroups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    batches(nodes).forEach((batch, i, all) => {
      out.push('', `// nodes :${labels}${all.length > 1 ? ` (batch ${i + 1} of ${all.length})` : ''}`, 'UNWIND [');
      out.push(batch.map((n) => `  ${cypherMap([['id', cypherString(n.id)], ['props', cypherMap(nodeProps(n))]])}`).join(',\n'));
      const more = labels.split(':').filter((l) => l !== 'Entity');
      out.push('] AS row', 'MERGE (n:Entity {id: row.id})', `SET n:${more.join(':')}, n += row.props;`);
    });
  }

  const edgeGroups = new Map<string, JsonEdge[]>();
  for (const e of d.edges) {
    const type = relationshipType(e.type);
    const group = edgeGroups.get(type);
    if (group) group.push(e);
    else edgeGroups.set(type, [e]);
  }
  for (const [type, edges] of [...edgeGroups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    batches(edges).forEach((batch, i, all) => {
      out.push('', `// relationships :${type}${all.length > 1 ? ` (batch ${i + 1} of ${all.length})` : ''}`, 'UNWIND [');
      out.push(
        batch
          .map((e) => `  ${cypherMap([['id', cypherString(e.id)], ['source', cypherString(e.source)], ['target', cypherString(e.target)], ['props', cypherMap(edgeProps(e))]])}`)
          .join(',\n'),
      );
      out.push('] AS row', 'MATCH (a:Entity {id: row.source})', 'MATCH (b:Entity {id: row.target})', `MERGE (a)-[r:${type} {id: row.id}]->(b)`, 'SET r += row.props;');
    });
  }
  out.push('');
  return exportFile({ manifest, document: d }, 'cypher', CYPHER_MEDIA_TYPE, Buffer.from(out.join('\n'), 'utf8'));
}

/** A node's labels, all from the registry: its own, Entity, its kind's super labels, its roles. */
function nodeLabels(n: JsonNode): string[] {
  const type: string = n.type;
  if (!isNodeLabel(type)) throw refused(`node label ${JSON.stringify(type)}`);
  const labels: string[] = [type, 'Entity'];
  if ((IDENTIFIER_LABELS as readonly NodeLabel[]).includes(type)) labels.push('Identifier');
  if ((LOCATION_LABELS as readonly NodeLabel[]).includes(type)) labels.push('Location');
  if ((REFERENCE_LABELS as readonly NodeLabel[]).includes(type)) labels.push('Reference');
  for (const role of n.roles) {
    if (!(PERSON_ROLES as readonly string[]).includes(role)) throw refused(`role ${JSON.stringify(role)}`);
    labels.push(ROLE_LABEL[role as PersonRole]);
  }
  const known: readonly string[] = [...NODE_LABELS, ...SUPER_LABELS, ...PERSON_ROLE_LABELS];
  for (const l of labels) invariant(known.includes(l), `label ${l} is in the registry`);
  return labels;
}

function relationshipType(type: string): string {
  if (!isRelationshipType(type)) throw refused(`relationship type ${JSON.stringify(type)}`);
  return type;
}

function refused(what: string): Error {
  return new Error(`Invariant failed: the Cypher export writes only names from the graph model; refused ${what}`);
}

/** A node's properties in the partner's graph: its key properties, display label, redaction flag, provenance. */
function nodeProps(n: JsonNode): [string, string][] {
  return [...keyProps(n.properties), ['label', cypherString(n.label)], ['redacted', String(n.redacted)], ...provenanceProps(n.provenance)];
}

function edgeProps(e: JsonEdge): [string, string][] {
  const span: [string, string][] = [];
  if (e.from !== null) span.push(['from', cypherValue(e.from)]);
  if (e.to !== null) span.push(['to', cypherValue(e.to)]);
  return [...keyProps(e.properties), ...span, ...provenanceProps(e.provenance)];
}

/** Null means "not set" in Neo4j: such properties are simply not written. */
function keyProps(props: JsonNode['properties']): [string, string][] {
  return Object.entries(props)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => [k, cypherValue(v)]);
}

function provenanceProps(p: JsonProvenance): [string, string][] {
  return [
    ['reportId', cypherString(p.reportId)],
    ['agency', cypherString(p.agency)],
    ['recordedAt', `datetime(${cypherString(p.recordedAt)})`],
    ['gradeSource', cypherNumber(p.gradeSource)],
    ['gradeIntel', cypherString(p.gradeIntel)],
    ['ukHandling', cypherString(p.ukHandling)],
    ['handling', cypherString(p.handling)],
    ['consent', String(p.consent)],
  ];
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CYPHER_BATCH_SIZE) out.push(items.slice(i, i + CYPHER_BATCH_SIZE));
  return out;
}

/**
 * Text for a comment line: JSON string escapes without the quotes, so no line break can end the
 * comment, and `;`, `'`, back-quote, `/*` and the Unicode line ends as \uXXXX, so that no
 * statement splitter, however simple, can take a comment for a statement, a string or a name.
 */
function oneLine(s: string): string {
  return JSON.stringify(s)
    .slice(1, -1)
    .replace(/[;'`\u0085\u2028\u2029]|(?<=\/)\*/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
