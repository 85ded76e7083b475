import { ImportRowsRefused } from '../../../src/ingestion/import-plan';
import { utf8Text } from '../../../src/ingestion/plan-files';

describe('a file’s text', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('is its UTF-8, a byte order mark kept for the readers', () => {
    expect(utf8Text('people.csv', bytes([0xef, 0xbb, 0xbf], ':ID,name\nper-1,José\n'))).toBe('\uFEFF:ID,name\nper-1,José\n');
  });

  it('refuses a file that is not UTF-8, naming the line of its first bad byte', () => {
    // Windows-1252's é (0xE9) on line 3.
    const cp1252 = bytes(':ID,:LABEL,name\nper-1,Person,Ana\nper-2,Person,Jos', [0xe9], '\nper-3,Person,Ion\n');
    let e: unknown;
    try {
      utf8Text('people.csv', cp1252);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ImportRowsRefused);
    expect((e as ImportRowsRefused).bad).toEqual([{ file: 'people.csv', line: 3, reason: 'is not UTF-8 text: save the file as UTF-8 and import it again' }]);
    // UTF-16 (with its byte order mark) from the first line.
    expect(() => utf8Text('people.csv', Buffer.from('\uFEFF:ID,name\n', 'utf16le'))).toThrow(/people\.csv:1: is not UTF-8/);
    // And without one: ASCII text in UTF-16 is valid UTF-8 with a NUL after every character.
    expect(() => utf8Text('people.csv', Buffer.from(':ID,name\nper-1,Jose\n', 'utf16le'))).toThrow(/people\.csv:1: is not UTF-8 text \(it holds NUL bytes/);
    expect(() => utf8Text('people.csv', Buffer.from(':ID,name\nper-1,Jo\u0000se\n'))).toThrow(/people\.csv:2: is not UTF-8/);
  });
});
