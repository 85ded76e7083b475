import fs from 'node:fs';
import path from 'node:path';

import { AppError } from '../../../src/errors/app-error';
import { contentHash } from '../../../src/exports/content-hash';
import { parseJsonExport } from '../../../src/exports/json-export';

// json-format.md is what partners and the importer's authors read: its example must be a file
// this reader accepts, and the error it quotes must be the one the reader gives.
const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'exports', 'json-format.md'), 'utf8');
const example = /## Example\n[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)![1]!;

describe('json-format.md', () => {
  it('has an example the reader accepts, with a correct content hash', () => {
    const pkg = parseJsonExport(example);
    expect(pkg.manifest.sha256).toBe(contentHash(pkg.subgraph));
    expect(pkg.subgraph.nodes.map((n) => n.id)).toEqual(['V-7K2M4Q9X', 'addr-leeds']);
  });

  it('quotes the reader’s own error message', () => {
    const damaged = JSON.parse(example);
    const address = damaged.nodes[1];
    damaged.nodes.push({ ...address, id: 'addr-2' }, { ...address, id: 'addr-3', provenance: { ...address.provenance, handling: 'H4' } });
    let message = '';
    try {
      parseJsonExport(JSON.stringify(damaged));
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      message = (e as AppError).message;
    }
    expect(message).toBe('$.nodes[3].provenance.handling: must be one of H0, H1, H2, H3, got "H4"');
    expect(doc).toContain(`\`${message}\``);
  });
});
