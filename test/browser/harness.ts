import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface GuardedBrowser {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but the service, each aborted; a test fails when this is not empty. */
  blocked: string[];
  /** Console messages reporting a Content-Security-Policy violation. */
  cspViolations: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile, and every request routed: the service's own origin goes
 * through; anything else is aborted and recorded (data: and blob: URLs never reach the network).
 */
export async function openGuardedBrowser(serviceOrigin: string): Promise<GuardedBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser tests need Debian's package (apt-get install -y --no-install-recommends chromium; .ci/run installs it)`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
  });
  // The link chart lays itself out from random numbers seeded from the drawn ids, and the test
  // world's ids are drawn anew each run, so where a test's click lands would differ per run. The
  // same seed every run (the layout's, and Math.random's for the rest) draws the same chart: a
  // test that clicks nodes passes or fails the same way each time.
  await context.addInitScript(() => {
    (window as unknown as { mshtLayoutSeed: number }).mshtLayoutSeed = 0x2545f491;
    let seed = 0x2545f491;
    Math.random = () => {
      seed = (seed + 0x6d2b79f5) | 0; // mulberry32
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  });
  const blocked: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const origin = /^[a-z]+:\/\/[^/]+/i.exec(url)?.[0];
    if (origin === serviceOrigin) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (ws) => {
    if (!ws.url().startsWith(serviceOrigin.replace(/^http/, 'ws'))) blocked.push(ws.url());
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (load|apply|execute|connect)/i.test(msg.text())) cspViolations.push(msg.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    context,
    page,
    blocked,
    cspViolations,
    pageErrors,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
