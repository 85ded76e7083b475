/**
 * Turns what an analyst types into a Lucene query for Neo4j's full-text index: every term is
 * escaped (no Lucene syntax from users), then matched exactly (boosted), as a prefix, and fuzzily
 * (typo-tolerant: one edit for short terms, two for longer ones). All terms must match.
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/** Lucene's reserved words, which would otherwise act as operators. */
const RESERVED = new Set(['AND', 'OR', 'NOT', 'TO']);

export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, 12);
}

export function fuzzyQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms
    .map((raw) => {
      const t = RESERVED.has(raw.toUpperCase()) ? `"${escapeLucene(raw)}"` : escapeLucene(raw.toLowerCase());
      if (raw.length < 3 || t.startsWith('"')) return `(${t}^4)`;
      const edits = raw.length >= 7 ? 2 : 1;
      return `(${t}^4 OR ${t}*^2 OR ${t}~${edits})`;
    })
    .join(' AND ');
}
