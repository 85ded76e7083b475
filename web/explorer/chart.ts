import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import layoutBase from 'layout-base';

import type { ChartEdge, ChartNode, ChartSubgraph } from './api';
import { GROUP_COLOURS, KIND_COLOURS, kindOf, NO_GROUP_COLOUR, shapeOf } from './palette';
import { mulberry32, seedOf, withRandom } from './seeded-random';

cytoscape.use(fcose);

/**
 * Cytoscape adds a <style> element for `.__________cytoscape_container { position: relative }`
 * unless an element with its id exists; the page's CSP (style-src 'self') refuses inline styles,
 * so explorer.css carries that rule and this marker tells cytoscape it is there.
 */
function markCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.append(marker);
}

export type ColourMode = 'type' | 'group';
export type SizeMeasure = 'degree' | 'betweenness' | 'closeness' | 'none';

export const SIZE_MEASURES: Record<SizeMeasure, string> = {
  degree: 'degree centrality',
  betweenness: 'betweenness centrality',
  closeness: 'closeness centrality',
  none: 'no measure (all the same size)',
};

const MIN_SIZE = 30;
const MAX_SIZE = 72;

export interface GroupInfo {
  id: string;
  name: string;
  colour: string;
}

/**
 * The drawing: cytoscape.js with the fCoSE layout. Elements keep the API's node or edge as
 * `item`; colour and size are data the style reads, so switching mode only rewrites data.
 * Centrality is computed here, over what is drawn (the chart says so in its legend).
 */
export class Chart {
  readonly cy: Core;
  colourMode: ColourMode = 'type';
  sizeMeasure: SizeMeasure = 'degree';
  /** Person id -> ids of their groups (from MEMBER_OF edges drawn and from `Person.groups`). */
  private readonly memberships = new Map<string, Set<string>>();
  private readonly groups = new Map<string, GroupInfo>();
  truncated = false;

