import { fuzzyQuery } from '../../src/domain/lucene';
import type { Row } from '../../src/graph/records';
import { v, type Workload } from './workload';

/**
 * (g) Full-text search for people, typo-tolerant (the service's Lucene query: each term exact,
 * as a prefix and fuzzy), the best 20 by score then id. The text is a name from the world,
 * sometimes one name only, sometimes with a typo. All three systems query the same index
 * (`msht_search`, migration 0004) with the same Lucene string.
 */
interface Params {
  text: string;
  lucene: string;
}

const FIRST = 20;
/** The service reads this many index hits before filtering by type and access (search.query.ts). */
const SCAN = Math.min(FIRST * 10 + 100, 5000);

/**
 * The best hits as compared across the systems. Hits tied on the lowest score may differ: each
 * system breaks the tie among the hits its index scan reached, and at `large` a tie can straddle
 * the scan's end (the peer's scan is its own). So the tied group at the bottom is compared by its
 * score and size, every hit above it by id and score.
 */
function ranked(hits: readonly [string, number][]): string[] {
  const rows = hits.map(([id, score]) => ({ id, score: score.toFixed(4) }));
  const lowest = rows.reduce<string | null>((low, r) => (low === null || Number(r.score) < Number(low) ? r.score : low), null);
  const tied = rows.filter((r) => r.score === lowest).length;
  return [...rows.filter((r) => r.score !== lowest).map((r) => `${r.id}|${r.score}`), ...(lowest === null ? [] : [`${tied} tied at ${lowest}`])];
}

export const search: Workload<Params> = {
  letter: 'g',
  key: 'search',
  title: 'full-text search',
  bounded: true,
  boundedWhy: `the best ${FIRST} of at most ${SCAN} index hits`,
  roundTrips: 1,

  async sample(db, rng, n) {
    const names = (await db('MATCH (p:Person) WHERE p.name IS NOT NULL RETURN p.name AS name ORDER BY p.id')).map((r) => r.name as string);
    const out: Params[] = [];
    for (let i = 0; i < n; i++) {
      let text = rng.pick(names);
      const words = text.split(' ');
      if (rng.chance(0.3)) text = rng.pick(words);
      if (rng.chance(0.3)) {
        // A typo: one letter dropped from the longest word.
        const w = words.reduce((a, b) => (b.length > a.length ? b : a));
        const at = rng.int(1, w.length - 1);
        text = text.replace(w, w.slice(0, at) + w.slice(at + 1));
      }
      out.push({ text, lucene: fuzzyQuery(text)! });
    }
    return out;
  },

  ours: {
    request: (p) => ({
      query: `query BenchSearch($text: String!, $first: Int!) {
  search(text: $text, types: [Person], first: $first) {
    score
    node { __typename id ... on Person { displayName roles } }
  }
}`,
      variables: { text: p.text, first: FIRST },
    }),
    answer: (data) => ranked((data as { search: { score: number; node: { id: string } }[] }).search.map((h) => [h.node.id, h.score])),
  },

  limit: {
    statements: {
      search: `CALL db.index.fulltext.queryNodes('msht_search', $lucene, {limit: ${SCAN}}) YIELD node, score
WHERE node:Person AND ${v('node')}
RETURN node {.id, .name, labels: labels(node)} AS person, score
ORDER BY score DESC, node.id
LIMIT ${FIRST}`,
    },
    request: (p) => ({ statement: 'search', params: { lucene: p.lucene } }),
    answer: (rows: Row[]) => ranked(rows.map((r) => [(r.person as { id: string }).id, r.score as number])),
  },

  peer: {
    request: (p) => ({
      query: `query PeerSearch($phrase: String!, $first: Int!) {
  personSearch(phrase: $phrase, first: $first, sort: [{ score: DESC }, { node: { id: ASC } }]) {
    edges { score node { id name } }
  }
}`,
      variables: { phrase: p.lucene, first: FIRST },
    }),
    answer: (data) => ranked((data as { personSearch: { edges: { score: number; node: { id: string } }[] } }).personSearch.edges.map((e) => [e.node.id, e.score])),
  },
};
