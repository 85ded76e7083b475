import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The checkout's top folder (where package.json names msht-graph), from src/ or dist/src/. */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'msht-graph') {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the msht-graph project root above ' + __dirname);
    dir = parent;
  }
}
