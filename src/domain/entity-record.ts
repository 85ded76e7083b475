import { isNodeLabel, type NodeLabel } from './graph-model';
import type { Provenance } from './provenance';

/**
 * A node as the data layer hands it over: its properties (victim-protected ones already nulled
 * for callers without rights), its labels and whether it was redacted.
 */
export interface EntityRecord {
  id: string;
  __labels: string[];
  __redacted: boolean;
  [key: string]: unknown;
}

/** A relationship as a relationship field hands it over: the parent and the edge's node are its ends. */
export interface LinkRecord {
  __type: string;
  __id: string;
  [key: string]: unknown;
}

/** A relationship as the data layer hands it over elsewhere, with the ids of its ends. */
export interface RelRecord extends LinkRecord {
  __from: string;
  __to: string;
}

/** The entity label of a node (its one label from the registry). */
export function entityLabel(r: Pick<EntityRecord, '__labels'>): NodeLabel {
  const l = r.__labels.find(isNodeLabel);
  if (!l) throw new Error(`Invariant failed: node without an entity label (${r.__labels.join(',')})`);
  return l;
}

/** A DATETIME as the data layer hands it over: epoch milliseconds (graph/queries/projection.ts) or a Date. */
function instant(v: unknown): Date {
  return typeof v === 'number' ? new Date(v) : (v as Date);
}

export function provenanceOf(r: Record<string, unknown>): Provenance {
  return {
    reportId: r.reportId as string,
    agency: r.agency as string,
    recordedAt: instant(r.recordedAt),
    gradeSource: r.gradeSource as Provenance['gradeSource'],
    gradeIntel: r.gradeIntel as Provenance['gradeIntel'],
    ukHandling: r.ukHandling as Provenance['ukHandling'],
    handling: r.handling as Provenance['handling'],
    consent: r.consent === true,
  };
}
