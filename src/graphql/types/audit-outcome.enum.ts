import { registerEnumType } from 'type-graphql';

/** How a request ended, as the audit trail records it (stored lower-case: `ok`, `error`). */
export enum AuditOutcomeEnum {
  OK = 'ok',
  ERROR = 'error',
}
registerEnumType(AuditOutcomeEnum, { name: 'AuditOutcome', description: 'OK: the request succeeded; ERROR: it was refused or failed (see errorCodes)' });
