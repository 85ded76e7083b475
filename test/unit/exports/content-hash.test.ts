import { createHash } from 'node:crypto';

import { canonicalJson } from '../../../src/exports/canonical-json';
import { contentHash } from '../../../src/exports/content-hash';
import { EXPORT_SERIALISERS, serialiseExport } from '../../../src/exports/export-formats';
import { EXPORT_FORMATS } from '../../../src/exports/export-package';
import { exportFixture } from '../../fixtures/export-fixture';
import { verifyExport } from '../../support/verify-export';

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units and writes no white space (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], A: { z: 0.5, é: -0, '\u20ac': 1e21 } })).toBe('{"A":{"z":0.5,"é":0,"€":1e+21},"a":[true,null,"x"],"b":1}');
  });

  it('leaves out undefined members and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(/plain objects/);
  });
});

describe('contentHash', () => {
  it('is SHA-256 of the canonical JSON of {nodes, edges}, items sorted by id', () => {
    const pkg = exportFixture();
    const node = pkg.subgraph.nodes.find((n) => n.id === 'country-VN')!;
    const expected =
      '{"edges":[],"nodes":[{"id":"country-VN","label":"Viet Nam","properties":{"code":"VN","name":"Viet Nam"},' +
      '"provenance":{"agency":"MSHT","consent":true,"gradeIntel":"A","gradeSource":1,"handling":"H0","recordedAt":"2025-01-01T00:00:00.000Z",' +
      '"reportId":"ref-msht-reference-data","ukHandling":"P"},"redacted":false,"roles":[],"type":"Country"}]}';
    expect(contentHash({ nodes: [node], edges: [] })).toBe(createHash('sha256').update(expected, 'utf8').digest('hex'));
  });

  it('is the same for every format of one package, and each file records it', () => {
    const pkg = exportFixture();
    const hashes = EXPORT_FORMATS.map((f) => verifyExport(serialiseExport(f, pkg), pkg));
    expect(new Set(hashes)).toEqual(new Set([contentHash(pkg.subgraph)]));
    expect(Object.keys(EXPORT_SERIALISERS).sort()).toEqual([...EXPORT_FORMATS].sort());
  });

  it('does not depend on the order of the items, nor on the manifest', () => {
    const a = exportFixture();
    const b = exportFixture();
    b.subgraph.nodes.reverse();
    b.subgraph.edges.reverse();
    b.manifest.recipient = { kind: 'PARTNER_COUNTRY', name: 'Policia Nacional', country: 'ES' };
    expect(contentHash(b.subgraph)).toBe(contentHash(a.subgraph));
    expect(serialiseExport('GRAPHML', b).manifest.sha256).toBe(serialiseExport('GRAPHML', a).manifest.sha256);
  });

  it.each<[string, (p: ReturnType<typeof exportFixture>) => void]>([
    ['a property value changes', (p) => (p.subgraph.nodes[2]!.properties.birthYear = 1986)],
    ['a property is added', (p) => (p.subgraph.edges[0]!.properties.note = 'x')],
    ['a label changes', (p) => (p.subgraph.nodes[0]!.label = 'Operation THORNBUSH II')],
    ['a handling code changes', (p) => (p.subgraph.edges[1]!.provenance.handling = 'H1')],
    ['a recording time changes', (p) => (p.subgraph.nodes[5]!.provenance.recordedAt = new Date('2025-04-12T09:30:00.001Z'))],
    ['an edge end changes', (p) => (p.subgraph.edges[1]!.target = 'per-obrien')],
  ])('changes when %s', (_what, change) => {
    const pkg = exportFixture();
    const before = contentHash(pkg.subgraph);
    change(pkg);
    expect(contentHash(pkg.subgraph)).not.toBe(before);
  });

  it('lets a partner detect a changed file', () => {
    const pkg = exportFixture();
    const file = serialiseExport('CSV', pkg);
    expect(verifyExport(file, pkg)).toBe(contentHash(pkg.subgraph));
    const tampered = { ...file, content: Buffer.concat([file.content, Buffer.from(' ')]) };
    expect(() => verifyExport(tampered, pkg)).toThrow(/bytes do not match its sha256/);
    const other = exportFixture();
    other.subgraph.nodes[2]!.properties.birthYear = 1986;
    expect(() => verifyExport(file, other)).toThrow(/is not the package's/);
  });

  it('gives byte-identical files for the same package', () => {
    for (const f of EXPORT_FORMATS) expect(serialiseExport(f, exportFixture()).content.equals(serialiseExport(f, exportFixture()).content)).toBe(true);
  });
});
