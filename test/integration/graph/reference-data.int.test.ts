import { loadConfig } from '../../../src/config/config';
import { REFERENCE_PROVENANCE } from '../../../src/domain/provenance';
import { POLICE_FORCE_CODES } from '../../../src/domain/reference/police-forces';
import { REGIONS } from '../../../src/domain/reference/regions';
import { CONTROL_METHODS, EXPLOITATION_TYPE_CODES, OFFENCE_TYPES, RECRUITMENT_METHODS } from '../../../src/domain/vocabulary';
import { createDriver } from '../../../src/graph/driver';
import { GraphClient } from '../../../src/graph/run-query';
import { createLogger } from '../../../src/logging/logger';

// The reference data migrations 0003-0007 leave in the graph (the global setup migrated it).
describe('reference data after the migrations', () => {
  let graph: GraphClient;
  const read = async (cypher: string, params: Record<string, unknown> = {}) => graph.read({ cypher, params });

  beforeAll(() => {
    const uri = process.env.MSHT_TEST_NEO4J_URI;
    if (!uri) throw new Error('no test Neo4j: run integration tests through jest (global setup starts one)');
    const config = loadConfig({ NEO4J_URI: uri, MSHT_MODE: 'test' });
    graph = new GraphClient(createDriver(uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: 60_000, log: createLogger('silent') });
  });
  afterAll(() => graph.close());

  it('has the 46 police forces, each PART_OF one region that is PART_OF Country GB', async () => {
    const rows = await read(
      `MATCH (f:PoliceForce)
       OPTIONAL MATCH (f)-[:PART_OF]->(r:Region)-[:PART_OF]->(c:Country {code: 'GB'})
       RETURN f.code AS code, f.id AS id, labels(f) AS labels, count(DISTINCT r) AS regions, count(c) AS chains
       ORDER BY code`,
    );
    expect(rows.map((r) => r.code)).toEqual([...POLICE_FORCE_CODES].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ id: `force-${r.code}`, regions: 1, chains: 1 });
      expect(r.labels).toEqual(expect.arrayContaining(['PoliceForce', 'Entity', 'Location', 'Reference']));
    }
    const kent = await read("MATCH (:PoliceForce {code: 'KENT'})-[:PART_OF]->(r:Region) RETURN r.code AS region, r.rocuShort AS rocu");
    expect(kent).toEqual([{ region: 'EASTERN', rocu: 'ERSOU' }]);
  });

  it('has every region PART_OF Country GB, and an Agency for each force and ROCU', async () => {
    const regions = await read("MATCH (r:Region)-[:PART_OF]->(:Country {code: 'GB'}) RETURN r.code AS code ORDER BY code");
    expect(regions.map((r) => r.code)).toEqual(REGIONS.map((r) => r.code).sort());
    const agencies = await read("MATCH (a:Agency) WHERE a.kind IN ['POLICE', 'ROCU'] RETURN a.kind AS kind, collect(a.code) AS codes");
    const byKind = Object.fromEntries(agencies.map((r) => [r.kind, (r.codes as string[]).sort()]));
    expect(byKind.POLICE).toEqual([...POLICE_FORCE_CODES].sort());
    expect(byKind.ROCU).toHaveLength(9);
  });

  it('has every exploitation type, each offence type SUBTYPE_OF its category', async () => {
    const [types] = await read('MATCH (t:ExploitationType) RETURN count(t) AS n, collect(t.code) AS codes');
    expect(types!.n).toBe(EXPLOITATION_TYPE_CODES.length);
    expect((types!.codes as string[]).sort()).toEqual([...EXPLOITATION_TYPE_CODES].sort());
    const edges = await read(
      `MATCH (o:ExploitationType)-[:SUBTYPE_OF]->(c:ExploitationType)
       RETURN o.code AS code, o.kind AS kind, o.category AS category, c.code AS parent, c.kind AS parentKind ORDER BY code`,
    );
    expect(edges).toHaveLength(17);
    expect(edges.map((e) => [e.code, e.parent])).toEqual(OFFENCE_TYPES.map((t) => [t.code, t.category]).sort());
    for (const e of edges) expect(e).toMatchObject({ kind: 'OFFENCE_TYPE', parentKind: 'CATEGORY', category: e.parent });
  });

  it('has the control and recruitment methods', async () => {
    const [row] = await read('MATCH (c:ControlMethod) WITH count(c) AS control MATCH (r:RecruitmentMethod) RETURN control, count(r) AS recruitment');
    expect(row).toEqual({ control: CONTROL_METHODS.length, recruitment: RECRUITMENT_METHODS.length });
    const [romance] = await read("MATCH (r:RecruitmentMethod {id: 'recruit-ROMANCE'}) RETURN r.code AS code");
    expect(romance).toEqual({ code: 'ROMANCE' });
  });

  it('gives every reference node and every relationship between them the open reference provenance', async () => {
    const params = { ...REFERENCE_PROVENANCE, recordedAt: '2026-01-01T00:00:00Z' };
    const open = `x.reportId = $reportId AND x.agency = $agency AND x.recordedAt = datetime($recordedAt) AND x.gradeSource = $gradeSource
      AND x.gradeIntel = $gradeIntel AND x.ukHandling = $ukHandling AND x.handling = $handling AND x.consent = $consent`;
    const [nodes] = await read(`MATCH (x:Reference) RETURN count(x) AS n, [y IN collect(CASE WHEN ${open} THEN null ELSE x.id END) WHERE y IS NOT NULL][..20] AS bad`, params);
    expect(nodes!.bad).toEqual([]);
    expect(nodes!.n).toBeGreaterThan(250 + 46 + 13 + EXPLOITATION_TYPE_CODES.length);
    const [rels] = await read(
      `MATCH (:Reference)-[x]->(:Reference) RETURN count(x) AS n, [y IN collect(CASE WHEN ${open} THEN null ELSE type(x) END) WHERE y IS NOT NULL][..20] AS bad`,
      params,
    );
    expect(rels!.bad).toEqual([]);
    expect(rels!.n).toBeGreaterThanOrEqual(46 + REGIONS.length + 17);
  });

  it('finds a force through the full-text index by an alias', async () => {
    const rows = await read("CALL db.index.fulltext.queryNodes('msht_search', $q) YIELD node WHERE node:PoliceForce RETURN node.code AS code", { q: '"Heddlu Gogledd Cymru"' });
    expect(rows.map((r) => r.code)).toContain('NWP');
  });
});
