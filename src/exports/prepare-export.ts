import { AppError } from '../errors/app-error';
import { contentHashOf, sha256Hex } from './content-hash';
import type { ExportFile, ExportManifest, ExportPackage } from './export-package';
import { toJsonDocument, type JsonExportDocument } from './json-document';
import { readJsonDocument } from './read-json-document';

/** A package checked and turned into the JSON format's shape, with the content hash filled in. */
export interface PreparedExport {
  manifest: ExportManifest;
  document: JsonExportDocument;
}

/**
 * The first step of every serialiser. The package is checked exactly as the JSON reader checks a
 * file (read-json-document.ts): a package that reader would refuse (an unknown label, an edge to
 * a node that is not in the package, counts or package handling that do not match the items...)
 * is a bug in whatever built it, so nothing is written and the error says what is wrong.
 */
export function prepareExport(pkg: ExportPackage): PreparedExport {
  const draft = toJsonDocument({ manifest: jsonCopy(pkg.manifest), subgraph: pkg.subgraph }, null);
  try {
    readJsonDocument(draft);
  } catch (e) {
    if (e instanceof AppError) throw new Error(`Invariant failed: export package is invalid: ${e.message}`);
    throw e;
  }
  const manifest: ExportManifest = { ...draft.manifest, sha256: contentHashOf(draft.nodes, draft.edges) };
  return { manifest, document: { ...draft, manifest } };
}

/** An ExportFile for content written from a prepared export. */
export function exportFile(prepared: PreparedExport, extension: string, mediaType: string, content: Buffer): ExportFile {
  return { filename: `${safeFileStem(prepared.manifest.exportId)}.${extension}`, mediaType, content, sha256: sha256Hex(content), manifest: prepared.manifest };
}

/** The export id as a file name stem: letters, digits, dot, dash and underscore only. */
export function safeFileStem(exportId: string): string {
  const stem = exportId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 100);
  return stem === '' ? 'msht-export' : stem;
}

/** The manifest is plain JSON data: copy it as such (drops `undefined`, shares nothing). */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
