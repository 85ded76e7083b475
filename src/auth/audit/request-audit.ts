import { invariant } from '../../errors/app-error';
import type { Principal } from '../principal';
import type { AuditEventInput } from './audit-event';
import { countRecords } from './count-records';
import { MASK, maskVariables } from './mask-variables';

/** A document hash as the trail keeps it: a SHA-256 in hex (a persisted query's is the client's). */
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Operation names are the client's: kept to this length (GraphQL names have no limit, and the
 * trail indexes them, and an index entry has a size limit: a longer one would fail its batch).
 */
export const OPERATION_NAME_KEPT = 200;

function shortName(name: string | null): string | null {
  if (name === null || name.length <= OPERATION_NAME_KEPT) return name;
  // Cut between characters, not inside a surrogate pair (chainEvents stores every text well formed).
  const cut = /[\uD800-\uDBFF]$/.test(name.slice(0, OPERATION_NAME_KEPT)) ? OPERATION_NAME_KEPT - 1 : OPERATION_NAME_KEPT;
  return `${name.slice(0, cut)}…`;
}

/**
 * The variables masked, as JSON text. The event is made after the response, in its 'finish' or
 * 'close' listener, where a throw would end the process: should masking fail on some input, the
 * variables are recorded as masked whole.
 */
function maskedText(variables: Record<string, unknown>, query: string | null | undefined): string {
  try {
    return JSON.stringify(maskVariables(variables, query));
  } catch {
    return JSON.stringify(MASK);
  }
}

/** The status an aborted request is recorded with (nothing, or not all, was sent). */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * The audit handle of one request. The HTTP layer opens it when the request arrives and fills
 * in who asked and what came back; resolvers may add what the response does not show
 * (`addRecords`) and attach an export's manifest (`attachExport`). It becomes one AuditEvent when
 * the response is sent.
 */
export class RequestAudit {
  private principal?: Principal;
  private failureReason: string | null = null;
  private operationName: string | null = null;
  private operationType: string | null = null;
  private documentHash: string | null = null;
  private errorCodes: string[] | undefined;
  private counted: number | undefined;
  private reported = 0;
  private exportManifest: string | null = null;
  private clientLeft = false;
  private serverFailed = false;

  constructor(
    readonly requestId: string,
    private readonly started: Date,
  ) {}

  /** Records that resolvers handed out beyond the objects in `data` (an export's rows, say). */
  addRecords(n: number): void {
    if (Number.isFinite(n) && n > 0) this.reported += Math.trunc(n);
  }

  /**
   * Attaches the manifest of an export this request produced (what left, to whom, how redacted).
   * An event holds one: a second would overwrite the first, and the trail would lose what left.
   */
  attachExport(manifest: Record<string, unknown>): void {
    invariant(this.exportManifest === null, 'one export per audited request');
    this.exportManifest = JSON.stringify(manifest);
  }

  /** True once an export's manifest is attached (the request may produce no other). */
  get hasExport(): boolean {
    return this.exportManifest !== null;
  }

  /**
   * The client hung up before the whole response was sent, or before its request was even read:
   * the event is then `aborted`.
   */
  abandoned(): void {
    this.clientLeft = true;
  }

  /**
   * The service failed after the response had begun (a stored export's file could not be read
   * to its end): the connection is cut, which would otherwise look like a client hanging up.
   * The event is then an `error` with status 500, whoever closed the connection.
   */
  failedMidResponse(): void {
    this.serverFailed = true;
  }

  private graphqlRunning = false;
  private whenSettled: (() => void) | undefined;
  private recordedEarly = false;

  /**
   * GraphQL has the request: it runs to its end whether or not the client stays. False when the
   * client left before: its event is written already (`settled`), so the request must not run
   * (nothing it did would be in the trail).
   */
  began(): boolean {
    if (this.recordedEarly) return false;
    this.graphqlRunning = true;
    return true;
  }

  /** The client left before GraphQL had the request and its event is written: nothing more of it may run. */
  get closed(): boolean {
    return this.recordedEarly;
  }

  /** GraphQL has its result (recorded with `result`): whoever waits on `settled` goes on. */
  ended(): void {
    this.graphqlRunning = false;
    const waiting = this.whenSettled;
    this.whenSettled = undefined;
    waiting?.();
  }

