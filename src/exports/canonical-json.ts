import { invariant } from '../errors/app-error';

/**
 * Canonical JSON as RFC 8785 (JSON Canonicalization Scheme) defines it, for the values our
 * exports hold (strings, finite numbers, booleans, null, arrays, plain objects): no whitespace,
 * object keys sorted by UTF-16 code units, strings and numbers as ECMAScript's JSON.stringify
 * writes them. Keys whose value is `undefined` are left out, as JSON.stringify does.
 * The content hash (content-hash.ts) is the SHA-256 of this text in UTF-8.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      invariant(Number.isFinite(value), 'canonical JSON cannot hold NaN or Infinity');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      invariant(Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null, 'canonical JSON holds plain objects only');
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      invariant(false, `canonical JSON cannot hold a ${typeof value}`);
  }
}
