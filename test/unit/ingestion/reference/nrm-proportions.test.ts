import { deriveFromSharedData, NRM_PROPORTIONS_YEAR } from '../../../../scripts/derive-nrm-proportions';
import { POLICE_FORCES } from '../../../../src/domain/reference/police-forces';
import { regionByRocuName } from '../../../../src/domain/reference/regions';
import { deriveNrmProportions, type NrmProportions } from '../../../../src/ingestion/reference/nrm-proportions';
import { NRM_PROPORTIONS } from '../../../../src/ingestion/reference/nrm-proportions-table';
import { readNrm } from './harness';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (share: number) => Math.round(share * 1000) / 10;

describe('nrm-proportions.json', () => {
  let derived: NrmProportions;
  beforeAll(() => {
    derived = deriveFromSharedData();
  });

  it('is what scripts/derive-nrm-proportions.ts derives from the real NRM files (re-run it and commit)', () => {
    expect(NRM_PROPORTIONS).toEqual(derived);
  });

  it('says where it comes from and how it was derived', () => {
    expect(NRM_PROPORTIONS.source.files).toEqual(['nrm_referrals_by_first_responder_2022Q2_2023Q4.csv', 'nrm_referrals_police_force_2022Q2_2023Q4.csv']);
    expect(NRM_PROPORTIONS.period).toMatchObject({ year: NRM_PROPORTIONS_YEAR, quarters: ['Q1', 'Q2', 'Q3', 'Q4'] });
    expect(NRM_PROPORTIONS.derivation.length).toBeGreaterThan(0);
    expect(NRM_PROPORTIONS.generatedBy).toBe('scripts/derive-nrm-proportions.ts');
  });

  // Check values from shared/data/nrm/README.md (2023, the four quarterly snapshots).
  it('counts the 17,023 referrals of 2023 and the top nationalities the README gives', () => {
    const t = NRM_PROPORTIONS;
    expect(t.referrals).toBe(17023);
    const single = Object.fromEntries(t.byNationality.map((n) => [n.code, n.singleCount]));
    expect(single).toMatchObject({ GB: 4305, AL: 4055, VN: 997, SD: 941, ER: 899 });
    expect(t.byNationality.slice(0, 5).map((n) => n.code)).toEqual(['GB', 'AL', 'VN', 'SD', 'ER']);
    expect(t.byNationality.filter((n) => n.code !== 'OTHER' && n.code !== 'UNKNOWN')).toHaveLength(40);
    expect(sum(t.byNationality.map((n) => n.count))).toBe(t.referrals);
  });

  it('gives the exploitation type shares the README gives', () => {
    const share = Object.fromEntries(NRM_PROPORTIONS.byExploitation.map((e) => [e.nrmLevel, pct(e.share)]));
    expect(share).toMatchObject({ Criminal: 27.8, Labour: 27.4, 'Labour & Criminal': 11.8, 'Not specified or unknown': 10.8, Sexual: 9.9 });
    expect(sum(NRM_PROPORTIONS.byExploitation.map((e) => e.count))).toBe(17023);
    expect(NRM_PROPORTIONS.exploitationCategoryIncidence.LABOUR.count).toBeGreaterThan(NRM_PROPORTIONS.exploitationCategoryIncidence.SEXUAL.count);
  });

  it('gives the police totals and top forces the README gives', () => {
    const p = NRM_PROPORTIONS.police;
    expect(p.referrals).toBe(3946);
    expect(p.forceReferrals + p.rocuReferrals).toBe(3946);
    expect(p.byForce.slice(0, 5).map((f) => [f.code, f.count])).toEqual([
      ['MPS', 670],
      ['PSCOT', 242],
      ['WYP', 236],
      ['GMP', 185],
      ['WMP', 182],
    ]);
    expect(p.byForce).toHaveLength(46);
    expect(sum(p.byForce.map((f) => f.count))).toBe(p.forceReferrals);
  });

  it('splits every referral by age group and gender, and the joint tables add up within each nationality', () => {
    const t = NRM_PROPORTIONS;
    expect(sum(Object.values(t.byAgeGroup).map((s) => s.count))).toBe(t.referrals);
    expect(sum(Object.values(t.byGender).map((s) => s.count))).toBe(t.referrals);
    const joint = new Set(t.nationalityByExploitation.map((x) => x.nationality));
    expect(joint.size).toBe(20);
    for (const code of joint) {
      const n = t.byNationality.find((x) => x.code === code)!.count;
      expect(sum(t.nationalityByExploitation.filter((x) => x.nationality === code).map((x) => x.count))).toBe(n);
      expect(sum(t.nationalityByAgeGroup.filter((x) => x.nationality === code).map((x) => x.count))).toBe(n);
    }
  });
});

describe('deriveNrmProportions', () => {
  it('knows every police responder of the police file: a force by its exact name, a ROCU, or Police total', () => {
    const { police } = readNrm();
    const names = new Set(police.map((r) => r.responder));
    const unknown = [...names].filter((n) => n !== 'Police total' && !POLICE_FORCES.some((f) => f.name === n) && !regionByRocuName(n));
    expect(unknown).toEqual([]);
    expect(POLICE_FORCES.filter((f) => !names.has(f.name))).toEqual([]);
  });

  it('also derives 2022 (three quarters), where the disaggregated rows add up to the responder totals', () => {
    const { firstResponder, police } = readNrm();
    const t = deriveNrmProportions(firstResponder, police, { year: 2022 });
    expect(t.period.quarters).toEqual(['Q2', 'Q3', 'Q4']);
    expect(t.referrals).toBeGreaterThan(10000);
  });

  it('refuses a year the files do not hold', () => {
    const { firstResponder, police } = readNrm();
    expect(() => deriveNrmProportions(firstResponder, police, { year: 2019 })).toThrow(/no rows for 2019/);
  });
});