  constructor(container: HTMLElement) {
    markCytoscapeStylesheet();
    this.cy = cytoscape({
      container,
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            shape: 'data(shape)' as never,
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            'font-size': 13,
            'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
            color: '#1b1f24',
            'text-valign': 'bottom',
            'text-margin-y': 5,
            'text-wrap': 'ellipsis',
            'text-max-width': '140px',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
            'text-background-shape': 'roundrectangle',
            'border-width': 2,
            'border-color': '#ffffff',
            'min-zoomed-font-size': 7,
          },
        },
        { selector: 'node[?redacted]', style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#4a235a' } },
        { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#f2a900', 'border-style': 'solid' } },
        {
          selector: 'edge',
          style: {
            width: 1.8,
            'line-color': '#9aa5b1',
            'target-arrow-color': '#9aa5b1',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.9,
            'curve-style': 'bezier',
            label: 'data(type)',
            'font-size': 10,
            color: '#52606d',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
            'min-zoomed-font-size': 9,
          },
        },
        { selector: 'edge:selected', style: { width: 4, 'line-color': '#f2a900', 'target-arrow-color': '#f2a900' } },
        { selector: '.faded', style: { opacity: 0.25 } },
        { selector: 'node.path', style: { 'border-width': 6, 'border-color': '#ff6a00', 'border-style': 'solid', opacity: 1 } },
        { selector: 'edge.path', style: { width: 6, 'line-color': '#ff6a00', 'target-arrow-color': '#ff6a00', 'z-index': 10, opacity: 1, color: '#b34700' } },
      ],
    });
    // The chart's box changes with the page around it (a status line that wraps, a panel filled
    // in): Cytoscape keeps the size it last measured until told, and maps clicks by it, so a click
    // on a node could land beside it.
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.cy.resize()).observe(container);
  }

  get nodeCount(): number {
    return this.cy.nodes().length;
  }

  get edgeCount(): number {
    return this.cy.edges().length;
  }

  /** Adds what is not drawn yet; new nodes start beside a drawn neighbour. Returns the ids added. */
  merge(sub: ChartSubgraph): string[] {
    this.truncated = this.truncated || sub.truncated;
    const added: string[] = [];
    const defs: ElementDefinition[] = [];
    for (const n of sub.nodes) {
      if (this.cy.getElementById(n.id).nonempty()) continue;
      added.push(n.id);
      defs.push({ group: 'nodes', data: { id: n.id, label: n.label, type: n.type, shape: shapeOf(n.type), colour: '#999', size: MIN_SIZE, redacted: n.redacted, item: n } });
    }
    for (const e of sub.edges) {
      if (this.cy.getElementById(e.id).nonempty()) continue;
      if (e.type === 'MEMBER_OF') this.addMembership(e.source, e.target);
      defs.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, item: e } });
    }
    for (const n of sub.nodes) if (n.type === 'OrganisedCrimeGroup') this.addGroup(n.id, n.label);
    // An edge is drawn once both its ends are (the API returns edges between returned nodes).
    const drawable = defs.filter((d) => d.group === 'nodes' || [d.data.source, d.data.target].every((id) => added.includes(id!) || this.cy.getElementById(id!).nonempty()));
    const addedEls = this.cy.add(drawable);
    // Place each new node next to a drawn neighbour, so the layout moves the chart little; the
    // offset comes from the node's id, not Math.random. (Which neighbour depends on what was
    // drawn before; a full re-layout lands the same data the same way whatever the history.)
    addedEls.nodes().forEach((node) => {
      const anchor = node.neighborhood('node').filter((m) => !added.includes(m.id()));
      if (anchor.nonempty()) {
        const p = (anchor.first() as NodeSingular).position();
        const offset = mulberry32(seedOf([node.id()]));
        node.position({ x: p.x + (offset() - 0.5) * 80, y: p.y + (offset() - 0.5) * 80 });
      }
    });
    this.restyle();
    return added;
  }

  addMembership(personId: string, groupId: string, groupName?: string): void {
    let set = this.memberships.get(personId);
    if (!set) this.memberships.set(personId, (set = new Set()));
    set.add(groupId);
    if (groupName) this.addGroup(groupId, groupName);
  }

  private addGroup(id: string, name: string): void {
    if (!this.groups.has(id)) this.groups.set(id, { id, name, colour: GROUP_COLOURS[this.groups.size % GROUP_COLOURS.length]! });
  }

  /** Groups of the people drawn, in colour order (for the legend). */
  groupsDrawn(): GroupInfo[] {
    const used = new Set<string>();
    this.cy.nodes().forEach((n) => {
      if (n.data('type') === 'OrganisedCrimeGroup') used.add(n.id());
      for (const g of this.memberships.get(n.id()) ?? []) used.add(g);
    });
    return [...this.groups.values()].filter((g) => used.has(g.id));
  }

  /** People drawn whose groups are not known yet (for `Person.groups`). */
  peopleWithoutGroups(): string[] {
    return this.cy
      .nodes('[type = "Person"]')
      .map((n) => n.id())
      .filter((id) => !this.memberships.has(id));
  }

  /** Colours and sizes from the current modes. */
  restyle(): void {
    const measure = this.measure();
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.data('colour', this.colourOf(n));
        n.data('size', MIN_SIZE + (MAX_SIZE - MIN_SIZE) * measure(n));
      });
    });
  }

  private colourOf(n: NodeSingular): string {
    const item = n.data('item') as ChartNode;
    if (this.colourMode === 'group') {
      const groupId = item.type === 'OrganisedCrimeGroup' ? item.id : [...(this.memberships.get(item.id) ?? [])][0];
      return (groupId && this.groups.get(groupId)?.colour) || NO_GROUP_COLOUR;
    }
    return KIND_COLOURS[kindOf(item)]!.colour;
  }

  /** The chosen centrality, scaled to 0..1 over the drawn chart. */
  private measure(): (n: NodeSingular) => number {
    const eles = this.cy.elements();
    if (this.sizeMeasure === 'none' || this.cy.nodes().length < 2) return () => 0.3;
    let raw: (n: NodeSingular) => number;
    if (this.sizeMeasure === 'degree') {
      const dc = eles.degreeCentralityNormalized({ directed: false, weight: () => 1 }) as cytoscape.SearchDegreeCentralityNormalizedResultUndirected;
      raw = (n) => dc.degree(n);
    } else if (this.sizeMeasure === 'betweenness') {
      const bc = eles.betweennessCentrality({ directed: false });
      raw = (n) => bc.betweennessNormalized(n);
    } else {
      const cc = eles.closenessCentralityNormalized({ directed: false });
      raw = (n) => cc.closeness(n);
    }
    let max = 0;
    this.cy.nodes().forEach((n) => {
      max = Math.max(max, raw(n) || 0);
    });
    return (n) => (max > 0 ? (raw(n) || 0) / max : 0.3);
  }

  /**
   * Lays the chart out (fCoSE); resolves when it has stopped. Its random numbers are seeded from
   * the ids drawn, so the same chart laid out from scratch lands the same way every time. fCoSE
   * draws from Math.random, and its `layout-base` from a counter of its own (`RandomSeed`) that
   * every layout moves on: both start afresh for each layout. A page may fix the seed instead
   * (`mshtLayoutSeed`): the browser tests do, because their world's ids are drawn anew each run.
   */
  layout(randomize: boolean): Promise<void> {
    return new Promise((resolve) => {
      const layout = this.cy.layout({
        name: 'fcose',
        randomize,
        animate: false,
        quality: 'default',
        // Labels count as part of a node, so names do not land on each other.
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 6500,
        idealEdgeLength: () => 90,
        nodeSeparation: 90,
        padding: 40,
        fit: true,
      } as cytoscape.LayoutOptions);
      layout.one('layoutstop', () => resolve());
      const fixed = (globalThis as { mshtLayoutSeed?: unknown }).mshtLayoutSeed;
      const seed = typeof fixed === 'number' ? fixed : seedOf(this.cy.elements().map((el) => el.id()));
      layoutBase.RandomSeed.seed = 1;
      layoutBase.RandomSeed.x = 0;
      withRandom(mulberry32(seed), () => layout.run());
    });
  }

  /** Marks a path (node ids in order) and fades the rest. */
  highlightPath(nodeIds: string[], edges: ChartEdge[]): void {
    this.clearHighlight();
    const onPath = new Set<string>();
    for (let i = 0; i + 1 < nodeIds.length; i++) {
      const a = nodeIds[i]!;
      const b = nodeIds[i + 1]!;
      const e = edges.find((x) => (x.source === a && x.target === b) || (x.source === b && x.target === a));
      if (e) onPath.add(e.id);
    }
    this.cy.batch(() => {
      this.cy.elements().addClass('faded');
      for (const id of nodeIds) this.cy.getElementById(id).removeClass('faded').addClass('path');
      for (const id of onPath) this.cy.getElementById(id).removeClass('faded').addClass('path');
    });
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('faded path');
  }

  clear(): void {
    this.cy.elements().remove();
    this.memberships.clear();
    this.groups.clear();
    this.truncated = false;
  }

  selectedNodes(): NodeSingular[] {
    return this.cy.nodes(':selected').toArray() as NodeSingular[];
  }

  static itemOf(el: NodeSingular | EdgeSingular): ChartNode | ChartEdge {
    return el.data('item') as ChartNode | ChartEdge;
  }
}
