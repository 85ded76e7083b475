import fs from 'node:fs';
import http from 'node:http';

import { buildWeb } from '../../../scripts/build-web';
import { defaultAssetsDir } from '../../../src/http/workbench/workbench';
import type { WorkbenchPageConfig } from '../../../src/http/workbench/page-config';
import { startTestService, type TestService } from '../../support/test-service';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function pageConfig(html: string): WorkbenchPageConfig {
  const m = /<script type="application\/json" id="msht-workbench-config">(.*?)<\/script>/s.exec(html);
  if (!m) throw new Error('no workbench configuration in the page');
  return JSON.parse(m[1]!) as WorkbenchPageConfig;
}

async function page(url: string): Promise<{ status: number; headers: Headers; html: string }> {
  const res = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

describe('the workbench pages', () => {
  beforeAll(async () => {
    // The pages need their bundles (npm run build makes them; a bare checkout may not have them).
    if (!fs.existsSync(`${defaultAssetsDir()}/manifest.json`)) await buildWeb();
  });

  describe('in test mode (like development)', () => {
    let svc: TestService;
    let base: string;
    beforeAll(async () => {
      svc = await startTestService();
      base = new URL(svc.url).origin;
    });
    afterAll(() => svc.close());

    it('serves the IDE to a browser at /graphql, with a working development token and the example library', async () => {
      const { status, headers, html } = await page(`${base}/graphql`);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toContain('text/html');
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(headers.get('cache-control')).toBe('no-store');
      const config = pageConfig(html);
      expect(config).toMatchObject({ page: 'ide', endpoint: '/graphql', introspection: true, auth: { kind: 'dev-token', role: 'ANALYST' } });
      expect(config.examples!.questions).toHaveLength(10);
      const token = config.auth.kind === 'dev-token' ? config.auth.token : '';
      const res = await fetch(svc.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { roles clearance } }' }),
      });
      expect(await res.json()).toEqual({ data: { viewer: { roles: ['ANALYST'], clearance: 'H1' } } });
    });

    it('gives no token to a page asked for under another host name (DNS rebinding) or through a proxy', async () => {
      const port = Number(new URL(svc.url).port);
      const get = (headers: Record<string, string>) =>
        new Promise<string>((resolve, reject) => {
          http.get({ host: '127.0.0.1', port, path: '/playground?role=ADMIN', headers: { accept: BROWSER_ACCEPT, ...headers } }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve(body));
          }).on('error', reject);
        });
      expect(pageConfig(await get({ host: `localhost:${port}` })).auth).toMatchObject({ kind: 'dev-token', role: 'ADMIN' });
      const refused: Record<string, string>[] = [{ host: `rebound.example:${port}` }, { host: `localhost:${port}`, 'x-forwarded-for': '203.0.113.9' }];
      for (const headers of refused) {
        const html = await get(headers);
        expect(pageConfig(html).auth).toEqual({ kind: 'prompt', reason: expect.stringContaining('on this machine') });
        expect(html).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
      }
    });

    it('mints a token for the role a page asks for', async () => {
      const config = pageConfig((await page(`${base}/explorer?role=victim_data_officer`)).html);
      expect(config).toMatchObject({ page: 'explorer', auth: { kind: 'dev-token', role: 'VICTIM_DATA_OFFICER' } });
      expect(config.examples).toBeUndefined();
    });

    it('serves the IDE at /playground and the bundles under /assets', async () => {
      expect(pageConfig((await page(`${base}/playground`)).html).page).toBe('ide');
      const js = await fetch(`${base}/assets/explorer.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toContain('javascript');
      expect(js.headers.get('content-security-policy')).toContain("default-src 'none'");
      const missing = await fetch(`${base}/assets/nothing.js`);
      expect(missing.status).toBe(404);
    });

    it('leaves GraphQL over GET to API clients that prefer JSON, and to curl', async () => {
      const config = pageConfig((await page(`${base}/graphql`)).html);
      const token = config.auth.kind === 'dev-token' ? config.auth.token : '';
      const query = `${svc.url}?query=${encodeURIComponent('{ __typename }')}`;
      for (const accept of ['application/json', '*/*', 'application/graphql-response+json, application/json;q=0.9']) {
        const res = await fetch(query, { headers: { accept, authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
        expect([accept, res.status, await res.json()]).toEqual([accept, 200, { data: { __typename: 'Query' } }]);
      }
    });
  });

  it('asks for a token when development tokens are off', async () => {
    const svc = await startTestService({ MSHT_WORKBENCH_DEV_TOKEN: 'off' });
    try {
      const config = pageConfig((await page(`${new URL(svc.url).origin}/explorer`)).html);
      expect(config.auth).toEqual({ kind: 'prompt', reason: expect.stringContaining('MSHT_WORKBENCH_DEV_TOKEN') });
    } finally {
      await svc.close();
    }
  });

  it('never puts a token in a production page', async () => {
    const svc = await startTestService({ MSHT_MODE: 'production' });
    try {
      const { html } = await page(`${new URL(svc.url).origin}/graphql?role=ADMIN`);
      const config = pageConfig(html);
      expect(config).toMatchObject({ mode: 'production', introspection: false, auth: { kind: 'prompt' } });
      expect(html).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
    } finally {
      await svc.close();
    }
  });

  it('serves no pages when MSHT_WORKBENCH is off; /graphql stays the API', async () => {
    const svc = await startTestService({ MSHT_WORKBENCH: 'off' });
    try {
      const base = new URL(svc.url).origin;
      expect((await page(`${base}/explorer`)).status).toBe(404);
      expect((await page(`${base}/playground`)).status).toBe(404);
      const graphql = await page(`${base}/graphql`);
      expect(graphql.html).not.toContain('msht-workbench-config');
    } finally {
      await svc.close();
    }
  });
});
