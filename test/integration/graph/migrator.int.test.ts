import { Migrator, readMigrations } from '../../../src/graph/migrations/migrator';
import { createLogger } from '../../../src/logging/logger';
import { startTestService, type TestService } from '../../support/test-service';

describe('Migrator on a real Neo4j', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  it('has recorded every migration once, and a second run applies nothing', async () => {
    const migrator = new Migrator(svc.graph, createLogger('silent'));
    expect(await migrator.migrate()).toEqual([]);
    const rows = await svc.graph.read({ cypher: 'MATCH (m:MshtMigration) RETURN m.id AS id ORDER BY id', params: {} });
    expect(rows.map((r) => r.id)).toEqual(readMigrations().map((f) => f.id));
    expect((await migrator.status()).pending).toEqual([]);
  });

  it('created the constraints, the full-text index and the reference data', async () => {
    const constraints = await svc.graph.read({ cypher: 'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', params: {} });
    expect(constraints[0]!.names).toEqual(expect.arrayContaining(['entity_id', 'person_id', 'country_code', 'merge_record_id']));
    const ft = await svc.graph.read({ cypher: "SHOW FULLTEXT INDEXES YIELD name, state, properties WHERE name = 'msht_search' RETURN state, properties", params: {} });
    expect(ft[0]!.state).toBe('ONLINE');
    // With the handling codes a search's clearance is applied by (migration 0012).
    expect(ft[0]!.properties).toEqual(['name', 'aliases', 'value', 'postcode', 'code', 'handling', 'ukHandling']);
    // The look-ups by key that writes make per row or per merge (0011, 0013), and the auditors' filters (0014).
    const names = ['audit_event_agency', 'audit_event_operation', 'audit_event_outcome', 'import_backup_run_of', 'import_backup_run_rel', 'merge_record_id'];
    const lookups = await svc.graph.read({ cypher: 'SHOW RANGE INDEXES YIELD name, state WHERE name IN $names RETURN name, state ORDER BY name', params: { names } });
    expect(lookups).toEqual(names.map((name) => ({ name, state: 'ONLINE' })));
    const countries = await svc.graph.read({ cypher: 'MATCH (c:Country) RETURN count(c) AS n', params: {} });
    expect(countries[0]!.n).toBeGreaterThanOrEqual(249);
  });

  it('labels the export events written before 0015, and nothing else (in a transaction rolled back: the chain stays whole)', async () => {
    const [statement] = readMigrations().find((f) => f.id === '0015-audit-exports')!.statements;
    const rolledBack = new Error('rolled back');
    let labels: unknown;
    await expect(
      svc.graph.writeTx(async (tx) => {
        await tx.run({ cypher: "CREATE (:AuditEvent {seq: -1, export: '{}'}), (:AuditEvent {seq: -2})", params: {} });
        await tx.run({ cypher: statement!, params: {} });
        labels = await tx.run({ cypher: 'MATCH (e:AuditEvent) WHERE e.seq < 0 RETURN e.seq AS seq, e:AuditExport AS exported ORDER BY seq', params: {} });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(labels).toEqual([
      { seq: -2, exported: false },
      { seq: -1, exported: true },
    ]);
    expect(await svc.graph.read({ cypher: 'MATCH (e:AuditEvent) WHERE e.seq < 0 RETURN count(e) AS n', params: {} })).toEqual([{ n: 0 }]);
  });
});
