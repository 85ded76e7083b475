import { exploitationKey, mapNrmAgeGroup, mapNrmExploitationType, mapNrmGender } from '../../../../src/ingestion/reference/nrm-levels';
import { readNrm } from './harness';

describe('mapNrmExploitationType', () => {
  it.each([
    ['Criminal', ['CRIMINAL']],
    ['Domestic', ['DOMESTIC_SERVITUDE']],
    ['Labour & Criminal', ['LABOUR', 'CRIMINAL']],
    ['Sexual & Labour', ['LABOUR', 'SEXUAL']],
    ['Labour, Domestic, Organ Harvesting', ['LABOUR', 'DOMESTIC_SERVITUDE', 'ORGAN_HARVESTING']],
    ['Sexual, Labour, Domestic, Organ Harvesting & Criminal', ['LABOUR', 'SEXUAL', 'CRIMINAL', 'DOMESTIC_SERVITUDE', 'ORGAN_HARVESTING']],
    ['Not specified or unknown', ['UNKNOWN']],
  ])('maps %j to %j', (level, categories) => {
    expect(mapNrmExploitationType(level)).toEqual(categories);
  });

  it('maps neither Total nor an unknown word nor unknown combined with a category', () => {
    expect(mapNrmExploitationType('Total')).toBeUndefined();
    expect(mapNrmExploitationType('Labour & Forced marriage')).toBeUndefined();
    expect(mapNrmExploitationType('Labour & Not specified or unknown')).toBeUndefined();
  });

  it('keys a set the same way whatever the order it is written in', () => {
    expect(exploitationKey(mapNrmExploitationType('Sexual & Labour')!)).toBe(exploitationKey(mapNrmExploitationType('Labour & Sexual')!));
    expect(exploitationKey(['CRIMINAL', 'LABOUR'])).toBe('LABOUR+CRIMINAL');
  });
});

describe('mapNrmAgeGroup and mapNrmGender', () => {
  it('map the levels and leave Total out', () => {
    expect(['Adult (18 or over)', 'Child (17 or under)', 'Not specified or unknown', 'Total'].map(mapNrmAgeGroup)).toEqual(['ADULT', 'CHILD', 'UNKNOWN', undefined]);
    expect(['Female', 'Male', 'Other', 'Unknown', 'Not Recorded', 'Total'].map(mapNrmGender)).toEqual(['FEMALE', 'MALE', 'OTHER', 'UNKNOWN', 'UNKNOWN', undefined]);
  });
});

describe('NRM levels in the real quarterly statistics', () => {
  it('maps every exploitation type, age and gender level but Total', () => {
    const { firstResponder, police } = readNrm();
    const rows = [...firstResponder, ...police];
    const unmapped = (values: Set<string>, map: (v: string) => unknown) => [...values].filter((v) => v !== 'Total' && map(v) === undefined);
    const exploitation = new Set(rows.map((r) => r.exploitationType));
    expect(unmapped(exploitation, mapNrmExploitationType)).toEqual([]);
    expect(exploitation.size).toBeGreaterThanOrEqual(21);
    expect(unmapped(new Set(rows.map((r) => r.ageGroup)), mapNrmAgeGroup)).toEqual([]);
    expect(unmapped(new Set(rows.map((r) => r.gender)), mapNrmGender)).toEqual([]);
  });
});
