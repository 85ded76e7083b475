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

  it('reports the Neo4j behind it: 5.26 Community', async () => {
    const sdk = await svc.sdk({ roles: ['ANALYST'] });
    const info = await sdk.ServiceInfo();
    expect(info.database.version).toMatch(/^5\.26\./);
    expect(info.database.edition).toBe('community');
    expect(info.viewer).toMatchObject({ subject: 'test-analyst', roles: ['ANALYST'], clearance: 'H1' });
  });
});
