import { checkChainSegment, GENESIS_HASH, type AuditEvent, type ChainCheck } from '../auth/audit/audit-event';
import { auditChainSliceQuery, auditChainTipQuery, auditCountQuery, auditPageQuery, type AuditFilter } from './queries/audit.query';
import type { Row } from './records';
import type { ScopedGraph } from './scoped-graph';

export interface AuditPage {
  events: AuditEvent[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

/** A stored event as the domain type: Neo4j drops null properties, so absent means null. */
function toEvent(row: Row): AuditEvent {
  const e = row.event as Record<string, unknown>;
  return {
    seq: Number(e.seq),
    prevHash: String(e.prevHash),
    hash: String(e.hash),
    at: String(e.at),
    requestId: String(e.requestId),
    subject: String(e.subject),
    agency: (e.agency as string | undefined) ?? null,
    roles: (e.roles as string[] | undefined) ?? [],
    failureReason: (e.failureReason as string | undefined) ?? null,
    operationName: (e.operationName as string | undefined) ?? null,
    operationType: (e.operationType as string | undefined) ?? null,
    documentHash: (e.documentHash as string | undefined) ?? null,
    variables: (e.variables as string | undefined) ?? null,
    outcome: e.outcome as AuditEvent['outcome'],
    errorCodes: (e.errorCodes as string[] | undefined) ?? [],
    httpStatus: Number(e.httpStatus),
    durationMs: Number(e.durationMs),
    records: Number(e.records),
    export: (e.export as string | undefined) ?? null,
  };
}

/** Audit events, newest first, after the event numbered `afterSeq`. */
export async function readAuditPage(g: ScopedGraph, filter: AuditFilter, first: number, afterSeq?: number): Promise<AuditPage> {
  const rows = await g.read(auditPageQuery(filter, first, afterSeq));
  let total: Promise<number> | undefined;
  return {
    events: rows.slice(0, first).map(toEvent),
    hasNextPage: rows.length > first,
    totalCount: () => (total ??= g.read(auditCountQuery(filter)).then((r) => Number(r[0]?.total ?? 0))),
  };
}

const SLICE = 2000;

/**
 * Re-computes the whole chain from the first event: each event's hash over its stored content,
 * its link to the one before, consecutive seq numbers, and the stored tip against the last event
 * (so events cut from the end show too). Reports the first event that does not hold.
 */
export async function verifyAuditChain(g: ScopedGraph): Promise<ChainCheck> {
  let tip = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const events = (await g.read(auditChainSliceQuery(tip.seq, SLICE))).map(toEvent);
    if (events.length === 0) break;
    const r = checkChainSegment(events, tip);
    if (r.brokenSeq !== null) return { ok: false, checked: checked + r.intact, firstBrokenSeq: r.brokenSeq };
    checked += events.length;
    tip = r.tip;
    if (events.length < SLICE) break;
  }
  const [head] = await g.read(auditChainTipQuery());
  const headSeq = head ? Number(head.seq) : 0;
  const headHash = head ? String(head.hash) : GENESIS_HASH;
  if (headSeq !== tip.seq || headHash !== tip.hash) return { ok: false, checked, firstBrokenSeq: tip.seq + 1 };
  return { ok: true, checked, firstBrokenSeq: null };
}
