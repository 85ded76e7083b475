// Writes schema/trusted-documents.json from the named operations under schema/operations
// (`npm run trusted-documents`, part of `npm run generate`): { sha256: document } for the
// trusted-documents mode (README#trusted-documents).
import fs from 'node:fs';
import path from 'node:path';

import { buildManifest, defaultManifestFile, manifestJson, readOperationSources } from '../src/http/trusted-documents/trusted-manifest';

const file = defaultManifestFile();
const manifest = buildManifest(readOperationSources());
fs.writeFileSync(file, manifestJson(manifest));
process.stdout.write(`wrote ${path.relative(process.cwd(), file)} (${Object.keys(manifest).length} operations)\n`);
