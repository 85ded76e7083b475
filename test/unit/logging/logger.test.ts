import { Writable } from 'node:stream';

import { Neo4jError } from 'neo4j-driver';

import { createLogger } from '../../../src/logging/logger';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const diagnostics = { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' } as ConstructorParameters<typeof Neo4jError>[4];

describe('the logger', () => {
  it("keeps a Neo4j error's code and the shape of its message, never the values it quotes", () => {
    const out = capture();
    const log = createLogger('info', out.stream);
    const cause = new Neo4jError("Text cannot be parsed to a Date: 'Maria Ionescu 2001'", 'Neo.ClientError.Statement.ArgumentError', '22N11', "error: data exception - invalid date: 'Maria Ionescu 2001'", diagnostics, undefined);
    const err = new Neo4jError(`Node(7) already exists with label \`Person\` and property \`name\` = 'Maria Ionescu' and "2001-05-05"`, 'Neo.ClientError.Schema.ConstraintValidationFailed', '22N41', "error: data exception - 'Maria Ionescu'", diagnostics, cause);
    log.error({ requestId: 'r1', err }, 'unexpected error in a GraphQL request');
    const text = JSON.stringify(out.lines());
    expect(text).not.toContain('Maria');
    expect(text).not.toContain('2001');
    const logged = out.lines()[0]!.err as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'Neo4jError', code: 'Neo.ClientError.Schema.ConstraintValidationFailed', gqlStatus: '22N41' });
    expect(logged.message).toBe("Node(7) already exists with label `Person` and property `name` = '…' and \"…\"");
    expect((logged.cause as Record<string, unknown>).code).toBe('Neo.ClientError.Statement.ArgumentError');
  });

  it("scrubs the driver's GQLError below a Neo4j error too", () => {
    const out = capture();
    const cause = Object.assign(new Error("invalid date: 'Oksana Petrenko 1990'"), { name: 'GQLError', gqlStatus: '22N11' });
    const err = new Neo4jError("Text cannot be parsed to a Date: 'Oksana Petrenko 1990'", 'Neo.ClientError.Statement.ArgumentError', '22N11', 'error', diagnostics, cause as never);
    createLogger('info', out.stream).error({ err }, 'unexpected');
    expect(JSON.stringify(out.lines())).not.toMatch(/Oksana|1990/);
    expect((out.lines()[0]!.err as { cause: Record<string, unknown> }).cause).toMatchObject({ type: 'GQLError', message: "invalid date: '…'" });
  });

  it('logs other errors as pino does, with their message and stack', () => {
    const out = capture();
    createLogger('info', out.stream).error({ err: new Error("bug in 'our' code") }, 'unexpected');
    expect(out.lines()[0]!.err).toMatchObject({ type: 'Error', message: "bug in 'our' code" });
    expect(String((out.lines()[0]!.err as { stack: string }).stack)).toContain('logger.test');
  });
});
