import { badInput } from '../errors/app-error';
import type { ExportFile, ExportPackage } from './export-package';
import { exportFile, prepareExport } from './prepare-export';
import { readJsonDocument } from './read-json-document';

export const JSON_MEDIA_TYPE = 'application/json';

/**
 * Our own graph format (json-format.md): everything the package holds, provenance on every item,
 * nothing lost. UTF-8 without a byte order mark, two-space indentation, a final newline, keys in
 * the documented order, items in the package's order.
 */
export function toJson(pkg: ExportPackage): ExportFile {
  const prepared = prepareExport(pkg);
  const text = `${JSON.stringify(prepared.document, null, 2)}\n`;
  return exportFile(prepared, 'json', JSON_MEDIA_TYPE, Buffer.from(text, 'utf8'));
}

/**
 * Reads a file written by toJson (or by hand to json-format.md) back into a package, strictly:
 * the first problem is thrown as BAD_USER_INPUT naming its JSON path (read-json-document.ts).
 * The content hash, when the manifest carries one, must match. A leading byte order mark is
 * allowed. For any package p: parseJsonExport(toJson(p).content) equals p, with manifest.sha256
 * filled in.
 */
export function parseJsonExport(text: string | Buffer): ExportPackage {
  const s = (typeof text === 'string' ? text : text.toString('utf8')).replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch {
    // The parser's own message quotes the text, which may hold victim data: say less.
    throw badInput('$', 'is not valid JSON');
  }
  return readJsonDocument(value);
}
