import { isNodeLabel, RELATIONSHIP_TYPES, type IdentifierLabel, IDENTIFIER_LABELS, type NodeLabel } from '../domain/graph-model';
import { hasOwnPrefix, ID_PATTERN, ID_PREFIX } from '../domain/ids';
import { REL_KEYS } from '../domain/rel-keys';
import type { BadRow, ImportPlan, PlannedNode, SourceRef } from './import-plan';

/**
 * The checks a plan can pass or fail on its own, before the database is asked anything: ids well
 * formed and of their label's kind, nothing twice (ids, identifier values, report references,
 * relationships), and every relationship between ends of the kinds the graph model allows (for
 * ends the plan itself writes). Pure.
 */

const where = (s: SourceRef) => (typeof s.line === 'number' ? `line ${s.line}` : s.line);
const fileLine = (s: SourceRef, other: SourceRef) => (s.file === other.file ? where(other) : `${other.file}:${other.line}`);

export function isIdentifierLabel(label: string): label is IdentifierLabel {
  return (IDENTIFIER_LABELS as readonly string[]).includes(label);
}

/** A key for "the same relationship": its ends, type and key properties (REL_KEYS). */
export function relKey(r: { type: string; from: string; to: string; props: Record<string, unknown> }): string {
  const keys = REL_KEYS[r.type as keyof typeof REL_KEYS] ?? [];
  return JSON.stringify([r.from, r.type, r.to, ...keys.map((k) => r.props[k] ?? null)]);
}

export function checkPlanShape(plan: ImportPlan): BadRow[] {
  const bad: BadRow[] = [];
  const byId = new Map<string, PlannedNode>();
  const byValue = new Map<string, PlannedNode>();
  for (const n of plan.nodes) {
    if (!ID_PATTERN.test(n.id)) {
      bad.push({ ...n.source, reason: `id ${JSON.stringify(n.id)} is not a valid id (a prefix such as ${ID_PREFIX[n.label]}-, then letters, digits, _ . : or -)` });
      continue;
    }
    // Analysts' files must use our prefixes; an export's ids come from a graph (reference data has its own).
    if (plan.format === 'csv' && !hasOwnPrefix(n.label, n.id)) {
      bad.push({ ...n.source, reason: `id ${n.id} of a ${n.label} must start with ${ID_PREFIX[n.label]}-` });
      continue;
    }
    const first = byId.get(n.id);
    if (first) {
      bad.push({ ...n.source, reason: `id ${n.id} repeats ${fileLine(n.source, first.source)}` });
      continue;
    }
    byId.set(n.id, n);
    if (isIdentifierLabel(n.label) && typeof n.props.value === 'string') {
      const key = `${n.label}|${n.props.value}`;
      const holder = byValue.get(key);
      if (holder) bad.push({ ...n.source, reason: `value of ${n.label} ${n.id} is the same as ${holder.id}'s (${fileLine(n.source, holder.source)}): one ${n.label} per value` });
      else byValue.set(key, n);
    }
    // A report's reference is its natural key as well.
    if (n.label === 'IntelligenceReport' && typeof n.props.reference === 'string') {
      const key = `IntelligenceReport|${n.props.reference}`;
      const holder = byValue.get(key);
      if (holder) bad.push({ ...n.source, reason: `reference of IntelligenceReport ${n.id} is the same as ${holder.id}'s (${fileLine(n.source, holder.source)}): one IntelligenceReport per reference` });
      else byValue.set(key, n);
    }
  }
  const seen = new Map<string, SourceRef>();
  for (const r of plan.rels) {
    const spec = RELATIONSHIP_TYPES[r.type];
    const ends: [string, readonly string[], string][] = [
      [r.from, spec.from, 'start'],
      [r.to, spec.to, 'end'],
    ];
    let ok = true;
    for (const [id, allowed, end] of ends) {
      const n = byId.get(id);
      if (n && !allowed.includes(n.label)) {
        bad.push({ ...r.source, reason: `a ${r.type} goes from ${spec.from.join('/')} to ${spec.to.join('/')}; its ${end} ${id} is a ${n.label}` });
        ok = false;
      }
    }
    if (!ok) continue;
    const key = relKey(r);
    const first = seen.get(key);
    if (first) bad.push({ ...r.source, reason: `${r.type} from ${r.from} to ${r.to} repeats ${fileLine(r.source, first)}` });
    else seen.set(key, r.source);
  }
  return bad;
}

/** Relationship ends the plan does not write itself: they must already be in the graph. */
export function externalEnds(plan: ImportPlan): string[] {
  const ids = new Set(plan.nodes.map((n) => n.id));
  const out = new Set<string>();
  for (const r of plan.rels) {
    if (!ids.has(r.from)) out.add(r.from);
    if (!ids.has(r.to)) out.add(r.to);
  }
  return [...out];
}

/** The entity label among a node's labels. */
export function entityLabelOf(labels: readonly string[]): NodeLabel | undefined {
  return labels.find(isNodeLabel);
}
