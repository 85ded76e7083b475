import { csvRecords, parseCsv } from '../../../src/ingestion/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF line ends', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,"two\nlines",\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', 'two\nlines', ''],
    ]);
  });

  it('keeps a last line without a newline and drops empty lines', () => {
    expect(parseCsv('x,y\n\n1,2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });

  it('refuses text that ends inside a quoted field', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/inside a quoted field/);
  });
});

describe('csvRecords', () => {
  it('keys the named columns by header, whatever their order', () => {
    expect(csvRecords('\uFEFFb,a,c\n2,1,3\n', ['a', 'b'] as const)).toEqual([{ a: '1', b: '2' }]);
  });

  it('fails on a missing column or a row of the wrong width', () => {
    expect(() => csvRecords('a,b\n1,2\n', ['a', 'z'] as const, 'test.csv')).toThrow(/test.csv: missing columns \["z"\]/);
    expect(() => csvRecords('a,b\n1,2,3\n', ['a'] as const, 'test.csv')).toThrow(/row 2 has 3 fields/);
  });
});
