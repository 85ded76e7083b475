import './explorer.css';

import type { EdgeSingular, NodeSingular } from 'cytoscape';

import { renderAuthBar } from '../shared/auth-bar';
import { readPageConfig } from '../shared/page-config';
import { TokenStore } from '../shared/token';
import { createApi, describeError, type ChartEdge, type ChartNode } from './api';
import { Chart, SIZE_MEASURES, type ColourMode, type SizeMeasure } from './chart';
import { KIND_COLOURS } from './palette';
import { edgeDetails, el, nodeDetails } from './panel';

const config = readPageConfig();
const tokens = new TokenStore(config);
const api = createApi(config, tokens);

/** What a test (or a curious developer) can read from the console: the chart and the page's state. */
interface ExplorerState {
  chart: Chart;
  busy: number;
  lastError: string | null;
  lastPaths: { hops: number; nodeIds: string[] }[];
  /** Increments after each finished action, so a caller can wait for the next one. */
  actions: number;
}

// ---- the page's skeleton -------------------------------------------------------------------------

const root = document.getElementById('root')!;
const authHost = el('div');
const searchInput = el('input', 'wb-search-input');
searchInput.type = 'search';
searchInput.placeholder = 'Search people, groups, phones, places…';
searchInput.setAttribute('aria-label', 'Search');
const searchButton = el('button', 'wb-primary', 'Search');
searchButton.type = 'submit';
const searchForm = el('form', 'wb-search', searchInput, searchButton);
const depthSelect = el('select');
depthSelect.append(new Option('1 hop', '1', true, true), new Option('2 hops', '2'));
depthSelect.setAttribute('aria-label', 'Depth of the neighbourhood drawn');
const results = el('ul', 'wb-results');
const expandButton = el('button', undefined, 'Expand selected');
const pathButton = el('button', 'wb-primary', 'Find path');
const layoutButton = el('button', undefined, 'Re-layout');
const clearButton = el('button', undefined, 'Clear chart');
const exportButton = el('button', undefined, 'Export…');
for (const b of [expandButton, pathButton, layoutButton, clearButton, exportButton]) b.type = 'button';
pathButton.title = 'Select two nodes (click one, then Shift-click another) to find the shortest chains between them';
const colourSelect = el('select');
colourSelect.append(new Option('type and role', 'type', true, true), new Option('group', 'group'));
colourSelect.setAttribute('aria-label', 'Colour by');
const sizeSelect = el('select');
for (const [k, label] of Object.entries(SIZE_MEASURES)) sizeSelect.append(new Option(label, k, k === 'degree', k === 'degree'));
sizeSelect.setAttribute('aria-label', 'Size by');
const legend = el('div', 'wb-legend');
const status = el('div', 'wb-status');
const message = el('div', 'wb-message');
message.setAttribute('role', 'status');
const cyHost = el('div', 'wb-cy');
cyHost.id = 'cy';
const panel = el('aside', 'wb-right');

root.replaceChildren(
  el(
    'div',
    'wb-page',
    el('header', 'wb-header', el('span', 'wb-brand', 'msht-graph'), el('span', 'wb-title', 'Link chart'), el('nav', 'wb-nav', Object.assign(el('a', undefined, 'GraphQL IDE'), { href: '/graphql' })), authHost),
    el(
      'div',
      'wb-body',
      el(
        'aside',
        'wb-left',
        searchForm,
        el('label', 'wb-field', 'Draw ', depthSelect, ' around a result'),
        results,
        el('div', 'wb-actions', expandButton, pathButton, layoutButton, clearButton, config.capabilities.export ? exportButton : null),
        el('label', 'wb-field', 'Colour by ', colourSelect),
        el('label', 'wb-field', 'Size by ', sizeSelect),
        legend,
      ),
      el('main', 'wb-main', cyHost, message, status),
      panel,
    ),
  ),
);

const chart = new Chart(cyHost);
const state: ExplorerState = { chart, busy: 0, lastError: null, lastPaths: [], actions: 0 };
(window as unknown as { mshtExplorer: ExplorerState }).mshtExplorer = state;

renderAuthBar(authHost, config, tokens, () => say('token set: search again'));

// ---- helpers -------------------------------------------------------------------------------------

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  message.textContent = text;
  message.className = `wb-message wb-message-${kind}`;
}

/** Runs one user action: busy indicator, errors shown (and kept for tests), status refreshed. */
async function act(what: string, fn: () => Promise<void>): Promise<void> {
  state.busy++;
  document.body.classList.add('wb-busy');
  say(`${what}…`);
  try {
    state.lastError = null;
    await fn();
  } catch (e) {
    state.lastError = describeError(e);
    say(`${what} failed: ${state.lastError}`, 'error');
  } finally {
    state.busy--;
    if (state.busy === 0) document.body.classList.remove('wb-busy');
    state.actions++;
    refresh();
  }
}

function labelOf(id: string): string {
  const n = chart.cy.getElementById(id);
  return n.nonempty() ? (n.data('label') as string) : id;
}

