import { Kind, parse, visit, type DocumentNode, type ValueNode } from 'graphql';

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
 *
 * A variable's own name is chosen by the caller, so with the request's document the rule looks at
 * where each variable flows (`usagePaths`): `$n` in `upsertPerson(input: {name: $n})` sits at
 * `input.name`, `$id` in `person(id: $id)` at `id`. The value is masked as if it sat at each of its
 * usage paths (and under its own name, which still masks when sensitive) and a part is kept only
 * when every usage keeps it. A variable used nowhere in the document (or any variable, when the
 * document cannot be parsed or was not sent) is masked whole.
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
  // An address's lines; a report's title (free text that may name someone).
  'line',
  'title',
] as const;

/** Keys masked when they are the whole key (too short, or too common, to match as a part). */
const MASKED_EXACT_KEYS = new Set(['q', 'dateofbirth', 'referredby']);

export const MAX_PLAIN_STRING = 32;
export const MASK = '***';

const ID_KEY = /^(id|ids|after|before|cursor)$|(Id|Ids)$/;
const ENUM_LIKE = /^[A-Z][A-Z0-9_]{0,63}$/;
const SHORT_TOKEN = /^[A-Za-z0-9._:+-]*$/;

/** True when a value under this key is masked whatever it holds (rule 2). */
export function sensitiveKey(key: string): boolean {
  const k = key.toLowerCase();
  return MASKED_EXACT_KEYS.has(k) || MASKED_KEY_WORDS.some((w) => k.includes(w));
}

/** True for a key whose strings are kept as ids (up to 256 characters). */
export function idKey(key: string): boolean {
  return ID_KEY.test(key);
}

function keepString(key: string, value: string): boolean {
  if (ID_KEY.test(key)) return value.length <= 256;
  if (ENUM_LIKE.test(value)) return true;
  return value.length <= MAX_PLAIN_STRING && SHORT_TOKEN.test(value);
}

/**
 * Values nested deeper than this are masked whole. No input of the schema nests so deep, and a
 * client's variables may (a list in a list, thousands deep, is a few kilobytes of JSON): walking
 * them would exhaust the stack where the event is made, after the response.
 */
export const MAX_MASK_DEPTH = 32;

function mask(value: unknown, key: string, masked: boolean, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  const hide = masked || sensitiveKey(key);
  if (typeof value === 'number' || typeof value === 'boolean') return hide ? MASK : value;
  if (typeof value === 'object' && depth >= MAX_MASK_DEPTH) return MASK;
  if (Array.isArray(value)) return value.map((v) => mask(v, key, hide, depth + 1));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mask(v, k, hide, depth + 1)]));
  }
  if (typeof value === 'string') return !hide && keepString(key, value) ? value : MASK;
  return MASK;
}

/** Parsing a client's document for the audit stops past this many tokens (then all is masked). */
export const MAX_DOCUMENT_TOKENS = 100_000;

/**
 * Every place each variable is used in the document, as the path from the argument's name through
 * the input-object fields down to `$var` (list items keep the path of their list): `$n` in
 * `upsertPerson(input: {name: $n, aliases: [$n]})` is used at `['input', 'name']` and
 * `['input', 'aliases']`. Arguments of fields anywhere in a selection set, of directives, in
 * every operation and fragment are walked: a usage elsewhere in the document can only mask more.
 */
export function usagePaths(document: DocumentNode): Map<string, string[][]> {
  const usages = new Map<string, string[][]>();
  const walk = (value: ValueNode, path: string[]): void => {
    if (value.kind === Kind.VARIABLE) {
      const name = value.name.value;
      usages.set(name, [...(usages.get(name) ?? []), path]);
    } else if (value.kind === Kind.LIST) {
      for (const item of value.values) walk(item, path);
    } else if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) walk(field.value, [...path, field.name.value]);
    }
  };
  visit(document, {
    Argument(node) {
      walk(node.value, [node.name.value]);
      return false;
    },
  });
  return usages;
}

/** Keeps a part of `a` only where `b` kept it too (both are masks of the same value). */
function both(a: unknown, b: unknown): unknown {
  if (a === MASK || b === MASK) return MASK;
  if (Array.isArray(a) && Array.isArray(b)) return a.map((v, i) => both(v, b[i]));
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    const o = b as Record<string, unknown>;
    return Object.fromEntries(Object.entries(a as Record<string, unknown>).map(([k, v]) => [k, both(v, o[k])]));
  }
  return a;
}

function parsedUsages(text: string): Map<string, string[][]> | null {
  try {
    return usagePaths(parse(text, { noLocation: true, maxTokens: MAX_DOCUMENT_TOKENS }));
  } catch {
    return null;
  }
}

/**
 * Usage paths of recent document texts. A client sends the same few documents again and again
 * (always, with trusted documents), and every request is audited: parse each once, not once per
 * request. Bounded in entries and in the length of a text kept.
 */
const USAGE_CACHE = new Map<string, Map<string, string[][]> | null>();
const USAGE_CACHE_ENTRIES = 500;
const USAGE_CACHE_TEXT = 20_000;

function usagesOf(document: DocumentNode | string | null): Map<string, string[][]> | null {
  if (document === null || typeof document !== 'string') return document && usagePaths(document);
  if (document.length > USAGE_CACHE_TEXT) return parsedUsages(document);
  let usages = USAGE_CACHE.get(document);
  if (usages === undefined) {
    usages = parsedUsages(document);
    if (USAGE_CACHE.size >= USAGE_CACHE_ENTRIES) USAGE_CACHE.delete(USAGE_CACHE.keys().next().value!);
    USAGE_CACHE.set(document, usages);
  }
  return usages;
}

/**
 * The variables with sensitive values replaced by MASK (see the rule above). With `document` (the
 * request's document, parsed or as text) each variable is masked by where it is used; with
 * `null` (a request whose document is unknown, or text that does not parse) every variable is
 * masked. Without it (variables the service built itself, not a client's document) by name only.
 */
export function maskVariables(variables: Record<string, unknown>, document?: DocumentNode | string | null): Record<string, unknown> {
  if (document === undefined) return mask(variables, '', false) as Record<string, unknown>;
  const usages = usagesOf(document) ?? new Map<string, string[][]>();
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => {
      const paths = usages.get(name) ?? [];
      if (value === null || value === undefined) return [name, null];
      if (paths.length === 0) return [name, MASK];
      const byName = sensitiveKey(name);
      const masks = paths.map((path) => mask(value, path.at(-1)!, byName || path.slice(0, -1).some(sensitiveKey)));
      return [name, masks.reduce(both)];
    }),
  );
}
