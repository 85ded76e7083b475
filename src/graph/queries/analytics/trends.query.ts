import type { CypherQuery } from '../../query';
import { visible } from '../access';
import { forceRegionCall } from './force-region';

export const TREND_MEASURES = ['VICTIMS', 'OFFENDERS', 'EXPLOITATIONS', 'OPERATIONS', 'NRM_REFERRALS'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export const TREND_GROUPS = ['NONE', 'EXPLOITATION_TYPE', 'NATIONALITY', 'FORCE_AREA', 'REGION', 'AGE_GROUP'] as const;
export type TrendGroup = (typeof TREND_GROUPS)[number];

export const TREND_INTERVALS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** What each measure counts (`x`), through which event (`ev`), dated by `d`. */
const MEASURES: Record<TrendMeasure, { match: string; vars: string[]; date: string; counted: string }> = {
  VICTIMS: { match: '(ev:Exploitation)-[__x:EXPLOITED]->(x:Person)', vars: ['ev', '__x', 'x'], date: 'ev.startDate', counted: 'x' },
  OFFENDERS: { match: '(x:Person)-[__x:PERPETRATED]->(ev:Exploitation)', vars: ['ev', '__x', 'x'], date: 'ev.startDate', counted: 'x' },
  EXPLOITATIONS: { match: '(ev:Exploitation)', vars: ['ev'], date: 'ev.startDate', counted: 'ev' },
  OPERATIONS: { match: '(ev:Operation)', vars: ['ev'], date: 'ev.startDate', counted: 'ev' },
  NRM_REFERRALS: { match: '(ev:NRMReferral)', vars: ['ev'], date: 'ev.referredOn', counted: 'ev' },
};

/** How to find the group key for a counted item; `null` means the grouping does not apply. */
function groupKey(measure: TrendMeasure, group: TrendGroup): string | null {
  const person = measure === 'VICTIMS' || measure === 'OFFENDERS';
  switch (group) {
    case 'NONE':
      return `'ALL'`;
    case 'EXPLOITATION_TYPE':
      if (measure === 'OPERATIONS') return `coalesce(ev.crimeTypes, [])`;
      return `[(ev)-[__o:OF_TYPE]->(__t:ExploitationType) WHERE ${visible('__o')} AND ${visible('__t')} | coalesce(__t.category, __t.code)]`;
    case 'NATIONALITY':
      if (person) return `[(x)-[__n:NATIONAL_OF]->(__c:Country) WHERE ${visible('__n')} AND ${visible('__c')} | __c.code]`;
      if (measure === 'EXPLOITATIONS') return `[(ev)-[__e:EXPLOITED]->(__v:Person)-[__n:NATIONAL_OF]->(__c:Country) WHERE ${visible('__e')} AND ${visible('__v')} AND ${visible('__n')} AND ${visible('__c')} | __c.code]`;
      if (measure === 'NRM_REFERRALS') return `[(ev)-[__r:REFERRAL_OF]->(__v:Person)-[__n:NATIONAL_OF]->(__c:Country) WHERE ${visible('__r')} AND ${visible('__v')} AND ${visible('__n')} AND ${visible('__c')} | __c.code]`;
      return null;
    case 'FORCE_AREA':
      return `[(ev)-[__a:IN_AREA]->(__f:PoliceForce) WHERE ${visible('__a')} AND ${visible('__f')} | __f.code]`;
    case 'REGION':
      // A force's events count under its one region (forceRegionCall), as in regionalRisk.
      return `COLLECT { MATCH (ev)-[__a:IN_AREA]->(__f:PoliceForce) WHERE ${visible('__a')} AND ${visible('__f')} ${forceRegionCall('__f', '__g')} RETURN __g.code } + [(ev)-[__a:IN_AREA]->(__g:Region) WHERE ${visible('__a')} AND ${visible('__g')} | __g.code]`;
    case 'AGE_GROUP':
      if (measure === 'VICTIMS') return `[coalesce(x.ageGroup, 'UNKNOWN')]`;
      if (measure === 'EXPLOITATIONS') return `[(ev)-[__e:EXPLOITED]->(__v:Person) WHERE ${visible('__e')} AND ${visible('__v')} | coalesce(__v.ageGroup, 'UNKNOWN')]`;
      if (measure === 'NRM_REFERRALS') return `[(ev)-[__r:REFERRAL_OF]->(__v:Person) WHERE ${visible('__r')} AND ${visible('__v')} | coalesce(__v.ageGroup, 'UNKNOWN')]`;
      return null;
  }
}

export function periodExpr(d: string, interval: TrendInterval): string {
  switch (interval) {
    case 'MONTH':
      return `toString(${d}.year) + '-' + CASE WHEN ${d}.month < 10 THEN '0' ELSE '' END + toString(${d}.month)`;
    case 'QUARTER':
      return `toString(${d}.year) + '-Q' + toString(${d}.quarter)`;
    case 'YEAR':
      return `toString(${d}.year)`;
  }
}

/** Whether a grouping applies to a measure (e.g. nationality does not apply to operations). */
export function groupingApplies(measure: TrendMeasure, group: TrendGroup): boolean {
  return groupKey(measure, group) !== null;
}

/**
 * Counts per period and group, in the database: each counted item once per period and group
 * (a victim of two types counts under each type). Items without a key count under UNKNOWN.
 */
export function trendsQuery(measure: TrendMeasure, group: TrendGroup, interval: TrendInterval, from: string, to: string): CypherQuery {
  const m = MEASURES[measure];
  const key = groupKey(measure, group) ?? `'ALL'`;
  const keys = group === 'NONE' ? `['ALL']` : `CASE WHEN size(__keys) = 0 THEN ['UNKNOWN'] ELSE __keys END`;
  return {
    cypher: `MATCH ${m.match}
WHERE ${m.vars.map(visible).join(' AND ')} AND ${m.date} >= date($from) AND ${m.date} <= date($to)
WITH ${m.counted} AS counted, ${m.date} AS d, ${group === 'NONE' ? `['ALL']` : key} AS __keys
UNWIND ${keys} AS key
WITH ${periodExpr('d', interval)} AS period, key, counted
RETURN period, key, count(DISTINCT counted) AS count, collect(DISTINCT counted.id)[0..20] AS sampleIds
ORDER BY period, key`,
    params: { from, to },
  };
}
