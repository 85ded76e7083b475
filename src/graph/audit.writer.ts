import { randomUUID } from 'node:crypto';

import { chainEvents, GENESIS_HASH, type AuditEventInput } from '../auth/audit/audit-event';
import { appendAuditEventsQuery, auditChainTipQuery, lockAuditChainQuery } from './queries/audit.query';
import type { GraphClient } from './run-query';

/** The scope audit writes run under (it shows in Neo4j's transaction metadata). */
const AUDIT_SCOPE = { requestId: 'audit-append', subject: 'system' };

/**
 * Appends events to the audit chain in one transaction: lock the tip, read it, link the events
 * (seq, prevHash, hash), store them and move the tip. The unique constraint on seq
 * (migration 0010) backs the lock up.
 *
 * Safe to run again with the same events, or with more after them: the driver runs a write
 * transaction again when the commit's reply is lost (the connection drops after Neo4j committed),
 * and the audit log sends a failed batch again (the same event objects, audit-log.ts). Each writer
 * (one per service process: `writer` names it) keeps a record of the last event it appended, by
 * the mark this process gave that event (`markOf`), and the events up to it are already in the
 * chain: they are skipped, never stored twice, whatever other instances appended in between.
 * The mark, not the event's content: two requests can make events alike in every field (the
 * request id is the client's, the time to the millisecond), and matching by content skipped the
 * real events between the two.
 */
export async function appendAuditEvents(graph: GraphClient, events: AuditEventInput[], writer: string): Promise<void> {
  if (events.length === 0) return;
  await graph.writeTx(async (tx) => {
    await tx.run(lockAuditChainQuery(GENESIS_HASH));
    const [tip] = await tx.run(auditChainTipQuery(writer));
    const stored = events.findIndex((e) => markOf(e) === tip!.lastMark);
    const fresh = events.slice(stored + 1);
    if (fresh.length === 0) return;
    const linked = chainEvents(fresh, { seq: Number(tip!.seq), hash: String(tip!.hash) });
    await tx.run(appendAuditEventsQuery(linked, writer, markOf(fresh[fresh.length - 1]!)));
  }, AUDIT_SCOPE);
}

/**
 * Each event's mark while this process holds it: a random UUID given the first time it is
 * appended, the same when the same event is appended again. Neither stored with the event nor
 * hashed; only on the writer's record.
 */
const marks = new WeakMap<AuditEventInput, string>();

function markOf(e: AuditEventInput): string {
  let mark = marks.get(e);
  if (mark === undefined) {
    mark = randomUUID();
    marks.set(e, mark);
  }
  return mark;
}

/** The append of one service process: a writer of its own, named once (a random UUID). */
export function auditAppender(graph: GraphClient, writer: string = randomUUID()): (events: AuditEventInput[]) => Promise<void> {
  return (events) => appendAuditEvents(graph, events, writer);
}
