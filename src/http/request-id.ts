import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponse, Next } from './request-state';

/** Every request gets an id (a sane incoming X-Request-Id is kept), echoed in the response. */
export function requestId(req: HttpRequest, res: HttpResponse, next: Next): void {
  const given = req.headers['x-request-id'];
  req.requestId = typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.requestId);
  next();
}
