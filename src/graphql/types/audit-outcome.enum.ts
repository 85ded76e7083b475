import { registerEnumType } from 'type-graphql';

/** How a request ended, as the audit trail records it (stored lower-case: `ok`, `error`, `aborted`). */
export enum AuditOutcomeEnum {
  OK = 'ok',
  ERROR = 'error',
  ABORTED = 'aborted',
}
registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  description:
    'OK: the request succeeded; ERROR: it was refused or failed (see errorCodes); ABORTED: the client closed the connection before the whole response was sent (httpStatus 499; errorCodes and records are what the response held, if it was ready)',
});
