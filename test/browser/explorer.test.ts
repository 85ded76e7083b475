/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import type { Page } from 'playwright-core';

import type { TwoGroups } from '../fixtures/two-groups';
import type { TestService } from '../support/test-service';
import { openGuardedBrowser, screenshot, type GuardedBrowser } from './harness';
import { ANALYST, startSeededService } from './seeded-service';

interface ChartView {
  nodes: string[];
  edges: string[];
  pathNodes: string[];
  pathEdges: number;
  lastPaths: { hops: number; nodeIds: string[] }[];
  lastError: string | null;
}

/** What the chart draws, read from the page's cytoscape instance. */
function chartView(page: Page): Promise<ChartView> {
  return page.evaluate(() => {
    const s = (window as unknown as { mshtExplorer: { chart: { cy: import('cytoscape').Core }; lastPaths: ChartView['lastPaths']; lastError: string | null } }).mshtExplorer;
    const cy = s.chart.cy;
    return {
      nodes: cy.nodes().map((n) => n.id()),
      edges: cy.edges().map((e) => e.id()),
      pathNodes: cy.nodes('.path').map((n) => n.id()),
      pathEdges: cy.edges('.path').length,
      lastPaths: s.lastPaths,
      lastError: s.lastError,
    };
  });
}

/** How many actions the page has started so far. */
function actionsStarted(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { mshtExplorer: { actions: number } }).mshtExplorer.actions);
}

/** Runs a UI step and waits until the page has finished the action it started. */
async function step(page: Page, run: () => Promise<unknown>): Promise<void> {
  const before = await actionsStarted(page);
  await run();
  await finished(page, before);
}

/** Waits until the page has finished an action started after `before` actions. */
async function finished(page: Page, before: number): Promise<void> {
  try {
    await page.waitForFunction((n) => {
      const s = (window as unknown as { mshtExplorer: { actions: number; busy: number } }).mshtExplorer;
      return s.actions > n && s.busy === 0;
    }, before);
  } catch (e) {
    // Say what the page was doing, so a failure on a loaded machine can be told from a bug.
    const state = await page.evaluate(() => {
      const s = (window as unknown as { mshtExplorer: { actions: number; busy: number; lastError: string | null } }).mshtExplorer;
      return { actions: s.actions, busy: s.busy, lastError: s.lastError, message: document.querySelector('.wb-message')?.textContent ?? null };
    });
    throw new Error(`the page did not finish an action (actions before: ${before}; now: ${JSON.stringify(state)}): ${(e as Error).message}`);
  }
}

/**
 * Double-clicks a drawn node with the real mouse. Cytoscape counts two clicks as a double click
 * only when they land within its debounce window (250 ms); a loaded machine can space Playwright's
 * two clicks further apart than that, so the test widens the window for the double click, and
 * puts it back after: cytoscape does not check that both clicks hit the same node, so a wide
 * window left open would turn the next test's click on one node and shift-click on another into a
 * double click.
 */
async function doubleClickNode(page: Page, id: string): Promise<void> {
  const debounce = (ms?: number) =>
    page.evaluate((value) => {
      // A cytoscape method its type definitions leave out: with a value it sets, without it reads.
      const cy = (window as unknown as { mshtExplorer: { chart: { cy: { multiClickDebounceTime(ms?: number): number } } } }).mshtExplorer.chart.cy;
      return value === undefined ? cy.multiClickDebounceTime() : (cy.multiClickDebounceTime(value), value);
    }, ms);
  const usual = await debounce();
  await debounce(5000);
  try {
    // On a loaded machine the browser can still drop a double click: CI saw one start nothing,
    // with the chart idle. A double click that has started no action after 10 s is sent again,
    // twice at most; the action it starts must still finish.
    for (let attempt = 1; ; attempt++) {
      const before = await actionsStarted(page);
      const p = await nodePoint(page, id);
      await page.mouse.dblclick(p.x, p.y);
      const started = await page
        .waitForFunction((n) => {
          const s = (window as unknown as { mshtExplorer: { actions: number; busy: number } }).mshtExplorer;
          return s.actions > n || s.busy > 0;
        }, before, { timeout: 10_000 })
        .then(() => true, () => false);
      if (started || attempt === 3) {
        await finished(page, before);
        break;
      }
    }
  } finally {
    await debounce(usual);
  }
}

