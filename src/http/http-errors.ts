import type { Logger } from '../logging/logger';
import type { HttpRequest, HttpResponse, Next } from './request-state';
import { sendError } from './send-error';

/**
 * The last express handler: errors that no route answered. Body-parser failures (bad JSON, too
 * large) answer as GraphQL-shaped errors, never HTML; anything else is a 500 whose cause is
 * logged, never sent.
 */
export function httpErrorHandler({ bodyLimit, log }: { bodyLimit: number; log: Logger }) {
  return (err: { status?: number; type?: string }, req: HttpRequest, res: HttpResponse, _next: Next): void => {
    if (res.headersSent) {
      // The response had begun (a stored export's file failed mid-read): there is no way left to
      // say so but to cut the connection, and the audit event records the service's failure,
      // not a client hanging up.
      log.error({ requestId: req.requestId, err }, 'the response failed after it had begun');
      req.audit?.failedMidResponse();
      res.destroy();
      return;
    }
    // The client hung up while sending the body: there is no one to answer, and the audit
    // records the request as aborted when its connection closes.
    if (err.type === 'request.aborted') return req.audit?.abandoned();
    if (err.type === 'entity.too.large') return sendError(res, 413, 'MSHT_BODY_TOO_LARGE', `the request body is larger than the limit of ${bodyLimit} bytes`);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    // Headers a route set for what it meant to send (an export file's type, name and checksum)
    // would otherwise go out with the error.
    for (const name of ['content-type', 'content-length', 'content-disposition', 'x-content-sha256']) res.removeHeader(name);
    if (status === 500) {
      log.error({ requestId: req.requestId, err }, 'unhandled HTTP error');
      return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
    sendError(res, status, 'BAD_REQUEST', 'the request body is not valid JSON');
  };
}
