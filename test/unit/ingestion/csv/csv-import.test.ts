import { formatBadRow } from '../../../../src/ingestion/import-plan';
import { planCsv } from '../../../../src/ingestion/csv/csv-import';
import { parseCsvHeader, typeFits } from '../../../../src/ingestion/csv/csv-header';
import { NODE_PROPS } from '../../../../src/domain/entity-props';

const TODAY = new Date('2026-01-01T00:00:00Z');
const plan = (files: Record<string, string>, defaultReportId: string | null = 'rep-1') =>
  planCsv(
    Object.entries(files).map(([name, text]) => ({ name, text })),
    { defaultReportId, today: TODAY },
  );

describe('parseCsvHeader', () => {
  it('reads neo4j-admin style headers: special columns, names with types and arrays', () => {
    const h = parseCsvHeader(['id:ID', ':LABEL', 'name', 'aliases:string[]', 'birthYear:int']);
    expect(h.kind).toBe('nodes');
    expect(h.special.ID!.index).toBe(0);
    expect(h.properties.map((c) => [c.name, c.type, c.array])).toEqual([
      ['name', undefined, false],
      ['aliases', 'string', true],
      ['birthYear', 'int', false],
    ]);
    expect(parseCsvHeader([':START_ID', ':END_ID', ':TYPE', 'since:date']).kind).toBe('relationships');
  });

  it('refuses a header that is neither, or mixes both, or repeats a column, naming every problem', () => {
    expect(() => parseCsvHeader(['name', 'x'])).toThrow(/no :ID and :LABEL/);
    expect(() => parseCsvHeader([':ID', ':LABEL', ':TYPE'])).toThrow(/either nodes/);
    expect(() => parseCsvHeader([':ID', ':LABEL', 'name', 'name'])).toThrow(/name appears twice/);
    expect(() => parseCsvHeader([':ID(Group)', ':LABEL'])).toThrow(/id spaces/);
    expect(() => parseCsvHeader([':ID', ':LABEL', 'x:blob'])).toThrow(/type blob/);
  });

  it('checks a declared type against the property kind', () => {
    const [year] = parseCsvHeader([':ID', ':LABEL', 'birthYear:string']).properties;
    expect(typeFits(year!, NODE_PROPS.Person.birthYear)).toBe(false);
    const [aliases] = parseCsvHeader([':ID', ':LABEL', 'aliases:string[]']).properties;
    expect(typeFits(aliases!, NODE_PROPS.Person.aliases)).toBe(true);
  });
});

