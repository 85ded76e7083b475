import type { AccessScope } from '../auth/access-policy';
import type { ExportStore } from '../exports/export-store';
import type { TraversalLimits } from '../config/config';
import type { Principal } from '../auth/principal';
import type { RequestAudit } from '../auth/audit/request-audit';
import type { Pseudonymiser } from '../auth/pseudonymiser';
import type { ScopedGraph } from '../graph/scoped-graph';
import type { Loaders } from '../loaders/loaders';
import type { Logger } from '../logging/logger';

/** What every resolver gets: who is asking, the graph as they may see it, and their loaders. */
export interface GraphQLContext {
  requestId: string;
  principal: Principal;
  access: AccessScope;
  graph: ScopedGraph;
  loaders: Loaders;
  /** Cypher statements this request sent (reported in the X-Cypher-Queries header and the log). */
  stats: { queries: number };
  pseudonyms: Pseudonymiser;
  /** Bounds for traversals and network queries. */
  limits: TraversalLimits;
  /** Where exports are kept for download. */
  exports: ExportStore;
  log: Logger;
  /**
   * This request's audit record: `addRecords(n)` for records handed out that `data` does not
   * show, `attachExport(manifest)` when the request produced an export.
   */
  audit: RequestAudit;
  /** The audit trail's writer: audit queries `flush()` it first so they see every past request. */
  auditLog: { flush(): Promise<void> };
}
