import type { ChartEdge, ChartNode, ChartProvenance } from './api';

/** A small DOM helper: an element with a class and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

const UK_SOURCE: Record<number, string> = { 1: 'reliable', 2: 'untested', 3: 'not reliable' };
const UK_INTEL: Record<string, string> = {
  A: 'known directly to the source',
  B: 'known indirectly, corroborated',
  C: 'known indirectly',
  D: 'not known',
  E: 'suspected to be false',
};
const UK_HANDLING: Record<string, string> = { P: 'lawful sharing permitted', C: 'sharing permitted with conditions' };
const EUROPOL: Record<string, string> = {
  H0: 'use to prevent and combat crime',
  H1: 'not for judicial proceedings without the provider’s permission',
  H2: 'not to be disseminated without the provider’s permission',
  H3: 'other restrictions stated by the provider',
};

function table(rows: [string, string | Node][]): HTMLTableElement {
  const t = el('table', 'wb-props');
  for (const [k, v] of rows) t.append(el('tr', undefined, el('th', undefined, k), el('td', undefined, v)));
  return t;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(show).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Where a fact came from, with the grading spelled out. */
export function provenanceTable(p: ChartProvenance): HTMLTableElement {
  return table([
    ['Grading', el('span', 'wb-grading', el('b', undefined, p.grading), ` — source ${p.gradeSource} (${UK_SOURCE[p.gradeSource] ?? '?'}), intelligence ${p.gradeIntel} (${UK_INTEL[p.gradeIntel] ?? '?'}), handling ${p.ukHandling} (${UK_HANDLING[p.ukHandling] ?? '?'})`)],
    ['Handling code', el('span', undefined, el('b', undefined, p.handling), ` — ${EUROPOL[p.handling] ?? ''}`)],
    ['Report', p.reportId],
    ['Agency', p.agency],
    ['Recorded', p.recordedAt.slice(0, 10)],
    ['Provider consent', p.consent ? 'recorded' : 'not recorded'],
  ]);
}

export function nodeDetails(n: ChartNode, degree: number): HTMLElement {
  const props = Object.entries(n.properties).filter(([k]) => k !== 'id');
  return el(
    'div',
    'wb-details',
    el('h2', undefined, n.label),
    el('div', 'wb-badges', el('span', 'wb-badge', n.type), ...n.roles.map((r) => el('span', `wb-badge wb-role-${r.toLowerCase()}`, r)), n.redacted ? el('span', 'wb-badge wb-redacted', 'redacted: pseudonym shown') : null),
    n.redacted
      ? el('p', 'wb-muted', n.type === 'Person' ? 'This victim’s identity is protected: your role sees a pseudonymous reference, not a name or date of birth.' : 'A victim holds this: its value is withheld from your role.')
      : null,
    el('h3', undefined, 'Properties'),
    props.length ? table(props.map(([k, v]) => [k, show(v)])) : el('p', 'wb-muted', 'none'),
    el('p', 'wb-muted', `${degree} link${degree === 1 ? '' : 's'} drawn · id ${n.id}`),
    el('h3', undefined, 'Provenance'),
    provenanceTable(n.provenance),
  );
}

export function edgeDetails(e: ChartEdge, labelOf: (id: string) => string): HTMLElement {
  const props = Object.entries(e.properties);
  return el(
    'div',
    'wb-details',
    el('h2', undefined, e.type),
    el('p', undefined, `${labelOf(e.source)} → ${labelOf(e.target)}`),
    e.from || e.to ? el('p', 'wb-muted', `period: ${e.from ?? '…'} to ${e.to ?? '…'}`) : null,
    el('h3', undefined, 'Properties'),
    props.length ? table(props.map(([k, v]) => [k, show(v)])) : el('p', 'wb-muted', 'none'),
    el('h3', undefined, 'Provenance'),
    provenanceTable(e.provenance),
  );
}
