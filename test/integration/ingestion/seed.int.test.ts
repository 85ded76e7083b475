import { SCALES } from '../../../src/ingestion/seed/seed-item';
import { seedIfEmpty } from '../../../src/ingestion/seed/seed-on-empty';
import { runSeed } from '../../../src/ingestion/seed/seeder';
import { createLogger } from '../../../src/logging/logger';
import { canonicalDump, type CanonicalDump } from '../../support/canonical-dump';
import { resetGraph } from '../../support/reset-graph';
import { countAll, testGraph, type TestGraph } from '../../support/test-graph';

const host = { host: 'test', pid: process.pid, isAlive: () => true };
const tiny = { name: 'tiny', persons: SCALES.tiny };

describe('msht seed through the data layer', () => {
  let t: TestGraph;
  let first: CanonicalDump;

  beforeAll(async () => {
    t = testGraph();
    await resetGraph(t.client);
  });
  afterAll(() => t.close());

  it('writes a tiny world with provenance on every item', async () => {
    const s = await runSeed(t.system, { seed: 7, scale: tiny, runHost: host, chunkItems: 500 });
    expect(s.mode).toBe('create');
    expect(s.nodes.created).toBeGreaterThan(300);
    expect(s.relationships.created).toBeGreaterThan(s.nodes.created);
    first = await canonicalDump(t.client);
    expect(first.nodes).toHaveLength(s.nodes.created);
    const [missing] = await t.client.read({
      cypher: `MATCH (n:Entity) WHERE NOT n:Reference AND (n.reportId IS NULL OR n.handling IS NULL OR n.recordedAt IS NULL)
               WITH count(n) AS nodes
               OPTIONAL MATCH ()-[r]->() WHERE r.reportId IS NULL OR r.handling IS NULL
               RETURN nodes, count(r) AS rels`,
      params: {},
    });
    expect(missing).toEqual({ nodes: 0, rels: 0 });
  });

  it('seeding again with the same seed changes nothing: every item is found unchanged', async () => {
    const before = await countAll(t.client);
    const s = await runSeed(t.system, { seed: 7, scale: tiny, runHost: host, chunkItems: 500 });
    expect(s.mode).toBe('upsert');
    expect(s.nodes).toEqual({ created: 0, updated: 0, unchanged: first.nodes.length });
    expect(s.relationships.created + s.relationships.updated).toBe(0);
    expect(await countAll(t.client)).toEqual(before);
    expect(await canonicalDump(t.client)).toEqual(first);
  });

  it('gives an identical graph for the same seed in an empty database, and another for another seed', async () => {
    await resetGraph(t.client);
    await runSeed(t.system, { seed: 7, scale: tiny, runHost: host });
    expect(await canonicalDump(t.client)).toEqual(first);
    await resetGraph(t.client);
    await runSeed(t.system, { seed: 8, scale: tiny, runHost: host });
    const other = await canonicalDump(t.client);
    expect(other.nodes).not.toEqual(first.nodes);
  });

  it('refuses to mix in a second world unless forced', async () => {
    await expect(runSeed(t.system, { seed: 9, scale: tiny, runHost: host })).rejects.toThrow(/already holds another synthetic world/);
  });

  it('loads the small world at start-up only into an empty graph', async () => {
    const log = createLogger('silent');
    expect(await seedIfEmpty(t.system, log)).toBeNull();
    await resetGraph(t.client);
    const s = await seedIfEmpty(t.system, log);
    expect(s!.scale).toBe('small');
    const [row] = await t.client.read({ cypher: 'MATCH (n:Entity) WHERE NOT n:Reference RETURN count(n) AS n', params: {} });
    expect(row!.n).toBe(s!.nodes.created);
    expect(row!.n).toBeGreaterThan(4000);
  });
});
