/**
 * An NRM statistics row as we store it (label NRMStatistic): one cell of the Home Office's
 * quarterly tables of referrals, counted by first responder, exploitation type, age group, gender
 * and nationality, none of them a `Total`. Summing `people` over any selection of cells gives
 * the referrals of that selection without double counting (../../README.md#nrm).
 */
export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type Quarter = (typeof QUARTERS)[number];

/** How an NRM nationality value maps to countries: every part, some part, or none. */
export const NRM_NATIONALITY_STATUSES = ['KNOWN', 'PARTLY_UNKNOWN', 'UNKNOWN', 'STATELESS'] as const;
export type NrmNationalityStatus = (typeof NRM_NATIONALITY_STATUSES)[number];

/** The period key of a quarter, e.g. `2023Q1`: sorts in time order. */
export function periodKey(year: number, quarter: Quarter): string {
  return `${year}${quarter}`;
}

/** A quarter's share of a date window: the fraction of its days the window covers (0 < share <= 1). */
export interface QuarterShare {
  period: string;
  share: number;
}

const DAY_MS = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * The quarters a window of dates (`from` and `to` inclusive, ISO dates) touches, each with the
 * share of its days inside the window: a window of one month takes about a third of its quarter.
 */
export function quartersOverlapping(from: string, to: string): QuarterShare[] {
  const start = utc(from);
  const end = utc(to);
  const out: QuarterShare[] = [];
  if (!(end >= start)) return out;
  const first = new Date(start);
  let year = first.getUTCFullYear();
  let q = Math.floor(first.getUTCMonth() / 3);
  for (;;) {
    const qStart = Date.UTC(year, q * 3, 1);
    if (qStart > end) break;
    const qEnd = Date.UTC(year, q * 3 + 3, 1) - DAY_MS;
    const days = (qEnd - qStart) / DAY_MS + 1;
    const covered = (Math.min(end, qEnd) - Math.max(start, qStart)) / DAY_MS + 1;
    out.push({ period: periodKey(year, QUARTERS[q]!), share: Math.min(1, covered / days) });
    q += 1;
    if (q === 4) {
      q = 0;
      year += 1;
    }
  }
  return out;
}
