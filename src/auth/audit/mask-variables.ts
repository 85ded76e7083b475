/**
 * How variables are kept in the audit trail: enough to see what was asked (ids, enum values,
 * numbers, page sizes), never the personal data a request carried (README#audit-trail).
 *
 * The rule, in order:
 * 1. null is kept.
 * 2. A value whose key, or any key on its path, contains a word of MASKED_KEY_WORDS (name, alias,
 *    birth, value, number, text, ...; case-insensitive) is masked, whatever its type: a victim's
 *    name under `input.name`, a passport under `identifier.value`, a date of birth.
 * 3. Other numbers and booleans are kept. Any other string is kept only when it is an id (its key is `id`, `ids`, or ends in `Id`/`Ids`,
 *    or is a cursor `after`/`before`), an enum-like constant (`VICTIM`, `H2`), or a short token
 *    without spaces (at most MAX_PLAIN_STRING characters, e.g. a country code); else masked.
 * Masked values become the string MASK, so the shape of the variables stays visible.
 */
export const MASKED_KEY_WORDS = [
  'name',
  'alias',
  'birth',
  'dob',
  'value',
  'number',
  'text',
  'query',
  'search',
  'term',
  'password',
  'token',
  'secret',
  'email',
  'phone',
  'address',
  'street',
  'postcode',
  'note',
  'description',
  'comment',
] as const;

/** Keys masked when they are the whole key (too short to match as a part). */
const MASKED_EXACT_KEYS = new Set(['q', 'dateofbirth']);

export const MAX_PLAIN_STRING = 32;
export const MASK = '***';

const ID_KEY = /^(id|ids|after|before|cursor)$|(Id|Ids)$/;
const ENUM_LIKE = /^[A-Z][A-Z0-9_]{0,63}$/;
const SHORT_TOKEN = /^[A-Za-z0-9._:+-]*$/;

function sensitiveKey(key: string): boolean {
  const k = key.toLowerCase();
  return MASKED_EXACT_KEYS.has(k) || MASKED_KEY_WORDS.some((w) => k.includes(w));
}

function keepString(key: string, value: string): boolean {
  if (ID_KEY.test(key)) return value.length <= 256;
  if (ENUM_LIKE.test(value)) return true;
  return value.length <= MAX_PLAIN_STRING && SHORT_TOKEN.test(value);
}

function mask(value: unknown, key: string, masked: boolean): unknown {
  if (value === null || value === undefined) return null;
  const hide = masked || sensitiveKey(key);
  if (typeof value === 'number' || typeof value === 'boolean') return hide ? MASK : value;
  if (Array.isArray(value)) return value.map((v) => mask(v, key, hide));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mask(v, k, hide)]));
  }
  if (typeof value === 'string') return !hide && keepString(key, value) ? value : MASK;
  return MASK;
}

/** The variables with sensitive values replaced by MASK (see the rule above). */
export function maskVariables(variables: Record<string, unknown>): Record<string, unknown> {
  return mask(variables, '', false) as Record<string, unknown>;
}
