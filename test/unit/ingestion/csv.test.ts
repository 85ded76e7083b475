import { CsvSyntaxError, csvRecords, parseCsv, parseCsvLines } from '../../../src/ingestion/csv';

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

  it('refuses what is not RFC 4180, at the line where it is, instead of guessing', () => {
    const at = (text: string) => {
      try {
        parseCsvLines(text);
      } catch (e) {
        expect(e).toBeInstanceOf(CsvSyntaxError);
        return [(e as CsvSyntaxError).line, (e as Error).message];
      }
      return null;
    };
    // A quote in the middle of an unquoted field: read leniently, the quotes went and the text stayed.
    expect(at(':ID,name\nper-1,Arben "Beni" Hoxha\n')).toEqual([2, expect.stringMatching(/^a quote inside a field that does not start with one/)]);
    // A stray quote opened a field that swallowed the commas and lines after it.
    expect(at('a,b\n1,5"\n2,3\n')).toEqual([2, expect.stringMatching(/^a quote inside a field/)]);
    // Text after a closing quote.
    expect(at('a,b\n"ab"cd,2\n')).toEqual([2, expect.stringMatching(/^text after the closing quote of a field/)]);
    // Old Mac line ends: one long row.
    expect(at('a,b\r1,2\r')).toEqual([1, expect.stringMatching(/^a carriage return without a line feed/)]);
    // A quoted field may still hold a CR, a quote doubled, commas and line ends.
    expect(parseCsv('a,"x\ry ""q"", z"\r\n')).toEqual([['a', 'x\ry "q", z']]);
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
