import type { AuditEvent, AuditOutcome } from '../../auth/audit/audit-event';
import type { AuditLabel } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { ParamBag } from './params';

const EVENT: AuditLabel = 'AuditEvent';
const EXPORTED: AuditLabel = 'AuditExport';
const CHAIN: AuditLabel = 'AuditChain';
const WRITER: AuditLabel = 'AuditWriter';
/** The one chain the service writes. */
export const AUDIT_CHAIN_ID = 'main';

/**
 * Takes the chain's write lock (creating the tip on first use): concurrent appenders, from this
 * process or another instance, queue here, so seq numbers and links never fork.
 */
export function lockAuditChainQuery(genesisHash: string): CypherQuery {
  return {
    cypher: `MERGE (c:${CHAIN} {id: $chain})
ON CREATE SET c.seq = 0, c.hash = $genesis
SET c.locked = true`,
    params: { chain: AUDIT_CHAIN_ID, genesis: genesisHash },
  };
}

/**
 * The tip (last seq and hash). A writer reads it after the lock is held, with the mark of the
 * last event it appended (audit.writer.ts `markOf`; null before its first append, and for a
 * reader, which names no writer), so that an append it runs again finds it.
 */
export function auditChainTipQuery(writer: string | null = null): CypherQuery {
  return {
    cypher: `MATCH (c:${CHAIN} {id: $chain})
OPTIONAL MATCH (w:${WRITER} {id: $writer})
RETURN c.seq AS seq, c.hash AS hash, w.lastMark AS lastMark`,
    params: { chain: AUDIT_CHAIN_ID, writer },
  };
}

/**
 * Stores linked events, moves the tip to the last of them and notes it as the writer's last. An
 * event with an export manifest is also labelled for the exports filter (the label is not part
 * of the hashed event: taking it off hides an export from the filter, not from the trail or its
 * check).
 */
export function appendAuditEventsQuery(events: AuditEvent[], writer: string, lastMark: string): CypherQuery {
  const last = events[events.length - 1]!;
  return {
    cypher: `UNWIND $events AS ev
CREATE (e:${EVENT})
SET e = ev
FOREACH (_ IN CASE WHEN ev.export IS NOT NULL THEN [1] ELSE [] END | SET e:${EXPORTED})
WITH count(e) AS written
MATCH (c:${CHAIN} {id: $chain})
SET c.seq = $seq, c.hash = $hash
MERGE (w:${WRITER} {id: $writer})
SET w.lastSeq = $seq, w.lastRequestId = $lastRequestId, w.lastMark = $lastMark, w.lastAt = $lastAt
RETURN written`,
    params: { events, chain: AUDIT_CHAIN_ID, writer, seq: last.seq, hash: last.hash, lastRequestId: last.requestId, lastMark, lastAt: last.at },
  };
}

export interface AuditFilter {
  subject?: string | null;
  agency?: string | null;
  operationName?: string | null;
  outcome?: AuditOutcome | null;
  /** Events whose errorCodes contain this code. */
  errorCode?: string | null;
  /** true: only events whose `export` is set (an export's manifest, or a download of its file); false: only the others. */
  hasExport?: boolean | null;
  /** ISO 8601 UTC bounds on `at`: from inclusive, to exclusive. */
  from?: string | null;
  to?: string | null;
}

/** Newest first, keyset-paginated on seq: `afterSeq` is the seq of the last event already seen. */
export function auditPageQuery(filter: AuditFilter, first: number, afterSeq?: number): CypherQuery {
  const bag = new ParamBag();
  const where = auditWhere(filter, bag);
  if (afterSeq !== undefined) where.push(`e.seq < ${bag.add(afterSeq)}`);
  return {
    cypher: `MATCH ${eventsOf(filter)}
${where.length ? `WHERE ${where.join('\n  AND ')}\n` : ''}WITH e ORDER BY e.seq DESC
LIMIT toInteger(${bag.add(Math.trunc(first) + 1)})
RETURN e {.*} AS event`,
    params: bag.params,
  };
}

export function auditCountQuery(filter: AuditFilter): CypherQuery {
  const bag = new ParamBag();
  const where = auditWhere(filter, bag);
  return { cypher: `MATCH ${eventsOf(filter)}\n${where.length ? `WHERE ${where.join('\n  AND ')}\n` : ''}RETURN count(e) AS total`, params: bag.params };
}

/**
 * The events a filter starts from: when only exports are asked for, their own label alone (only
 * events carry it). Named with both labels, Neo4j may intersect the two label scans, which reads
 * every event. The others are told by the property itself (no index would serve either form), so
 * an export event left unlabelled (written by an instance older than migration 0015 after it ran)
 * is missing from the exports but never listed among the others.
 */
function eventsOf(f: AuditFilter): string {
  return f.hasExport === true ? `(e:${EXPORTED})` : `(e:${EVENT})`;
}

function auditWhere(f: AuditFilter, bag: ParamBag): string[] {
  const where: string[] = [];
  if (f.hasExport === false) where.push('e.export IS NULL');
  if (f.subject) where.push(`e.subject = ${bag.add(f.subject)}`);
  if (f.agency) where.push(`e.agency = ${bag.add(f.agency)}`);
  if (f.operationName) where.push(`e.operationName = ${bag.add(f.operationName)}`);
  if (f.outcome) where.push(`e.outcome = ${bag.add(f.outcome)}`);
  // Only errors carry codes (and a request aborted after its result: request-audit.ts); saying so
  // lets the outcome index (migration 0014) find them, where the list itself is served by none.
  if (f.errorCode) where.push(`e.outcome IN ['error', 'aborted']`, `${bag.add(f.errorCode)} IN e.errorCodes`);
  if (f.from) where.push(`e.at >= ${bag.add(f.from)}`);
  if (f.to) where.push(`e.at < ${bag.add(f.to)}`);
  return where;
}

/** A run of the chain in seq order, for verification: after `afterSeq`, up to `lastSeq`. */
export function auditChainSliceQuery(afterSeq: number, limit: number, lastSeq: number = Number.MAX_SAFE_INTEGER): CypherQuery {
  return {
    cypher: `MATCH (e:${EVENT})
WHERE e.seq > $afterSeq AND e.seq <= $lastSeq
WITH e ORDER BY e.seq ASC
LIMIT toInteger($limit)
RETURN e {.*} AS event`,
    params: { afterSeq, lastSeq, limit },
  };
}

/** One event's place in the chain (seq and hash), the anchor of a range checked on its own. */
export function auditEventLinkQuery(seq: number): CypherQuery {
  return { cypher: `MATCH (e:${EVENT} {seq: $seq}) RETURN e.seq AS seq, e.hash AS hash`, params: { seq } };
}
