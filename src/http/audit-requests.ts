import { createHash } from 'node:crypto';
// The legacy parser, as Apollo's express integration splits the URL (its search part is what Apollo reads).
import { parse as parseUrl } from 'node:url';

import type { AuditLog } from '../auth/audit/audit-log';
import { RequestAudit } from '../auth/audit/request-audit';
import type { HttpHandler, HttpRequest } from './request-state';

/**
 * Opens the request's audit record and writes it to the audit log when the response has gone
 * (or the client went away), whatever answered: a refusal by a middleware, Apollo, or the error
 * handler. Mounted before the body parser so that refused bodies are audited too.
 */
export function openAudit(auditLog: AuditLog, now: () => Date = () => new Date(), settleMs = SETTLE_MS): HttpHandler {
  return (req, res, next) => {
    const audit = new RequestAudit(req.requestId, now());
    req.audit = audit;
    let done = false;
    let forget: () => unknown = () => undefined;
    const finish = () => {
      if (done) return;
      done = true;
      forget();
      auditLog.record(audit.toEvent(res.statusCode, now()));
    };
    res.once('finish', finish);
    res.once('close', () => {
      if (res.writableFinished) return finish();
      // 'close' before 'finish': the client went away before the whole response was sent. What
      // it asked for still runs to its end: the event waits for it (for `settleMs` at most, so
      // that a request that never ends is still recorded).
      audit.abandoned();
      forget = auditLog.later(finish);
      const fallback = setTimeout(finish, settleMs).unref();
      audit.settled(() => {
        clearTimeout(fallback);
        finish();
      });
    });
    next();
  };
}

/** How long an abandoned request's event waits for GraphQL to finish it (longer than any statement's timeout). */
const SETTLE_MS = 15 * 60_000;

/**
 * GraphQL-over-HTTP parameters of a request, from the JSON body (POST) or the query string (GET).
 * A query string is read as Apollo reads it (`URLSearchParams` over the URL's search part, a
 * parameter only when given once: Apollo refuses it given twice), never from express's `req.query`:
 * that parser stops after 1,000 parameters, so a document past them ran unseen by the audit and
 * by the trusted-documents check.
 */
export function graphqlParams(req: HttpRequest): { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } {
  if (req.method === 'GET') {
    const search = new URLSearchParams(parseUrl(req.url ?? '').search ?? '');
    const once = (name: string) => {
      const all = search.getAll(name);
      return all.length === 1 ? all[0] : undefined;
    };
    return { query: once('query'), operationName: once('operationName'), variables: parseJson(once('variables')), extensions: parseJson(once('extensions')) };
  }
  const b = req.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

/**
 * Notes what the request asks for (after the body is parsed, before authentication, so failed
 * logins carry their operation name too): operation name, SHA-256 of the document text as sent
 * (or the persisted query hash it names), and the variables, which the audit masks when it makes
 * the event, and keeps only for a caller who authenticated (request-audit.ts).
 */
export function describeAuditedRequest(trustedManifest?: ReadonlyMap<string, string>): HttpHandler {
  return (req, _res, next) => {
    const p = graphqlParams(req);
    const pq = (p.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
    // The document decides how the variables are masked (by where each is used). A request that
    // names a trusted document by its hash is masked by the listed text; any other request
    // without a document has every variable masked.
    const query = typeof p.query === 'string' ? p.query : typeof pq === 'string' ? (trustedManifest?.get(pq) ?? null) : null;
    req.audit.request({
      operationName: typeof p.operationName === 'string' ? p.operationName : null,
      documentHash: typeof p.query === 'string' ? createHash('sha256').update(p.query).digest('hex') : typeof pq === 'string' ? pq : null,
      query,
      variables: p.variables && typeof p.variables === 'object' && !Array.isArray(p.variables) ? (p.variables as Record<string, unknown>) : null,
    });
    next();
  };
}
