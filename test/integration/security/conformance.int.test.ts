import { serverAudits, type AuditResult } from 'graphql-http';

import { startTestService, type TestService } from '../../support/test-service';
import { testToken } from '../../support/tokens';

/**
 * The GraphQL-over-HTTP audit suite of the graphql-http package, run against the real service
 * with credentials. Every MUST passes; the SHOULD warnings are listed in the README
 * ("GraphQL over HTTP conformance") with the reason for each, and pinned here so a change shows.
 */
const KNOWN_WARNINGS = [
  // With the legacy `application/json` response type the spec prefers 200 for requests that fail
  // before execution; we answer 400 on purpose, so that proxies, rate limiters and clients see a
  // refused request as one (Apollo Server 5's behaviour, and our query limits rely on it).
  '572B SHOULD use 200 status code on document parsing failure when accepting application/json',
  'FDE2 SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  let svc: TestService;
  let results: AuditResult[];

  beforeAll(async () => {
    svc = await startTestService();
    const authorization = `Bearer ${await testToken({ roles: ['ANALYST'], subject: 'conformance' })}`;
    // Credentials on every request, and Apollo's CSRF-prevention header, without which a
    // browser-style GET (no content type) is refused before GraphQL sees it.
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', authorization);
      headers.set('apollo-require-preflight', 'true');
      return fetch(input, { ...init, headers });
    };
    const audits = serverAudits({ url: svc.url, fetchFn });
    results = [];
    for (const audit of audits) results.push(await audit.fn());
  });
  afterAll(() => svc.close());

  it('passes every MUST', () => {
    const failed = results.flatMap((r) => (r.status === 'error' ? [`${r.id} ${r.name}: ${r.reason}`] : []));
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  it('raises only the SHOULD warnings the README explains', () => {
    const warnings = results.filter((r) => r.status === 'warn').map((r) => `${r.id} ${r.name}`);
    expect(warnings).toEqual(KNOWN_WARNINGS);
  });
});
