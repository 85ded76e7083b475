import type { AccessScope } from '../auth/access-policy';
import { HANDLING_CODES, UK_HANDLING } from './provenance';

/**
 * Turns what an analyst types into a Lucene query for Neo4j's full-text index: every term is
 * escaped (no Lucene syntax from users), then matched exactly (boosted), as a prefix, and fuzzily
 * (typo-tolerant: one edit for short terms, two for longer ones). All terms must match.
 *
 * The index (`msht_search`, migration 0012) also holds each node's handling and UK handling, so
 * that the caller's clearance is applied inside Lucene (`accessFilter`): a term is matched in the
 * text fields only (`SEARCH_FIELDS`), never against those codes.
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/** Lucene's reserved words, which would otherwise act as operators. */
const RESERVED = new Set(['AND', 'OR', 'NOT', 'TO']);

/**
 * The words of what was typed, at most 12. A word with no letter or digit is dropped: the index's
 * analyser drops it too, and Lucene then dropped its clause (`?` alone matched every record the
 * caller may see, `smith &&` matched as `smith`).
 */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, 12);
}

/**
 * The longest word matched fuzzily, in characters. Lucene refuses a fuzzy term past about 220
 * UTF-8 bytes as too complex (fewer for other scripts), which failed the whole search; a word
 * that long is an identifier value or a paste, matched exactly or as a prefix.
 */
export const FUZZY_MAX_LENGTH = 30;

/** The text properties the full-text index holds (migration 0012), which a user's terms are matched in. */
export const SEARCH_FIELDS = ['name', 'aliases', 'value', 'postcode', 'code'] as const;

/** The access properties the full-text index also holds, which only `accessFilter` queries. */
export const SEARCH_ACCESS_FIELDS = ['handling', 'ukHandling'] as const;

/** `alternatives` (a Lucene group) matched in every text field: what the parser did unfielded when the index held only text. */
function inTextFields(alternatives: string): string {
  return `(${SEARCH_FIELDS.map((f) => `${f}:(${alternatives})`).join(' OR ')})`;
}

export function fuzzyQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms
    .map((raw) => {
      const t = RESERVED.has(raw.toUpperCase()) ? `"${escapeLucene(raw)}"` : escapeLucene(raw.toLowerCase());
      if (raw.length < 3 || t.startsWith('"')) return inTextFields(`${t}^4`);
      if (raw.length > FUZZY_MAX_LENGTH) return inTextFields(`${t}^4 OR ${t}*^2`);
      const edits = raw.length >= 7 ? 2 : 1;
      return inTextFields(`${t}^4 OR ${t}*^2 OR ${t}~${edits}`);
    })
    .join(' AND ');
}

/**
 * The caller's clearance as Lucene clauses over the index's handling and UK handling (boosted to
 * zero, so that they add nothing to a hit's score: a hit scores the same for every caller who
 * may see it), or null for a caller cleared for every code. The codes come from the caller's
 * access scope, checked against the closed lists, never from user text.
 */
export function accessFilter(access: Pick<AccessScope, 'handling' | 'ukHandling'>): string | null {
  const handling = access.handling.filter((c) => (HANDLING_CODES as readonly string[]).includes(c));
  const uk = access.ukHandling.filter((c) => (UK_HANDLING as readonly string[]).includes(c));
  if (handling.length === HANDLING_CODES.length && uk.length === UK_HANDLING.length) return null;
  // No code at all matches nothing: Lucene is given a code no node has.
  const any = (codes: readonly string[]) => (codes.length ? codes.join(' OR ') : 'none');
  return `handling:(${any(handling)})^0 AND ukHandling:(${any(uk)})^0`;
}

/** The Lucene query a caller's search sends: its terms (fuzzyQuery), within what it may see (accessFilter). */
export function searchLucene(text: string, access: Pick<AccessScope, 'handling' | 'ukHandling'>): string | null {
  const terms = fuzzyQuery(text);
  if (terms === null) return null;
  const filter = accessFilter(access);
  return filter === null ? terms : `(${terms}) AND ${filter}`;
}
