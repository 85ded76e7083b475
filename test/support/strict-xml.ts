import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';

/**
 * Parses XML strictly: saxes (an XML 1.0 conformant parser) checks well-formedness, namespaces
 * and characters and any error fails; then @xmldom/xmldom builds the DOM, failing on its errors
 * and warnings too, except its warning about U+FFFD: our writers put that character in place of
 * characters XML 1.0 cannot carry (src/exports/xml-text.ts).
 */
export function parseXmlStrictly(text: string): Document {
  const sax = new SaxesParser({ xmlns: true, position: true });
  const errors: string[] = [];
  sax.on('error', (e) => errors.push(e.message));
  sax.write(text).close();
  if (errors.length > 0) throw new Error(`XML error: ${errors[0]}`);
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'warning' && /replacement character/i.test(message)) return;
      throw new Error(`XML ${level}: ${message}`);
    },
  });
  return parser.parseFromString(text, 'application/xml');
}

/** The elements of a document with a tag name, as an array. */
export function elements(root: Document | Element, tag: string): Element[] {
  return Array.from(root.getElementsByTagName(tag));
}
