import { csvRecords } from '../../../../src/ingestion/csv';
import { NRM_NATIONALITY_CODES, mapCtdcCountry, mapNrmNationality } from '../../../../src/ingestion/reference/nationalities';
import type { NrmRow } from '../../../../src/ingestion/reference/nrm-files';
import { ctdcFile, migratedCountryCodes, readNrm } from './harness';

describe('mapNrmNationality', () => {
  it.each([
    ['Albanian', ['AL'], 'KNOWN'],
    ['UK', ['GB'], 'KNOWN'],
    ['Kosovan', ['XK'], 'KNOWN'],
    ['Albanian Greek', ['AL', 'GR'], 'KNOWN'],
    ['Sudanese South Sudanese', ['SD', 'SS'], 'KNOWN'],
    ['South Sudanese Sudanese', ['SS', 'SD'], 'KNOWN'],
    ['Nigerian', ['NG'], 'KNOWN'],
    ['Nigerien UK', ['NE', 'GB'], 'KNOWN'],
    ['Dominican', ['DM'], 'KNOWN'],
    ['British Virgin Islander Citizen of the Dominican Republic', ['VG', 'DO'], 'KNOWN'],
    ['Citizen of Guinea Bissau Portuguese', ['GW', 'PT'], 'KNOWN'],
    ['Congolese (Drc)', ['CD'], 'KNOWN'],
    ['Congolese Congo ', ['CG'], 'KNOWN'],
    ['Congolese (DRC) Central African', ['CD', 'CF'], 'KNOWN'],
    ['Australian UKrainian', ['AU', 'UA'], 'KNOWN'],
    ['Afghan Unknown', ['AF'], 'PARTLY_UNKNOWN'],
    ['Unknown UK', ['GB'], 'PARTLY_UNKNOWN'],
    ['Unknown', [], 'UNKNOWN'],
    ['Not specified or unknown', [], 'UNKNOWN'],
    ['Stateless', [], 'STATELESS'],
    ['Total', [], 'TOTAL'],
  ])('maps %j to %j (%s)', (value, codes, status) => {
    expect(mapNrmNationality(value)).toEqual({ codes, status });
  });

  it('maps nothing it does not know, rather than guessing', () => {
    expect(mapNrmNationality('Martian')).toBeUndefined();
    expect(mapNrmNationality('Albanian Martian')).toBeUndefined();
    expect(mapNrmNationality('South')).toBeUndefined();
    expect(mapNrmNationality('  ')).toBeUndefined();
  });

  it('only produces codes that are Country nodes of migration 0003', () => {
    const countries = migratedCountryCodes();
    expect(NRM_NATIONALITY_CODES.filter((c) => !countries.has(c))).toEqual([]);
  });
});

describe('mapNrmNationality on the real NRM quarterly statistics', () => {
  let values: Map<string, string[]>;
  beforeAll(() => {
    const { firstResponder, police } = readNrm();
    values = new Map();
    const collect = (rows: NrmRow[], file: string) => {
      for (const r of rows) values.set(r.nationality, [...new Set([...(values.get(r.nationality) ?? []), file])]);
    };
    collect(firstResponder, 'first responder file');
    collect(police, 'police file');
  });

  it('reads every distinct Nationality value of both files', () => {
    expect(values.size).toBe(481);
  });

  it('maps every value, naming any it cannot', () => {
    const unmapped = [...values.entries()].filter(([v]) => mapNrmNationality(v) === undefined).map(([v, files]) => `${JSON.stringify(v)} (${files.join(', ')})`);
    expect(unmapped).toEqual([]);
  });

  it('gives every value but the unknown ones and Total a country, from the 0003 list', () => {
    const countries = migratedCountryCodes();
    const noCountry: string[] = [];
    for (const v of values.keys()) {
      const m = mapNrmNationality(v)!;
      if (m.codes.length === 0) noCountry.push(`${v}:${m.status}`);
      for (const c of m.codes) expect(countries).toContain(c);
    }
    expect(noCountry.sort()).toEqual(['Total:TOTAL', 'Unknown:UNKNOWN']);
  });
});

describe('mapCtdcCountry', () => {
  it('takes ISO codes as they are and reads Missing, Unknown and empty as no country', () => {
    expect(mapCtdcCountry('PH')).toEqual({ codes: ['PH'], status: 'KNOWN' });
    expect(mapCtdcCountry('Y1')).toEqual({ codes: ['LT'], status: 'KNOWN' });
    for (const v of ['Missing', 'Unknown', '', 'ZZ', '-99']) expect(mapCtdcCountry(v)).toEqual({ codes: [], status: 'UNKNOWN' });
    expect(mapCtdcCountry('Philippines')).toBeUndefined();
  });

  it('maps every citizenship and country of exploitation in the real CTDC dataset to a 0003 country or unknown', () => {
    const rows = csvRecords(ctdcFile('ctdc_global_dataset_2017_kanon.csv'), ['citizenship', 'CountryOfExploitation'] as const, 'CTDC');
    expect(rows).toHaveLength(47102);
    const countries = migratedCountryCodes();
    const values = new Set(rows.flatMap((r) => [r.citizenship, r.CountryOfExploitation]));
    const bad = [...values].filter((v) => {
      const m = mapCtdcCountry(v);
      return m === undefined || m.codes.some((c) => !countries.has(c));
    });
    expect(bad).toEqual([]);
    expect(mapCtdcCountry('Missing')!.status).toBe('UNKNOWN');
    expect(values.has('Missing') && values.has('Unknown')).toBe(true);
  });
});
