import { AGE_GROUPS, GENDERS, type AgeGroup, type Gender } from '../../domain/person';
import { POLICE_FORCES } from '../../domain/reference/police-forces';
import { regionByRocuName } from '../../domain/reference/regions';
import { EXPLOITATION_CATEGORIES, type ExploitationCategory } from '../../domain/vocabulary';
import { mapNrmNationality } from './nationalities';
import { NRM_FIRST_RESPONDER_FILE, NRM_POLICE_FORCE_FILE, NRM_TOTAL, type NrmRow } from './nrm-files';
import { exploitationKey, mapNrmAgeGroup, mapNrmExploitationType, mapNrmGender } from './nrm-levels';

/**
 * Proportions of real NRM referrals, derived from the Home Office quarterly statistics, for the
 * synthetic data generator: who is referred (nationality, age group, gender), for what
 * (exploitation categories and their combinations), and by which police force. Derived by
 * scripts/derive-nrm-proportions.ts into nrm-proportions.json (committed); the source files stay
 * in shared/data/nrm and are never copied into the project.
 */

export interface Share {
  count: number;
  /** count / the entry's denominator, rounded to 6 decimals. */
  share: number;
}

export interface NationalityShare extends Share {
  /** ISO alpha-2 code of the first-listed nationality, or UNKNOWN, or OTHER (the rest). */
  code: string;
  /** Of `count`, the referrals with this nationality alone (no second one, nothing unknown). */
  singleCount: number;
}

export interface NrmProportions {
  title: string;
  source: { publisher: string; collection: string; files: string[]; via: string; readme: string };
  period: { year: number; quarters: string[]; note: string };
  derivation: string[];
  generatedBy: string;
  /** Referrals in the period: the denominator of every share below unless it says otherwise. */
  referrals: number;
  byNationality: NationalityShare[];
  dualNationality: Share & { topPairs: (Share & { codes: string[] })[] };
  byExploitation: (Share & { nrmLevel: string; categories: ExploitationCategory[] })[];
  /** Referrals whose exploitation includes the category (they overlap: shares sum to more than 1). */
  exploitationCategoryIncidence: Record<ExploitationCategory, Share>;
  byAgeGroup: Record<AgeGroup, Share>;
  byGender: Record<Gender, Share>;
  /** For the top nationalities: the joint share, and the share within the nationality. */
  nationalityByExploitation: (Share & { nationality: string; categories: ExploitationCategory[]; shareOfNationality: number })[];
  nationalityByAgeGroup: (Share & { nationality: string; ageGroup: AgeGroup; shareOfNationality: number })[];
  police: {
    /** The statistics' `Police total`: referrals by every police first responder, ROCUs included. */
    referrals: number;
    /** Referrals by the 46 forces; the denominator of `byForce` shares. */
    forceReferrals: number;
    rocuReferrals: number;
    byForce: (Share & { code: string; name: string })[];
    byRocu: { code: string; name: string; count: number }[];
  };
}

export interface DeriveOptions {
  year: number;
  /** How many nationalities get their own entry before OTHER. */
  topNationalities?: number;
  /** How many nationalities get joint tables with exploitation and age group. */
  jointNationalities?: number;
  topDualPairs?: number;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const share = (count: number, of: number): Share => ({ count, share: of === 0 ? 0 : round6(count / of) });
const byCountThenKey = <T extends { count: number }>(key: (t: T) => string) => (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));

