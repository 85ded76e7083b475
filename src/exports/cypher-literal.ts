import { invariant } from '../errors/app-error';
import type { JsonPropertyValue } from './json-document';
import { isIsoDate, isIsoDateTime } from './temporal-text';

/**
 * Cypher literals for the export script (cypher-script.ts), which carries its values in the
 * text so that it runs as it is in cypher-shell and through a driver alike. Every value goes
 * through here; nothing from the data is concatenated into the script otherwise.
 * Cypher manual, "Literals" and "String escapes": https://neo4j.com/docs/cypher-manual/5/syntax/
 */

/**
 * A single-quoted string. Backslash and quote are escaped; control characters, the Unicode line
 * and paragraph separators, unpaired surrogates and the semicolon become \\uXXXX, so that the
 * script holds no raw line break or `;` inside a value and even a naive statement splitter
 * cannot cut a value in two.
 */
export function cypherString(s: string): string {
  return `'${s.replace(STRING_ESCAPE, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`))}'`;
}
// Without the `u` flag on purpose: surrogates are matched as single code units.
const STRING_ESCAPE = /[\\';\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** An integer literal for safe integers, a float literal otherwise (Cypher takes `1e21`, not `1e+21`). */
export function cypherNumber(n: number): string {
  invariant(Number.isFinite(n), 'Cypher has no literal for NaN or Infinity');
  return String(n).replace('e+', 'e');
}

/**
 * A property value: strings that are ISO dates or date-times become `date('...')` or
 * `datetime('...')` (our readers hand Neo4j DATE and DATETIME values over as such text), other
 * scalars their literal, lists a list literal. A list becomes temporal only when every element
 * is, so that it stays a list of one type, as Neo4j requires of a property.
 */
export function cypherValue(v: JsonPropertyValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return cypherNumber(v);
  if (typeof v === 'string') return temporalOrString(v, temporalKind(v));
  const values = v as (string | number | boolean)[];
  const kinds = new Set(values.map((x) => (typeof x === 'string' ? temporalKind(x) : 'other')));
  const kind = kinds.size === 1 && !kinds.has('other') ? [...kinds][0]! : 'string';
  return `[${values.map((x) => (typeof x === 'string' ? temporalOrString(x, kind) : cypherValue(x))).join(', ')}]`;
}

/** A map key: always back-quoted (so reserved words are fine), back-quotes doubled. */
export function cypherKey(k: string): string {
  return `\`${k.replace(/`/g, '``')}\``;
}

/** A map literal from keys and already rendered values. */
export function cypherMap(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `${cypherKey(k)}: ${v}`).join(', ')}}`;
}

type TextKind = 'date' | 'datetime' | 'string';

function temporalKind(s: string): TextKind {
  return isIsoDate(s) ? 'date' : isIsoDateTime(s) ? 'datetime' : 'string';
}

function temporalOrString(s: string, kind: TextKind | 'other'): string {
  return kind === 'date' || kind === 'datetime' ? `${kind}(${cypherString(s)})` : cypherString(s);
}
