/**
 * Text for XML 1.0 documents. Everything is escaped (so `]]>`, quotes and markup in values stay
 * values), line breaks and tabs in attribute values are written as character references so that
 * a parser's attribute-value normalisation cannot turn them into spaces, and a carriage return in
 * text is written as `&#13;` so that line-end normalisation keeps it; so are NEL, U+2028 and
 * U+2029, which XML 1.1 readers (and some lenient ones) treat as line ends. Characters XML 1.0 cannot
 * carry at all (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates) are
 * replaced by U+FFFD: no XML reader would accept the file otherwise.
 */
// Without the `u` flag on purpose: surrogates are matched as single code units.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const XML_REPLACEMENT_CHARACTER = '\uFFFD';

/** The string with every character XML 1.0 cannot carry replaced by U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, XML_REPLACEMENT_CHARACTER);
}

/** Character data (element content). */
export function xmlText(s: string): string {
  return xmlSafe(s).replace(/[&<>\r\u0085\u2028\u2029]/g, (c) => TEXT_ESCAPES[c]!);
}

/** An attribute value, for either quote character. */
export function xmlAttr(s: string): string {
  return xmlSafe(s).replace(/[&<>"'\t\n\r\u0085\u2028\u2029]/g, (c) => ATTR_ESCAPES[c]!);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;', '\u0085': '&#133;', '\u2028': '&#8232;', '\u2029': '&#8233;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;' };
