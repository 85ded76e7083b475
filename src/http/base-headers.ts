import type { HttpRequest, HttpResponse, Next } from './request-state';

/**
 * Headers every answer carries, set first so that a route may replace them (the workbench's
 * assets may be cached, its pages add a Content-Security-Policy): answers hold graph data for one
 * caller, so no cache keeps them (`no-store`, GraphQL over GET included); no browser guesses a
 * type other than the one sent (an export's file, an error's JSON); no page frames them; and no
 * address leaves in a Referer.
 */
export function baseHeaders(_req: HttpRequest, res: HttpResponse, next: Next): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}
