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
