import { AppError } from '../../errors/app-error';
import type { ErrorCode } from '../../errors/codes';

/**
 * A refusal before execution: HTTP 400 with a stable code. Raised from validation rules (Apollo
 * wraps those as GRAPHQL_VALIDATION_FAILED; errors/format-error.ts restores our code from the
 * original error) or from the `didResolveOperation` hook.
 */
export function limitError(code: ErrorCode, message: string, details: Record<string, unknown>): AppError {
  return new AppError(code, message, { ...details, http: { status: 400 } });
}
