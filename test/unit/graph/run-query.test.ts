import { Neo4jError } from 'neo4j-driver';

import { GraphClient, isTransactionMemoryLimit, withoutStackTrace } from '../../../src/graph/run-query';
import { createLogger } from '../../../src/logging/logger';

describe('withoutStackTrace', () => {
  it('creates what it makes with no stack frames and puts the limit back', () => {
    const before = Error.stackTraceLimit;
    const made = withoutStackTrace(() => new Error('inside'));
    expect(made.stack).toBe('Error: inside');
    expect(Error.stackTraceLimit).toBe(before);
  });

  it('puts the limit back when making throws', () => {
    const before = Error.stackTraceLimit;
    expect(() =>
      withoutStackTrace(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('after').stack).toContain('\n    at ');
  });
});

describe('GraphClient.read and the driver result', () => {
  it('has the driver create its result with stack traces off, and only while it does', async () => {
    const seen: number[] = [];
    const session = {
      run: () => {
        seen.push(Error.stackTraceLimit);
        return Promise.resolve().then(() => {
          seen.push(Error.stackTraceLimit);
          return { records: [{ toObject: () => ({ n: 1 }) }] };
        });
      },
      close: () => Promise.resolve(),
    };
    const driver = { session: () => session } as unknown as ConstructorParameters<typeof GraphClient>[0];
    const client = new GraphClient(driver, { database: 'neo4j', queryTimeoutMs: 1000, log: createLogger('silent') });
    const before = Error.stackTraceLimit;
    expect(await client.read({ cypher: 'RETURN 1 AS n', params: {} })).toEqual([{ n: 1 }]);
    expect(seen).toEqual([0, before]);
    expect(Error.stackTraceLimit).toBe(before);
  });
});

describe('isTransactionMemoryLimit', () => {
  const diagnostics = { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' } as ConstructorParameters<typeof Neo4jError>[4];
  const error = (code: string, message: string) => new Neo4jError(message, code, '50N42', 'error', diagnostics, undefined);

  it('tells the one transaction’s cap, which would stop the statement again, from the shared pool running out', () => {
    const pool = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
    expect(isTransactionMemoryLimit(error(pool, 'The allocation of an extra 4.3 MiB would use more than the limit 256.0 MiB. Currently using 255.0 MiB. db.memory.transaction.max threshold reached'))).toBe(true);
    expect(isTransactionMemoryLimit(error('Neo.ClientError.General.TransactionOutOfMemoryError', 'The transaction used more memory than was allowed.'))).toBe(true);
    expect(isTransactionMemoryLimit(error(pool, 'The allocation of an extra 2.0 MiB would use more than the limit 700.0 MiB. Currently using 699.0 MiB. dbms.memory.transaction.total.max threshold reached'))).toBe(false);
    expect(isTransactionMemoryLimit(new Error('db.memory.transaction.max'))).toBe(false);
  });
});
