import { ApolloServer } from '@apollo/server';
import { buildSchema, getOperationAST, GraphQLError, Kind, parse, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';

import { compiledExecution, MAX_COMPILED_FIELDS } from '../../../src/http/compiled-executor';
import { compiledSize } from '../../../src/http/compiled-size';

interface Ctx {
  calls: string[];
}

/** A small schema with what ours uses: an interface, lists, arguments with defaults, an input, enums, errors with codes. */
function testSchema(): GraphQLSchema {
  const schema = buildSchema(`
    interface Node { id: ID! }
    type Person implements Node { id: ID! name: String groups(first: Int = 2): [Group!]! }
    type Group implements Node { id: ID! name: String! }
    enum Gender { FEMALE MALE }
    input PersonFilter { gender: Gender, names: [String!] }
    type Query {
      node(id: ID!): Node
      persons(filter: PersonFilter, first: Int!): [Person!]!
      secret: String
    }
    type Mutation { step(name: String!, ms: Int!): String! }
  `);
  const people = [
    { __typename: 'Person', id: 'p1', name: 'Ana', gender: 'FEMALE' },
    { __typename: 'Person', id: 'p2', name: 'Bo', gender: 'MALE' },
  ];
  const groups = [1, 2, 3].map((i) => ({ __typename: 'Group', id: `g${i}`, name: `Group ${i}` }));
  const query = schema.getQueryType()!.getFields();
  query.node!.resolve = (_r, { id }: { id: string }) => [...people, ...groups].find((n) => n.id === id) ?? null;
  query.persons!.resolve = (_r, { filter, first }: { filter?: { gender?: string; names?: string[] }; first: number }, ctx: Ctx) => {
    ctx.calls.push(`persons:${JSON.stringify(filter ?? null)}:${first}`);
    return people.filter((p) => (!filter?.gender || p.gender === filter.gender) && (!filter?.names || filter.names.includes(p.name))).slice(0, first);
  };
  query.secret!.resolve = () => {
    throw new GraphQLError('not for you', { extensions: { code: 'FORBIDDEN' } });
  };
  schema.getMutationType()!.getFields().step!.resolve = async (_r, { name, ms }: { name: string; ms: number }, ctx: Ctx) => {
    ctx.calls.push(`start ${name}`);
    await new Promise((done) => setTimeout(done, ms));
    ctx.calls.push(`end ${name}`);
    return name;
  };
  const person = schema.getType('Person') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
  person.getFields().groups!.resolve = async (_p: unknown, { first }: { first: number }) => groups.slice(0, first);
  return schema;
}

async function serve(schema: GraphQLSchema, compiled: boolean, compileAfterRuns?: number) {
  const gateway = compiled ? compiledExecution(schema, { compileAfterRuns }) : undefined;
  const server = gateway ? new ApolloServer<Ctx>({ gateway }) : new ApolloServer<Ctx>({ schema });
  await server.start();
  return {
    run: async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
      const ctx: Ctx = { calls: [] };
      const res = await server.executeOperation({ query, variables, operationName }, { contextValue: ctx });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      return { status: res.http.status ?? 200, result: res.body.singleResult, calls: ctx.calls };
    },
    stats: gateway?.stats,
    stop: () => server.stop(),
  };
}

