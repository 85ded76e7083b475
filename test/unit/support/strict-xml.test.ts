import { parseXmlStrictly } from '../../support/strict-xml';

// The XML checks of the export tests are only worth something if the checker refuses bad XML.
describe('parseXmlStrictly', () => {
  it.each([
    ['an unclosed element', '<a><b></a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['a bare less-than in an attribute', '<a x="1 < 2"/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an undeclared entity', '<a>&nbsp;</a>'],
    ['text after the root', '<a/>trailing'],
    ['a control character', '<a>bell\u0007</a>'],
    ['an unbound namespace prefix', '<x:a/>'],
  ])('refuses %s', (_what, xml) => {
    expect(() => parseXmlStrictly(xml)).toThrow(/XML (warning|error|fatalError)/);
  });

  it('reads well-formed XML, U+FFFD included', () => {
    expect(parseXmlStrictly('<a x="&#10;">b\uFFFDc</a>').documentElement!.textContent).toBe('b\uFFFDc');
  });
});
