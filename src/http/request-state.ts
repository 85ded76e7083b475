import type { RequestAudit } from '../auth/audit/request-audit';
import type { Principal } from '../auth/principal';

// What the /graphql middlewares learn about a request, in the order they run (app.ts):
// the audit handle first, then the caller once the token is verified.
declare module 'express-serve-static-core' {
  interface Request {
    audit: RequestAudit;
    principal?: Principal;
  }
}

export {};
