import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { contentHash } from '../../../src/exports/content-hash';
import { toGraphml } from '../../../src/exports/graphml';
import { exportFixture, HOSTILE, VICTIM_PSEUDONYM } from '../../fixtures/export-fixture';
import { elements, parseXmlStrictly } from '../../support/strict-xml';

/**
 * The reader is networkx (a real GraphML implementation), run by python3. No python3 or no
 * networkx makes this test fail, not skip: CI installs networkx (.ci/run).
 */
const READ_WITH_NETWORKX = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
edges = [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)] if g.is_multigraph() else [[u, v, d.get('id'), d] for u, v, d in g.edges(data=True)]
print(json.dumps({'version': nx.__version__, 'directed': g.is_directed(), 'multigraph': g.is_multigraph(), 'graph': g.graph, 'nodes': {n: d for n, d in g.nodes(data=True)}, 'edges': edges}))
`;

interface NetworkxGraph {
  version: string;
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, string, Record<string, unknown>][];
}

function readWithNetworkx(content: Buffer): NetworkxGraph {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-graphml-'));
  const file = path.join(dir, 'export.graphml');
  try {
    fs.writeFileSync(file, content);
    const out = execFileSync('python3', ['-c', READ_WITH_NETWORKX, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out) as NetworkxGraph;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('toGraphml', () => {
  const pkg = exportFixture();
  const file = toGraphml(pkg);
  const g = readWithNetworkx(file.content);

  it('is read by networkx as a directed graph with every node and every (parallel) edge', () => {
    expect(g.version).toMatch(/^3\./);
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(pkg.subgraph.nodes.map((n) => n.id).sort());
    expect(g.edges).toHaveLength(pkg.subgraph.edges.length);
    expect(g.multigraph).toBe(true); // the two transfers between the same accounts
    for (const e of pkg.subgraph.edges) {
      const found = g.edges.find(([, , key]) => key === e.id);
      expect(found && [found[0], found[1]]).toEqual([e.source, e.target]);
    }
  });

  it('carries type, label, roles, properties and provenance with their types', () => {
    expect(g.nodes['per-nguyen']).toEqual({
      type: 'Person',
      label: 'Nguyen Van A',
      roles: '["OFFENDER"]',
      redacted: false,
      reportId: 'rep-nca-2025-0412',
      agency: 'NCA',
      recordedAt: '2025-04-12T09:30:00.000Z',
      gradeSource: 1,
      gradeIntel: 'B',
      ukHandling: 'P',
      handling: 'H0',
      consent: false,
      grading: '1BP',
      name: 'Nguyen Van A',
      aliases: JSON.stringify([HOSTILE.quotes, HOSTILE.newlines, HOSTILE.emoji]),
      birthYear: 1985,
      dateOfBirth: '1985-04-12',
      gender: 'MALE',
    });
    expect(g.nodes['per-victim1']).toMatchObject({ label: VICTIM_PSEUDONYM, redacted: true, roles: '["VICTIM"]', gender: 'FEMALE' });
    expect(g.nodes['per-victim1']).not.toHaveProperty('name'); // withheld values are not written at all
    expect(g.nodes['per-obrien']).toMatchObject({ heightCm: 181.5, ukHandling: 'C', consent: true, grading: '2CC' });
    expect(g.nodes['biz-lotus']).toMatchObject({ cashOnly: true, businessType: 'NAIL_BAR' });
    const transfer = g.edges.find(([, , key]) => key === pkg.subgraph.edges[12]!.id)![3];
    expect(transfer).toMatchObject({ type: 'TRANSFERRED_TO', amount: 1500.5, currency: 'GBP', from: '2024-03-01', to: '2024-03-01', handling: 'H0' });
  });

  it('keeps hostile strings intact through XML, replacing only what XML cannot carry', () => {
    expect(g.nodes['per-obrien']!.label).toBe(HOSTILE.injection);
    expect(g.nodes['per-obrien']!.notes).toBe(HOSTILE.backslashes);
    expect(g.nodes['ocg-redlotus']!.name).toBe(HOSTILE.markup);
    expect(g.nodes['addr-leeds']!.line1).toBe(HOSTILE.separators);
    expect(g.nodes['addr-leeds']!.directions).toBe(HOSTILE.newlines);
    expect(g.nodes['biz-lotus']!.label).toBe(HOSTILE.emoji);
    expect(JSON.parse(g.nodes['per-nguyen']!.aliases as string)).toEqual([HOSTILE.quotes, HOSTILE.newlines, HOSTILE.emoji]);
    expect(g.nodes['addr-leeds']!.note).toBe('bell\uFFFDhere');
  });

  it('puts the manifest, with the content hash, in graph-level data', () => {
    expect(g.graph).toMatchObject({
      formatVersion: 'msht-graph-export/1',
      exportId: 'exp-2025-0001',
      'recipient.kind': 'EUROPOL',
      'counts.nodes': 13,
      'counts.edges': 16,
      'packageHandling.handling': 'H1',
      'packageHandling.ukHandling': 'C',
      pseudonymised: true,
      truncated: false,
      sha256: contentHash(pkg.subgraph),
      purpose: pkg.manifest.purpose,
    });
    expect(JSON.parse(g.graph.leftOut as string)).toEqual(pkg.manifest.leftOut);
    expect(file.manifest.sha256).toBe(contentHash(pkg.subgraph));
  });

  it('declares a key for every data element, once per domain and name', () => {
    const xml = parseXmlStrictly(file.content.toString('utf8'));
    expect(xml.documentElement!.namespaceURI).toBe('http://graphml.graphdrawing.org/xmlns');
    const keys = elements(xml, 'key');
    const ids = new Set(keys.map((k) => k.getAttribute('id')));
    expect(ids.size).toBe(keys.length);
    for (const k of keys) {
      expect(['graph', 'node', 'edge']).toContain(k.getAttribute('for'));
      expect(['string', 'long', 'double', 'boolean']).toContain(k.getAttribute('attr.type'));
    }
    const names = keys.map((k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}`);
    expect(new Set(names).size).toBe(names.length);
    for (const dataEl of elements(xml, 'data')) expect(ids.has(dataEl.getAttribute('key'))).toBe(true);
    expect(elements(xml, 'edge').every((e) => e.getAttribute('id'))).toBe(true);
  });
});
