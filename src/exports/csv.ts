import { zipSync } from 'fflate';

import type { ExportFile, ExportPackage } from './export-package';
import { edgeColumns, nodeColumns, type FlatColumn, type FlatValue } from './flat-columns';
import { exportFile, prepareExport } from './prepare-export';

export const CSV_ZIP_MEDIA_TYPE = 'application/zip';

/** Excel reads UTF-8 only when the file starts with a byte order mark; other readers skip it. */
const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A ZIP archive for spreadsheets and tabular tools: `nodes.csv`, `edges.csv` and
 * `manifest.json` (the manifest, with the content hash). Each CSV follows RFC 4180: a header
 * row, CRLF line ends, fields quoted with `"` (doubled inside) when they hold a comma, a quote,
 * a line break or leading or trailing white space; UTF-8 with a byte order mark. Columns are
 * those of flat-columns.ts (fixed fields, then one per property key, sorted); booleans are
 * `true`/`false`, lists JSON text, an empty field means no value. A text value a spreadsheet
 * would run as a formula gets a leading `'` (`formulaSafe`, README.md#csv).
 */
export function toCsv(pkg: ExportPackage): ExportFile {
  const prepared = prepareExport(pkg);
  const { manifest, document: d } = prepared;
  const mtime = zipTime(manifest.exportedAt);
  const zip = withZipTimes(zipSync(
    {
      'manifest.json': [utf8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6, mtime }],
      'nodes.csv': [utf8(csvTable(nodeColumns(d.nodes), d.nodes)), { level: 6, mtime }],
      'edges.csv': [utf8(csvTable(edgeColumns(d.edges), d.edges)), { level: 6, mtime }],
    },
    { mtime },
  ), manifest.exportedAt);
  return exportFile(prepared, 'csv.zip', CSV_ZIP_MEDIA_TYPE, Buffer.from(zip));
}

/** A CSV document: BOM, header, one row per item, every line ended by CRLF. */
export function csvTable<T>(columns: readonly FlatColumn<T>[], items: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.name)), ...items.map((item) => columns.map((c) => csvField(c.value(item))))];
  return BOM + lines.map((fields) => fields.join(',') + CRLF).join('');
}

/**
 * One field, quoted when RFC 4180 requires it (or white space at an end would be trimmed). Text
 * is first made formula-safe.
 */
export function csvField(v: FlatValue | null): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? formulaSafe(v) : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text that Excel, LibreOffice or Google Sheets would take for a formula when the file is opened
 * by double-click (`=`, `@`, a tab, CR or LF first; or `+`/`-` first), prefixed with `'`, which the
 * spreadsheet shows as text and does not display (the usual guard against CSV injection: a name
 * such as `=HYPERLINK(...)` or `+cmd|...` would otherwise run in the partner's spreadsheet).
 * A value of digits, spaces and `( ) . - /` after its sign (`+44 7700 900123`, `-12.5`), or a
 * number with an exponent (`-1e-7`), is left as it is: at worst a spreadsheet adds it up, and
 * phone numbers stay as written.
 */
export function formulaSafe(s: string): string {
  if (/^[=@\t\r\n]/.test(s)) return `'${s}`;
  if (/^[+-]/.test(s) && !/^[+-][\d\s()./-]*$/.test(s) && !NUMBER.test(s)) return `'${s}`;
  return s;
}

/** A number as JavaScript writes one (`-1e-7`): a spreadsheet reads it as the number. */
const NUMBER = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i;

function utf8(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

/**
 * A Date whose local fields are the export time's UTC fields, for fflate (which reads a Date's
 * local fields); ZIP times run from 1980 to 2107. In a time zone's spring-forward hour no Date
 * has those local fields (01:30 on the last Sunday of March, in London), so withZipTimes writes
 * the fields itself afterwards.
 */
function zipTime(iso: string): Date {
  const t = new Date(iso);
  const y = Math.min(Math.max(t.getUTCFullYear(), 1980), 2107);
  return new Date(y, t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}

/**
 * Writes the export time (UTC) as every entry's DOS time and date, in its local header and its
 * central directory record, so the same package gives the same bytes on any machine, in any
 * time zone. The archive is fflate's: no comment, so its end record is its last 22 bytes.
 */
export function withZipTimes(zip: Uint8Array, iso: string): Uint8Array {
  const t = new Date(iso);
  const y = Math.min(Math.max(t.getUTCFullYear(), 1980), 2107);
  const time = (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1);
  const date = ((y - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('not a ZIP archive without a comment');
  let p = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n -= 1) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('a ZIP central directory record was expected');
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('a ZIP local header was expected');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}
