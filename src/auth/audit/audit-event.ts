import { createHash } from 'node:crypto';

/**
 * What happened to a request: `ok`, `error` with the codes the client received, or `aborted`
 * when the client closed the connection before the whole response was sent.
 */
export type AuditOutcome = 'ok' | 'error' | 'aborted';

/**
 * One GraphQL request as the audit trail records it (README#audit-trail). Everything a client
 * sent that could identify a person is masked before it gets here (mask-variables.ts).
 */
export interface AuditEventInput {
  /** ISO 8601 UTC, milliseconds. */
  at: string;
  requestId: string;
  /** The token's subject, or `anonymous` when no valid token came. */
  subject: string;
  agency: string | null;
  roles: string[];
  /** Why authentication failed (failed logins only). */
  failureReason: string | null;
  operationName: string | null;
  /** query, mutation or subscription, once the operation is known. */
  operationType: string | null;
  /** sha256 (hex) of the document text exactly as sent, or the persisted-query hash named when it is 64 hex digits; else null. */
  documentHash: string | null;
  /** The variables as JSON, sensitive values masked; null when none were sent, or the caller did not authenticate. */
  variables: string | null;
  outcome: AuditOutcome;
  errorCodes: string[];
  httpStatus: number;
  durationMs: number;
  /** Records returned: entities (distinct ids) in `data`, or what the resolvers reported. */
  records: number;
  /** The manifest of an export this request produced, as JSON. */
  export: string | null;
}

/** A stored event: its place in the chain and the hashes that make tampering evident. */
export interface AuditEvent extends AuditEventInput {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The order of fields in the canonical form: never reorder, only append (old hashes must hold). */
const CANONICAL_FIELDS = [
  'seq',
  'prevHash',
  'at',
  'requestId',
  'subject',
  'agency',
  'roles',
  'failureReason',
  'operationName',
  'operationType',
  'documentHash',
  'variables',
  'outcome',
  'errorCodes',
  'httpStatus',
  'durationMs',
  'records',
  'export',
] as const;

/**
 * The canonical text of an event: a JSON array of its fields in a fixed order, absent ones as
 * null. Neo4j drops null properties, so an event read back hashes the same as the one written.
 */
export function canonicalEvent(e: Omit<AuditEvent, 'hash'>): string {
  const rec = e as unknown as Record<string, unknown>;
  return JSON.stringify(CANONICAL_FIELDS.map((k) => rec[k] ?? null));
}

/** SHA-256 over the canonical event, which includes `seq` and `prevHash`: the chain link. */
export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalEvent(e)).digest('hex');
}

/** Appends events to a chain whose last link is (`seq`, `hash`). */
export function chainEvents(events: AuditEventInput[], tip: { seq: number; hash: string }): AuditEvent[] {
  let { seq, hash } = tip;
  return events.map((input) => {
    const linked = { ...storable(input), seq: seq + 1, prevHash: hash };
    const out = { ...linked, hash: eventHash(linked) };
    seq = out.seq;
    hash = out.hash;
    return out;
  });
}

/**
 * Text with any lone surrogate replaced by U+FFFD, as Neo4j stores it (the driver writes UTF-8).
 * Kept as it came, an event's hash (over its JSON, which escapes a lone surrogate) would not match
 * the stored event, and the chain check would report a break where nothing was changed.
 */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The event as Neo4j will store it: every text (and each text in a list) well formed. */
function storable(e: AuditEventInput): AuditEventInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) out[k] = typeof v === 'string' ? wellFormed(v) : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? wellFormed(x) : x)) : v;
  return out as unknown as AuditEventInput;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first event whose link or content does not match; null when the chain is whole. */
  firstBrokenSeq: number | null;
}

/**
 * Checks a run of stored events (in seq order) against the link before it: consecutive seq,
 * prevHash equal to the previous hash, hash equal to the hash of the content.
 */
export function checkChainSegment(
  events: AuditEvent[],
  before: { seq: number; hash: string },
): { brokenSeq: number | null; intact: number; tip: { seq: number; hash: string } } {
  let tip = before;
  let intact = 0;
  for (const e of events) {
    const { hash, ...rest } = e;
    if (e.seq !== tip.seq + 1 || e.prevHash !== tip.hash || eventHash(rest) !== hash) return { brokenSeq: tip.seq + 1, intact, tip };
    tip = { seq: e.seq, hash };
    intact++;
  }
  return { brokenSeq: null, intact, tip };
}
