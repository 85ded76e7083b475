import { unzipSync, strFromU8 } from 'fflate';

import { contentHash, sha256Hex } from '../../src/exports/content-hash';
import type { ExportFile, ExportPackage } from '../../src/exports/export-package';
import { parseJsonExport } from '../../src/exports/json-export';
import { elements, parseXmlStrictly } from './strict-xml';

/**
 * Checks an export file as a partner would: its bytes match its sha256, the content hash written
 * inside the file (wherever its format keeps the manifest) is the one the ExportFile's manifest
 * carries, and, given the package it was made from, that hash is the package's content hash.
 * Returns the content hash read from the file; throws saying what does not match.
 */
export function verifyExport(file: ExportFile, pkg?: ExportPackage): string {
  if (sha256Hex(file.content) !== file.sha256) throw new Error(`${file.filename}: its bytes do not match its sha256`);
  const embedded = embeddedContentHash(file);
  if (embedded !== file.manifest.sha256) throw new Error(`${file.filename}: the file says content sha256 ${embedded}, its manifest ${file.manifest.sha256}`);
  if (embedded === null) throw new Error(`${file.filename}: records no content sha256`);
  if (pkg && embedded !== contentHash(pkg.subgraph)) throw new Error(`${file.filename}: content sha256 ${embedded} is not the package's ${contentHash(pkg.subgraph)}`);
  return embedded;
}

/** The content hash as the file itself records it, read with each format's reader. */
export function embeddedContentHash(file: ExportFile): string | null {
  const text = () => file.content.toString('utf8');
  if (file.filename.endsWith('.json')) return parseJsonExport(file.content).manifest.sha256; // the reader also recomputes it
  if (file.filename.endsWith('.csv.zip')) return JSON.parse(strFromU8(unzipSync(new Uint8Array(file.content))['manifest.json']!)).sha256;
  if (file.filename.endsWith('.graphml')) {
    const xml = parseXmlStrictly(text());
    const key = elements(xml, 'key').find((k) => k.getAttribute('for') === 'graph' && k.getAttribute('attr.name') === 'sha256')!;
    return elements(xml, 'data').find((d) => d.getAttribute('key') === key.getAttribute('id'))!.textContent;
  }
  if (file.filename.endsWith('.anx')) {
    return elements(parseXmlStrictly(text()), 'CustomProperty').find((p) => p.getAttribute('Name') === 'sha256')!.getAttribute('Value');
  }
  if (file.filename.endsWith('.cypher')) return /^\/\/ sha256: ([0-9a-f]{64})$/m.exec(text())?.[1] ?? null;
  throw new Error(`${file.filename}: not a format this check knows`);
}
