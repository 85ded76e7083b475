import type { HttpHandler } from './request-state';
import { sendError } from './send-error';
import { TokenBuckets } from './token-buckets';

/**
 * Per-subject rate limit (after authentication): a token bucket per `sub`, in memory, so one
 * instance enforces it for the requests it serves. Over the limit: HTTP 429, MSHT_RATE_LIMITED,
 * and `Retry-After` in whole seconds. `perMinute` 0 turns it off.
 */
export function rateLimit(opts: { perMinute: number; burst: number }, now: () => number = Date.now): HttpHandler {
  if (opts.perMinute === 0) return (_req, _res, next) => next();
  const buckets = new TokenBuckets(opts.perMinute, opts.burst);
  return (req, res, next) => {
    const subject = req.principal?.subject ?? 'anonymous';
    const r = buckets.take(subject, now());
    if (r.allowed) return next();
    const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    sendError(res, 429, 'MSHT_RATE_LIMITED', `too many requests for this subject; retry after ${seconds} s`, { retryAfter: seconds });
  };
}
