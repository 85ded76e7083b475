// Prints the committed bench results (bench/results/<scale>.json) as the markdown tables
// bench/README.md keeps: figures and ratios per scale, then the scale curve.
//   npx ts-node --transpile-only bench/report.ts [--local]   (--local: the *.local.json of unrecorded runs)
import fs from 'node:fs';
import path from 'node:path';

import type { BenchResult } from './harness/results';
import { formatGrowth, formatMarkdown, growth } from './harness/table';

const dir = path.join(__dirname, 'results');
const local = process.argv.includes('--local');
const order = ['tiny', 'small', 'medium', 'large'];
const runs = fs
  .readdirSync(dir)
  .filter((f) => (local ? f.endsWith('.local.json') : f.endsWith('.json') && !f.endsWith('.local.json')))
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as BenchResult)
  .sort((a, b) => order.indexOf(a.scale) - order.indexOf(b.scale));
if (runs.length === 0) {
  process.stderr.write(`no results in ${dir}\n`);
  process.exit(1);
}
for (const r of runs) process.stdout.write(`### \`${r.scale}\`\n\n${formatMarkdown(r)}\n\n`);
if (runs.length > 1) process.stdout.write(`### Scale curve (our p50 at the lowest concurrency)\n\n${formatGrowth(growth(runs), runs.map((r) => r.scale))}\n`);
