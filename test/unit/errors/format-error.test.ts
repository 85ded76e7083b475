import { GraphQLError } from 'graphql';

import { AppError } from '../../../src/errors/app-error';
import { formatError, stripSuggestions } from '../../../src/errors/format-error';

const opts = { hideSuggestions: true };

describe('formatError', () => {
  it('keeps the code, message and field of an AppError', () => {
    const e = new AppError('BAD_USER_INPUT', 'input.name: is required', { field: 'input.name' });
    expect(formatError({ message: e.message, extensions: { code: 'BAD_USER_INPUT', stacktrace: ['x'] } }, e, opts)).toEqual({
      message: 'input.name: is required',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
  });

  it('hides anything unexpected behind INTERNAL_SERVER_ERROR (driver messages can echo victim data)', () => {
    const e = new Error('Node(12) already exists with label `Person` and property `name` = "Maria Ionescu"');
    const out = formatError({ message: e.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError(e.message, { originalError: e }), opts);
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(out)).not.toContain('Maria');
  });

  it('passes validation errors through without schema suggestions in production', () => {
    const msg = 'Cannot query field "nme" on type "Person". Did you mean "name"?';
    expect(formatError({ message: msg, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError(msg), opts).message).toBe(
      'Cannot query field "nme" on type "Person".',
    );
  });

  it('strips only the trailing suggestion', () => {
    expect(stripSuggestions('Unknown argument "x". Did you mean "y" or "z"?')).toBe('Unknown argument "x".');
  });

  it('gives a query-limit error raised in validation its own code back (Apollo wraps it as GRAPHQL_VALIDATION_FAILED)', () => {
    const limit = new AppError('MSHT_QUERY_TOO_DEEP', 'the operation nests 20 levels deep; at most 12 are allowed', { depth: 20, maxDepth: 12, http: { status: 400 } });
    const wrapped = new GraphQLError(limit.message, { originalError: limit, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatError({ message: limit.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrapped, opts)).toEqual({
      message: limit.message,
      extensions: { code: 'MSHT_QUERY_TOO_DEEP', depth: 20, maxDepth: 12 },
    });
  });

  it("names the parser's token limit MSHT_TOO_MANY_TOKENS", () => {
    for (const msg of ['Syntax Error: Document contains more that 10000 tokens. Parsing aborted.', 'Syntax Error: Document contains more than 10000 tokens. Parsing aborted.']) {
      expect(formatError({ message: msg, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError(msg), opts)).toEqual({
        message: 'the document has more than 10000 tokens and was not parsed',
        extensions: { code: 'MSHT_TOO_MANY_TOKENS', maxTokens: 10000 },
      });
    }
  });
});
