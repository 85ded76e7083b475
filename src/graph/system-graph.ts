import { accessScope } from '../auth/access-policy';
import { SYSTEM_PRINCIPAL } from '../auth/principal';
import type { GraphClient } from './run-query';
import { ScopedGraph } from './scoped-graph';

/** The graph as CLI commands (seed, import) see it: the SYSTEM principal, cleared for everything. */
export function systemGraph(client: GraphClient, requestId = 'cli'): ScopedGraph {
  return new ScopedGraph(client, accessScope(SYSTEM_PRINCIPAL), { requestId, subject: SYSTEM_PRINCIPAL.subject });
}
