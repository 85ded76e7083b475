import type { SortSpec } from './list.query';

/**
 * Sort keys a list may be ordered by, as Cypher expressions over `n` that never yield null
 * (keyset pagination compares them). A victim's protected fields sort as blank for callers
 * without victim-data rights, so the order reveals nothing about them.
 */
export const SORT_KEYS = {
  ID: 'n.id',
  NAME: "CASE WHEN n:Victim AND NOT $__victimData THEN '' ELSE toLower(coalesce(n.name, '')) END",
  BIRTH_YEAR: 'CASE WHEN n:Victim AND NOT $__victimData THEN -1 ELSE coalesce(n.birthYear, -1) END',
  RECORDED_AT: 'n.recordedAt.epochMillis',
  START_DATE: "coalesce(toString(n.startDate), '')",
  REFERRED_ON: "coalesce(toString(n.referredOn), '')",
  CODE: "coalesce(n.code, '')",
  PERIOD: "coalesce(n.period, '')",
} as const;

export type SortKey = keyof typeof SORT_KEYS;

export function sortSpec(key: SortKey, direction: 'ASC' | 'DESC'): SortSpec {
  return { expr: SORT_KEYS[key], direction };
}
