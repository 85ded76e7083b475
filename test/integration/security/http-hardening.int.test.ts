import { codes, postGraphQL, rawRequest } from '../../support/http';
import { startTestService, type TestService } from '../../support/test-service';

const analyst = { roles: ['ANALYST' as const], subject: 'hardening-analyst' };

describe('in production mode', () => {
  let svc: TestService;
  beforeAll(async () => {
    // Production needs its secrets from the environment (test-service passes the JWT secret and pseudonym key).
    svc = await startTestService({ MSHT_MODE: 'production' });
  });
  afterAll(() => svc.close());

  it('turns introspection off', async () => {
    const r = await postGraphQL(svc.url, analyst, { query: '{ __schema { types { name } } }' });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors![0]!.message).toMatch(/introspection/i);
    // __typename is not introspection of the schema: clients rely on it.
    expect((await postGraphQL(svc.url, analyst, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('strips field suggestions from validation errors', async () => {
    const r = await postGraphQL(svc.url, analyst, { query: '{ persns { totalCount } }' });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.body.errors![0]!.message).toBe('Cannot query field "persns" on type "Query".');
    expect(r.text).not.toMatch(/Did you mean|persons/);
    const arg = await postGraphQL(svc.url, analyst, { query: '{ persons(frist: 1) { totalCount } }' });
    expect(arg.text).not.toMatch(/Did you mean|"first"/);
  });

  it('never sends stack traces', async () => {
    for (const query of ['{ persns }', '{', '{ person(id: 1.5) { id } }']) {
      const r = await postGraphQL(svc.url, analyst, { query });
      expect(r.status).toBe(400);
      expect(r.text).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+/);
    }
  });
});

describe('in development and test modes', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ MSHT_CORS_ORIGINS: 'https://analysis.example', MSHT_BODY_LIMIT: '16k', MSHT_RATE_LIMIT_PER_MINUTE: '60', MSHT_RATE_LIMIT_BURST: '5' });
  });
  afterAll(() => svc.close());

  it('suggests field names, to help developers', async () => {
    const r = await postGraphQL(svc.url, { ...analyst, subject: 'dev-1' }, { query: '{ persns { totalCount } }' });
    expect(r.body.errors![0]!.message).toMatch(/Did you mean "persons"/);
  });

  describe('CSRF prevention', () => {
    const token = { ...analyst, subject: 'csrf' };

    it('refuses a simple text/plain POST and a GET without a preflight header', async () => {
      const post = await rawRequest(svc.url, { method: 'POST', token, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ viewer { subject } }' }) });
      expect(post.status).toBe(400);
      expect(codes(post)).toEqual(['BAD_REQUEST']);
      expect(post.body.errors![0]!.message).toMatch(/Cross-Site Request Forgery/);
      const form = await rawRequest(svc.url, { method: 'POST', token, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' });
      expect(form.status).toBe(400);
      const get = await rawRequest(`${svc.url}?query=${encodeURIComponent('{ viewer { subject } }')}`, { token });
      expect(get.status).toBe(400);
      expect(get.body.errors![0]!.message).toMatch(/Cross-Site Request Forgery/);
    });

    it('accepts GET with a preflight header and POST with application/json', async () => {
      const get = await rawRequest(`${svc.url}?query=${encodeURIComponent('{ viewer { subject } }')}`, { token, headers: { 'apollo-require-preflight': 'true' } });
      expect(get.status).toBe(200);
      expect(get.body).toEqual({ data: { viewer: { subject: 'csrf' } } });
      expect((await postGraphQL(svc.url, token, { query: '{ viewer { subject } }' })).status).toBe(200);
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      fetch(svc.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

    it('allows the listed origin, in the preflight and the response', async () => {
      const pre = await preflight('https://analysis.example');
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://analysis.example');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
      const r = await postGraphQL(svc.url, { ...analyst, subject: 'cors-1' }, { query: '{ __typename }' }, { origin: 'https://analysis.example' });
      expect(r.headers.get('access-control-allow-origin')).toBe('https://analysis.example');
      expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('gives any other origin no CORS grant, so a browser will not send or read', async () => {
      for (const origin of ['https://evil.example', 'https://analysis.example.evil.example', 'null']) {
        const pre = await preflight(origin);
        // Without Access-Control-Allow-Origin the browser stops at the preflight.
        expect(pre.headers.get('access-control-allow-origin')).toBeNull();
        const r = await postGraphQL(svc.url, { ...analyst, subject: 'cors-2' }, { query: '{ __typename }' }, { origin });
        expect(r.headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  it('answers a body over the limit with 413 MSHT_BODY_TOO_LARGE in the GraphQL error shape', async () => {
    const r = await postGraphQL(svc.url, { ...analyst, subject: 'big-body' }, { query: '{ __typename }', variables: { pad: 'x'.repeat(20 * 1024) } });
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body).toEqual({ errors: [{ message: 'the request body is larger than the limit of 16384 bytes', extensions: { code: 'MSHT_BODY_TOO_LARGE' } }] });
  });

  it('limits each subject to its rate: 429 MSHT_RATE_LIMITED with Retry-After, others unaffected', async () => {
    const busy = { ...analyst, subject: 'busy-analyst' };
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 8; i++) {
      const r = await postGraphQL(svc.url, busy, { query: '{ __typename }' });
      statuses.push(r.status);
      if (r.status === 429) limited ??= r;
    }
    // Burst 5: the first five pass (the bucket refills 1/s, so a slow machine may let a sixth through).
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(codes(limited!)).toEqual(['MSHT_RATE_LIMITED']);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited!.body.errors![0]!.extensions).toMatchObject({ retryAfter: Number(limited!.headers.get('retry-after')) });
    // Another subject has its own bucket.
    expect((await postGraphQL(svc.url, { ...analyst, subject: 'calm-analyst' }, { query: '{ __typename }' })).status).toBe(200);
    // And the bucket refills: after Retry-After seconds the busy subject may ask again.
    await new Promise((r) => setTimeout(r, Number(limited!.headers.get('retry-after')) * 1000 + 100));
    expect((await postGraphQL(svc.url, busy, { query: '{ __typename }' })).status).toBe(200);
  });

  it('sends every answer uncached, with its own type only and unframed: GraphQL (POST and GET), refusals, an export id, readiness', async () => {
    const base = svc.url.replace(/\/graphql$/, '');
    const answers = [
      await postGraphQL(svc.url, analyst, { query: '{ __typename }' }),
      await rawRequest(`${svc.url}?query=${encodeURIComponent('{ __typename }')}`, { method: 'GET', token: analyst, headers: { 'apollo-require-preflight': 'true' } }),
      await postGraphQL(svc.url, undefined, { query: '{ __typename }' }),
      await rawRequest(`${base}/exports/exp-0000000000000000`, { method: 'GET', token: analyst }),
      await rawRequest(`${base}/readyz`, { method: 'GET' }),
    ];
    for (const r of answers) {
      expect([r.status, r.headers.get('cache-control'), r.headers.get('x-content-type-options'), r.headers.get('x-frame-options')]).toEqual([r.status, 'no-store', 'nosniff', 'DENY']);
    }
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 404, 200]);
  });

  it('refuses a request without a valid token with 401 and WWW-Authenticate', async () => {
    const r = await postGraphQL(svc.url, undefined, { query: '{ __typename }' }, { authorization: 'Bearer not.a.token' });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });
});
