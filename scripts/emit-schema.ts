// Writes schema/schema.graphql from the type-graphql classes (`npm run schema`).
import fs from 'node:fs';
import path from 'node:path';

import { printSDL } from '../src/graphql/schema';

void printSDL().then((sdl) => {
  const file = path.join(__dirname, '..', 'schema', 'schema.graphql');
  fs.writeFileSync(file, sdl);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
});
