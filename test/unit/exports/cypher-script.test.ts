import { cypherKey, cypherNumber, cypherString, cypherValue } from '../../../src/exports/cypher-literal';
import { CYPHER_ID_CONSTRAINT, toCypherScript } from '../../../src/exports/cypher-script';
import { contentHash, sha256Hex } from '../../../src/exports/content-hash';
import { splitCypherScript } from '../../../src/exports/split-cypher-script';
import { exportFixture, HOSTILE } from '../../fixtures/export-fixture';

// The script itself runs against a real Neo4j in test/integration/exports/cypher-script.int.test.ts.
describe('cypher literals', () => {
  it.each([
    ["O'Brien", "'O\\'Brien'"],
    ['back\\slash', "'back\\\\slash'"],
    ['two\nlines\r\n', "'two\\u000Alines\\u000D\\u000A'"],
    ['semi;colon', "'semi\\u003Bcolon'"],
    ['ls\u2028ps\u2029', "'ls\\u2028ps\\u2029'"],
    ['bell\u0007', "'bell\\u0007'"],
    ['lone \uD800 surrogate', "'lone \\uD800 surrogate'"],
    ['emoji 🌸 and Đặng stay as they are', "'emoji 🌸 and Đặng stay as they are'"],
    ['"double" quotes and `ticks`', "'\"double\" quotes and `ticks`'"],
  ])('writes the string %j as %s', (s, literal) => {
    expect(cypherString(s)).toBe(literal);
  });

  it('leaves no raw line break, quote or semicolon inside any value', () => {
    for (const s of Object.values(HOSTILE)) {
      const inner = cypherString(s).slice(1, -1);
      expect(inner).not.toMatch(/[\n\r;\u2028\u2029]|(?<!\\)'/);
    }
  });

  it('writes numbers as Cypher integers or floats', () => {
    expect([cypherNumber(3), cypherNumber(-42), cypherNumber(1500.5), cypherNumber(1e21), cypherNumber(1.5e-7)]).toEqual(['3', '-42', '1500.5', '1e21', '1.5e-7']);
    expect(() => cypherNumber(Number.NaN)).toThrow(/NaN/);
  });

  it('turns ISO dates and date-times into temporal values, lists only when every element is one', () => {
    expect(cypherValue('1985-04-12')).toBe("date('1985-04-12')");
    expect(cypherValue('2024-04-01T10:15:00Z')).toBe("datetime('2024-04-01T10:15:00Z')");
    expect(cypherValue('2023-02-30')).toBe("'2023-02-30'"); // not a real date: stays text
    expect(cypherValue('1985-04-12 and more')).toBe("'1985-04-12 and more'");
    expect(cypherValue(['2024-01-01', '2024-02-01'])).toBe("[date('2024-01-01'), date('2024-02-01')]");
    expect(cypherValue(['2024-01-01', 'later'])).toBe("['2024-01-01', 'later']");
    expect(cypherValue([1, 2.5])).toBe('[1, 2.5]');
    expect(cypherValue([true, false])).toBe('[true, false]');
    expect(cypherValue(null)).toBe('null');
  });

  it('back-quotes map keys', () => {
    expect(cypherKey('from')).toBe('`from`');
    expect(cypherKey('a`b')).toBe('`a``b`');
  });
});

describe('splitCypherScript', () => {
  it('splits at semicolons outside strings, names and comments', () => {
    const script = [
      '// a comment; with a semicolon',
      "CREATE (n {a: 'x;y', b: \"p;q\", c: 'it\\'s; fine'});",
      '/* block; comment */ MATCH (`we;ird``name`) RETURN 1 ;',
      '',
      '  RETURN 2',
    ].join('\n');
    expect(splitCypherScript(script)).toEqual(["CREATE (n {a: 'x;y', b: \"p;q\", c: 'it\\'s; fine'})", 'MATCH (`we;ird``name`) RETURN 1', 'RETURN 2']);
  });

  it('drops empty statements and comment-only text', () => {
    expect(splitCypherScript('// only a comment\n;;\n/* and */')).toEqual([]);
  });
});

describe('toCypherScript', () => {
  const pkg = exportFixture();
  const file = toCypherScript(pkg);
  const text = file.content.toString('utf8');
  const statements = splitCypherScript(text);

  it('opens with comment lines carrying the manifest and the content hash', () => {
    const head = text.split('\n').slice(0, 30);
    expect(head[0]).toBe('// msht-graph export exp-2025-0001: recreates the exported subgraph in a Neo4j 5 database.');
    expect(head).toContain(`// sha256: ${contentHash(pkg.subgraph)}`);
    expect(head).toContain('// packageHandling.handling: H1');
    expect(head).toContain('// recipient.kind: EUROPOL');
    expect(file.filename).toBe('exp-2025-0001.cypher');
    expect(file.sha256).toBe(sha256Hex(file.content));
  });

  it('is the constraint, then one UNWIND statement per label set and per relationship type', () => {
    expect(statements[0]).toBe(CYPHER_ID_CONSTRAINT);
    const nodeStatements = statements.filter((s) => /\nMERGE \(n:Entity \{id: row\.id\}\)\n/.test(s));
    const relStatements = statements.filter((s) => /\nMERGE \(a\)-\[r:[A-Z_]+ \{id: row\.id\}\]->\(b\)\n/.test(s));
    expect(nodeStatements.length + relStatements.length + 1).toBe(statements.length);
    expect(relStatements.map((s) => /\[r:([A-Z_]+) /.exec(s)![1]).sort()).toEqual([...new Set(pkg.subgraph.edges.map((e) => e.type))].sort());
    expect(nodeStatements.some((s) => s.includes('SET n:Person:Offender:Suspect, n += row.props'))).toBe(true);
    expect(nodeStatements.some((s) => s.includes('SET n:Phone:Identifier, n += row.props'))).toBe(true);
    expect(nodeStatements.some((s) => s.includes('SET n:Person:Victim, n += row.props'))).toBe(true);
  });

  it('writes every value as a literal: no parameter appears', () => {
    for (const s of statements) expect(s).not.toMatch(/\$[A-Za-z_]|:param/);
  });

  it('refuses labels and relationship types outside the graph model', () => {
    const badLabel = exportFixture();
    (badLabel.subgraph.nodes[0] as { type: string }).type = 'Operation:Admin`) DETACH DELETE n //';
    expect(() => toCypherScript(badLabel)).toThrow(/Invariant failed/);
    const badType = exportFixture();
    (badType.subgraph.edges[0] as { type: string }).type = 'TARGETS]->() DETACH DELETE a //';
    expect(() => toCypherScript(badType)).toThrow(/relationship type of the graph model/);
  });

  it('writes the script in batches when a label set has many nodes', () => {
    const big = exportFixture();
    const template = big.subgraph.nodes.find((n) => n.id === 'phone-01')!;
    for (let i = 0; i < 450; i++) big.subgraph.nodes.push({ ...template, id: `phone-bulk-${i}`, label: `bulk ${i}` });
    big.manifest.counts.nodes = big.subgraph.nodes.length;
    const phoneStatements = splitCypherScript(toCypherScript(big).content.toString('utf8')).filter((s) => s.includes('SET n:Phone:Identifier'));
    expect(phoneStatements).toHaveLength(3); // 452 phones, 200 a statement
  });
});
