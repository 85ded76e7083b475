import { liveOperationsQuery, newPeopleQuery } from './queries/analytics/monthly.query';
import { importedReferralsQuery } from './queries/analytics/imported-referrals.query';
import { regionalRiskQuery, regionTotalsQuery } from './queries/analytics/regional-risk.query';
import { routePatternsQuery } from './queries/analytics/routes.query';
import { trendsQuery, type TrendGroup, type TrendInterval, type TrendMeasure } from './queries/analytics/trends.query';
import type { ScopedGraph } from './scoped-graph';

/** Readers for the strategic analytics: each a single aggregation round trip. */

export interface RawRoutePattern {
  sequence: string[];
  modeLists: (string | null)[][];
  routeIds: string[];
  victims: number;
  debts: number[];
  routeDebts: number[];
  costs: number[];
  currencies: string[];
  first: string | null;
  last: string | null;
  victimIds: string[];
  groupIds: string[];
}

export async function readRoutePatterns(g: ScopedGraph, a: { origin: string | null; destination: string | null; since: string | null; until: string | null; limit: number }, timeoutMs: number): Promise<RawRoutePattern[]> {
  const rows = await g.read(routePatternsQuery(a.origin, a.destination, a.since, a.until, a.limit), timeoutMs);
  return rows as unknown as RawRoutePattern[];
}

export interface RawTrendRow {
  period: string;
  key: string;
  count: number;
  sampleIds: string[];
}

export async function readTrends(g: ScopedGraph, measure: TrendMeasure, group: TrendGroup, interval: TrendInterval, from: string, to: string, timeoutMs: number): Promise<RawTrendRow[]> {
  const rows = await g.read(trendsQuery(measure, group, interval, from, to), timeoutMs);
  return rows as unknown as RawTrendRow[];
}

export interface RawForceRisk {
  forceCode: string;
  forceName: string;
  regionCode: string | null;
  regionName: string | null;
  rocu: string | null;
  victims: number;
  victimIds: string[];
  events: number;
  offenders: number;
  groups: number;
  groupIds: string[];
  referrals: number;
  liveOperations: number;
  operationIds: string[];
}

export async function readRegionalRisk(g: ScopedGraph, from: string, to: string, timeoutMs: number): Promise<RawForceRisk[]> {
  const rows = await g.read(regionalRiskQuery(from, to), timeoutMs);
  return rows as unknown as RawForceRisk[];
}

/** The regions' own totals (regionTotalsQuery): each item once per region, items recorded in a region itself among them. */
export interface RawRegionTotals {
  regions: { code: string; name: string; rocu: string | null }[];
  people: { region: string; victims: number; offenders: number; groups: number }[];
  referrals: { region: string; referrals: number }[];
  operations: { region: string; operations: number }[];
}

export async function readRegionTotals(g: ScopedGraph, from: string, to: string, timeoutMs: number): Promise<RawRegionTotals> {
  const [row] = await g.read(regionTotalsQuery(from, to), timeoutMs);
  return row as unknown as RawRegionTotals;
}

export interface RawImportedReferrals {
  /** Whether any NRM statistics the caller may see are in the graph. */
  imported: boolean;
  cells: { forceCode: string; period: string; people: number }[];
}

export async function readImportedReferrals(g: ScopedGraph, periods: readonly string[], timeoutMs: number): Promise<RawImportedReferrals> {
  const [row] = await g.read(importedReferralsQuery(periods), timeoutMs);
  return row as unknown as RawImportedReferrals;
}

export interface RawMonthly {
  operations: { force: string; crimeType: string; count: number; ids: string[] }[];
  people: { newVictims: number; victimIds: string[]; newOffenders: number; offenderIds: string[]; referrals: number };
}

export async function readMonthly(g: ScopedGraph, from: string, to: string, timeoutMs: number): Promise<RawMonthly> {
  return g.readTx(async (tx) => {
    const operations = (await tx.run(liveOperationsQuery(from, to))) as unknown as RawMonthly['operations'];
    const people = (await tx.run(newPeopleQuery(from, to)))[0] as unknown as RawMonthly['people'];
    return { operations, people };
  }, timeoutMs);
}