function add<K>(m: Map<K, number>, k: K, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

const isSubtotal = (responder: string) => / total$/i.test(responder);
const isFullyDisaggregated = (r: NrmRow) => r.exploitationType !== NRM_TOTAL && r.ageGroup !== NRM_TOTAL && r.gender !== NRM_TOTAL && r.nationality !== NRM_TOTAL;
const isAllTotal = (r: NrmRow) => r.exploitationType === NRM_TOTAL && r.ageGroup === NRM_TOTAL && r.gender === NRM_TOTAL && r.nationality === NRM_TOTAL;

function must<T>(v: T | undefined, what: string, value: string): T {
  if (v === undefined) throw new Error(`NRM statistics: no mapping for ${what} ${JSON.stringify(value)}`);
  return v;
}

/** A referral cell of the fully disaggregated table, its levels mapped to our vocabularies. */
interface Cell {
  people: number;
  codes: string[];
  primary: string;
  single: boolean;
  categories: ExploitationCategory[];
  nrmLevel: string;
  ageGroup: AgeGroup;
  gender: Gender;
}

/**
 * Derives the proportions for one calendar year from the two quarterly tables.
 *
 * How the 'Total' rows are read (shared/data/nrm/README.md): summing all rows double-counts.
 * Only individual first responders have rows broken down by every dimension at once (exploitation
 * type x age x gender x nationality, none of them `Total`); the `... total` responders are broken
 * down by nationality alone. So every share is taken from the fully disaggregated rows of the
 * individual responders (first-responder file, police excluded) and of the police responders
 * (police file: 46 forces and 5 ROCUs, `Police total` excluded); their sum is checked against the
 * sum of the four `... total` responders, and the police responders against `Police total`.
 */
export function deriveNrmProportions(firstResponderRows: readonly NrmRow[], policeRows: readonly NrmRow[], options: DeriveOptions): NrmProportions {
  const { year, topNationalities = 40, jointNationalities = 20, topDualPairs = 15 } = options;
  const fr = firstResponderRows.filter((r) => r.year === year);
  const pf = policeRows.filter((r) => r.year === year);
  if (fr.length === 0 || pf.length === 0) throw new Error(`NRM statistics: no rows for ${year}`);

  const rows = [
    ...fr.filter((r) => r.responderType !== 'Police' && !isSubtotal(r.responder) && isFullyDisaggregated(r)),
    ...pf.filter((r) => !isSubtotal(r.responder) && isFullyDisaggregated(r)),
  ];
  const cells: Cell[] = rows.map((r) => {
    const nat = must(mapNrmNationality(r.nationality), 'nationality', r.nationality);
    const categories = must(mapNrmExploitationType(r.exploitationType), 'exploitation type', r.exploitationType);
    return {
      people: r.people,
      codes: nat.codes,
      primary: nat.codes[0] ?? 'UNKNOWN',
      single: nat.status === 'KNOWN' && nat.codes.length === 1,
      categories,
      nrmLevel: r.exploitationType,
      ageGroup: must(mapNrmAgeGroup(r.ageGroup), 'age group', r.ageGroup),
      gender: must(mapNrmGender(r.gender), 'gender', r.gender),
    };
  });
  const referrals = cells.reduce((n, c) => n + c.people, 0);

  // The same year from the subtotals: the four `... total` responders, every dimension Total.
  const subtotal = fr.filter((r) => isSubtotal(r.responder) && isAllTotal(r)).reduce((n, r) => n + r.people, 0);
  if (subtotal !== referrals) throw new Error(`NRM statistics ${year}: the disaggregated rows sum to ${referrals}, the responder totals to ${subtotal}`);
  const quarters = [...new Set(fr.map((r) => r.quarter))].sort();

  // Nationality, by the first-listed country.
  const natCount = new Map<string, number>();
  const natSingle = new Map<string, number>();
  const pairs = new Map<string, number>();
  let dual = 0;
  for (const c of cells) {
    add(natCount, c.primary, c.people);
    if (c.single) add(natSingle, c.primary, c.people);
    if (c.codes.length >= 2) {
      dual += c.people;
      add(pairs, c.codes.join('+'), c.people);
    }
  }
  const ranked = [...natCount.entries()]
    .filter(([code]) => code !== 'UNKNOWN')
    .map(([code, count]) => ({ code, count }))
    .sort(byCountThenKey((x) => x.code));
  const top = ranked.slice(0, topNationalities);
  const rest = ranked.slice(topNationalities);
  const restSingle = rest.reduce((n, x) => n + (natSingle.get(x.code) ?? 0), 0);
  const byNationality: NationalityShare[] = [
    ...top.map((x) => ({ code: x.code, ...share(x.count, referrals), singleCount: natSingle.get(x.code) ?? 0 })),
    { code: 'OTHER', ...share(rest.reduce((n, x) => n + x.count, 0), referrals), singleCount: restSingle },
    { code: 'UNKNOWN', ...share(natCount.get('UNKNOWN') ?? 0, referrals), singleCount: 0 },
  ];

  // Exploitation: the statistics' levels (combinations), and each category's incidence.
  const levels = new Map<string, { nrmLevel: string; categories: ExploitationCategory[]; count: number }>();
  const incidence = new Map<ExploitationCategory, number>();
  for (const c of cells) {
    const key = exploitationKey(c.categories);
    const l = levels.get(key) ?? { nrmLevel: c.nrmLevel, categories: c.categories, count: 0 };
    l.count += c.people;
    levels.set(key, l);
    for (const cat of c.categories) add(incidence, cat, c.people);
  }

  const age = new Map<AgeGroup, number>();
  const gender = new Map<Gender, number>();
  for (const c of cells) {
    add(age, c.ageGroup, c.people);
    add(gender, c.gender, c.people);
  }

  // Joint tables for the top nationalities.
  const jointCodes = top.slice(0, jointNationalities).map((x) => x.code);
  const natByExpl = new Map<string, { nationality: string; categories: ExploitationCategory[]; count: number }>();
  const natByAge = new Map<string, { nationality: string; ageGroup: AgeGroup; count: number }>();
  for (const c of cells) {
    if (!jointCodes.includes(c.primary)) continue;
    const ek = `${c.primary}/${exploitationKey(c.categories)}`;
    const e = natByExpl.get(ek) ?? { nationality: c.primary, categories: c.categories, count: 0 };
    e.count += c.people;
    natByExpl.set(ek, e);
    const ak = `${c.primary}/${c.ageGroup}`;
    const a = natByAge.get(ak) ?? { nationality: c.primary, ageGroup: c.ageGroup, count: 0 };
    a.count += c.people;
    natByAge.set(ak, a);
  }
  const jointOrder = <T extends { nationality: string; count: number }>(key: (t: T) => string) => (a: T, b: T) =>
    jointCodes.indexOf(a.nationality) - jointCodes.indexOf(b.nationality) || b.count - a.count || key(a).localeCompare(key(b));

  return {
    title: `Proportions of NRM referrals of potential victims of modern slavery, UK, ${year}`,
    source: {
      publisher: 'Home Office, National Referral Mechanism statistics (official statistics; Crown copyright)',
      collection: 'https://www.gov.uk/government/collections/national-referral-mechanism-statistics',
      files: [NRM_FIRST_RESPONDER_FILE, NRM_POLICE_FORCE_FILE],
      via: 'R package asylum (GitHub britishredcrosssociety/asylum, commit cf7a678eccc2882db4d5931549596c880c241cc6), as laid out in shared/data/nrm',
      readme: 'shared/data/nrm/README.md',
    },
    period: {
      year,
      quarters,
      note: 'the sum of the quarterly snapshots as first published; the revised longitudinal series differs by a few cases',
    },
    derivation: [
      'Counts come from the fully disaggregated rows (exploitation type x age x gender x nationality, none Total) of the individual first responders (first-responder file, police excluded) and of the police responders (police file: forces and ROCUs, Police total excluded); their sum equals the sum of the four "... total" responders with every dimension Total.',
      'Nationality: the NRM value mapped to ISO 3166-1 alpha-2 (src/ingestion/reference/nationalities.ts); a referral counts under its first-listed country; values with no country count as UNKNOWN; below the top entries, OTHER.',
      'Exploitation: each NRM level (a category or a combination) mapped to our exploitation categories (src/ingestion/reference/nrm-levels.ts).',
      'Police: referrals by each force from the police file rows with every dimension Total; ROCU rows are counted apart; force shares are of the force referrals.',
    ],
    generatedBy: 'scripts/derive-nrm-proportions.ts',
    referrals,
    byNationality,
    dualNationality: {
      ...share(dual, referrals),
      topPairs: [...pairs.entries()]
        .map(([k, count]) => ({ codes: k.split('+'), count }))
        .sort(byCountThenKey((x) => x.codes.join('+')))
        .slice(0, topDualPairs)
        .map((x) => ({ codes: x.codes, ...share(x.count, referrals) })),
    },
    byExploitation: [...levels.values()]
      .sort(byCountThenKey((x) => exploitationKey(x.categories)))
      .map((l) => ({ nrmLevel: l.nrmLevel, categories: l.categories, ...share(l.count, referrals) })),
    exploitationCategoryIncidence: Object.fromEntries(EXPLOITATION_CATEGORIES.map((c) => [c, share(incidence.get(c) ?? 0, referrals)])) as Record<ExploitationCategory, Share>,
    byAgeGroup: Object.fromEntries(AGE_GROUPS.map((a) => [a, share(age.get(a) ?? 0, referrals)])) as Record<AgeGroup, Share>,
    byGender: Object.fromEntries(GENDERS.map((g) => [g, share(gender.get(g) ?? 0, referrals)])) as Record<Gender, Share>,
    nationalityByExploitation: [...natByExpl.values()]
      .sort(jointOrder((x) => exploitationKey(x.categories)))
      .map((x) => ({ nationality: x.nationality, categories: x.categories, ...share(x.count, referrals), shareOfNationality: round6(x.count / natCount.get(x.nationality)!) })),
    nationalityByAgeGroup: [...natByAge.values()]
      .sort(jointOrder((x) => x.ageGroup))
      .map((x) => ({ nationality: x.nationality, ageGroup: x.ageGroup, ...share(x.count, referrals), shareOfNationality: round6(x.count / natCount.get(x.nationality)!) })),
    police: policeShares(pf, year),
  };
}

/** Referrals by force and by ROCU, from the police file's rows with every dimension Total. */
function policeShares(pf: readonly NrmRow[], year: number): NrmProportions['police'] {
  const totals = pf.filter(isAllTotal);
  const policeTotal = totals.filter((r) => r.responder === 'Police total').reduce((n, r) => n + r.people, 0);
  const byForce = new Map<string, number>();
  const byRocu = new Map<string, number>();
  for (const r of totals) {
    if (r.responder === 'Police total') continue;
    const force = POLICE_FORCES.find((f) => f.name === r.responder);
    if (force) {
      add(byForce, force.code, r.people);
      continue;
    }
    const rocu = must(regionByRocuName(r.responder)?.rocu ?? undefined, 'police responder', r.responder);
    add(byRocu, rocu.short, r.people);
  }
  const forceReferrals = [...byForce.values()].reduce((a, b) => a + b, 0);
  const rocuReferrals = [...byRocu.values()].reduce((a, b) => a + b, 0);
  if (forceReferrals + rocuReferrals !== policeTotal) {
    throw new Error(`NRM police statistics ${year}: forces ${forceReferrals} + ROCUs ${rocuReferrals} differ from Police total ${policeTotal}`);
  }
  return {
    referrals: policeTotal,
    forceReferrals,
    rocuReferrals,
    byForce: POLICE_FORCES.map((f) => ({ code: f.code as string, name: f.name as string, ...share(byForce.get(f.code) ?? 0, forceReferrals) })).sort(byCountThenKey((x) => x.code)),
    byRocu: [...byRocu.entries()].map(([code, count]) => ({ code, name: regionByRocuName(code)!.rocu!.name, count })).sort(byCountThenKey((x) => x.code)),
  };
}
