import { ClientError } from 'graphql-request';

/** The first GraphQL error of a rejected SDK call: its message and extensions (code, field, rows). */
export function errorOf(e: unknown): { code?: string; field?: string; rows?: string[]; message: string } {
  expect(e).toBeInstanceOf(ClientError);
  const err = (e as ClientError).response.errors![0]!;
  return { ...(err.extensions as { code?: string; field?: string; rows?: string[] }), message: err.message };
}
