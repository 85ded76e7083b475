import fs from 'node:fs';

import { splitStatements } from '../../../src/graph/migrations/migrator';
import { GEOGRAPHY_MIGRATION, renderGeographyMigration } from '../../../scripts/gen-geography-migration';
import { VOCABULARY_MIGRATION, renderVocabularyMigration } from '../../../scripts/gen-vocabulary-migration';
import { cypherLiteral, migrationPath } from '../../../scripts/lib/reference-cypher';

const PROVENANCE = (v: string) =>
  `${v}.reportId = 'ref-msht-reference-data', ${v}.agency = 'MSHT', ${v}.recordedAt = datetime('2026-01-01T00:00:00Z'),\n` +
  `  ${v}.gradeSource = 1, ${v}.gradeIntel = 'A', ${v}.ukHandling = 'P', ${v}.handling = 'H0', ${v}.consent = true`;

describe.each([
  [VOCABULARY_MIGRATION, renderVocabularyMigration, 'scripts/gen-vocabulary-migration.ts'],
  [GEOGRAPHY_MIGRATION, renderGeographyMigration, 'scripts/gen-geography-migration.ts'],
])('%s', (file, render, script) => {
  it(`is what ${script} generates (re-run it and commit the file)`, () => {
    expect(fs.readFileSync(migrationPath(file), 'utf8')).toBe(render());
  });

  it('comes after the hand-written migrations', () => {
    expect(Number(file.slice(0, 4))).toBeGreaterThan(5);
  });

  it('merges every node and relationship with the open reference provenance, set on creation', () => {
    const statements = splitStatements(render());
    expect(statements.length).toBeGreaterThan(1);
    for (const s of statements) {
      const merges = [...s.matchAll(/^MERGE \((\w+)(?::\w+)+ \{id: \w+\.id\}\)$|^MERGE \(\w+\)-\[(\w+):\w+\]->\(\w+\)$/gm)].map((m) => m[1] ?? m[2]!);
      expect(merges.length).toBeGreaterThan(0);
      for (const v of merges) expect(s).toContain(PROVENANCE(v));
      expect(s).not.toMatch(/^(CREATE|SET|DELETE|REMOVE)\b/m);
    }
  });
});

describe('cypherLiteral', () => {
  it('escapes quotes and backslashes and renders lists, maps and null', () => {
    expect(cypherLiteral("Uses the victim's \\ children")).toBe("'Uses the victim\\'s \\\\ children'");
    expect(cypherLiteral({ a: ['x', 1, true], b: null })).toBe("{a: ['x', 1, true], b: null}");
  });

  it('refuses map keys that would need quoting', () => {
    expect(() => cypherLiteral({ 'a b': 1 })).toThrow(/map key/);
  });
});
