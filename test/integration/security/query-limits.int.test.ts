import { codes, postGraphQL, rawRequest, type RawResponse } from '../../support/http';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

const analyst = { roles: ['ANALYST' as const], subject: 'limits-analyst' };

/** `{ __schema { types { fields { type { fields { type ... name } } } } } }`, `levels` fields deep. */
function deepIntrospection(levels: number): string {
  const names = ['__schema', 'types'];
  for (let i = names.length; i < levels - 1; i++) names.push(i % 2 === 0 ? 'fields' : 'type');
  names.push('name');
  return `{ ${names.join(' { ')}${' }'.repeat(names.length - 1)} }`;
}

describe('query limits', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
  });
  afterAll(() => svc.close());

  /** A refusal before execution: 400, the code, no Cypher run, and the audit records the code. */
  async function expectRefused(r: RawResponse, code: string) {
    expect(r.status).toBe(400);
    expect(codes(r)).toContain(code);
    expect(r.body.data).toBeUndefined();
    expect(r.headers.get('x-cypher-queries') ?? '0').toBe('0');
    expect(JSON.stringify(r.body)).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+/);
    await svc.app.auditLog.flush();
    const rows = await svc.graph.read({
      cypher: 'MATCH (e:AuditEvent {requestId: $id}) RETURN e.subject AS subject, e.outcome AS outcome, e.errorCodes AS codes, e.httpStatus AS status, e.records AS records',
      params: { id: r.headers.get('x-request-id') },
    });
    expect(rows).toEqual([{ subject: analyst.subject, outcome: 'error', codes: expect.arrayContaining([code]), status: 400, records: 0 }]);
  }

  it('accepts an ordinary query and the standard introspection query', async () => {
    const ok = await postGraphQL(svc.url, analyst, { query: '{ persons(first: 1000) { nodes { id nationalities { code } } } }' });
    expect(ok.status).toBe(200);
    const { getIntrospectionQuery } = await import('graphql');
    const intro = await postGraphQL(svc.url, analyst, { query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) });
    expect(intro.status).toBe(200);
    expect(intro.body.errors).toBeUndefined();
  });

  it('refuses a query 20 levels deep with MSHT_QUERY_TOO_DEEP', async () => {
    const r = await postGraphQL(svc.url, analyst, { query: deepIntrospection(20) });
    await expectRefused(r, 'MSHT_QUERY_TOO_DEEP');
    expect(r.body.errors!.find((e) => e.extensions?.code === 'MSHT_QUERY_TOO_DEEP')!.extensions).toMatchObject({ depth: 20, maxDepth: 12 });
  });

  it('refuses a deep query over the domain types, whatever else is wrong with it', async () => {
    // The schema has no cycle deep enough for a valid 20-level query yet: the depth limit is
    // reported beside the validation errors, and nothing runs either way.
    const query = `{ persons(first: 1) { nodes { ${'nationalities { '.repeat(18)}code${' }'.repeat(18)} } } }`;
    await expectRefused(await postGraphQL(svc.url, analyst, { query }), 'MSHT_QUERY_TOO_DEEP');
  });

  it('follows fragments when it measures depth', async () => {
    const query = `query Deep { __schema { types { ...F1 } } }
      fragment F1 on __Type { fields { type { ...F2 } } }
      fragment F2 on __Type { fields { type { ...F3 } } }
      fragment F3 on __Type { fields { type { ...F4 } } }
      fragment F4 on __Type { fields { type { ...F5 } } }
      fragment F5 on __Type { fields { type { fields { type { name } } } } }`;
    await expectRefused(await postGraphQL(svc.url, analyst, { query }), 'MSHT_QUERY_TOO_DEEP');
  });

  it('refuses 500 aliases with MSHT_TOO_MANY_ALIASES', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const r = await postGraphQL(svc.url, analyst, { query });
    await expectRefused(r, 'MSHT_TOO_MANY_ALIASES');
    expect(r.body.errors![0]!.extensions).toMatchObject({ aliases: 500, maxAliases: 50 });
  });

  it('counts aliases in a fragment once per spread', async () => {
    const query = `query Spread { ${Array.from({ length: 10 }, (_, i) => `p${i}: viewer { ...Six }`).join(' ')} }
      fragment Six on Viewer { a: subject b: subject c: agency d: agency e: roles f: roles }`;
    await expectRefused(await postGraphQL(svc.url, analyst, { query }), 'MSHT_TOO_MANY_ALIASES');
  });

  it('refuses many directives with MSHT_TOO_MANY_DIRECTIVES', async () => {
    const query = `{ ${'__typename @include(if: true) '.repeat(200)} }`;
    await expectRefused(await postGraphQL(svc.url, analyst, { query }), 'MSHT_TOO_MANY_DIRECTIVES');
  });

  it('refuses nested lists of 1000 with MSHT_QUERY_TOO_COMPLEX, counting variables', async () => {
    const query = `query Huge($n: Int!) {
      a: persons(first: $n) { nodes { id nationalities { provenance { agency } } } }
      b: persons(first: $n) { edges { node { id nationalities { provenance { agency } } } } }
      c: persons(first: $n) { nodes { nationalities { code provenance { reportId } } } }
      d: countries(first: $n) { nodes { provenance { agency } } }
    }`;
    const r = await postGraphQL(svc.url, analyst, { query, variables: { n: 1000 } });
    await expectRefused(r, 'MSHT_QUERY_TOO_COMPLEX');
    expect(r.body.errors![0]!.extensions).toMatchObject({ maxCost: 50000 });
    expect(r.body.errors![0]!.extensions!.cost as number).toBeGreaterThan(50000);
    // The same document with small pages is within the budget.
    const small = await postGraphQL(svc.url, analyst, { query, variables: { n: 10 } });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it('refuses a malformed document with GRAPHQL_PARSE_FAILED', async () => {
    await expectRefused(await postGraphQL(svc.url, analyst, { query: '{ persons(first: 10) { nodes { id }' }), 'GRAPHQL_PARSE_FAILED');
  });

  it('refuses a document past the token limit with MSHT_TOO_MANY_TOKENS, before parsing it', async () => {
    const query = `{ ${'__typename '.repeat(12000)} }`;
    const r = await postGraphQL(svc.url, analyst, { query });
    await expectRefused(r, 'MSHT_TOO_MANY_TOKENS');
    expect(r.body.errors![0]!.extensions).toMatchObject({ maxTokens: 10000 });
  });

  it('answers 400 for limits on GET too', async () => {
    const query = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const r = await rawRequest(`${svc.url}?query=${encodeURIComponent(query)}`, { token: analyst, headers: { 'apollo-require-preflight': 'true' } });
    await expectRefused(r, 'MSHT_TOO_MANY_ALIASES');
  });
});
