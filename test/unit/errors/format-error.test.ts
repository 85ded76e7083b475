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
});
