import { createHash } from 'node:crypto';

import { csvRecords } from '../../../../src/ingestion/csv';
import { ctdcRelease, planCtdc } from '../../../../src/ingestion/ctdc/ctdc-import';
import { CTDC_COLUMNS, mapCtdcRow, type CtdcRecord } from '../../../../src/ingestion/ctdc/ctdc-row';
import { formatBadRow } from '../../../../src/ingestion/import-plan';
import { ctdcFile } from '../reference/harness';

const CTDC_FILE = 'ctdc_global_dataset_2017_kanon.csv';
const blank = (): CtdcRecord => Object.fromEntries(CTDC_COLUMNS.map((c) => [c, ''])) as CtdcRecord;
const row = (over: Partial<CtdcRecord>): CtdcRecord => ({ ...blank(), ...over });

describe('mapCtdcRow', () => {
  it('keeps every missing value missing: an empty row maps to nothing at all', () => {
    expect(mapCtdcRow(blank())).toEqual({
      year: null,
      dataSource: null,
      gender: null,
      ageBand: null,
      ageGroup: null,
      citizenship: null,
      exploitationCountry: null,
      types: [],
      forms: [],
      controls: [],
      recruitment: [],
    });
  });

  it('reads recorded values into our vocabularies; a 0 is a recorded no and links nothing', () => {
    const v = mapCtdcRow(
      row({
        yearOfRegistration: '2016',
        Datasource: 'Hotline',
        gender: 'Female',
        ageBroad: '18--20',
        majorityStatusAtExploit: 'Minor',
        citizenship: 'MD',
        CountryOfExploitation: 'RU',
        isSexualExploit: '1',
        isForcedLabour: '0',
        typeOfLabourBegging: '1',
        typeOfSexProstitution: '1',
        isForcedMarriage: '1',
        meansOfControlDebtBondage: '1',
        meansOfControlPhysicalAbuse: '1',
        meansOfControlThreats: '0',
        recruiterRelationIntimatePartner: '1',
        isAbduction: '1',
      }),
    );
    expect(v).toEqual({
      year: 2016,
      dataSource: 'Hotline',
      gender: 'FEMALE',
      ageBand: '18-20',
      ageGroup: 'CHILD',
      citizenship: 'MD',
      exploitationCountry: 'RU',
      types: ['SEXUAL', 'BEGGING'],
      forms: ['BEGGING', 'PROSTITUTION', 'FORCED_MARRIAGE'],
      controls: ['DEBT_BONDAGE', 'VIOLENCE'],
      recruitment: ['ROMANCE', 'ABDUCTION'],
    });
  });

  it('reads CTDC Missing and Unknown countries as no country, and Unknown gender and age as recorded unknowns', () => {
    const v = mapCtdcRow(row({ citizenship: 'Missing', CountryOfExploitation: 'Unknown', gender: 'Unknown', ageBroad: 'Unknown' }));
    expect(v).toMatchObject({ citizenship: null, exploitationCountry: null, gender: 'UNKNOWN', ageBand: 'UNKNOWN' });
    expect(mapCtdcRow(row({ ageBroad: '48+' })).ageBand).toBe('48+');
  });

  it('refuses a value it does not know, naming the column', () => {
    expect(() => mapCtdcRow(row({ gender: 'F' }))).toThrow(/^gender: must be one of Female, Male, Unknown/);
    expect(() => mapCtdcRow(row({ meansOfControlOther: '2' }))).toThrow(/^meansOfControlOther: must be 0, 1 or empty/);
    expect(() => mapCtdcRow(row({ citizenship: 'Moldova' }))).toThrow(/^citizenship: must be an ISO/);
    expect(() => mapCtdcRow(row({ ageBroad: 'teen' }))).toThrow(/^ageBroad:/);
    expect(() => mapCtdcRow(row({ yearOfRegistration: '16' }))).toThrow(/^yearOfRegistration:/);
  });
});

describe('ctdcRelease', () => {
  it('keys a release it does not know by its name and its own checksum, so another file under the same name makes other records', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(ctdcRelease('data/victims.csv', a).key).toBe('victims-aaaaaaaa');
    expect(ctdcRelease('other/victims.csv', a).key).toBe(ctdcRelease('data/victims.csv', a).key);
    expect(ctdcRelease('data/victims.csv', b).key).not.toBe(ctdcRelease('data/victims.csv', a).key);
    expect(ctdcRelease('x.csv', '4e9fa144e961b6af8d4b013c94d91aa4064e5a25892946b85bf25813c00ad689').key).toBe('ctdc2017');
  });

  it('numbers the records of such a release under that key', () => {
    const header = CTDC_COLUMNS.join(',');
    const row = CTDC_COLUMNS.map(() => '').join(',');
    const plan = planCtdc(`${header}\n${row}\n`, { name: 'victims.csv', sha256: 'c'.repeat(64), now: new Date('2026-01-01T00:00:00Z') });
    expect(plan.nodes.filter((n) => n.label === 'Person').map((n) => n.id)).toEqual(['per-victims-cccccccc-2']);
    // Its report's reference (unique among reports) names the version too.
    expect(plan.nodes.find((n) => n.label === 'IntelligenceReport')).toMatchObject({ id: 'rep-victims-cccccccc', props: { reference: 'CTDC/victims.csv#cccccccc' } });
  });
});