/** Where a drawn node is on the screen. */
/**
 * Shift-clicks `second` with `first` selected, until both are selected and "Find path" is enabled.
 * On a loaded machine the browser can drop a click, as it can a double click (doubleClickNode):
 * CI saw the button stay disabled once, and the same steps pass when run again. So the click is
 * sent again, twice at most, and a last failure says what was selected and what lay under it.
 */
async function selectSecond(page: Page, first: string, second: string): Promise<void> {
  const enabled = () => page.waitForFunction(() => !(document.querySelector('.wb-actions .wb-primary') as HTMLButtonElement).disabled, undefined, { timeout: 10_000 });
  for (let attempt = 1; ; attempt++) {
    const b = await nodePoint(page, second);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    try {
      await enabled();
      return;
    } catch (e) {
      const seen = await page.evaluate(
        ([x, y]) => {
          const cy = (window as unknown as { mshtExplorer: { chart: { cy: import('cytoscape').Core } } }).mshtExplorer.chart.cy;
          const box = cy.container()!.getBoundingClientRect();
          const under = cy.elements().filter((el) => {
            const bb = el.renderedBoundingBox({});
            return x - box.left >= bb.x1 && x - box.left <= bb.x2 && y - box.top >= bb.y1 && y - box.top <= bb.y2;
          });
          return { selected: cy.$(':selected').map((el) => el.id()), under: under.map((el) => el.id()), at: [x - box.left, y - box.top], chart: [box.width, box.height] };
        },
        [b.x, b.y] as const,
      );
      if (attempt === 3) throw new Error(`could not select ${second} after ${first}: ${JSON.stringify(seen)} (${String(e)})`);
      // Start again from the first node alone.
      const a = await nodePoint(page, first);
      await page.mouse.click(a.x, a.y);
    }
  }
}

async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const cy = (window as unknown as { mshtExplorer: { chart: { cy: import('cytoscape').Core } } }).mshtExplorer.chart.cy;
    const node = cy.getElementById(nodeId);
    const box = cy.container()!.getBoundingClientRect();
    // A node merged in by an expansion can lie outside the drawn area, where a click lands on the
    // page around the chart: bring it into view first, as an analyst would by panning.
    const inside = (p: { x: number; y: number }) => p.x >= 20 && p.y >= 20 && p.x <= box.width - 20 && p.y <= box.height - 20;
    if (!inside(node.renderedPosition())) cy.center(node);
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

