import fs from 'node:fs';
import path from 'node:path';

import { accessFilter, escapeLucene, fuzzyQuery, SEARCH_ACCESS_FIELDS, SEARCH_FIELDS, searchLucene } from '../../../src/domain/lucene';
import { readMigrations } from '../../../src/graph/migrations/migrator';

describe('the Lucene query a search sends', () => {
  it('matches each term, escaped, in the text fields only: exact, as a prefix and fuzzily', () => {
    expect(fuzzyQuery('Popescu')).toBe(
      '(name:(popescu^4 OR popescu*^2 OR popescu~2) OR aliases:(popescu^4 OR popescu*^2 OR popescu~2) OR value:(popescu^4 OR popescu*^2 OR popescu~2) OR postcode:(popescu^4 OR popescu*^2 OR popescu~2) OR code:(popescu^4 OR popescu*^2 OR popescu~2))',
    );
    // Short terms and reserved words exactly; every term must match.
    expect(fuzzyQuery('Ion OR')).toBe('(name:(ion^4 OR ion*^2 OR ion~1) OR aliases:(ion^4 OR ion*^2 OR ion~1) OR value:(ion^4 OR ion*^2 OR ion~1) OR postcode:(ion^4 OR ion*^2 OR ion~1) OR code:(ion^4 OR ion*^2 OR ion~1)) AND (name:("OR"^4) OR aliases:("OR"^4) OR value:("OR"^4) OR postcode:("OR"^4) OR code:("OR"^4))');
    expect(fuzzyQuery('Li')).toBe('(name:(li^4) OR aliases:(li^4) OR value:(li^4) OR postcode:(li^4) OR code:(li^4))');
    expect(fuzzyQuery('  ,; ')).toBeNull();
    // Words without a letter or digit are no words; a long one is not matched fuzzily.
    expect(fuzzyQuery('? && / …')).toBeNull();
    expect(fuzzyQuery('Li &&')).toBe(fuzzyQuery('Li'));
    const long = 'x'.repeat(31);
    expect(fuzzyQuery(long)).toBe(`(name:(${long}^4 OR ${long}*^2) OR aliases:(${long}^4 OR ${long}*^2) OR value:(${long}^4 OR ${long}*^2) OR postcode:(${long}^4 OR ${long}*^2) OR code:(${long}^4 OR ${long}*^2))`);
  });

  it('never lets a user term name a field, or reach the handling codes', () => {
    const q = fuzzyQuery('handling:H0 name:* ukHandling:C')!;
    expect(q).toContain('handling\\:h0');
    expect(q).toContain('name\\:\\*');
    // Every field a term is matched in is a text field.
    const fields = [...q.matchAll(/(?<!\\)\b([a-zA-Z]+):\(/g)].map((m) => m[1]);
    expect(new Set(fields)).toEqual(new Set(SEARCH_FIELDS));
    expect(escapeLucene('a+b(c)')).toBe('a\\+b\\(c\\)');
  });

  it('applies the caller’s clearance inside Lucene, adding nothing to the score, and nothing for a caller cleared for every code', () => {
    expect(accessFilter({ handling: ['H0', 'H1'], ukHandling: ['P'] })).toBe('handling:(H0 OR H1)^0 AND ukHandling:(P)^0');
    expect(accessFilter({ handling: ['H0', 'H1', 'H2', 'H3'], ukHandling: ['P'] })).toBe('handling:(H0 OR H1 OR H2 OR H3)^0 AND ukHandling:(P)^0');
    expect(accessFilter({ handling: ['H0', 'H1', 'H2', 'H3'], ukHandling: ['P', 'C'] })).toBeNull();
    // Only the closed lists' codes go into the query; none at all matches nothing.
    expect(accessFilter({ handling: ['H0', 'x) OR name:(*'] as never, ukHandling: [] })).toBe('handling:(H0)^0 AND ukHandling:(none)^0');
    expect(searchLucene('Li', { handling: ['H0'], ukHandling: ['P'] })).toBe(`(${fuzzyQuery('Li')}) AND handling:(H0)^0 AND ukHandling:(P)^0`);
    expect(searchLucene('Li', { handling: ['H0', 'H1', 'H2', 'H3'], ukHandling: ['P', 'C'] })).toBe(fuzzyQuery('Li'));
    expect(searchLucene(' ', { handling: ['H0'], ukHandling: ['P'] })).toBeNull();
  });

  it('queries the fields the latest migration of the full-text index holds', () => {
    const migrations = readMigrations(path.join(__dirname, '../../../neo4j/migrations'));
    const last = [...migrations].reverse().find((m) => m.statements.some((s) => /CREATE FULLTEXT INDEX msht_search/.test(s)))!;
    const create = last.statements.find((s) => /CREATE FULLTEXT INDEX msht_search/.test(s))!;
    const fields = [...create.matchAll(/n\.(\w+)/g)].map((m) => m[1]);
    expect(fields).toEqual([...SEARCH_FIELDS, ...SEARCH_ACCESS_FIELDS]);
    expect(fs.existsSync(path.join(__dirname, '../../../neo4j/migrations', `${last.id}.cypher`))).toBe(true);
  });
});
