import { startTestService, type TestService } from '../../support/test-service';
import { testToken } from '../../support/tokens';

describe('the HTTP service', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  const base = () => svc.url.replace(/\/graphql$/, '');

  it('answers /healthz while alive and /readyz when Neo4j answers and migrations are applied', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('answers POST and GET /graphql with a token, and reports its Cypher count', async () => {
    const auth = { authorization: `Bearer ${await testToken({ roles: ['ANALYST'] })}` };
    const post = await fetch(svc.url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    expect(post.headers.get('x-cypher-queries')).toBe('0');
    expect(post.headers.get('x-request-id')).toBeTruthy();

    const get = await fetch(`${svc.url}?query=${encodeURIComponent('{ country(code: "VN") { name } }')}`, { headers: { ...auth, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { country: { name: 'Vietnam' } } });
    expect(get.headers.get('x-cypher-queries')).toBe('1');
  });

  it('refuses a request without a token with 401 UNAUTHENTICATED', async () => {
    const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers malformed JSON with 400 BAD_REQUEST, not a stack trace', async () => {
    const auth = { authorization: `Bearer ${await testToken({ roles: ['ANALYST'] })}` };
    const res = await fetch(svc.url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
  });

  it('answers POST /graphql (its own route, without express) as express answers the same request at /graphql/', async () => {
    const auth = { authorization: `Bearer ${await testToken({ roles: ['ANALYST'] })}` };
    const json = { 'content-type': 'application/json' };
    const cases: [string, number, Record<string, string>, string][] = [
      ['a query', 200, { ...auth, ...json }, JSON.stringify({ query: '{ country(code: "RO") { name } }' })],
      ['no token', 401, json, JSON.stringify({ query: '{ __typename }' })],
      ['a bad token', 401, { ...json, authorization: 'Bearer nonsense' }, JSON.stringify({ query: '{ __typename }' })],
      ['malformed JSON', 400, { ...auth, ...json }, '{"query": '],
      ['a JSON body that is not an object', 400, { ...auth, ...json }, '"query"'],
      ['a simple text/plain POST (CSRF)', 400, { ...auth, 'content-type': 'text/plain' }, JSON.stringify({ query: '{ __typename }' })],
      ['no document', 400, { ...auth, ...json }, '{}'],
      ['an invalid document', 400, { ...auth, ...json }, JSON.stringify({ query: '{ persns { totalCount } }' })],
      ['a body over the limit', 413, { ...auth, ...json }, JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(1024 * 1024) })],
      ['a charset JSON may not have', 415, { ...auth, 'content-type': 'application/json; charset=latin1' }, JSON.stringify({ query: '{ __typename }' })],
      ['a request id of its own', 200, { ...auth, ...json, 'x-request-id': 'client-chosen-id-1' }, JSON.stringify({ query: '{ __typename }' })],
    ];
    // Each answer's own request id differs, unless the client chose it.
    const answer = async (url: string, headers: Record<string, string>, body: string) => {
      const res = await fetch(url, { method: 'POST', headers, body });
      const sent: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        if (name !== 'date' && (name !== 'x-request-id' || 'x-request-id' in headers)) sent[name] = value;
      });
      return { status: res.status, headers: sent, body: await res.text() };
    };
    for (const [what, status, headers, body] of cases) {
      const plain = await answer(svc.url, headers, body);
      const viaExpress = await answer(`${svc.url}/`, headers, body);
      expect({ what, status: plain.status }).toEqual({ what, status });
      expect({ what, ...plain }).toEqual({ what, ...viaExpress });
      expect(plain.headers).toEqual(expect.objectContaining({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' }));
    }
  });

  it('reports the Neo4j behind it: 5.26 Community', async () => {
    const sdk = await svc.sdk({ roles: ['ANALYST'] });
    const info = await sdk.ServiceInfo();
    expect(info.database.version).toMatch(/^5\.26\./);
    expect(info.database.edition).toBe('community');
    expect(info.viewer).toMatchObject({ subject: 'test-analyst', roles: ['ANALYST'], clearance: 'H1' });
  });
});