describe('planCsv', () => {
  it('turns node and relationship rows into checked, normalised items with provenance', () => {
    const p = plan({
      'people.csv': ':ID,:LABEL,name,aliases:string[],birthYear:int,dateOfBirth:date,handling\nper-1,Person;Offender,Arben Hoxha,Beni; A. Hoxha,,1984-03-02,H1\nphone-1,Phone,,,,,\n',
      'phones.csv': ':ID,:LABEL,value\nphone-2,Phone,07812 345678\n',
      'links.csv': ':START_ID,:END_ID,:TYPE,role,since:date,reportId\nper-1,ocg-9,MEMBER_OF,LEADER,2022-01-01,rep-2\n',
    });
    const bad = p.bad.map(formatBadRow);
    expect(bad).toEqual(['people.csv:3: value: required for a Phone']);
    const person = p.nodes.find((n) => n.id === 'per-1')!;
    expect(person).toMatchObject({ label: 'Person', roles: ['Offender'], props: { name: 'Arben Hoxha', aliases: ['Beni', 'A. Hoxha'], dateOfBirth: '1984-03-02', birthYear: 1984 }, prov: { reportId: 'rep-1', handling: 'H1' } });
    expect(p.nodes.find((n) => n.source.file === 'phones.csv')!.props).toEqual({ value: '+447812345678', countryCode: 'GB' });
    expect(p.rels).toEqual([
      expect.objectContaining({ type: 'MEMBER_OF', from: 'per-1', to: 'ocg-9', props: { role: 'LEADER', since: '2022-01-01' }, prov: { reportId: 'rep-2' }, source: { file: 'links.csv', line: 2 } }),
    ]);
    expect(p.rows).toBe(4);
  });

  it('lists every bad row in the middle of a file with its line number, and empty cells stay missing', () => {
    const text = [
      ':ID,:LABEL,name,birthYear:int,gender',
      'per-1,Person,Good One,1990,MALE',
      'per-2,Person,,1990,MALE',
      'per-3,Person,Bad Year,19x0,MALE',
      'per-4,Person,Bad Gender,1990,BLUE',
      'per-5,Business,Wrong Kind,,',
      '"per-6",Person,"Quoted, with a',
      'line break",1991,',
      'per-7,Person,Short Row',
      'per-1,Person,Again,1990,MALE',
      'per-8,Country,Reference,,',
      'per-9,Person,Last Good,,',
    ].join('\n');
    const p = plan({ 'p.csv': text });
    expect(p.bad.map(formatBadRow)).toEqual([
      'p.csv:3: name: is required',
      'p.csv:4: birthYear: must be an integer, got "19x0"',
      'p.csv:5: gender: must be one of FEMALE, MALE, OTHER, UNKNOWN',
      'p.csv:6: type: is required',
      'p.csv:9: has 3 fields, the header 5',
      'p.csv:11: :LABEL Country is reference data, which an import cannot write (link to it by id instead)',
    ]);
    // per-6 spans lines 7-8 and is fine; per-1 repeated is caught by the plan checks (check-plan.ts).
    expect(p.nodes.map((n) => n.id)).toEqual(['per-1', 'per-6', 'per-1', 'per-9']);
    expect(p.nodes.find((n) => n.id === 'per-9')!.props).toEqual({ name: 'Last Good' });
    expect(p.nodes.find((n) => n.id === 'per-6')!.props.name).toBe('Quoted, with a\nline break');
  });

  it('takes a report row as its own source, ISSUED_BY its agency, for the rows after it to cite', () => {
    const p = plan(
      {
        'r.csv': ':ID,:LABEL,reference,title,agency,gradeSource,gradeIntel,ukHandling,handling\nrep-x1,IntelligenceReport,KENT/2024/1,Car wash visit,kent,2,B,P,H1\nrep-x2,IntelligenceReport,KENT/2024/2,,KENT,,B,P,H1\n',
        'p.csv': ':ID,:LABEL,name,reportId,agency\nper-1,Person,A Person,rep-x1,\nper-2,Person,B Person,rep-x1,NCA\n',
      },
      null,
    );
    expect(p.bad.map(formatBadRow)).toEqual(['r.csv:3: an IntelligenceReport row is its own source: give gradeSource', 'p.csv:3: agency: a fact takes the agency of its report; give it on IntelligenceReport rows only']);
    expect(p.reports.get('rep-x1')).toEqual({ agency: 'KENT', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H1', consent: false });
    expect(p.nodes[0]).toMatchObject({ id: 'rep-x1', props: { reference: 'KENT/2024/1', title: 'Car wash visit' }, prov: { reportId: 'rep-x1' } });
    expect(p.rels).toEqual([expect.objectContaining({ type: 'ISSUED_BY', from: 'rep-x1', to: 'agency-KENT' })]);
    expect(p.nodes.find((n) => n.id === 'per-1')!.prov).toEqual({ reportId: 'rep-x1' });
  });

  it('refuses an agency on a relationship row too: a link takes the agency of its report', () => {
    const p = plan({ 'l.csv': ':START_ID,:END_ID,:TYPE,reportId,agency\nper-1,ocg-1,MEMBER_OF,rep-x1,\nper-2,ocg-1,MEMBER_OF,rep-x1,NCA\n' }, null);
    expect(p.bad.map(formatBadRow)).toEqual(['l.csv:3: agency: a fact takes the agency of its report; give it on IntelligenceReport rows only']);
    expect(p.rels.map((r) => r.from)).toEqual(['per-1']);
  });

  it('takes a handle’s platform from its value, refusing a platform cell that differs', () => {
    const p = plan({ 'h.csv': ':ID,:LABEL,value,platform\nhandle-1,OnlineHandle,telegram:@Abc,\nhandle-2,OnlineHandle,TELEGRAM:def,TELEGRAM\nhandle-3,OnlineHandle,TELEGRAM:ghi,WHATSAPP\n' });
    expect(p.bad.map(formatBadRow)).toEqual(['h.csv:4: platform: a handle\'s platform is its value\'s (TELEGRAM), not "WHATSAPP"']);
    expect(p.nodes.map((n) => n.props)).toEqual([
      { value: 'TELEGRAM:abc', platform: 'TELEGRAM' },
      { value: 'TELEGRAM:def', platform: 'TELEGRAM' },
    ]);
  });

  it('needs a report for every row: a column or a default', () => {
    const p = plan({ 'x.csv': ':ID,:LABEL,name\nper-1,Person,A\n' }, null);
    expect(p.bad.map(formatBadRow)).toEqual(['x.csv:2: reportId: required (give a reportId column, or a default report)']);
  });

  it('refuses unknown relationship types, properties of another kind, and bad provenance cells', () => {
    const p = plan({
      'r.csv': ':START_ID,:END_ID,:TYPE,role,gradeSource,consent\nper-1,ocg-1,KNOWS,,,\nper-1,ocg-1,NATIONAL_OF,LEADER,,\nper-1,ocg-1,MEMBER_OF,,4,\nper-1,ocg-1,MEMBER_OF,,,maybe\n',
    });
    expect(p.bad.map((b) => `${b.line}: ${b.reason}`)).toEqual([
      '2: :TYPE "KNOWS" is not a relationship type of the graph model',
      '3: role: is not a property of a NATIONAL_OF',
      '4: gradeSource: must be 1, 2 or 3, got "4"',
      '5: consent: must be true or false, got "maybe"',
    ]);
  });

  it('reports a file it cannot read as a whole at line 1', () => {
    expect(plan({ 'e.csv': '' }).bad.map(formatBadRow)).toEqual(['e.csv:1: the file is empty (it needs a header row)']);
    expect(plan({ 'q.csv': ':ID,:LABEL\n"per-1,Person\n' }).bad.map(formatBadRow)[0]).toMatch(/^q.csv:2: CSV ends inside a quoted field \(opened on or after line 2\)/);
  });
});