describe('compiled execution (graphql-jit behind Apollo)', () => {
  const schema = testSchema();
  let compiled: Awaited<ReturnType<typeof serve>>;
  let interpreted: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    compiled = await serve(schema, true);
    interpreted = await serve(schema, false);
  });
  afterAll(async () => {
    await compiled.stop();
    await interpreted.stop();
  });

  /** Runs through both servers: the compiled one twice (a document is compiled the second time it runs), all three alike. */
  const both = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const expected = await interpreted.run(query, variables, operationName);
    for (let i = 0; i < 2; i++) {
      const before = { ...compiled.stats! };
      expect(await compiled.run(query, variables, operationName)).toEqual(expected);
      if (i === 1) expect(compiled.stats!.compiled).toBe(before.compiled + 1);
    }
    return expected;
  };

  it('answers as graphql-js does: fragments on an interface, aliases, argument defaults, skip and include, an input with enums', async () => {
    const query = `
      query Q($f: PersonFilter, $withGroups: Boolean!) {
        persons(filter: $f, first: 5) { id ...P two: groups { id } }
        g: node(id: "g2") { __typename id ... on Group { name } }
        p: node(id: "p1") { __typename ... on Person { name groups(first: 1) @include(if: $withGroups) { name } } }
        none: node(id: "x") { id }
      }
      fragment P on Person { name groups(first: 3) @skip(if: $withGroups) { name } }
    `;
    for (const variables of [{ withGroups: true }, { withGroups: false, f: { gender: 'MALE' } }, { withGroups: true, f: { names: ['Ana'] } }]) {
      const { result } = await both(query, variables);
      expect(result.errors).toBeUndefined();
    }
    const before = { ...compiled.stats! };
    const { result, calls } = await compiled.run(query, { withGroups: false, f: { gender: 'FEMALE' } });
    expect(compiled.stats).toEqual({ compiled: before.compiled + 1, interpreted: before.interpreted });
    expect(calls).toEqual(['persons:{"gender":"FEMALE"}:5']);
    expect(result.data).toEqual({
      persons: [{ id: 'p1', name: 'Ana', groups: [{ name: 'Group 1' }, { name: 'Group 2' }, { name: 'Group 3' }], two: [{ id: 'g1' }, { id: 'g2' }] }],
      g: { __typename: 'Group', id: 'g2', name: 'Group 2' },
      p: { __typename: 'Person', name: 'Ana' },
      none: null,
    });
  });

  it('refuses a bad variable as graphql-js does: BAD_USER_INPUT, HTTP 400, no resolver run', async () => {
    const query = 'query($f: PersonFilter) { persons(filter: $f, first: 1) { id } }';
    const { status, result, calls } = await both(query, { f: { gender: 'ROBOT' } });
    expect(status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('$f');
    expect(calls).toEqual([]);
    const missing = await both('query($n: Int!) { persons(first: $n) { id } }', {});
    expect(missing.status).toBe(400);
    expect(missing.result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("keeps a resolver error's code, path and the data beside it", async () => {
    const { result } = await both('{ secret persons(first: 1) { id } }');
    expect(result.data).toEqual({ secret: null, persons: [{ id: 'p1' }] });
    expect(result.errors).toEqual([expect.objectContaining({ message: 'not for you', path: ['secret'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('runs the named operation of a document with several, each compiled on its own, and the same document again', async () => {
    const doc = 'query A { persons(first: 1) { id } } query B { node(id: "g1") { id } }';
    for (let i = 0; i < 2; i++) {
      expect((await both(doc, undefined, 'A')).result.data).toEqual({ persons: [{ id: 'p1' }] });
      expect((await both(doc, undefined, 'B')).result.data).toEqual({ node: { id: 'g1' } });
    }
  });

  it('runs the fields of a mutation one after the other, in document order', async () => {
    const { result, calls } = await both('mutation { a: step(name: "a", ms: 30) b: step(name: "b", ms: 1) }');
    expect(result.data).toEqual({ a: 'a', b: 'b' });
    expect(calls).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('runs a document through graphql-js the first time, and compiled from the second', async () => {
    const query = '{ node(id: "p2") { id } }';
    const before = { ...compiled.stats! };
    await compiled.run(query);
    expect(compiled.stats).toEqual({ compiled: before.compiled, interpreted: before.interpreted + 1 });
    await compiled.run(query);
    await compiled.run(query);
    expect(compiled.stats).toEqual({ compiled: before.compiled + 2, interpreted: before.interpreted + 1 });
  });

  it('compiles after as many runs as it is told (0: from the first)', async () => {
    for (const after of [0, 2]) {
      const server = await serve(schema, true, after);
      try {
        for (let i = 0; i < 4; i++) await server.run('{ node(id: "p1") { id } }');
        expect(server.stats).toEqual({ compiled: 4 - after, interpreted: after });
      } finally {
        await server.stop();
      }
    }
  });

  it(`keeps running an operation past ${MAX_COMPILED_FIELDS} generated fields through graphql-js, with the same answers`, async () => {
    // Each aliased node(...) compiles its selection for both implementations of Node: 3 fields each.
    const query = `{ ${Array.from({ length: 200 }, (_, i) => `n${i}: node(id: "g1") { id }`).join(' ')} }`;
    const before = { ...compiled.stats! };
    const expected = await interpreted.run(query);
    for (let i = 0; i < 3; i++) expect(await compiled.run(query)).toEqual(expected);
    expect(compiled.stats).toEqual({ compiled: before.compiled, interpreted: before.interpreted + 3 });
  });
});

describe('compiledSize (fields graphql-jit would generate)', () => {
  const schema = testSchema();
  const size = (query: string, budget = 1000) => {
    const doc = parse(query);
    const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    return compiledSize(schema, fragments, getOperationAST(doc)!, budget);
  };

  it('counts a selection on an interface once for each implementation, through fragments', () => {
    // node; Person: id, name, groups (Group: id); Group: id.
    expect(size('{ node(id: "x") { id ... on Person { name groups { id } } } }')).toBe(6);
    expect(size('{ node(id: "x") { ...N } } fragment N on Node { id ... on Group { name } }')).toBe(4);
    expect(size('{ persons(first: 1) { id groups { id name } } }')).toBe(5);
  });

  it('stops counting past its budget', () => {
    const query = `{ ${Array.from({ length: 50 }, (_, i) => `n${i}: node(id: "g1") { id }`).join(' ')} }`;
    expect(size(query)).toBe(150);
    expect(size(query, 20)).toBe(21);
  });
});
