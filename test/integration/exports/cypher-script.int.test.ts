
import neo4j, { type Driver } from 'neo4j-driver';

import { toCypherScript } from '../../../src/exports/cypher-script';
import { splitCypherScript } from '../../../src/exports/split-cypher-script';
import { exportFixture, HOSTILE, VICTIM_PSEUDONYM } from '../../fixtures/export-fixture';
import { startTestNeo4j, type TestNeo4j } from '../../support/test-neo4j';

/**
 * The partner's side: a fresh, empty Neo4j of this file's own (not the shared test database),
 * every statement of the export script run through neo4j-driver, then the graph compared with
 * the package.
 */
describe('toCypherScript on an empty Neo4j', () => {
  const pkg = exportFixture();
  const statements = splitCypherScript(toCypherScript(pkg).content.toString('utf8'));
  let db: TestNeo4j;
  let driver: Driver;

  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const session = driver.session();
    try {
      return (await session.run(cypher, params)).records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
  const runScript = async () => {
    for (const s of statements) await run(s);
  };
  const count = async (pattern: string) => (await run(`MATCH ${pattern} RETURN count(*) AS n`))[0]!.n as number;
  const node = async (id: string) => (await run('MATCH (n:Entity {id: $id}) RETURN n', { id }))[0]!.n as { labels: string[]; properties: Record<string, unknown> };
  const rel = async (id: string) => (await run('MATCH ()-[r {id: $id}]->() RETURN r', { id }))[0]!.r as { type: string; properties: Record<string, unknown> };

  beforeAll(async () => {
    db = await startTestNeo4j();
    driver = neo4j.driver(db.uri, undefined, { disableLosslessIntegers: true });
    expect(await count('(n)')).toBe(0);
    await runScript();
  }, 600_000);

  afterAll(async () => {
    await driver?.close();
    await db?.dispose();
  });

  it('creates every node with its labels, and nothing else', async () => {
    expect(await count('(n)')).toBe(pkg.subgraph.nodes.length);
    expect(await count('(n:Entity)')).toBe(pkg.subgraph.nodes.length);
    const perLabel = new Map<string, number>();
    for (const n of pkg.subgraph.nodes) perLabel.set(n.type, (perLabel.get(n.type) ?? 0) + 1);
    for (const [label, n] of perLabel) expect([label, await count(`(n:${label})`)]).toEqual([label, n]);
    expect(await count('(n:Offender)')).toBe(2);
    expect(await count('(n:Suspect)')).toBe(1);
    expect(await count('(n:Victim)')).toBe(1);
    expect(await count('(n:Identifier)')).toBe(4);
    expect(await count('(n:Reference)')).toBe(1);
    expect((await node('addr-leeds')).labels.sort()).toEqual(['Address', 'Entity', 'Location']);
  });

  it('creates every relationship between the right nodes, parallel transfers included', async () => {
    expect(await count('()-[r]->()')).toBe(pkg.subgraph.edges.length);
    const perType = new Map<string, number>();
    for (const e of pkg.subgraph.edges) perType.set(e.type, (perType.get(e.type) ?? 0) + 1);
    for (const [type, n] of perType) expect([type, await count(`()-[r:${type}]->()`)]).toEqual([type, n]);
    for (const e of pkg.subgraph.edges) {
      const ends = await run('MATCH (a)-[r {id: $id}]->(b) RETURN a.id AS a, b.id AS b', { id: e.id });
      expect(ends).toEqual([{ a: e.source, b: e.target }]);
    }
    expect(await count("(:BankAccount {id: 'acct-gb-01'})-[:TRANSFERRED_TO]->(:BankAccount {id: 'acct-vn-01'})")).toBe(2);
  });

  it('stores property values with their types, dates as dates and lists as lists', async () => {
    const nguyen = (await node('per-nguyen')).properties;
    expect(nguyen.aliases).toEqual([HOSTILE.quotes, HOSTILE.newlines, HOSTILE.emoji]);
    expect(nguyen.birthYear).toBe(1985);
    expect(neo4j.isDate(nguyen.dateOfBirth)).toBe(true);
    expect(String(nguyen.dateOfBirth)).toBe('1985-04-12');
    expect(neo4j.isDateTime(nguyen.recordedAt)).toBe(true);
    expect(new Date(String(nguyen.recordedAt)).toISOString()).toBe('2025-04-12T09:30:00.000Z');
    expect(nguyen).toMatchObject({ label: 'Nguyen Van A', redacted: false, reportId: 'rep-nca-2025-0412', agency: 'NCA', gradeSource: 1, gradeIntel: 'B', ukHandling: 'P', handling: 'H0', consent: false });
    expect((await node('per-obrien')).properties).toMatchObject({ heightCm: 181.5, ukHandling: 'C', consent: true });
    expect((await node('biz-lotus')).properties.cashOnly).toBe(true);
    expect((await node('ocg-redlotus')).properties.nationalities).toEqual(['VN', 'GB']);

    const transfer = (await rel(pkg.subgraph.edges[12]!.id)).properties;
    expect(transfer).toMatchObject({ amount: 1500.5, currency: 'GBP', channel: 'MONEY_SERVICE_BUSINESS', handling: 'H0' });
    expect([String(transfer.from), String(transfer.to)]).toEqual(['2024-03-01', '2024-03-01']);
    const second = (await rel(pkg.subgraph.edges[13]!.id)).properties;
    expect(neo4j.isDateTime(second.from)).toBe(true);
    expect(new Date(String(second.from)).toISOString()).toBe('2024-04-01T10:15:00.000Z');
    expect(second.to).toBeUndefined();
  });

  it('keeps hostile strings exactly, and they run as data, never as Cypher', async () => {
    const obrien = (await node('per-obrien')).properties;
    expect(obrien).toMatchObject({ label: HOSTILE.injection, name: HOSTILE.injection, notes: HOSTILE.backslashes, remark: HOSTILE.formula });
    expect((await node('ocg-redlotus')).properties.name).toBe(HOSTILE.markup);
    expect((await node('addr-leeds')).properties).toMatchObject({ line1: HOSTILE.separators, note: HOSTILE.control, directions: HOSTILE.newlines });
    expect((await node('biz-lotus')).properties.label).toBe(HOSTILE.emoji);
    expect((await rel(pkg.subgraph.edges[7]!.id)).properties.note).toBe(HOSTILE.injection);
    expect((await rel(pkg.subgraph.edges[13]!.id)).properties.reference).toBe(HOSTILE.markup);
  });

  it('keeps the victim pseudonymised: no withheld value is written', async () => {
    const victim = await node('per-victim1');
    expect(victim.labels.sort()).toEqual(['Entity', 'Person', 'Victim']);
    expect(victim.properties).toMatchObject({ label: VICTIM_PSEUDONYM, redacted: true, gender: 'FEMALE' });
    for (const k of ['name', 'aliases', 'dateOfBirth', 'birthYear']) expect(victim.properties).not.toHaveProperty(k);
    expect((await node('phone-02')).properties).not.toHaveProperty('value');
  });

  it('can be run again without changing anything', async () => {
    await runScript();
    expect(await count('(n)')).toBe(pkg.subgraph.nodes.length);
    expect(await count('()-[r]->()')).toBe(pkg.subgraph.edges.length);
    const constraints = await run('SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties');
    expect(constraints).toEqual([{ name: 'msht_export_entity_id', labelsOrTypes: ['Entity'], properties: ['id'] }]);
  });
});
