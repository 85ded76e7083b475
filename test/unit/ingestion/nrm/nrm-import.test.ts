import { formatBadRow } from '../../../../src/ingestion/import-plan';
import { nrmStatisticId, planNrm } from '../../../../src/ingestion/nrm/nrm-import';
import { NRM_FIRST_RESPONDER_FILE, NRM_POLICE_FORCE_FILE } from '../../../../src/ingestion/reference/nrm-files';
import { nrmDir } from '../reference/harness';
import fs from 'node:fs';
import path from 'node:path';

const HEADER = '"Year","Quarter","First responder type","First responder","Exploitation type","Age at exploitation","Gender","Nationality","People"';
const line = (...cells: (string | number)[]) => cells.map((c) => (typeof c === 'number' ? String(c) : `"${c}"`)).join(',');

describe('planNrm', () => {
  const table = [
    HEADER,
    line(2023, 'Q1', 'Police', 'Kent Police', 'Labour', 'Adult (18 or over)', 'Male', 'Albanian', 3),
    line(2023, 'Q1', 'Police', 'Kent Police', 'Criminal', 'Child (17 or under)', 'Male', 'UK', 2),
    line(2023, 'Q1', 'Police', 'Kent Police', 'Total', 'Total', 'Total', 'Total', 5),
    line(2023, 'Q1', 'Police', 'Kent Police', 'Total', 'Total', 'Total', 'Albanian', 3),
    line(2023, 'Q1', 'Police', 'Kent Police', 'Labour', 'Total', 'Male', 'Total', 3),
    line(2023, 'Q1', 'Police', 'Police total', 'Total', 'Total', 'Total', 'Total', 6),
    line(2023, 'Q1', 'Police', 'Tarian ROCU', 'Sexual', 'Adult (18 or over)', 'Female', 'Albanian Greek', 1),
    line(2023, 'Q1', 'Police', 'Tarian ROCU', 'Total', 'Total', 'Total', 'Total', 1),
  ].join('\n');

  it('stores only the cells, checks every Total row against them, and links force cells to their force', () => {
    const plan = planNrm([{ name: 'police.csv', text: `${table}\n` }]);
    expect(plan.bad.map(formatBadRow)).toEqual([]);
    expect(plan.rows).toBe(8);
    expect(plan.skipped).toBe(5);
    const cells = plan.nodes.filter((n) => n.label === 'NRMStatistic');
    expect(cells.map((c) => c.props.people)).toEqual([3, 2, 1]);
    expect(cells[0]).toMatchObject({
      id: expect.stringMatching(/^nrmstat-2023Q1-[0-9a-f]{16}$/),
      props: { year: 2023, quarter: 'Q1', period: '2023Q1', responderType: 'Police', responder: 'Kent Police', forceCode: 'KENT', exploitationLevel: 'Labour', exploitationCategories: ['LABOUR'], ageGroup: 'ADULT', gender: 'MALE', nationality: 'Albanian', nationalityCodes: ['AL'], nationalityStatus: 'KNOWN', people: 3 },
      source: { file: 'police.csv', line: 2 },
    });
    expect(cells[2]!.props).toMatchObject({ responder: 'Tarian ROCU', nationalityCodes: ['AL', 'GR'] });
    expect(cells[2]!.props.forceCode).toBeUndefined();
    expect(plan.rels.filter((r) => r.type === 'REFERRED_BY_FORCE').map((r) => r.to)).toEqual(['force-KENT', 'force-KENT']);
    expect(plan.reports.get(plan.nodes[0]!.id)).toMatchObject({ agency: 'HOSTATS', gradeSource: 1, gradeIntel: 'A' });
  });

  it('knows a force by its other names, in any case, with & or and', () => {
    const other = [
      HEADER,
      line(2019, 'Q1', 'Police', 'Metropolitan Police', 'Labour', 'Adult (18 or over)', 'Male', 'Albanian', 3),
      line(2019, 'Q1', 'Police', 'Devon and Cornwall Police', 'Labour', 'Adult (18 or over)', 'Male', 'Albanian', 2),
      line(2019, 'Q1', 'Police', 'AVON & SOMERSET CONSTABULARY', 'Labour', 'Adult (18 or over)', 'Male', 'Albanian', 1),
    ].join('\n');
    const plan = planNrm([{ name: 'older.csv', text: `${other}\n` }]);
    expect(plan.bad.map(formatBadRow)).toEqual([]);
    expect(plan.nodes.filter((n) => n.label === 'NRMStatistic').map((n) => n.props.forceCode)).toEqual(['MPS', 'DCP', 'ASC']);
  });

  it('refuses a Total row that does not add up, and values it cannot map, naming their lines', () => {
    const broken = table.replace(line(2023, 'Q1', 'Police', 'Kent Police', 'Total', 'Total', 'Total', 'Albanian', 3), line(2023, 'Q1', 'Police', 'Kent Police', 'Total', 'Total', 'Total', 'Albanian', 4)).replace('"Albanian Greek"', '"Atlantean"');
    const plan = planNrm([{ name: 'police.csv', text: broken }]);
    expect(plan.bad.map(formatBadRow)).toEqual([
      'police.csv:8: no mapping for Nationality "Atlantean" (src/ingestion/reference)',
      'police.csv:5: this Total row says 4 people, but the rows it totals sum to 3',
    ]);
  });

  it('gives a cell the same id whatever the file holds around it', () => {
    const r = { Year: '2023', Quarter: 'Q1', 'First responder type': 'Police', 'First responder': 'Kent Police', 'Exploitation type': 'Labour', 'Age at exploitation': 'Adult (18 or over)', Gender: 'Male', Nationality: 'Albanian', People: '3' };
    expect(nrmStatisticId(r)).toBe(nrmStatisticId({ ...r, People: '9' }));
    expect(nrmStatisticId(r)).not.toBe(nrmStatisticId({ ...r, Gender: 'Female' }));
  });

  describe('on the real tables', () => {
    const read = (f: string) => ({ name: f, text: fs.readFileSync(path.join(nrmDir(), f), 'utf8') });
    const plan = planNrm([read(NRM_FIRST_RESPONDER_FILE), read(NRM_POLICE_FORCE_FILE)]);
    const cells = plan.nodes.filter((n) => n.label === 'NRMStatistic');
    const sum = (pred: (p: Record<string, unknown>) => boolean) => cells.filter((c) => pred(c.props)).reduce((n, c) => n + (c.props.people as number), 0);

    it('checks every Total row and finds none wrong', () => {
      expect(plan.bad.map(formatBadRow)).toEqual([]);
      expect(plan.rows).toBe(27_034 + 21_408);
      expect(cells.length + plan.skipped).toBe(plan.rows);
    });

    it('sums, per force and year, to the police table (README check values for 2023)', () => {
      const force2023 = (code: string) => sum((p) => p.forceCode === code && p.year === 2023);
      expect([force2023('MPS'), force2023('PSCOT'), force2023('WYP'), force2023('GMP'), force2023('WMP')]).toEqual([670, 242, 236, 185, 182]);
      expect(sum((p) => p.responderType === 'Police' && p.year === 2023)).toBe(3_946);
    });

    it('sums to 17,023 referrals in 2023 over both tables, with the top nationalities of the README', () => {
      expect(sum((p) => p.year === 2023)).toBe(17_023);
      const single = (code: string) => sum((p) => p.year === 2023 && ((p.nationalityCodes as string[] | undefined) ?? []).join() === code && p.nationalityStatus === 'KNOWN');
      expect([single('GB'), single('AL'), single('VN'), single('SD'), single('ER')]).toEqual([4_305, 4_055, 997, 941, 899]);
    });
  });
});