function refresh(): void {
  const selected = chart.selectedNodes();
  pathButton.disabled = selected.length !== 2;
  expandButton.disabled = selected.length === 0;
  exportButton.disabled = chart.nodeCount === 0;
  status.textContent = `${chart.nodeCount} nodes · ${chart.edgeCount} links${chart.truncated ? ' · cut short by a budget: expand nodes to see more' : ''} · ${selected.length} selected`;
  renderLegend();
}

function renderLegend(): void {
  const items: HTMLElement[] = [];
  if (chart.colourMode === 'type') {
    const present = new Set(chart.cy.nodes().map((n) => n.data('colour') as string));
    for (const { colour, label } of Object.values(KIND_COLOURS)) {
      if (chart.nodeCount === 0 || present.has(colour)) items.push(swatch(colour, label));
    }
  } else {
    const groups = chart.groupsDrawn();
    for (const g of groups) items.push(swatch(g.colour, g.name));
    items.push(swatch('#c8ccd0', groups.length ? 'in no group drawn' : 'no groups on the chart'));
  }
  legend.replaceChildren(
    el('h3', undefined, chart.colourMode === 'type' ? 'Colour: type and role' : 'Colour: group'),
    ...items,
    el('p', 'wb-muted', `Size: ${SIZE_MEASURES[chart.sizeMeasure]}${chart.sizeMeasure === 'none' ? '' : ', computed in the browser over the drawn chart'}.`),
    el('p', 'wb-muted', 'Dashed border: a victim shown by pseudonym. Double-click a node to expand it; Shift-click to select a second one.'),
  );
}

function swatch(colour: string, label: string): HTMLElement {
  const s = el('span', 'wb-swatch');
  s.dataset.colour = colour;
  s.style.backgroundColor = colour;
  return el('div', 'wb-legend-item', s, label);
}

function showDetails(target: NodeSingular | EdgeSingular | null): void {
  if (!target) {
    panel.replaceChildren(
      el('div', 'wb-details', el('h2', undefined, 'Nothing selected'), el('p', 'wb-muted', 'Search on the left and pick a result to draw its neighbourhood. Click a node or a link to see its properties, provenance and grading here.')),
    );
    return;
  }
  const item = Chart.itemOf(target);
  const details = target.isNode() ? nodeDetails(item as ChartNode, target.degree(false)) : edgeDetails(item as ChartEdge, labelOf);
  if (target.isNode()) {
    const expand = el('button', 'wb-primary', 'Expand this node');
    expand.type = 'button';
    expand.addEventListener('click', () => void expandNodes([target.id()]));
    details.insertBefore(expand, details.children[2] ?? null);
  }
  panel.replaceChildren(details);
}

// ---- actions -------------------------------------------------------------------------------------

async function colourGroups(): Promise<void> {
  const ids = chart.peopleWithoutGroups();
  if (ids.length === 0) return;
  const { nodes } = await api.sdk.ChartGroups({ ids });
  for (const n of nodes) {
    if (!n || !('groups' in n)) continue;
    for (const e of n.groups.edges) chart.addMembership(n.id, e.node.id, e.node.name);
  }
  chart.restyle();
}

async function draw(ids: string[], depth: number): Promise<string[]> {
  const wasEmpty = chart.nodeCount === 0;
  const { neighbourhood } = await api.sdk.ChartNeighbourhood({ ids, depth, limit: 300 });
  const added = chart.merge(neighbourhood);
  await colourGroups();
  chart.restyle();
  await chart.layout(wasEmpty);
  return added;
}

function search(text: string): Promise<void> {
  return act('Searching', async () => {
    const { search: hits } = await api.sdk.Search({ text, first: 20 });
    results.replaceChildren(
      ...hits.map((h) => {
        const n = h.node as { __typename: string; id: string; displayName?: string; name?: string; value?: string; kind?: string; roles?: string[]; type?: string };
        const label = n.displayName ?? n.name ?? n.value ?? n.id;
        const detail = [n.__typename, n.roles?.join(', ').toLowerCase(), n.kind, n.type?.toLowerCase().replace(/_/g, ' ')].filter(Boolean).join(' · ');
        const b = el('button', 'wb-result', el('span', 'wb-result-label', label), el('span', 'wb-result-type', detail));
        b.type = 'button';
        b.dataset.id = n.id;
        b.addEventListener('click', () => void drawFromResult(n.id));
        return el('li', undefined, b);
      }),
    );
    say(hits.length ? `${hits.length} result${hits.length === 1 ? '' : 's'}: pick one to draw its neighbourhood` : `nothing found for “${text}”`);
  });
}

function drawFromResult(id: string): Promise<void> {
  return act('Drawing', async () => {
    const added = await draw([id], Number(depthSelect.value));
    chart.cy.nodes(':selected').unselect();
    const node = chart.cy.getElementById(id);
    node.select();
    chart.cy.animate({ center: { eles: node } }, { duration: 200 });
    say(`drew ${added.length} new node${added.length === 1 ? '' : 's'}`);
  });
}

