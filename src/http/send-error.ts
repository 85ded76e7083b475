import type { Response } from 'express';

import type { ErrorCode } from '../errors/codes';

/**
 * Answers a request refused before GraphQL runs (no token, too fast, too large, untrusted) in the
 * GraphQL error shape, so clients handle every refusal the same way, and records the code in the
 * request's audit.
 */
export function sendError(res: Response, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  res.req.audit?.result([code]);
  res.status(status).json({ errors: [{ message, extensions: { ...extensions, code } }] });
}
