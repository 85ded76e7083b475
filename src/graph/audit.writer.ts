import { chainEvents, GENESIS_HASH, type AuditEventInput } from '../auth/audit/audit-event';
import { appendAuditEventsQuery, auditChainTipQuery, lockAuditChainQuery } from './queries/audit.query';
import type { GraphClient } from './run-query';

/** The scope audit writes run under (it shows in Neo4j's transaction metadata). */
const AUDIT_SCOPE = { requestId: 'audit-append', subject: 'system' };

/**
 * Appends events to the audit chain in one transaction: lock the tip, read it, link the events
 * (seq, prevHash, hash), store them and move the tip. The unique constraint on seq
 * (migration 0010) backs the lock up.
 */
export async function appendAuditEvents(graph: GraphClient, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await graph.writeTx(async (tx) => {
    await tx.run(lockAuditChainQuery(GENESIS_HASH));
    const [tip] = await tx.run(auditChainTipQuery());
    const linked = chainEvents(events, { seq: Number(tip!.seq), hash: String(tip!.hash) });
    await tx.run(appendAuditEventsQuery(linked));
  }, AUDIT_SCOPE);
}
