import type { TraversalLimits } from '../config/config';
import { isoDate, dateOrder, countryCode } from '../domain/validation';
import { badInput } from '../errors/app-error';
import { readBusinessModels, readGroupIdsForModels } from '../graph/business-model.reader';
import { quartersOverlapping } from '../domain/nrm-statistic';
import { readImportedReferrals, readMonthly, readRegionalRisk, readRegionTotals, readRoutePatterns, readTrends } from '../graph/insight.reader';
import { groupingApplies, type TrendGroup, type TrendInterval, type TrendMeasure } from '../graph/queries/analytics/trends.query';
import type { ScopedGraph } from '../graph/scoped-graph';
import { compareModels, toBusinessModel, type BusinessModel, type StageComparison } from './business-model';
import { monthRange } from './periods';
import { byRegion, GAP_RULE, RISK_FORMULA, scoreAreas, type AreaRisk } from './risk';
import { buildSeries, type TrendSeries } from './trends';

/** The strategic questions: business models, routes, trends, regional risk, the monthly picture. */
export interface InsightDeps {
  graph: ScopedGraph;
  limits: TraversalLimits;
}

/**
 * Referrals per force code from the imported NRM statistics over a window: each quarter's cells
 * weighted by the share of the quarter the window covers, rounded; null when no statistics are
 * imported (or none the caller may see).
 */
async function importedReferrals(d: InsightDeps, from: string, to: string): Promise<{ byForce: Map<string, number>; periods: string[] } | null> {
  const shares = quartersOverlapping(from, to);
  const raw = await readImportedReferrals(d.graph, shares.map((s) => s.period), d.limits.timeoutMs);
  if (!raw.imported) return null;
  const share = new Map(shares.map((s) => [s.period, s.share]));
  const sums = new Map<string, number>();
  for (const c of raw.cells) sums.set(c.forceCode, (sums.get(c.forceCode) ?? 0) + c.people * (share.get(c.period) ?? 0));
  return { byForce: new Map([...sums].map(([k, v]) => [k, Math.round(v)])), periods: [...new Set(raw.cells.map((c) => c.period))].sort() };
}

export async function businessModel(d: InsightDeps, groupId: string): Promise<BusinessModel | null> {
  const [raw] = await readBusinessModels(d.graph, [groupId], d.limits.timeoutMs);
  return raw ? toBusinessModel(raw) : null;
}

export interface ModelsFilter {
  originCountry?: string | null;
  exploitationType?: string | null;
  forceArea?: string | null;
  groupIds?: readonly string[] | null;
  limit?: number | null;
}

export async function businessModels(d: InsightDeps, f: ModelsFilter): Promise<BusinessModel[]> {
  const limit = f.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badInput('limit', 'must be from 1 to 200');
  const ids = f.groupIds?.length
    ? [...f.groupIds]
    : await readGroupIdsForModels(
        d.graph,
        {
          originCountry: f.originCountry ? countryCode('filter.originCountry', f.originCountry) : null,
          exploitationType: f.exploitationType ?? null,
          forceArea: f.forceArea ? f.forceArea.trim().toUpperCase() : null,
        },
        limit,
      );
  if (!ids.length) return [];
  const raws = await readBusinessModels(d.graph, ids, d.limits.timeoutMs);
  return raws.map(toBusinessModel);
}

export async function compareBusinessModels(d: InsightDeps, a: string, b: string): Promise<{ a: BusinessModel; b: BusinessModel; stages: StageComparison[] } | null> {
  const models = await businessModels(d, { groupIds: [a, b] });
  const ma = models.find((m) => m.groupId === a);
  const mb = models.find((m) => m.groupId === b);
  return ma && mb ? { a: ma, b: mb, stages: compareModels(ma, mb) } : null;
}

