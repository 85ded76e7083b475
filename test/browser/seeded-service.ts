import { buildTwoGroups, type TwoGroups } from '../fixtures/two-groups';
import { resetGraph } from '../support/reset-graph';
import { startTestService, type TestService } from '../support/test-service';

export const INGEST = { roles: ['INGEST' as const, 'ANALYST' as const], clearance: 'H3' as const, ukConditional: true };
/** What the pages' development token carries by default (MSHT_WORKBENCH_DEV_ROLE=ANALYST). */
export const ANALYST = { roles: ['ANALYST' as const], clearance: 'H1' as const };

/**
 * The real service in test mode (so its pages get a development token) on the run's Neo4j,
 * with the small two-groups world written through the API.
 */
export async function startSeededService(): Promise<{ svc: TestService; origin: string; world: TwoGroups }> {
  const svc = await startTestService();
  await resetGraph(svc.graph);
  const world = await buildTwoGroups(await svc.sdk(INGEST));
  return { svc, origin: new URL(svc.url).origin, world };
}
