import { canReadAudit, canWrite } from '../auth/access-policy';
import { AppError } from '../errors/app-error';
import type { GraphQLContext } from './context';

/** Writes need the ingest (or admin) role. */
export function requireWriter(ctx: GraphQLContext): void {
  if (!canWrite(ctx.principal)) throw new AppError('FORBIDDEN', 'writing to the graph needs the INGEST role');
}

/** The audit trail needs the SUPERVISOR (or ADMIN) role. */
export function requireAuditor(ctx: GraphQLContext): void {
  if (!canReadAudit(ctx.principal)) throw new AppError('FORBIDDEN', 'reading the audit trail needs the SUPERVISOR or ADMIN role');
}
