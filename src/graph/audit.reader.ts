import { checkChainSegment, GENESIS_HASH, type AuditEvent, type ChainCheck } from '../auth/audit/audit-event';
import { auditChainSliceQuery, auditChainTipQuery, auditCountQuery, auditEventLinkQuery, auditPageQuery, type AuditFilter } from './queries/audit.query';
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

/** Which part of the chain to check: seq numbers, both inclusive (the whole chain by default). */
export interface ChainRange {
  fromSeq?: number;
  toSeq?: number;
}

/**
 * Re-computes the chain, or the part of it in `range`: each event's hash over its stored
 * content, its link to the one before, consecutive seq numbers. A range that starts after the
 * first event is anchored on the stored event before it (whose own link is outside the range).
 * When the range reaches the end, the stored tip is checked against the last event too, so
 * events cut from the end show, and so do events stored past the tip. Reports the first event
 * that does not hold.
 *
 * The tip is read after the events, so events appended while the check runs are no break: an
 * append commits its events with the tip that covers them, so what lies between the last event
 * read and that tip is read in a second pass, up to the tip and no further.
 */
export async function verifyAuditChain(g: ScopedGraph, range: ChainRange = {}): Promise<ChainCheck> {
  const fromSeq = range.fromSeq ?? 1;
  let tip = { seq: 0, hash: GENESIS_HASH };
  if (fromSeq > 1) {
    const [anchor] = await g.read(auditEventLinkQuery(fromSeq - 1));
    if (!anchor) {
      // Past the end there is nothing to check; inside the chain a missing event is a break.
      const end = await chainEnd(g);
      return fromSeq - 1 > end.seq ? { ok: true, checked: 0, firstBrokenSeq: null } : { ok: false, checked: 0, firstBrokenSeq: fromSeq - 1 };
    }
    tip = { seq: fromSeq - 1, hash: String(anchor.hash) };
  }
  const toSeq = range.toSeq ?? Number.MAX_SAFE_INTEGER;
  const first = await checkFrom(g, tip, toSeq);
  if (first.brokenSeq !== null) return { ok: false, checked: first.checked, firstBrokenSeq: first.brokenSeq };
  tip = first.tip;
  let checked = first.checked;
  const end = await chainEnd(g);
  if (tip.seq < Math.min(end.seq, toSeq)) {
    // Appended after the first pass read past them (or missing: then the second pass finds none).
    const second = await checkFrom(g, tip, Math.min(end.seq, toSeq));
    if (second.brokenSeq !== null) return { ok: false, checked: checked + second.checked, firstBrokenSeq: second.brokenSeq };
    tip = second.tip;
    checked += second.checked;
  }
  if (toSeq < end.seq) {
    // A range that ends before the tip must hold every event up to its end.
    return tip.seq === toSeq ? { ok: true, checked, firstBrokenSeq: null } : { ok: false, checked, firstBrokenSeq: tip.seq + 1 };
  }
  if (tip.seq > end.seq) {
    // Stored past the tip: no append wrote these (it moves the tip with them). The break is the
    // first such event in the range; a range whose anchor lies past the tip but that holds no
    // event itself has nothing to check (the whole chain's check reports the anchor).
    if (tip.seq < fromSeq) return { ok: true, checked: 0, firstBrokenSeq: null };
    const firstPast = Math.max(end.seq + 1, fromSeq);
    return { ok: false, checked: Math.max(0, checked - (tip.seq - firstPast + 1)), firstBrokenSeq: firstPast };
  }
  // A check that reaches the end must end where the tip says the chain does.
  return tip.seq === end.seq && tip.hash === end.hash ? { ok: true, checked, firstBrokenSeq: null } : { ok: false, checked, firstBrokenSeq: tip.seq + 1 };
}

/** Checks the stored events after `tip`, up to `lastSeq`, slice by slice. */
async function checkFrom(g: ScopedGraph, tip: { seq: number; hash: string }, lastSeq: number): Promise<{ tip: { seq: number; hash: string }; checked: number; brokenSeq: number | null }> {
  let checked = 0;
  for (;;) {
    const events = (await g.read(auditChainSliceQuery(tip.seq, SLICE, lastSeq))).map(toEvent);
    if (events.length === 0) break;
    const r = checkChainSegment(events, tip);
    if (r.brokenSeq !== null) return { tip, checked: checked + r.intact, brokenSeq: r.brokenSeq };
    checked += events.length;
    tip = r.tip;
    if (events.length < SLICE) break;
  }
  return { tip, checked, brokenSeq: null };
}

/** The stored tip of the chain: the last seq and hash written. */
async function chainEnd(g: ScopedGraph): Promise<{ seq: number; hash: string }> {
  const [head] = await g.read(auditChainTipQuery());
  return head ? { seq: Number(head.seq), hash: String(head.hash) } : { seq: 0, hash: GENESIS_HASH };
}