describe('the link chart in a browser', () => {
  let svc: TestService;
  let origin: string;
  let w: TwoGroups;
  let browser: GuardedBrowser;

  beforeAll(async () => {
    ({ svc, origin, world: w } = await startSeededService());
    browser = await openGuardedBrowser(origin);
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.close();
  });
  afterEach(() => {
    expect(browser.blocked).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('searches and draws the neighbourhood of a result as the API returns it', async () => {
    const { page } = browser;
    const res = await page.goto(`${origin}/explorer`);
    expect(res?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await page.waitForSelector('#cy canvas');
    await step(page, async () => {
      await page.fill('.wb-search-input', 'Nguyen');
      await page.click('.wb-search button[type=submit]');
    });
    await page.waitForSelector(`.wb-result[data-id="${w.nguyen}"]`);
    await step(page, () => page.click(`.wb-result[data-id="${w.nguyen}"]`));

    const expected = (await (await svc.sdk(ANALYST)).ChartNeighbourhood({ ids: [w.nguyen], depth: 1 })).neighbourhood;
    const view = await chartView(page);
    expect(view.lastError).toBeNull();
    expect(view.nodes.sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(view.edges.sort()).toEqual(expected.edges.map((e) => e.id).sort());
    expect(view.nodes).toEqual(expect.arrayContaining([w.nguyen, w.dragon, w.passport]));
    // The H2 association with Marian is not the analyst's to see.
    expect(view.nodes).not.toContain(w.marian);
  });

  it('expands a node on double-click, merging its neighbourhood', async () => {
    const { page } = browser;
    const before = (await chartView(page)).nodes.length;
    await doubleClickNode(page, w.dragon);
    const view = await chartView(page);
    expect(view.nodes.length).toBeGreaterThan(before);
    expect(view.nodes).toEqual(expect.arrayContaining([w.tran, w.le, w.nails]));
  });

  it('finds the shortest chain between two selected nodes and highlights it', async () => {
    const { page } = browser;
    const a = await nodePoint(page, w.nguyen);
    await page.mouse.click(a.x, a.y);
    await page.waitForSelector('.wb-details h2:has-text("Nguyen Van A")');
    // The side panel shows the selected person's provenance, grading spelled out.
    expect(await page.textContent('.wb-right')).toMatch(/Grading\s*2BP/);
    await selectSecond(page, w.nguyen, w.le);
    await step(page, () => page.click('button:has-text("Find path")'));
    const view = await chartView(page);
    expect(view.lastError).toBeNull();
    const shortest = view.lastPaths[0]!;
    expect(shortest.nodeIds[0]).toBe(w.nguyen);
    expect(shortest.nodeIds[shortest.nodeIds.length - 1]).toBe(w.le);
    expect(shortest.hops).toBe(2);
    expect(view.pathNodes.sort()).toEqual([...shortest.nodeIds].sort());
    expect(view.pathEdges).toBe(shortest.hops);
    expect(await page.textContent('.wb-paths')).toContain('Nguyen Van A → Dragon Nails Network → Le Van C');
    await screenshot(page, 'explorer-path.png');
  });

  it('shows a victim by pseudonym, colours by group and sizes by centrality', async () => {
    const { page } = browser;
    await page.click('button:has-text("Clear highlight")');
    // Le holds the phone the victim holds: expand Le, then that phone.
    await doubleClickNode(page, w.le);
    await doubleClickNode(page, w.phoneVictim);
    const victim = await page.evaluate((id) => {
      const n = (window as unknown as { mshtExplorer: { chart: { cy: import('cytoscape').Core } } }).mshtExplorer.chart.cy.getElementById(id);
      return { label: n.data('label') as string, redacted: n.data('redacted') as boolean };
    }, w.hoa);
    expect(victim.redacted).toBe(true);
    expect(victim.label).toMatch(/^V-/);
    expect(victim.label).not.toContain('Pham');

    await step(page, () => page.selectOption('select[aria-label="Colour by"]', 'group'));
    const colours = await page.evaluate(
      (ids) => {
        const cy = (window as unknown as { mshtExplorer: { chart: { cy: import('cytoscape').Core } } }).mshtExplorer.chart.cy;
        return ids.map((id) => cy.getElementById(id).data('colour') as string);
      },
      [w.dragon, w.nguyen, w.tran, w.phoneNguyen],
    );
    expect(colours[1]).toBe(colours[0]);
    expect(colours[2]).toBe(colours[0]);
    expect(colours[3]).not.toBe(colours[0]);
    expect(await page.textContent('.wb-legend')).toContain('Dragon Nails Network');

    const sizes = await page.evaluate(() =>
      (window as unknown as { mshtExplorer: { chart: { cy: import('cytoscape').Core } } }).mshtExplorer.chart.cy.nodes().map((n) => n.data('size') as number),
    );
    expect(new Set(sizes).size).toBeGreaterThan(1);
    expect(await page.textContent('.wb-legend')).toContain('degree centrality, computed in the browser');
    await screenshot(page, 'explorer-groups.png');
  });

  it('lays the same chart out the same way every time', async () => {
    const { page } = browser;
    // Each node's place from the chart's centre: fCoSE keeps the chart where it was on the page.
    const places = () =>
      page.evaluate(() => {
        const nodes = (window as unknown as { mshtExplorer: { chart: { cy: import('cytoscape').Core } } }).mshtExplorer.chart.cy.nodes();
        const bb = nodes.boundingBox({});
        const at = (v: number) => Math.round(v * 100) / 100;
        return nodes.map((n) => [n.id(), at(n.position('x') - (bb.x1 + bb.x2) / 2), at(n.position('y') - (bb.y1 + bb.y2) / 2)] as const).sort((a, b) => a[0].localeCompare(b[0]));
      });
    await step(page, () => page.click('button:has-text("Re-layout")'));
    const first = await places();
    expect(first.length).toBeGreaterThan(5);
    // Moved in between, so the next layout cannot simply leave things where they were.
    await page.evaluate(() => (window as unknown as { mshtExplorer: { chart: { cy: import('cytoscape').Core } } }).mshtExplorer.chart.cy.nodes().shift('x', 137));
    await step(page, () => page.click('button:has-text("Re-layout")'));
    // The same places to within a pixel: the move above changes the layout's sums in their last
    // bits, and force-directed steps can carry that into hundredths of a pixel (seen in CI).
    const again = await places();
    expect(again.map(([id]) => id)).toEqual(first.map(([id]) => id));
    const drift = Math.max(...again.map(([, x, y], i) => Math.max(Math.abs(x - first[i]![1]), Math.abs(y - first[i]![2]))));
    expect(drift).toBeLessThan(1);
  });
});
