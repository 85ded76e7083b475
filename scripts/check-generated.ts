// Fails when schema/schema.graphql, src/sdk/generated.ts or schema/trusted-documents.json is not
// what the code and schema/operations generate
// (`npm run check:generated`, run by CI). Fix with `npm run generate` and commit the result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { generate } from '@graphql-codegen/cli';
import { parse as parseYaml } from 'yaml';

import { printSDL } from '../src/graphql/schema';
import { buildManifest, defaultManifestFile, manifestJson, readOperationSources } from '../src/http/trusted-documents/trusted-manifest';

async function main(): Promise<number> {
  const root = path.join(__dirname, '..');
  let stale = 0;
  const sdlFile = path.join(root, 'schema', 'schema.graphql');
  const sdl = await printSDL();
  if (!fs.existsSync(sdlFile) || fs.readFileSync(sdlFile, 'utf8') !== sdl) {
    process.stderr.write('schema/schema.graphql is stale: run `npm run generate` and commit it\n');
    stale++;
  }
  // Generate from the SDL the code emits (not the file), so a stale file cannot hide a stale SDK.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-sdl-'));
  fs.writeFileSync(path.join(tmp, 'schema.graphql'), sdl);
  const outputs = await generate(
    {
      ...parseYaml(fs.readFileSync(path.join(root, 'codegen.yml'), 'utf8')),
      cwd: root,
      schema: path.join(tmp, 'schema.graphql'),
      silent: true,
    },
    false,
  );
  for (const out of outputs) {
    const file = path.join(root, out.filename);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== out.content) {
      process.stderr.write(`${out.filename} is stale: run \`npm run generate\` and commit it\n`);
      stale++;
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const manifestFile = defaultManifestFile();
  if (!fs.existsSync(manifestFile) || fs.readFileSync(manifestFile, 'utf8') !== manifestJson(buildManifest(readOperationSources()))) {
    process.stderr.write('schema/trusted-documents.json is stale: run `npm run generate` and commit it\n');
    stale++;
  }
  if (stale === 0) process.stdout.write('schema/schema.graphql, the generated SDK and schema/trusted-documents.json are current\n');
  return stale === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(2);
  },
);
