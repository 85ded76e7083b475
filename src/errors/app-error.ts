import { GraphQLError } from 'graphql';

import type { ErrorCode } from './codes';

export interface AppErrorExtensions {
  /** The argument or input path at fault, e.g. `input.dateOfBirth`. */
  field?: string;
  [key: string]: unknown;
}

/**
 * A failure the caller may see: a stable code and a message safe to show. Anything that is not
 * an AppError reaches clients as INTERNAL_SERVER_ERROR with a plain message.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extensions: AppErrorExtensions = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
    this.name = 'AppError';
  }
}

export function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

export function notFound(what: string, id: string): AppError {
  return new AppError('MSHT_NOT_FOUND', `${what} ${JSON.stringify(id)} not found`, { id });
}

export function serviceUnavailable(reason = 'the graph database is not reachable; try again shortly'): AppError {
  return new AppError('SERVICE_UNAVAILABLE', reason);
}

/** For "cannot happen": a bug in our code, never the caller's mistake. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}
