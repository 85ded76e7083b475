import type { WritableLabel } from '../../domain/entity-props';
import type { PersonRoleLabel, RelationshipType } from '../../domain/graph-model';
import type { StoredProvenanceRow } from '../../graph/queries/bulk-write.query';

/**
 * What the world generator emits: nodes of a writable label and relationships of a registry type,
 * each with its provenance already resolved. Properties are checked values as the property
 * tables define them (dates as `YYYY-MM-DD`).
 */
export interface SeedNode {
  kind: 'node';
  label: WritableLabel;
  id: string;
  props: Record<string, unknown>;
  roles?: PersonRoleLabel[];
  prov: StoredProvenanceRow;
}

export interface SeedRel {
  kind: 'rel';
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
  prov: StoredProvenanceRow;
}

export type SeedItem = SeedNode | SeedRel;

/** The named sizes of a world, in persons: about 4 nodes and 15 relationships per person. */
export const SCALES = {
  tiny: 80,
  small: 1_050,
  medium: 25_000,
  large: 260_000,
} as const;
export type ScaleName = keyof typeof SCALES;

/** `tiny|small|medium|large` or a number of persons (10 to 2 million). */
export function parseScale(s: string): { name: string; persons: number } {
  if (s in SCALES) return { name: s, persons: SCALES[s as ScaleName] };
  if (/^\d+$/.test(s)) {
    const persons = Number(s);
    if (persons >= 10 && persons <= 2_000_000) return { name: `${persons}`, persons };
  }
  throw new Error(`--scale must be tiny, small, medium, large or a number of persons from 10 to 2000000, got ${JSON.stringify(s)}`);
}
