import { EXPLOITATION_CATEGORIES, type ExploitationCategory } from '../../../../src/domain/vocabulary';
import { exploitationKey } from '../../../../src/ingestion/reference/nrm-levels';
import { NRM_PROPORTIONS } from '../../../../src/ingestion/reference/nrm-proportions-table';
import { SCALES } from '../../../../src/ingestion/seed/seed-item';
import { VictimProfiles } from '../../../../src/ingestion/seed/victim-profiles';
import { WorldGenerator } from '../../../../src/ingestion/seed/world-generator';

/**
 * The `medium` world's victims against the real 2023 NRM referrals: nationality and exploitation
 * shares close to the statistics (within sampling error), read from the generated items
 * (victims, their first NATIONAL_OF, their exploitation's OF_TYPE categories), not from the
 * sampler, so the test sees what the graph would hold.
 */
describe('a medium world follows the NRM proportions', () => {
  const nationality = new Map<string, string | null>();
  const categories = new Map<string, ExploitationCategory[]>();
  const age = new Map<string, string>();
  const victimOf = new Map<string, string>();
  const force = new Map<string, string>();
  const isCategory = new Set<string>(EXPLOITATION_CATEGORIES.map((c) => `etype-${c}`));
  const ids = new Set<string>();
  const values = new Set<string>();
  const repeated: string[] = [];

  beforeAll(() => {
    for (const slice of new WorldGenerator({ seed: 7, persons: SCALES.medium }).generate()) {
      for (const it of slice) {
        if (it.kind === 'node') {
          if (ids.has(it.id)) repeated.push(it.id);
          ids.add(it.id);
          const unique = typeof it.props.value === 'string' ? `${it.label}|${it.props.value}` : it.label === 'IntelligenceReport' ? `ref|${String(it.props.reference)}` : null;
          if (unique && values.has(unique)) repeated.push(unique);
          if (unique) values.add(unique);
        }
        if (it.kind === 'node' && it.label === 'Person' && it.roles?.includes('Victim')) {
          nationality.set(it.id, null);
          age.set(it.id, it.props.ageGroup as string);
        } else if (it.kind === 'rel') {
          if (it.type === 'NATIONAL_OF' && nationality.get(it.from) === null) nationality.set(it.from, it.to.slice('country-'.length));
          if (it.type === 'EXPLOITED') victimOf.set(it.from, it.to);
          if (it.type === 'OF_TYPE' && it.from.startsWith('expl-') && isCategory.has(it.to)) categories.set(it.from, [...(categories.get(it.from) ?? []), it.to.slice('etype-'.length) as ExploitationCategory]);
          if (it.type === 'IN_AREA' && it.from.startsWith('expl-')) force.set(it.from, it.to.slice('force-'.length));
        }
      }
    }
  }, 120_000);

  /** Each share within 3.5 standard errors (plus a little), the largest gap small. */
  function expectClose(observed: Map<string, number>, expected: Map<string, number>, n: number): number {
    let worst = 0;
    for (const [k, p] of expected) {
      const q = (observed.get(k) ?? 0) / n;
      const tolerance = 3.5 * Math.sqrt((p * (1 - p)) / n) + 0.002;
      expect({ k, q: Math.abs(q - p) <= tolerance ? p : q }).toEqual({ k, q: p });
      worst = Math.max(worst, Math.abs(q - p));
    }
    return worst;
  }

  it('never repeats an id or a natural key (identifier values, report references)', () => {
    expect(ids.size).toBeGreaterThan(90_000);
    expect(repeated).toEqual([]);
  });

  it('has about 55% of its persons as victims', () => {
    expect(nationality.size / SCALES.medium).toBeCloseTo(0.55, 2);
  });

  it('matches the nationality shares (top 40, OTHER, UNKNOWN)', () => {
    const profiles = new VictimProfiles(NRM_PROPORTIONS);
    const observed = new Map<string, number>();
    for (const code of nationality.values()) {
      const b = profiles.bucketOf(code);
      observed.set(b, (observed.get(b) ?? 0) + 1);
    }
    const expected = new Map(NRM_PROPORTIONS.byNationality.map((x) => [x.code, x.count / NRM_PROPORTIONS.referrals]));
    expect(expectClose(observed, expected, nationality.size)).toBeLessThan(0.012);
  });

  it('matches the exploitation type shares (the statistics levels, combinations included)', () => {
    const observed = new Map<string, number>();
    for (const expl of victimOf.keys()) {
      const key = exploitationKey(categories.get(expl) ?? []);
      observed.set(key, (observed.get(key) ?? 0) + 1);
    }
    const expected = new Map(NRM_PROPORTIONS.byExploitation.map((x) => [exploitationKey(x.categories), x.count / NRM_PROPORTIONS.referrals]));
    expect(expectClose(observed, expected, victimOf.size)).toBeLessThan(0.012);
  });

  it('matches the age group shares', () => {
    const observed = new Map<string, number>();
    for (const a of age.values()) observed.set(a, (observed.get(a) ?? 0) + 1);
    const expected = new Map(Object.entries(NRM_PROPORTIONS.byAgeGroup).map(([k, s]) => [k, s.count / NRM_PROPORTIONS.referrals]));
    expectClose(observed, expected, age.size);
  });

  it('spreads exploitation over force areas much as the police referrals are spread', () => {
    const observed = new Map<string, number>();
    for (const f of force.values()) observed.set(f, (observed.get(f) ?? 0) + 1);
    // Groups, not single victims, choose a force, so the spread is lumpier: total variation distance.
    const tv = NRM_PROPORTIONS.police.byForce.reduce((d, f) => d + Math.abs((observed.get(f.code) ?? 0) / force.size - f.share), 0) / 2;
    expect(tv).toBeLessThan(0.2);
    const top = [...observed].sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('MPS');
  });
});
