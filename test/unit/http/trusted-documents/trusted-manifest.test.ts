import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { print, type DocumentNode } from 'graphql';

import { documentHash } from '../../../../src/http/trusted-documents/canonical-document';
import { buildManifest, defaultManifestFile, loadManifest, manifestJson, readOperationSources } from '../../../../src/http/trusted-documents/trusted-manifest';
import * as sdk from '../../../../src/sdk/generated';

describe('canonical documents', () => {
  it('ignore layout, comments and the order of fragments', () => {
    const a = 'query Q { a { ...F ...G } }\nfragment G on T { g }\nfragment F on T { f }';
    const b = '# hi\nquery Q{a{...F,...G}} fragment F on T{f} fragment G on T{g}';
    expect(documentHash(a, 1000)).toBe(documentHash(b, 1000));
    expect(documentHash('query Q { a { ...F ...G } }', 1000)).not.toBe(documentHash(a, 1000));
  });

  it('give no hash to text that does not parse or is too long', () => {
    expect(documentHash('{', 1000)).toBeNull();
    expect(documentHash(`{ ${'a '.repeat(50)} }`, 10)).toBeNull();
  });
});

describe('the trusted-documents manifest', () => {
  const manifest = loadManifest(defaultManifestFile());

  it('is current with schema/operations (npm run generate)', () => {
    expect(fs.readFileSync(defaultManifestFile(), 'utf8')).toBe(manifestJson(buildManifest(readOperationSources())));
  });

  it('lists every document the generated SDK sends', () => {
    const documents = Object.entries(sdk).filter(([name, v]) => name.endsWith('Document') && typeof v === 'object') as [string, DocumentNode][];
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.length).toBe(manifest.size);
    for (const [name, doc] of documents) expect([name, manifest.has(documentHash(print(doc), 100_000)!)]).toEqual([name, true]);
  });

  it('holds each operation with the fragments it uses, through other fragments too', () => {
    const m = buildManifest(['query A { x { ...F } } query B { y }', 'fragment F on X { ...G } fragment G on X { z } fragment H on X { w }']);
    expect(Object.values(m).sort()).toEqual([
      'query A {\n  x {\n    ...F\n  }\n}\n\nfragment F on X {\n  ...G\n}\n\nfragment G on X {\n  z\n}',
      'query B {\n  y\n}',
    ]);
  });

  it('refuses an unnamed operation, and a manifest whose keys are not the hashes', () => {
    expect(() => buildManifest(['{ x }'])).toThrow(/needs a name/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-manifest-'));
    try {
      const file = path.join(dir, 'm.json');
      fs.writeFileSync(file, JSON.stringify({ ['0'.repeat(64)]: 'query A { x }' }));
      expect(() => loadManifest(file)).toThrow(/not the SHA-256/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
