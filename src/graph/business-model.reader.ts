import { businessModelQuery } from './queries/analytics/business-model.query';
import { groupIdsForModelsQuery, type GroupModelFilter } from './queries/analytics/group-selection.query';
import type { ScopedGraph } from './scoped-graph';

export interface Tally {
  key: string;
  count: number;
  ids: string[];
}

export interface RawBusinessModel {
  groupId: string;
  name: string;
  events: number;
  eventIds: string[];
  victimCount: number;
  membersByRole: Tally[];
  recruitment: Tally[];
  control: Tally[];
  exploitationTypes: Tally[];
  venues: Tally[];
  forceAreas: Tally[];
  victimNationalities: Tally[];
  victimAgeGroups: Tally[];
  victimGenders: Tally[];
  routes: { id: string; name: string | null; countries: string[]; modes: (string | null)[]; travellers: number; meanDebt: number | null; debt: number | null; currency: string | null }[];
  documents: Tally[];
  flows: { country: string; channel: string; currency: string; transfers: number; total: number; ids: string[] }[];
}

/** Business models of the given groups, in one round trip; groups the caller may not see are absent. */
export async function readBusinessModels(g: ScopedGraph, groupIds: readonly string[], timeoutMs: number): Promise<RawBusinessModel[]> {
  const rows = await g.read(businessModelQuery(groupIds), timeoutMs);
  return rows as unknown as RawBusinessModel[];
}

/** The groups a side-by-side comparison covers. */
export async function readGroupIdsForModels(g: ScopedGraph, filter: GroupModelFilter, limit: number): Promise<string[]> {
  const rows = await g.read(groupIdsForModelsQuery(filter, limit));
  return rows.map((r) => r.id as string);
}
