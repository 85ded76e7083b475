import type { ErrorCode } from '../errors/codes';
import type { HttpResponse } from './request-state';

/**
 * Answers a request refused before GraphQL runs (no token, too fast, too large, untrusted) in the
 * GraphQL error shape, so clients handle every refusal the same way, and records the code in the
 * request's audit.
 */
export function sendError(res: HttpResponse, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  res.req.audit?.result([code]);
  sendBody(res, status, 'application/json; charset=utf-8', JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}

/** Ends a response with the whole of its body, as express's `res.send` does (with its length; no ETag). */
export function sendBody(res: HttpResponse, status: number, contentType: string | undefined, body: string): void {
  res.statusCode = status;
  if (contentType !== undefined) res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
