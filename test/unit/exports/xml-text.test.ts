import { xmlAttr, xmlSafe, xmlText } from '../../../src/exports/xml-text';
import { parseXmlStrictly } from '../../support/strict-xml';

describe('xml-text', () => {
  const nasty = `a & b < c > d "e" 'f' ]]> \t tab \n lf \r cr \u2028 ls \u0085 nel 🌸`;

  it('escapes text and attribute values so a conformant parser reads them back exactly', () => {
    const doc = parseXmlStrictly(`<r a="${xmlAttr(nasty)}" b='${xmlAttr(nasty)}'>${xmlText(nasty)}</r>`);
    const r = doc.documentElement!;
    expect(r.getAttribute('a')).toBe(nasty);
    expect(r.getAttribute('b')).toBe(nasty);
    expect(r.textContent).toBe(nasty);
  });

  it('replaces what XML 1.0 cannot carry, and only that', () => {
    expect(xmlSafe('a\u0000b\u0007c\u001fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(xmlSafe('lone \uD800 high, lone \uDC00 low, pair \uD83C\uDF38')).toBe('lone \uFFFD high, lone \uFFFD low, pair 🌸');
    expect(xmlSafe('\t\n\r kept')).toBe('\t\n\r kept');
  });
});
