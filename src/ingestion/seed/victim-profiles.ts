import type { AgeGroup, Gender } from '../../domain/person';
import type { ExploitationCategory } from '../../domain/vocabulary';
import { exploitationKey } from '../reference/nrm-levels';
import type { NrmProportions } from '../reference/nrm-proportions';
import type { Prng } from './prng';
import { WeightedTable } from './weighted-table';

/**
 * Who the synthetic world's victims are, drawn so that their nationalities, exploitation types
 * and age groups follow the real NRM referrals of 2023 (src/ingestion/reference/nrm-proportions.json):
 * nationality first, then exploitation and age group given the nationality (the joint tables
 * for the top nationalities; for the rest, what the overall counts leave once the top
 * nationalities' counts are taken out, so the overall shares come out right too).
 */

export interface VictimProfile {
  /** ISO code, or null when the nationality is not known. */
  nationality: string | null;
  secondNationality: string | null;
  categories: ExploitationCategory[];
  ageGroup: AgeGroup;
  gender: Gender;
}

/** Nationalities below the statistics' top entries, drawn when a victim falls in OTHER. */
const OTHER_POOL = [
  'PL', 'LT', 'LV', 'BG', 'SK', 'CZ', 'HU', 'UA', 'MD', 'TH', 'PH', 'MY', 'ID', 'BD', 'LK', 'NP', 'GH', 'CM', 'UG', 'KE', 'ZW', 'JM', 'BR', 'MA', 'DZ',
  'TN', 'LY', 'YE', 'SS', 'MM', 'KH', 'MN', 'GM', 'SL', 'LR', 'CI', 'SN', 'GN', 'CD', 'CG', 'AO', 'TR', 'GE', 'AM', 'RU', 'BY', 'KZ', 'UZ', 'TJ', 'KG',
  'PT', 'ES', 'IT', 'FR', 'DE', 'NL', 'GR', 'CO', 'VE', 'MX', 'PS', 'TD', 'RW', 'BI', 'MW', 'ZA', 'TZ', 'MZ',
];

/** Women's share of victims by the kind of exploitation (the statistics give gender only overall). */
const FEMALE_SHARE: Record<string, number> = { SEXUAL: 0.85, DOMESTIC_SERVITUDE: 0.7, LABOUR: 0.15, CRIMINAL: 0.06, UNKNOWN: 0.3, ORGAN_HARVESTING: 0.3 };

function residual<K>(overall: Map<K, number>, taken: Map<K, number>): [K, number][] {
  return [...overall].map(([k, n]) => [k, Math.max(0, n - (taken.get(k) ?? 0))] as [K, number]).filter(([, n]) => n > 0);
}

export class VictimProfiles {
  private readonly nationality: WeightedTable<string>;
  private readonly other: string[];
  private readonly categoriesBy = new Map<string, WeightedTable<string>>();
  private readonly categoriesRest: WeightedTable<string>;
  private readonly ageBy = new Map<string, WeightedTable<AgeGroup>>();
  private readonly ageRest: WeightedTable<AgeGroup>;
  private readonly categoriesOf = new Map<string, ExploitationCategory[]>();
  private readonly dualShare: number;
  private readonly pairs: Map<string, string>;

  constructor(readonly table: NrmProportions) {
    this.nationality = new WeightedTable(table.byNationality.map((n) => [n.code, n.count] as const));
    const listed = new Set(table.byNationality.map((n) => n.code));
    this.other = OTHER_POOL.filter((c) => !listed.has(c));

    const overallExpl = new Map<string, number>();
    for (const e of table.byExploitation) {
      const key = exploitationKey(e.categories);
      overallExpl.set(key, e.count);
      this.categoriesOf.set(key, [...e.categories]);
    }
    const takenExpl = new Map<string, number>();
    const byNat = new Map<string, [string, number][]>();
    for (const j of table.nationalityByExploitation) {
      const key = exploitationKey(j.categories);
      this.categoriesOf.set(key, [...j.categories]);
      byNat.set(j.nationality, [...(byNat.get(j.nationality) ?? []), [key, j.count]]);
      takenExpl.set(key, (takenExpl.get(key) ?? 0) + j.count);
    }
    for (const [nat, entries] of byNat) this.categoriesBy.set(nat, new WeightedTable(entries));
    this.categoriesRest = new WeightedTable(residual(overallExpl, takenExpl));

    const overallAge = new Map<AgeGroup, number>(Object.entries(table.byAgeGroup).map(([k, s]) => [k as AgeGroup, s.count]));
    const takenAge = new Map<AgeGroup, number>();
    const ageNat = new Map<string, [AgeGroup, number][]>();
    for (const j of table.nationalityByAgeGroup) {
      ageNat.set(j.nationality, [...(ageNat.get(j.nationality) ?? []), [j.ageGroup, j.count]]);
      takenAge.set(j.ageGroup, (takenAge.get(j.ageGroup) ?? 0) + j.count);
    }
    for (const [nat, entries] of ageNat) this.ageBy.set(nat, new WeightedTable(entries));
    this.ageRest = new WeightedTable(residual(overallAge, takenAge));

    this.dualShare = table.dualNationality.share;
    this.pairs = new Map(table.dualNationality.topPairs.map((p) => [p.codes[0]!, p.codes[1]!]));
  }

  draw(rng: Prng): VictimProfile {
    const drawn = this.nationality.draw(rng);
    const nationality = drawn === 'UNKNOWN' ? null : drawn === 'OTHER' ? rng.pick(this.other) : drawn;
    const joint = nationality !== null && this.categoriesBy.has(nationality);
    const key = (joint ? this.categoriesBy.get(nationality!)! : this.categoriesRest).draw(rng);
    const categories = this.categoriesOf.get(key)!;
    const ageGroup = (nationality !== null && this.ageBy.has(nationality) ? this.ageBy.get(nationality)! : this.ageRest).draw(rng);
    const primary = categories[0] ?? 'UNKNOWN';
    const female = rng.chance(FEMALE_SHARE[categories.includes('SEXUAL') ? 'SEXUAL' : primary] ?? 0.3);
    let secondNationality: string | null = null;
    if (nationality !== null && rng.chance(this.dualShare)) {
      const second = this.pairs.get(nationality) ?? (nationality === 'GB' ? 'IE' : 'GB');
      secondNationality = second === nationality ? null : second;
    }
    return { nationality, secondNationality, categories, ageGroup, gender: female ? 'FEMALE' : 'MALE' };
  }

  /** The statistics' nationality bucket of a victim: its code if listed, else OTHER; UNKNOWN when unknown. */
  bucketOf(nationality: string | null): string {
    if (nationality === null) return 'UNKNOWN';
    return this.table.byNationality.some((n) => n.code === nationality) ? nationality : 'OTHER';
  }
}
