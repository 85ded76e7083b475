import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

import { AppError } from './app-error';
import { ERROR_CODES, type ErrorCode } from './codes';

/** Codes Apollo and graphql-js assign themselves whose messages are safe to pass on. */
const PASS_THROUGH = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface FormatErrorOptions {
  /** Production strips "Did you mean ...?" suggestions, which describe the schema. */
  hideSuggestions: boolean;
}

/**
 * The error a resolver or a validation rule raised: Apollo wraps resolver errors (with a path) and
 * validation errors (as GRAPHQL_VALIDATION_FAILED, keeping ours as `originalError`); our query
 * limits are validation rules that raise AppErrors, and their code must reach the client.
 */
function innerError(error: unknown): unknown {
  const inner = unwrapResolverError(error);
  if (inner instanceof GraphQLError && !(inner instanceof AppError) && inner.originalError instanceof AppError) return inner.originalError;
  return inner;
}

/**
 * graphql-js stops parsing past `maxTokens` with this message ("more that" in 16.x, "more than"
 * in later lines); we give it a code of its own.
 */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** True when the error is a known, client-safe failure (not a bug to log as such). */
export function isExpectedError(error: unknown): boolean {
  const inner = innerError(error);
  if (inner instanceof AppError) return true;
  if (inner instanceof GraphQLError) {
    const code = inner.extensions?.code;
    return typeof code === 'string' && (PASS_THROUGH.has(code) || code in ERROR_CODES);
  }
  return isArgumentValidationError(inner);
}

/**
 * Apollo's `formatError`: known errors keep code and message; anything else becomes
 * INTERNAL_SERVER_ERROR with a plain message. Driver messages can echo Cypher and values (victim
 * data among them), so they never reach a client; the http layer logs the original.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, opts: FormatErrorOptions): GraphQLFormattedError {
  const inner = innerError(error);
  const base = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };

  if (inner instanceof AppError) {
    const { stacktrace: _s, http: _h, ...ext } = { ...formatted.extensions, ...inner.extensions } as Record<string, unknown>;
    return { ...base, message: inner.message, extensions: { ...ext, code: inner.code } };
  }
  if (isArgumentValidationError(inner)) {
    const field = validationField(inner);
    return {
      ...base,
      message: `Argument validation failed${field ? ` for ${field}` : ''}: ${validationMessages(inner)}`,
      extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, ...(field ? { field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) {
    return {
      ...base,
      message: `the document has more than ${tokens[1]} tokens and was not parsed`,
      extensions: { code: 'MSHT_TOO_MANY_TOKENS' satisfies ErrorCode, maxTokens: Number(tokens[1]) },
    };
  }
  if (typeof code === 'string' && (PASS_THROUGH.has(code) || (code in ERROR_CODES && code !== 'INTERNAL_SERVER_ERROR'))) {
    const message = opts.hideSuggestions ? stripSuggestions(formatted.message) : formatted.message;
    const { stacktrace: _s, ...ext } = formatted.extensions as Record<string, unknown>;
    return { ...base, message, extensions: { ...ext, code } };
  }
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode } };
}

export function stripSuggestions(message: string): string {
  return message.replace(/ Did you mean .*\?$/, '');
}

interface ValidationErrorLike {
  name: string;
  validationErrors: { property: string; constraints?: Record<string, string>; children?: unknown[] }[];
}

function isArgumentValidationError(e: unknown): e is ValidationErrorLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: string }).name === 'ArgumentValidationError' &&
    Array.isArray((e as ValidationErrorLike).validationErrors)
  );
}

function validationField(e: ValidationErrorLike): string | undefined {
  const first = e.validationErrors[0];
  if (!first) return undefined;
  let pathParts = [first.property];
  let node = first as { children?: unknown[] };
  while (node.children && node.children.length > 0) {
    const child = node.children[0] as { property: string; children?: unknown[] };
    pathParts = [...pathParts, child.property];
    node = child;
  }
  return pathParts.join('.');
}

function validationMessages(e: ValidationErrorLike): string {
  const out: string[] = [];
  const walk = (errs: { constraints?: Record<string, string>; children?: unknown[] }[]) => {
    for (const err of errs) {
      if (err.constraints) out.push(...Object.values(err.constraints));
      if (err.children) walk(err.children as typeof errs);
    }
  };
  walk(e.validationErrors);
  return out.join('; ');
}
