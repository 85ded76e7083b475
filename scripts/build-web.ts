// Bundles the browser workbench (web/) into dist/web with esbuild: ide.js/.css, explorer.js/.css,
// the favicon, and manifest.json (written last: the server serves the pages once it exists).
// Everything is bundled from node_modules: no CDN, no remote fonts, no source maps. Run by
// `npm run build`; `npm run build:web` alone takes a second or two.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';

const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'dist', 'web');

/** Fails the build if a bundle would fetch from another host (an @import or url() to http). */
function checkNoRemoteLoads(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const remote = file.endsWith('.css') ? /(@import\s+(url\()?\s*['"]?https?:|url\(\s*['"]?https?:)/i.exec(text) : /sourceMappingURL=https?:/i.exec(text);
  if (remote) throw new Error(`${path.relative(root, file)} would load from another host: ${remote[0]}`);
}

export async function buildWeb(): Promise<string[]> {
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { ide: 'web/ide/main.tsx', explorer: 'web/explorer/main.ts' },
    outdir,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16', 'edge109'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  });
  fs.copyFileSync(path.join(root, 'web', 'shared', 'favicon.svg'), path.join(outdir, 'favicon.svg'));
  const files = fs.readdirSync(outdir).sort();
  const manifest: Record<string, { bytes: number; sha256: string }> = {};
  for (const f of files) {
    const full = path.join(outdir, f);
    checkNoRemoteLoads(full);
    const data = fs.readFileSync(full);
    manifest[f] = { bytes: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') };
  }
  fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ files: manifest }, null, 2) + '\n');
  return files;
}

if (require.main === module) {
  buildWeb()
    .then((files) => process.stdout.write(`web: ${files.length} files in ${path.relative(process.cwd(), outdir) || outdir}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`web build failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