export interface RoutePatternResult {
  countries: string[];
  /** For each leg (stop 1..n), the modes seen on it across the routes of this pattern. */
  modesPerLeg: string[][];
  routes: number;
  routeIds: string[];
  victims: number;
  victimIds: string[];
  groupIds: string[];
  /** Median debt recorded for journeys (or set on the routes), by currency where uniform. */
  typicalDebt: number | null;
  typicalCost: number | null;
  currency: string | null;
  firstTravelled: string | null;
  lastTravelled: string | null;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function routePatterns(d: InsightDeps, a: { origin?: string | null; destination?: string | null; since?: string | null; until?: string | null; limit?: number | null }): Promise<RoutePatternResult[]> {
  const since = isoDate('since', a.since);
  const until = isoDate('until', a.until);
  dateOrder('since', since, 'until', until);
  const limit = a.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('limit', 'must be from 1 to 500');
  const rows = await readRoutePatterns(
    d.graph,
    { origin: a.origin ? countryCode('origin', a.origin) : null, destination: a.destination ? countryCode('destination', a.destination) : null, since, until, limit },
    d.limits.timeoutMs,
  );
  return rows.map((r) => {
    const legs = r.sequence.length - 1;
    const modesPerLeg = Array.from({ length: legs }, (_, i) => [...new Set(r.modeLists.map((m) => m[i + 1]).filter((x): x is string => !!x))].sort());
    const currencies = [...new Set(r.currencies)];
    return {
      countries: r.sequence,
      modesPerLeg,
      routes: r.routeIds.length,
      routeIds: r.routeIds,
      victims: r.victims,
      victimIds: r.victimIds,
      groupIds: [...new Set(r.groupIds)],
      typicalDebt: median(r.debts.length ? r.debts : r.routeDebts),
      typicalCost: median(r.costs),
      currency: currencies.length === 1 ? currencies[0]! : null,
      firstTravelled: r.first,
      lastTravelled: r.last,
    };
  });
}

export async function trends(d: InsightDeps, a: { measure: TrendMeasure; groupBy: TrendGroup; interval: TrendInterval; from: string; to: string }): Promise<TrendSeries[]> {
  const from = isoDate('from', a.from)!;
  const to = isoDate('to', a.to)!;
  dateOrder('from', from, 'to', to);
  if (!groupingApplies(a.measure, a.groupBy)) throw badInput('groupBy', `${a.groupBy} does not apply to ${a.measure}`);
  const rows = await readTrends(d.graph, a.measure, a.groupBy, a.interval, from, to, d.limits.timeoutMs);
  return buildSeries(rows, from, to, a.interval);
}

export interface RegionalRisk {
  from: string;
  to: string;
  formula: string;
  gapRule: string;
  referralsSource: string;
  forces: (AreaRisk & { regionCode: string | null; rocu: string | null; graphReferrals: number; importedReferrals: number | null; victimIds: string[]; groupIds: string[]; operationIds: string[] })[];
  regions: AreaRisk[];
  gaps: string[];
}

export async function regionalRisk(d: InsightDeps, a: { from: string; to: string }): Promise<RegionalRisk> {
  const from = isoDate('from', a.from)!;
  const to = isoDate('to', a.to)!;
  dateOrder('from', from, 'to', to);
  const [rows, regionTotals, statistics] = await Promise.all([
    readRegionalRisk(d.graph, from, to, d.limits.timeoutMs),
    readRegionTotals(d.graph, from, to, d.limits.timeoutMs),
    importedReferrals(d, from, to),
  ]);
  const imported = statistics?.byForce ?? null;
  const forcesRaw = rows.map((r) => ({ ...r, referralsTotal: r.referrals + (imported?.get(r.forceCode) ?? 0) }));
  const scored = scoreAreas(forcesRaw.map((r) => ({ code: r.forceCode, name: r.forceName, victims: r.victims, referrals: r.referralsTotal, offenders: r.offenders, groups: r.groups, liveOperations: r.liveOperations })));
  const byCode = new Map(forcesRaw.map((r) => [r.forceCode, r]));
  const forces = scored.map((s) => {
    const r = byCode.get(s.code)!;
    return {
      ...s,
      regionCode: r.regionCode,
      rocu: r.rocu,
      graphReferrals: r.referrals,
      importedReferrals: imported ? (imported.get(r.forceCode) ?? 0) : null,
      victimIds: r.victimIds,
      groupIds: r.groupIds,
      operationIds: r.operationIds,
    };
  });
  return {
    from,
    to,
    formula: RISK_FORMULA,
    gapRule: GAP_RULE,
    referralsSource: !statistics
      ? 'NRM referrals recorded in the graph (no NRM statistics imported)'
      : statistics.periods.length
        ? `NRM referrals recorded in the graph plus the imported NRM statistics (police force file, ${statistics.periods[0]}${statistics.periods.length > 1 ? ` to ${statistics.periods[statistics.periods.length - 1]}` : ''}; a quarter the window covers in part counts pro rata)`
        : 'NRM referrals recorded in the graph; the imported NRM statistics cover no quarter of this window',
    forces,
    regions: scoreAreas(byRegion(forcesRaw, regionTotals)),
    gaps: forces.filter((f) => f.gap).map((f) => f.code),
  };
}

export interface MonthlyInsight {
  month: string;
  liveOperations: { force: string; crimeType: string; count: number; ids: string[] }[];
  liveOperationsTotal: number;
  newVictims: number;
  newVictimIds: string[];
  newOffenders: number;
  newOffenderIds: string[];
  nrmReferrals: number;
  biggestChanges: { dimension: string; key: string; previous: number; current: number; change: number }[];
  topRoutes: RoutePatternResult[];
}

/**
 * The national monthly picture: live operations, new victims and offenders, biggest changes, top
 * routes. Its five reads are independent, so they run at once (each in its own transaction): the
 * answer takes as long as the slowest of them, the route patterns at a national scale, instead
 * of their sum.
 */
export async function monthlyInsight(d: InsightDeps, month: string): Promise<MonthlyInsight> {
  const r = monthRange(month);
  // Route patterns look at three months: from the first day of the month two months before.
  const routesSince = new Date(`${r.from}T00:00:00Z`);
  routesSince.setUTCMonth(routesSince.getUTCMonth() - 2);
  const dimensions = ['FORCE_AREA', 'EXPLOITATION_TYPE', 'NATIONALITY'] as const;
  const [raw, seriesByDimension, topRoutes] = await Promise.all([
    readMonthly(d.graph, r.from, r.to, d.limits.timeoutMs),
    Promise.all(dimensions.map((groupBy) => trends(d, { measure: 'VICTIMS', groupBy, interval: 'MONTH', from: r.previous.from, to: r.to }))),
    routePatterns(d, { since: routesSince.toISOString().slice(0, 10), until: r.to, limit: 5 }),
  ]);
  const changes: MonthlyInsight['biggestChanges'] = [];
  dimensions.forEach((dimension, i) => {
    for (const s of seriesByDimension[i]!) {
      const [prev, cur] = [s.points[0]?.count ?? 0, s.points[1]?.count ?? 0];
      if (prev !== cur) changes.push({ dimension, key: s.key, previous: prev, current: cur, change: cur - prev });
    }
  });
  changes.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.key.localeCompare(b.key));
  return {
    month,
    liveOperations: raw.operations,
    liveOperationsTotal: new Set(raw.operations.flatMap((o) => o.ids)).size,
    newVictims: raw.people.newVictims,
    newVictimIds: raw.people.victimIds,
    newOffenders: raw.people.newOffenders,
    newOffenderIds: raw.people.offenderIds,
    nrmReferrals: raw.people.referrals,
    biggestChanges: changes.slice(0, 10),
    topRoutes: topRoutes.filter((t) => t.victims > 0),
  };
}
