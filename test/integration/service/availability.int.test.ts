import { ClientError } from 'graphql-request';

import { Migrator } from '../../../src/graph/migrations/migrator';
import { createLogger } from '../../../src/logging/logger';
import { startTestNeo4j, type TestNeo4j } from '../../support/test-neo4j';
import { startTestService, type TestService } from '../../support/test-service';

const ingest = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true };

describe('when Neo4j goes away and comes back', () => {
  let neo4j: TestNeo4j;
  let svc: TestService;

  beforeAll(async () => {
    neo4j = await startTestNeo4j();
    svc = await startTestService({ NEO4J_URI: neo4j.uri, MSHT_DB_RETRY_MS: '1000', MSHT_DB_CONNECT_TIMEOUT_MS: '1000' });
    await new Migrator(svc.graph, createLogger('silent')).migrate();
  }, 300_000);

  afterAll(async () => {
    await svc.close();
    await neo4j.dispose();
  });

  it('answers SERVICE_UNAVAILABLE within seconds, /readyz 503, then recovers without a restart, data intact', async () => {
    const sdk = await svc.sdk(ingest);
    const { upsertPerson: createPerson } = await sdk.UpsertPerson({ input: { name: 'Survivor of a restart', provenance: { reportId: 'ref-msht-reference-data' } } });
    const readyz = svc.url.replace(/\/graphql$/, '/readyz');

    await neo4j.stop();

    const started = Date.now();
    const err = await sdk.PersonById({ id: createPerson.id }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(ClientError);
    expect((err as ClientError).response.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify((err as ClientError).response)).not.toMatch(/Neo4jError|at .*\.js|bolt:\/\//);
    expect(elapsed).toBeLessThan(10_000);
    const down = await fetch(readyz);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { reason: string }).reason).toMatch(/Neo4j/);

    neo4j = await startTestNeo4j({ homeDir: neo4j.homeDir, port: neo4j.port });

    const back = await sdk.PersonById({ id: createPerson.id });
    expect(back.person?.name).toBe('Survivor of a restart');
    expect((await fetch(readyz)).status).toBe(200);
  });
});
