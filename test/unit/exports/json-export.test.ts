import { AppError } from '../../../src/errors/app-error';
import { contentHash, sha256Hex } from '../../../src/exports/content-hash';
import { parseJsonExport, toJson } from '../../../src/exports/json-export';
import { exportFixture, HOSTILE } from '../../fixtures/export-fixture';

/** A parsed JSON document that a test damages in one place. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Damageable = Record<string, any>;

/** The file as a mutable JSON value, for damaging it in one place. */
function doc(): Damageable {
  return JSON.parse(toJson(exportFixture()).content.toString('utf8'));
}

/** The AppError parseJsonExport throws for a document, with its field (JSON path) and message. */
function errorFor(value: unknown): { field: unknown; code: unknown; message: string } {
  try {
    parseJsonExport(typeof value === 'string' ? value : JSON.stringify(value));
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    return { field: err.extensions.field, code: err.extensions.code, message: err.message };
  }
  throw new Error('expected parseJsonExport to throw');
}

describe('toJson / parseJsonExport', () => {
  it('round-trips the package exactly, provenance dates included, with the content hash filled in', () => {
    const pkg = exportFixture();
    const file = toJson(pkg);
    const back = parseJsonExport(file.content.toString('utf8'));
    expect(back).toEqual({ manifest: { ...pkg.manifest, sha256: contentHash(pkg.subgraph) }, subgraph: pkg.subgraph });
    expect(back.subgraph.nodes[0]!.provenance.recordedAt).toBeInstanceOf(Date);
    expect(back.manifest).toEqual(file.manifest);
    // and a second trip changes nothing, byte for byte
    expect(toJson(back).content.equals(file.content)).toBe(true);
  });

  it('keeps hostile strings exactly, control characters included', () => {
    const back = parseJsonExport(toJson(exportFixture()).content);
    const byId = new Map(back.subgraph.nodes.map((n) => [n.id, n]));
    expect(byId.get('per-nguyen')!.properties.aliases).toEqual([HOSTILE.quotes, HOSTILE.newlines, HOSTILE.emoji]);
    expect(byId.get('per-obrien')!.label).toBe(HOSTILE.injection);
    expect(byId.get('addr-leeds')!.properties.note).toBe(HOSTILE.control);
    expect(byId.get('addr-leeds')!.label).toBe(HOSTILE.separators);
  });

  it('writes the documented envelope, UTF-8 without BOM, and carries its own sha256', () => {
    const file = toJson(exportFixture());
    expect(file.filename).toBe('exp-2025-0001.json');
    expect(file.mediaType).toBe('application/json');
    expect(file.content[0]).toBe(0x7b); // "{", no byte order mark
    expect(file.sha256).toBe(sha256Hex(file.content));
    const d = JSON.parse(file.content.toString('utf8'));
    expect(Object.keys(d)).toEqual(['format', 'version', 'manifest', 'truncated', 'truncatedBy', 'nodes', 'edges']);
    expect(d.format).toBe('msht-graph-export');
    expect(d.version).toBe(1);
    expect(d.manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(d.nodes[0])).toEqual(['id', 'type', 'label', 'roles', 'redacted', 'properties', 'provenance']);
    expect(d.nodes[0].provenance).toEqual({
      reportId: 'rep-wyp-2025-0007',
      agency: 'WYP',
      recordedAt: '2025-04-12T09:30:00.000Z',
      gradeSource: 1,
      gradeIntel: 'B',
      ukHandling: 'P',
      handling: 'H0',
      consent: false,
    });
    expect(Object.keys(d.edges[0])).toEqual(['id', 'type', 'source', 'target', 'from', 'to', 'properties', 'provenance']);
  });

  it('accepts a byte order mark and a manifest without a hash', () => {
    const d = doc();
    d.manifest.sha256 = null;
    expect(parseJsonExport(`\uFEFF${JSON.stringify(d)}`).subgraph.nodes).toHaveLength(13);
  });

  it.each([
    ['not JSON', '{"format": ', '$', /is not valid JSON/],
    ['a list at the top', [], '$', /must be an object, got a list/],
    ['another format', { ...doc(), format: 'graphson' }, '$.format', /must be "msht-graph-export"/],
    ['a later version', { ...doc(), version: 2 }, '$.version', /2 is not a version this reader knows \(it reads 1\)/],
    ['an unknown top-level field', { ...doc(), extra: 1 }, '$.extra', /is not a field of this format version/],
  ])('refuses %s, naming the path', (_what, value, field, message) => {
    const err = errorFor(value);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.field).toBe(field);
    expect(err.message).toMatch(message);
  });

  it.each<[string, (d: Damageable) => void, string, RegExp]>([
    ['a missing manifest field', (d) => delete d.manifest.purpose, '$.manifest.purpose', /is required/],
    ['a wrong recipient kind', (d) => (d.manifest.recipient.kind = 'INTERPOL'), '$.manifest.recipient.kind', /must be one of EUROPOL, PARTNER_COUNTRY, UK_PARTNER, got "INTERPOL"/],
    ['an exportedAt without a zone', (d) => (d.manifest.exportedAt = '2025-05-01T12:00:00'), '$.manifest.exportedAt', /ISO 8601/],
    ['counts that do not match', (d) => (d.manifest.counts.edges = 3), '$.manifest.counts.edges', /is 3 but the document holds 16 edges/],
    ['a package handling below its items', (d) => (d.manifest.packageHandling.handling = 'H0'), '$.manifest.packageHandling.handling', /is H0 but the package holds H1 items/],
    ['a package UK handling below its items', (d) => (d.manifest.packageHandling.ukHandling = 'P'), '$.manifest.packageHandling.ukHandling', /UK handling C/],
    ['a changed property (hash mismatch)', (d) => (d.nodes[2].properties.birthYear = 1986), '$.manifest.sha256', /does not match the content/],
    ['a node label outside the graph model', (d) => (d.nodes[3].type = 'Suspect'), '$.nodes[3].type', /must be a node label of the graph model, got "Suspect"/],
    ['a duplicate node id', (d) => (d.nodes[4].id = 'per-nguyen'), '$.nodes[4].id', /"per-nguyen" is used by an earlier node/],
    ['roles on a non-person', (d) => (d.nodes[5].roles = ['VICTIM']), '$.nodes[5].roles', /only a Person holds roles, not a Phone/],
    ['an unknown role', (d) => (d.nodes[2].roles = ['BOSS']), '$.nodes[2].roles[0]', /must be one of OFFENDER, SUSPECT, VICTIM/],
    ['a bad grade', (d) => (d.nodes[2].provenance.gradeSource = 4), '$.nodes[2].provenance.gradeSource', /must be one of 1, 2, 3, got a number/],
    ['a recordedAt not in UTC', (d) => (d.nodes[1].provenance.recordedAt = '2025-04-12T10:30:00+01:00'), '$.nodes[1].provenance.recordedAt', /UTC/],
    ['a provenance key as a property', (d) => (d.nodes[2].properties.handling = 'H0'), '$.nodes[2].properties.handling', /is reserved/],
    ['an unusable property key', (d) => (d.nodes[2].properties['two words'] = 'x'), '$.nodes[2].properties["two words"]', /not a usable property key/],
    ['a __proto__ property key', (d) => (d.nodes[2].properties = JSON.parse('{"__proto__": ["x"]}')), '$.nodes[2].properties.__proto__', /not a usable property key/],
    ['a nested object as a property', (d) => (d.nodes[2].properties.address = { town: 'Leeds' }), '$.nodes[2].properties.address', /got an object/],
    ['a mixed list', (d) => (d.nodes[2].properties.aliases = ['a', 1]), '$.nodes[2].properties.aliases', /values of one type/],
    ['a null in a list', (d) => (d.nodes[2].properties.aliases = ['a', null]), '$.nodes[2].properties.aliases[1]', /strings, numbers or booleans only, got null/],
    ['an edge to a node not in the package', (d) => (d.edges[1].target = 'per-ghost'), '$.edges[1].target', /"per-ghost" is not a node of this package/],
    ['an edge type outside the graph model', (d) => (d.edges[0].type = 'KNOWS'), '$.edges[0].type', /relationship type of the graph model, got "KNOWS"/],
    ['an edge between the wrong kinds of node', (d) => (d.edges[2].source = 'phone-01'), '$.edges[2].source', /MEMBER_OF cannot start at a Phone/],
    ['an impossible date', (d) => (d.edges[2].from = '2023-02-30'), '$.edges[2].from', /must be a date YYYY-MM-DD or an ISO date-time/],
    ['truncatedBy without truncation', (d) => (d.truncatedBy = 'DEPTH'), '$.truncatedBy', /must be null when truncated is false/],
  ])('refuses %s, naming the path', (_what, damage, field, message) => {
    const d = doc();
    damage(d);
    const err = errorFor(d);
    expect(err).toEqual({ field, code: 'BAD_USER_INPUT', message: expect.stringMatching(message) });
    expect(err.message.startsWith(`${field}: `)).toBe(true);
  });

  it('never quotes property values in its errors', () => {
    const d = doc();
    d.nodes[2].properties.name = { secret: 'Nguyen Van A' };
    expect(errorFor(d).message).not.toContain('Nguyen');
    expect(errorFor('{"name": "Nguyen Van A",').message).not.toContain('Nguyen');
  });

  it('refuses to write a package its own reader would refuse', () => {
    const pkg = exportFixture();
    pkg.subgraph.edges[0]!.target = 'per-ghost';
    expect(() => toJson(pkg)).toThrow('Invariant failed: export package is invalid: $.edges[0].target: "per-ghost" is not a node of this package');
  });
});
