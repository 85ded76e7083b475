// Derives src/ingestion/reference/nrm-proportions.json from the real NRM statistics in
// shared/data/nrm (read there, never copied): shares of referrals in 2023 by nationality,
// exploitation type, age group, gender, nationality x exploitation and x age, and police force.
// The synthetic data generator draws from it. Run after changing the derivation or the mappings:
//   npx ts-node --transpile-only scripts/derive-nrm-proportions.ts [--data DIR] [--check]
// test/unit/ingestion/reference/nrm-proportions.test.ts re-derives it and fails when it differs.
import fs from 'node:fs';
import path from 'node:path';

import { NRM_FIRST_RESPONDER_FILE, NRM_POLICE_FORCE_FILE, readNrmQuarterly } from '../src/ingestion/reference/nrm-files';
import { deriveNrmProportions, type NrmProportions } from '../src/ingestion/reference/nrm-proportions';
import { sharedDataDir } from '../src/ingestion/reference/shared-data';

/** The calendar year the proportions describe: the last full year of the quarterly tables. */
export const NRM_PROPORTIONS_YEAR = 2023;
export const NRM_PROPORTIONS_FILE = path.join(__dirname, '..', 'src', 'ingestion', 'reference', 'nrm-proportions.json');

export function deriveFromSharedData(dataDir: string = sharedDataDir()): NrmProportions {
  const nrm = path.join(dataDir, 'nrm');
  return deriveNrmProportions(readNrmQuarterly(nrm, NRM_FIRST_RESPONDER_FILE), readNrmQuarterly(nrm, NRM_POLICE_FORCE_FILE), { year: NRM_PROPORTIONS_YEAR });
}

/** JSON with every small object or list on one line, so a diff shows which share moved. */
export function formatJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) throw new Error('not JSON');
  if (value === null || typeof value !== 'object' || flat.length + indent.length <= 150) return flat.replace(/([,:])(?=["{[\d-])/g, '$1 ');
  const inner = indent + '  ';
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`)
    .join(',\n')}\n${indent}}`;
}

function main(argv: string[]): number {
  const dataArg = argv.indexOf('--data');
  const table = deriveFromSharedData(dataArg >= 0 ? argv[dataArg + 1] : undefined);
  const text = formatJson(table) + '\n';
  if (argv.includes('--check')) {
    const same = fs.existsSync(NRM_PROPORTIONS_FILE) && fs.readFileSync(NRM_PROPORTIONS_FILE, 'utf8') === text;
    process.stderr.write(same ? 'nrm-proportions.json is current\n' : 'nrm-proportions.json is stale: re-run scripts/derive-nrm-proportions.ts and commit it\n');
    return same ? 0 : 1;
  }
  fs.writeFileSync(NRM_PROPORTIONS_FILE, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), NRM_PROPORTIONS_FILE)}: ${table.referrals} referrals in ${table.period.year}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
