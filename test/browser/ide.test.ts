/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import type { Page } from 'playwright-core';

import type { TestService } from '../support/test-service';
import { openGuardedBrowser, screenshot, type GuardedBrowser } from './harness';
import { startSeededService } from './seeded-service';

/** The text of the response pane (GraphiQL 3 keeps it in a CodeMirror 5 editor). */
function responseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const cm = document.querySelector('.graphiql-response .CodeMirror') as (Element & { CodeMirror?: { getValue(): string } }) | null;
    return cm?.CodeMirror?.getValue() ?? '';
  });
}

describe('the GraphQL IDE in a browser', () => {
  let svc: TestService;
  let origin: string;
  let browser: GuardedBrowser;

  beforeAll(async () => {
    ({ svc, origin } = await startSeededService());
    browser = await openGuardedBrowser(origin);
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.close();
  });
  afterEach(() => {
    // Whatever a test did, the page asked no host but the service for anything.
    expect(browser.blocked).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('loads from the service alone and lists the analyst questions', async () => {
    const { page } = browser;
    const res = await page.goto(`${origin}/graphql`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.waitForSelector('.graphiql-container');
    await page.waitForSelector('.wb-questions');
    const questions = await page.$$eval('.wb-question', (els) => els.map((e) => e.getAttribute('data-question')));
    expect(questions).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(await page.textContent('[data-question="1"]')).toContain('PhoneNetwork');
    expect(await page.textContent('.wb-auth-status')).toContain('development token: ANALYST');
  });

  it('runs the example for question 1 with a phone from the graph and shows the result', async () => {
    const { page } = browser;
    await page.click('button[data-operation="PhoneNetwork"]');
    await page.waitForFunction(() => document.querySelector('.graphiql-tab-active')?.textContent?.includes('PhoneNetwork'));
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => {
      const cm = document.querySelector('.graphiql-response .CodeMirror') as (Element & { CodeMirror?: { getValue(): string } }) | null;
      return (cm?.CodeMirror?.getValue() ?? '').includes('"holders"');
    });
    const body = JSON.parse(await responseText(page)) as { data: { identifier: { value: string; holders: { nodes: unknown[] }; neighbourhood: { nodes: unknown[] } } } };
    // One of the seeded phones (stored normalised), with two holders: the busiest.
    expect(['+447700900001', '+447700900002', '+447700900003', '+441214960000']).toContain(body.data.identifier.value);
    expect(body.data.identifier.holders.nodes.length).toBeGreaterThanOrEqual(2);
    expect(body.data.identifier.neighbourhood.nodes.length).toBeGreaterThan(3);
    await screenshot(page, 'ide-question-1.png');
  });

  it('keeps nothing in localStorage: the queries run, their variables and headers stay with the tab', async () => {
    const { page } = browser;
    const stored = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
    expect(stored.local).toEqual([]);
    // The query just run is in the tab's history, which goes when the tab closes.
    expect(stored.session).toContain('graphiql:queries');
    expect(await page.evaluate(() => sessionStorage.getItem('graphiql:queries'))).toContain('PhoneNetwork');
  });

  it('opens the documentation explorer on the schema', async () => {
    const { page } = browser;
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer');
    await page.waitForFunction(() => document.querySelector('.graphiql-doc-explorer')?.textContent?.includes('Query'));
    await page.click('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name:has-text("Query")');
    await page.waitForFunction(() => document.querySelector('.graphiql-doc-explorer')?.textContent?.includes('neighbourhood'));
    await screenshot(page, 'ide-docs.png');
  });

  it('is what a browser gets at /playground too, and API clients still get GraphQL over GET', async () => {
    const { page } = browser;
    const res = await page.goto(`${origin}/playground`);
    expect(res?.status()).toBe(200);
    await page.waitForSelector('.graphiql-container');
    const api = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