  /**
   * Calls `then` once GraphQL is done with the request, at once if it is not running it: a client
   * that hangs up mid-request does not stop what it asked for (an export is still made and
   * stored, a write still commits), so its event waits for what the request did. One that hangs
   * up before GraphQL has it (while its token is checked) is recorded at once, and its request
   * goes no further (`began`, `closed`): before, it still ran, under an event already written as
   * an anonymous abort.
   */
  settled(then: () => void): void {
    if (this.graphqlRunning) {
      this.whenSettled = then;
      return;
    }
    this.recordedEarly = true;
    then();
  }

  authenticated(p: Principal): void {
    this.principal = p;
  }

  /** A failed login: the request stays `anonymous`, with the reason. */
  authenticationFailed(reason: string): void {
    this.failureReason = reason;
  }

  /**
   * What the request asked for; `query` is the document text exactly as sent, which decides how
   * the variables are masked (by where each is used): `null` for a client's request without one
   * (every variable masked), left out only for variables the service built itself (by name).
   */
  request(r: { operationName?: string | null; documentHash?: string | null; query?: string | null; variables?: Record<string, unknown> | null }): void {
    if (r.operationName !== undefined) this.operationName = shortName(r.operationName ?? null);
    if (r.documentHash !== undefined) this.documentHash = r.documentHash && SHA256_HEX.test(r.documentHash) ? r.documentHash : null;
    if (r.variables && typeof r.variables === 'object' && Object.keys(r.variables).length > 0) {
      this.asked = { variables: r.variables, query: r.query };
    }
  }

  /**
   * The variables as asked, masked when the event is made, and only for a caller who
   * authenticated: a failed login's variables are not kept (anyone who reaches the port could
   * otherwise write a megabyte per request into the permanent trail), nor parsed (masking parses
   * the document, which no one unauthenticated may make the service do).
   */
  private asked: { variables: Record<string, unknown>; query: string | null | undefined } | null = null;

  operation(type: string, name: string | null): void {
    this.operationType = type;
    if (name) this.operationName = shortName(name);
  }

  /** The codes the client received (empty: success), and the data it got. */
  result(errorCodes: string[], data?: unknown): void {
    this.errorCodes = errorCodes;
    if (data !== undefined && data !== null) this.counted = countRecords(data);
  }

  /** True once the outcome is known (a result, or a refusal recorded with `result`). */
  get hasResult(): boolean {
    return this.errorCodes !== undefined;
  }

  /**
   * The event. When the client hung up (`abandoned`), the outcome is `aborted` with status 499
   * (nginx's "client closed request"), and the codes and records are what the response held, if
   * it was ready. A failure of the service's own after the response began (`failedMidResponse`)
   * is an `error` with status 500 instead.
   */
  toEvent(httpStatus: number, ended: Date): AuditEventInput {
    const aborted = this.clientLeft && !this.serverFailed;
    if (aborted) httpStatus = CLIENT_CLOSED_REQUEST;
    if (this.serverFailed) httpStatus = 500;
    const codes = this.serverFailed
      ? [...(this.errorCodes ?? []), 'INTERNAL_SERVER_ERROR']
      : (this.errorCodes ?? (aborted ? [] : httpStatus >= 500 ? ['INTERNAL_SERVER_ERROR'] : httpStatus >= 400 ? ['BAD_REQUEST'] : []));
    const p = this.principal;
    return {
      at: this.started.toISOString(),
      requestId: this.requestId,
      subject: p?.subject ?? 'anonymous',
      agency: p?.agency ?? null,
      roles: p ? [...p.roles] : [],
      failureReason: this.failureReason,
      operationName: this.operationName,
      operationType: this.operationType,
      documentHash: this.documentHash,
      variables: this.principal && this.asked ? maskedText(this.asked.variables, this.asked.query) : null,
      outcome: aborted ? 'aborted' : codes.length === 0 && httpStatus < 400 ? 'ok' : 'error',
      errorCodes: [...new Set(codes)],
      httpStatus,
      durationMs: Math.max(0, ended.getTime() - this.started.getTime()),
      records: (this.counted ?? 0) + this.reported,
      export: this.exportManifest,
    };
  }
}
