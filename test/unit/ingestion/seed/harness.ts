import type { SeedItem, SeedNode, SeedRel } from '../../../../src/ingestion/seed/seed-item';
import { WorldGenerator } from '../../../../src/ingestion/seed/world-generator';

/** A whole generated world in memory (for the small sizes tests use). */
export function worldOf(seed: number, persons: number): { nodes: SeedNode[]; rels: SeedRel[]; items: SeedItem[]; slices: SeedItem[][] } {
  const items: SeedItem[] = [];
  const slices: SeedItem[][] = [];
  for (const slice of new WorldGenerator({ seed, persons }).generate()) {
    slices.push(slice);
    items.push(...slice);
  }
  return {
    items,
    slices,
    nodes: items.filter((i): i is SeedNode => i.kind === 'node'),
    rels: items.filter((i): i is SeedRel => i.kind === 'rel'),
  };
}

/** Reference data the world links to (loaded by the migrations): ids by label prefix. */
export const REFERENCE_PREFIXES: Record<string, string> = {
  country: 'Country',
  force: 'PoliceForce',
  agency: 'Agency',
  etype: 'ExploitationType',
  control: 'ControlMethod',
  recruit: 'RecruitmentMethod',
  region: 'Region',
};
