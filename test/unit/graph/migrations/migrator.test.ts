import { NODE_LABELS } from '../../../../src/domain/graph-model';
import { readMigrations, splitStatements } from '../../../../src/graph/migrations/migrator';

describe('splitStatements', () => {
  it('splits on a semicolon at a line end and drops comment lines', () => {
    expect(splitStatements('// a comment\nCREATE (a);\nMATCH (n)\nRETURN n;\n\n')).toEqual(['CREATE (a)', 'MATCH (n)\nRETURN n']);
  });

  it('keeps a final statement without a semicolon', () => {
    expect(splitStatements('RETURN 1')).toEqual(['RETURN 1']);
  });
});

describe('readMigrations', () => {
  const files = readMigrations();

  it('reads the migrations in name order', () => {
    const ids = files.map((f) => f.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids[0]).toBe('0001-id-constraints');
  });

  it('is idempotent by construction: every schema statement says IF NOT EXISTS, every write MERGEs', () => {
    for (const f of files) {
      for (const s of f.statements) {
        if (/^CREATE (CONSTRAINT|INDEX|FULLTEXT INDEX)/.test(s)) expect(s).toMatch(/IF NOT EXISTS/);
        else expect(s).not.toMatch(/^CREATE /m);
      }
    }
  });

  it('puts a uniqueness constraint on the id of every entity label', () => {
    const all = files.flatMap((f) => f.statements).join('\n');
    for (const label of ['Entity', ...NODE_LABELS]) {
      expect(all).toMatch(new RegExp(`FOR \\(n:${label}\\) REQUIRE n\\.id IS UNIQUE`));
    }
  });
});
