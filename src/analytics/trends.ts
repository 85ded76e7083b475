import type { RawTrendRow } from '../graph/insight.reader';
import { periodsBetween, type Interval } from './periods';

export interface TrendPoint {
  period: string;
  count: number;
  /** Change from the previous period (null for the first). */
  change: number | null;
  /** Relative change, e.g. 0.25 for +25% (null when the previous count was 0 or for the first). */
  changeRatio: number | null;
  sampleIds: string[];
}

export interface TrendSeries {
  key: string;
  total: number;
  points: TrendPoint[];
}

/** Series per group over every period in range (missing periods count 0), with period-on-period change. */
export function buildSeries(rows: RawTrendRow[], from: string, to: string, interval: Interval): TrendSeries[] {
  const periods = periodsBetween(from, to, interval);
  const byKey = new Map<string, Map<string, RawTrendRow>>();
  for (const r of rows) {
    if (!byKey.has(r.key)) byKey.set(r.key, new Map());
    byKey.get(r.key)!.set(r.period, r);
  }
  const series = [...byKey.entries()].map(([key, byPeriod]) => {
    let prev: number | null = null;
    const points = periods.map((period) => {
      const row = byPeriod.get(period);
      const count = row?.count ?? 0;
      const change = prev === null ? null : count - prev;
      const changeRatio = prev === null || prev === 0 ? null : Math.round(((count - prev) / prev) * 1000) / 1000;
      prev = count;
      return { period, count, change, changeRatio, sampleIds: row?.sampleIds ?? [] };
    });
    return { key, total: points.reduce((s, p) => s + p.count, 0), points };
  });
  return series.sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}
