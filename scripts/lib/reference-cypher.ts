// Shared by the generators of reference-data migrations (scripts/gen-*-migration.ts): Cypher
// literals for the rows, the open provenance every reference node and relationship carries,
// and writing or checking the generated file.
import fs from 'node:fs';
import path from 'node:path';

import { REFERENCE_PROVENANCE } from '../../src/domain/provenance';

/** The recordedAt of all reference data, as migrations 0003 and 0005 set it. */
export const REFERENCE_RECORDED_AT = '2026-01-01T00:00:00Z';

export type CypherLiteral = string | number | boolean | null | readonly CypherLiteral[] | { readonly [key: string]: CypherLiteral };

/** A Cypher literal for a plain value: single-quoted strings with `\` and `'` escaped. */
export function cypherLiteral(v: CypherLiteral): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(cypherLiteral).join(', ')}]`;
  const entries = Object.entries(v as { [key: string]: CypherLiteral });
  for (const [k] of entries) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(k)) throw new Error(`not a plain map key: ${k}`);
  return `{${entries.map(([k, x]) => `${k}: ${cypherLiteral(x)}`).join(', ')}}`;
}

/** `UNWIND [ rows ] AS name`, one row a line. */
export function unwindRows(rows: readonly { readonly [key: string]: CypherLiteral }[], name: string): string {
  if (rows.length === 0) throw new Error('no rows to unwind');
  return `UNWIND [\n${rows.map((r) => `  ${cypherLiteral(r)}`).join(',\n')}\n] AS ${name}`;
}

/** The SET items of the open reference provenance on `variable`, laid out as in 0003 and 0005. */
export function referenceProvenanceSet(variable: string): string {
  const p = REFERENCE_PROVENANCE;
  const x = variable;
  return (
    `${x}.reportId = ${cypherLiteral(p.reportId)}, ${x}.agency = ${cypherLiteral(p.agency)}, ${x}.recordedAt = datetime(${cypherLiteral(REFERENCE_RECORDED_AT)}),\n` +
    `  ${x}.gradeSource = ${p.gradeSource}, ${x}.gradeIntel = ${cypherLiteral(p.gradeIntel)}, ${x}.ukHandling = ${cypherLiteral(p.ukHandling)}, ` +
    `${x}.handling = ${cypherLiteral(p.handling)}, ${x}.consent = ${p.consent}`
  );
}

export function migrationPath(fileName: string): string {
  return path.join(__dirname, '..', '..', 'neo4j', 'migrations', fileName);
}

/** Writes the generated migration; with `--check`, only reports whether the committed file differs. */
export function writeOrCheck(fileName: string, text: string, argv: readonly string[] = process.argv.slice(2)): number {
  const file = migrationPath(fileName);
  if (argv.includes('--check')) {
    const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
    process.stderr.write(same ? `${fileName} is current\n` : `${fileName} is stale: run the generator and commit it\n`);
    return same ? 0 : 1;
  }
  fs.writeFileSync(file, text);
  process.stdout.write(`wrote neo4j/migrations/${fileName}\n`);
  return 0;
}