describe('planCtdc on the real file', () => {
  const text = ctdcFile(CTDC_FILE);
  const sha256 = createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
  const plan = planCtdc(text, { name: CTDC_FILE, sha256, now: new Date('2026-01-01T00:00:00Z') });
  const victims = plan.nodes.filter((n) => n.label === 'Person');

  it('makes exactly 47,102 pseudonymous victims, ids from the release and the line, with no bad row', () => {
    expect(plan.bad.map(formatBadRow)).toEqual([]);
    expect(plan.rows).toBe(47_102);
    expect(victims).toHaveLength(47_102);
    expect(victims[0]).toMatchObject({ id: 'per-ctdc2017-2', roles: ['Victim'], props: { name: 'CTDC 2017 #2' }, source: { line: 2 } });
    expect(new Set(victims.map((v) => v.id)).size).toBe(47_102);
  });

  it('matches the README check values, and leaves missing values missing', () => {
    const gender = (g: string) => victims.filter((v) => v.props.gender === g).length;
    expect([gender('FEMALE'), gender('MALE'), gender('UNKNOWN')]).toEqual([33_850, 12_997, 255]);
    const typed = (t: string) => plan.rels.filter((r) => r.type === 'OF_TYPE' && r.to === `etype-${t}`).length;
    // isSexAndLabour rows also link both categories: at least the README's counts.
    expect(typed('SEXUAL')).toBeGreaterThanOrEqual(12_904);
    expect(typed('LABOUR')).toBeGreaterThanOrEqual(9_004);
    const citizens = (c: string) => plan.rels.filter((r) => r.type === 'NATIONAL_OF' && r.to === `country-${c}`).length;
    expect([citizens('PH'), citizens('MD'), citizens('UA'), citizens('US')]).toEqual([11_312, 7_363, 7_339, 3_007]);
    // 7,484 Unknown and some Missing citizenships: no NATIONAL_OF for those victims, one for every other.
    const raw = csvRecords(text, ['citizenship'] as const);
    const missing = raw.filter((r) => r.citizenship === 'Missing').length;
    expect(raw.filter((r) => r.citizenship === 'Unknown')).toHaveLength(7_484);
    expect(plan.rels.filter((r) => r.type === 'NATIONAL_OF')).toHaveLength(47_102 - 7_484 - missing);
    expect(victims.filter((v) => v.props.ageBand === undefined)).toHaveLength(11_819);
    const expl = plan.nodes.filter((n) => n.label === 'Exploitation');
    expect(expl.filter((e) => e.props.year === 2016)).toHaveLength(18_813);
    expect(expl.filter((e) => e.props.dataSource === 'Hotline')).toHaveLength(10_812);
  });

  it('cites one report for the release, issued by CTDC', () => {
    expect(plan.reports.get('rep-ctdc2017')).toMatchObject({ agency: 'CTDC', handling: 'H0' });
    expect(plan.nodes.find((n) => n.label === 'IntelligenceReport')).toMatchObject({ id: 'rep-ctdc2017', props: { reportedOn: '2017-11-27' } });
    expect(plan.rels.find((r) => r.type === 'ISSUED_BY')).toMatchObject({ from: 'rep-ctdc2017', to: 'agency-CTDC' });
    expect(new Set([...plan.nodes, ...plan.rels].map((i) => i.prov.reportId))).toEqual(new Set(['rep-ctdc2017']));
  });

  it('refuses a file without the CTDC columns, and lists bad rows with their lines', () => {
    expect(planCtdc('a,b\n1,2\n', { name: 'x.csv', sha256: 'x', now: new Date() }).bad.map(formatBadRow)[0]).toMatch(/^x.csv:1: not a CTDC victim file: missing columns yearOfRegistration/);
    const lines = text.split('\n');
    lines[3] = lines[3]!.replace('"Female"', '"F"');
    const bad = planCtdc(lines.slice(0, 6).join('\n'), { name: 'y.csv', sha256: 'y', now: new Date() }).bad.map(formatBadRow);
    expect(bad).toEqual(['y.csv:4: gender: must be one of Female, Male, Unknown or empty, got "F"']);
  });
});
