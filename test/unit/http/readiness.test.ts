import { createReadiness, READY_FRESH_MS } from '../../../src/app-readiness';
import type { Migrator } from '../../../src/graph/migrations/migrator';
import type { GraphClient } from '../../../src/graph/run-query';

describe('readiness', () => {
  it('answers every /readyz within a second of a check with that check, so unauthenticated probes cannot drive Neo4j', async () => {
    let pings = 0;
    let up = true;
    const graph = { ping: async () => (pings++, up ? undefined : Promise.reject(new Error('down'))) } as unknown as GraphClient;
    const migrator = { status: async () => ({ pending: [] }) } as unknown as Migrator;
    let clock = 0;
    const readiness = createReadiness(graph, migrator, () => clock);
    const many = await Promise.all(Array.from({ length: 50 }, () => readiness.check()));
    expect(many.every((s) => s.ready)).toBe(true);
    expect(pings).toBe(1);
    up = false;
    clock = READY_FRESH_MS - 1;
    expect((await readiness.check()).ready).toBe(true);
    clock = READY_FRESH_MS;
    expect(await readiness.check()).toEqual({ ready: false, reason: 'Neo4j is not reachable' });
    expect(pings).toBe(2);
  });
});
