import type { ExportFile, ExportPackage } from './export-package';
import { edgeColumns, nodeColumns, type FlatColumn, type FlatKind } from './flat-columns';
import type { JsonEdge, JsonNode } from './json-document';
import { manifestFields } from './manifest-fields';
import { exportFile, prepareExport } from './prepare-export';
import { xmlAttr, xmlText } from './xml-text';

export const GRAPHML_MEDIA_TYPE = 'application/graphml+xml';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const GRAPHML_XSD = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

/**
 * GraphML 1.0 (http://graphml.graphdrawing.org/primer/graphml-primer.html), as networkx, Gephi
 * and yEd read it: a directed graph, every edge with its id, a declared `<key>` (for, attr.name,
 * attr.type) for every attribute written, the manifest as graph-level data. Columns are those of
 * flat-columns.ts: the node's `label` is the attribute Gephi shows, numbers are `long` or
 * `double`, flags `boolean`, everything else `string`. Nothing outside GraphML's core (no yFiles
 * extensions), so every reader sees the same data.
 */
export function toGraphml(pkg: ExportPackage): ExportFile {
  const { manifest, document: d } = prepareExport(pkg);
  const nodeCols = nodeColumns(d.nodes).filter((c) => c.name !== 'id');
  const edgeCols = edgeColumns(d.edges).filter((c) => !['id', 'source', 'target'].includes(c.name));
  const graphFields = manifestFields(manifest, d.truncated, d.truncatedBy);

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NS} ${GRAPHML_XSD}">`,
  ];
  const key = (id: string, target: string, name: string, kind: FlatKind) =>
    out.push(`  <key id="${id}" for="${target}" attr.name="${xmlAttr(name)}" attr.type="${kind}"/>`);
  graphFields.forEach((f, i) => key(`g${i}`, 'graph', f.name, f.kind));
  nodeCols.forEach((c, i) => key(`n${i}`, 'node', c.name, c.kind));
  edgeCols.forEach((c, i) => key(`e${i}`, 'edge', c.name, c.kind));

  out.push('  <graph id="export" edgedefault="directed">');
  graphFields.forEach((f, i) => f.value !== null && out.push(`    <data key="g${i}">${xmlText(String(f.value))}</data>`));
  for (const n of d.nodes) {
    out.push(`    <node id="${xmlAttr(n.id)}">`, ...dataLines(nodeCols, n, 'n'), '    </node>');
  }
  for (const e of d.edges) {
    out.push(`    <edge id="${xmlAttr(e.id)}" source="${xmlAttr(e.source)}" target="${xmlAttr(e.target)}">`, ...dataLines(edgeCols, e, 'e'), '    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return exportFile({ manifest, document: d }, 'graphml', GRAPHML_MEDIA_TYPE, Buffer.from(out.join('\n'), 'utf8'));
}

function dataLines<T extends JsonNode | JsonEdge>(cols: FlatColumn<T>[], item: T, prefix: string): string[] {
  const lines: string[] = [];
  cols.forEach((c, i) => {
    const v = c.value(item);
    if (v !== null) lines.push(`      <data key="${prefix}${i}">${xmlText(String(v))}</data>`);
  });
  return lines;
}
