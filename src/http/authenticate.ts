import type { Authenticator } from '../auth/authenticator';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { HttpHandler } from './request-state';
import { sendError } from './send-error';

/**
 * Verifies the bearer token before anything else looks at the request: the caller becomes
 * `req.principal`; a missing or bad token answers 401 UNAUTHENTICATED (RFC 6750
 * `WWW-Authenticate: Bearer`), and the audit records a failed login with the reason.
 */
export function authenticate(authenticator: Authenticator, log: Logger): HttpHandler {
  return async (req, res, next) => {
    try {
      req.principal = await authenticator.verify(req.headers.authorization);
    } catch (e) {
      const message = e instanceof AppError ? e.message : 'the token is not valid';
      log.warn({ requestId: req.requestId, reason: message }, 'authentication failed');
      req.audit.authenticationFailed(message);
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'UNAUTHENTICATED', message);
      return;
    }
    // The client left while its token was checked: its event is written (as an abort by an
    // unknown caller), so nothing of the request may run after it.
    if (req.audit.closed) return;
    req.audit.authenticated(req.principal);
    next();
  };
}
