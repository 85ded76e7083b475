import { buildWeb } from '../../scripts/build-web';
import globalSetup from './global-setup';

/**
 * The browser project: bundles web/ first (so the pages under test are the current sources,
 * whatever dist/web holds), then shares the integration run's Neo4j (global-setup starts one
 * unless a project before it already did).
 */
export default async function browserGlobalSetup(): Promise<void> {
  await buildWeb();
  await globalSetup();
}
