import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';

import { contentHash, sha256Hex } from '../../../src/exports/content-hash';
import { csvField, toCsv } from '../../../src/exports/csv';
import { exportFixture, HOSTILE, VICTIM_PSEUDONYM } from '../../fixtures/export-fixture';

/** Reads a CSV file as a spreadsheet tool would: csv-parse, strict quoting, header row. */
function readCsv(bytes: Uint8Array): Record<string, string>[] {
  return parse(Buffer.from(bytes), { bom: true, columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as Record<string, string>[];
}

describe('toCsv', () => {
  const pkg = exportFixture();
  const file = toCsv(pkg);
  const entries = unzipSync(new Uint8Array(file.content));
  const nodes = readCsv(entries['nodes.csv']!);
  const edges = readCsv(entries['edges.csv']!);

  it('is a ZIP of nodes.csv, edges.csv and manifest.json', () => {
    expect(file.filename).toBe('exp-2025-0001.csv.zip');
    expect(file.mediaType).toBe('application/zip');
    expect(Object.keys(entries).sort()).toEqual(['edges.csv', 'manifest.json', 'nodes.csv']);
    expect(file.sha256).toBe(sha256Hex(file.content));
  });

  it('writes UTF-8 with a byte order mark, CRLF line ends and a header row', () => {
    const raw = entries['nodes.csv']!;
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(raw).toString('utf8'); // keeps the BOM, as TextDecoder would not
    expect(text.startsWith('\uFEFFid,type,')).toBe(true);
    expect(text.slice(1).startsWith('id,type,label,roles,redacted,reportId,agency,recordedAt,gradeSource,gradeIntel,ukHandling,handling,consent,grading,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has one row per node and per edge, with their values', () => {
    expect(nodes.map((n) => n.id)).toEqual(pkg.subgraph.nodes.map((n) => n.id));
    expect(edges.map((e) => e.id)).toEqual(pkg.subgraph.edges.map((e) => e.id));
    const nguyen = nodes.find((n) => n.id === 'per-nguyen')!;
    expect(nguyen).toMatchObject({ type: 'Person', label: 'Nguyen Van A', roles: '["OFFENDER"]', redacted: 'false', birthYear: '1985', dateOfBirth: '1985-04-12', grading: '1BP', recordedAt: '2025-04-12T09:30:00.000Z' });
    expect(JSON.parse(nguyen.aliases!)).toEqual([HOSTILE.quotes, HOSTILE.newlines, HOSTILE.emoji]);
    const victim = nodes.find((n) => n.id === 'per-victim1')!;
    expect(victim).toMatchObject({ label: VICTIM_PSEUDONYM, redacted: 'true', name: '', dateOfBirth: '', gender: 'FEMALE' });
    const phone = nodes.find((n) => n.id === 'phone-01')!;
    expect(phone).toMatchObject({ roles: '', dealLine: 'true', aliases: '' });
    const transfer = edges.find((e) => e.id === pkg.subgraph.edges[12]!.id)!;
    expect(transfer).toMatchObject({ type: 'TRANSFERRED_TO', source: 'acct-gb-01', target: 'acct-vn-01', from: '2024-03-01', to: '2024-03-01', amount: '1500.5', currency: 'GBP' });
    expect(edges.find((e) => e.id === pkg.subgraph.edges[13]!.id)).toMatchObject({ amount: '2000', from: '2024-04-01T10:15:00Z', to: '' });
  });

  it('keeps every hostile string exactly, control characters included, and a formula as text', () => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('per-obrien')).toMatchObject({ label: HOSTILE.injection, name: HOSTILE.injection, notes: HOSTILE.backslashes, remark: `'${HOSTILE.formula}`, heightCm: '181.5' });
    expect(byId.get('ocg-redlotus')!.name).toBe(HOSTILE.markup);
    expect(byId.get('addr-leeds')).toMatchObject({ line1: HOSTILE.separators, note: HOSTILE.control, directions: HOSTILE.newlines });
    expect(byId.get('biz-lotus')!.label).toBe(HOSTILE.emoji);
    expect(edges.find((e) => e.id === pkg.subgraph.edges[7]!.id)!.note).toBe(HOSTILE.injection);
  });

  it('ships the manifest with the content hash', () => {
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(manifest).toEqual({ ...pkg.manifest, sha256: contentHash(pkg.subgraph) });
    expect(file.manifest).toEqual(manifest);
  });

  it('gives the same bytes for the same package, whatever the machine’s time zone', () => {
    // Each in a process of its own: jest's process.env does not reach the clock's time zone. One
    // export made in London's spring-forward hour, whose 01:30 UTC is no wall-clock time there.
    const zipIn = (tz: string, exportedAt: string) => {
      const script = `const { toCsv } = require('./src/exports/csv'); const { exportFixture } = require('./test/fixtures/export-fixture');
const f = exportFixture(); process.stdout.write(toCsv({ ...f, manifest: { ...f.manifest, exportedAt: ${JSON.stringify(exportedAt)} } }).content.toString('base64'));`;
      const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: path.resolve(__dirname, '../../..'), env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return Buffer.from(r.stdout, 'base64');
    };
    const gap = '2025-03-30T01:30:00.000Z';
    const utc = zipIn('UTC', gap);
    for (const tz of ['Europe/London', 'America/Los_Angeles', 'Asia/Tokyo']) expect(zipIn(tz, gap).equals(utc)).toBe(true);
    // Every entry's DOS time is 01:30:00 and its date 2025-03-30, in both of its headers.
    const dos = [(1 << 11) | (30 << 5), (45 << 9) | (3 << 5) | 30];
    const stamps = (sig: number, offset: number) => {
      const found: number[][] = [];
      for (let i = 0; i + 4 <= utc.length; i++) if (utc.readUInt32LE(i) === sig) found.push([utc.readUInt16LE(i + offset), utc.readUInt16LE(i + offset + 2)]);
      return found;
    };
    expect(stamps(0x04034b50, 10)).toEqual([dos, dos, dos]);
    expect(stamps(0x02014b50, 12)).toEqual([dos, dos, dos]);
  }, 60_000);

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    [1500.5, '1500.5'],
    [false, 'false'],
    [null, ''],
  ])('quotes %j as RFC 4180 says', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each([
    ['=HYPERLINK("http://x.example","open")', `"'=HYPERLINK(""http://x.example"",""open"")"`],
    ['=1+1', "'=1+1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3+cmd|x', "'-2+3+cmd|x"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-SUM(A1)', "'-SUM(A1)"],
    ['\n=1', `"'\n=1"`],
    ['-1e-7+cmd|x', "'-1e-7+cmd|x"],
  ])('writes %j, which a spreadsheet would run, as text', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each(['+44 7700 900123', '+447700900123', '-12.5', '+1 (555) 010-0199', '-', '20-00-00 11111111', 'a=b', 'Ion Dumitru', '-1e-7', '+2.5E+10'])(
    'leaves %j, which no spreadsheet runs, as written',
    (value) => {
      expect(csvField(value)).toBe(value);
    },
  );

  it('does not prefix numbers and booleans', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(true)).toBe('true');
  });
});