function expandNodes(ids: string[]): Promise<void> {
  return act('Expanding', async () => {
    const added = await draw(ids, 1);
    say(added.length ? `expanded: ${added.length} new node${added.length === 1 ? '' : 's'}` : 'nothing new around it (or nothing you may see)');
  });
}

function findPath(): Promise<void> {
  const [a, b] = chart.selectedNodes();
  if (!a || !b) return Promise.resolve();
  return act('Finding paths', async () => {
    const { paths } = await api.sdk.ChartPaths({ from: a.id(), to: b.id(), k: 3, maxHops: 6 });
    state.lastPaths = paths.map((p) => ({ hops: p.hops, nodeIds: p.nodeIds }));
    if (paths.length === 0) {
      chart.clearHighlight();
      say(`no chain of links within 6 hops between ${labelOf(a.id())} and ${labelOf(b.id())} that you may see`);
      return;
    }
    let added = 0;
    for (const p of paths) added += chart.merge(p.subgraph).length;
    if (added) {
      await colourGroups();
      await chart.layout(false);
    }
    const show = (i: number) => chart.highlightPath(paths[i]!.nodeIds, paths[i]!.subgraph.edges);
    show(0);
    const list = el('ol', 'wb-paths');
    paths.forEach((p, i) => {
      const b = el('button', 'wb-path', `${p.hops} hop${p.hops === 1 ? '' : 's'}: ${p.nodeIds.map(labelOf).join(' → ')}`);
      b.type = 'button';
      b.addEventListener('click', () => show(i));
      list.append(el('li', undefined, b));
    });
    const clear = el('button', undefined, 'Clear highlight');
    clear.type = 'button';
    clear.addEventListener('click', () => chart.clearHighlight());
    panel.replaceChildren(el('div', 'wb-details', el('h2', undefined, `Paths: ${labelOf(a.id())} → ${labelOf(b.id())}`), el('p', 'wb-muted', 'Shortest first; pick one to highlight it.'), list, clear));
    say(`${paths.length} path${paths.length === 1 ? '' : 's'}; the shortest has ${paths[0]!.hops} hop${paths[0]!.hops === 1 ? '' : 's'}`);
  });
}

function exportChart(): void {
  const cap = config.capabilities.export;
  if (!cap || chart.nodeCount === 0) return;
  const purpose = el('input');
  purpose.required = true;
  purpose.placeholder = 'e.g. joint investigation with partner country';
  const format = el('select');
  for (const f of cap.formats) format.append(new Option(f, f));
  const go = el('button', 'wb-primary', 'Export');
  const cancel = el('button', undefined, 'Cancel');
  go.type = 'submit';
  cancel.type = 'button';
  const dialog = el(
    'dialog',
    'wb-dialog',
    el(
      'form',
      undefined,
      el('h2', undefined, `Export ${chart.nodeCount} nodes to Europol`),
      el('p', 'wb-muted', 'The service leaves out what may not be shared and pseudonymises victims; the package records its purpose.'),
      el('label', 'wb-field', 'Purpose ', purpose),
      el('label', 'wb-field', 'Format ', format),
      el('div', 'wb-actions', go, cancel),
    ),
  );
  document.body.append(dialog);
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  dialog.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    const ids = chart.cy.nodes().map((n) => n.id());
    dialog.close();
    void act('Exporting', async () => {
      const { downloadUrl } = await api.exportSubgraph(ids, purpose.value.trim(), format.value);
      await api.download(downloadUrl, `msht-export.${format.value.toLowerCase()}`);
      say('export downloaded');
    });
  });
  dialog.showModal();
}

// ---- wiring --------------------------------------------------------------------------------------

searchForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const text = searchInput.value.trim();
  if (text) void search(text);
});
expandButton.addEventListener('click', () => void expandNodes(chart.selectedNodes().map((n) => n.id())));
pathButton.addEventListener('click', () => void findPath());
layoutButton.addEventListener('click', () => void act('Laying out', () => chart.layout(true)));
clearButton.addEventListener('click', () => {
  chart.clear();
  showDetails(null);
  say('chart cleared');
  refresh();
});
exportButton.addEventListener('click', exportChart);
colourSelect.addEventListener('change', () => {
  chart.colourMode = colourSelect.value as ColourMode;
  void act('Colouring', async () => {
    if (chart.colourMode === 'group') await colourGroups();
    chart.restyle();
    say(`coloured by ${chart.colourMode === 'group' ? 'group' : 'type and role'}`);
  });
});
sizeSelect.addEventListener('change', () => {
  chart.sizeMeasure = sizeSelect.value as SizeMeasure;
  chart.restyle();
  refresh();
});
chart.cy.on('select unselect', () => refresh());
chart.cy.on('tap', 'node, edge', (e) => showDetails(e.target as NodeSingular | EdgeSingular));
chart.cy.on('tap', (e) => {
  if (e.target === chart.cy) showDetails(null);
});
chart.cy.on('dbltap', 'node', (e) => void expandNodes([(e.target as NodeSingular).id()]));

showDetails(null);
refresh();
say(tokens.token ? 'Search to start a chart.' : 'Paste a token (top right), then search to start a chart.');
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  searchInput.value = initial;
  void search(initial);
}
