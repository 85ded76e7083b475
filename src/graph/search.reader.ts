import type { EntityRecord } from '../domain/entity-record';
import type { NodeLabel } from '../domain/graph-model';
import { fuzzyQuery } from '../domain/lucene';
import type { ProjectionKeys } from './queries/projection';
import { firstSearchPage, searchQuery } from './queries/search.query';
import type { ScopedGraph } from './scoped-graph';

export interface SearchHit {
  node: EntityRecord;
  score: number;
}

/** How many of the index's hits a search reads at most, over all its windows. */
export const SEARCH_MAX_SCANNED = 50_000;

/**
 * The best `first` hits the caller may see. Usually one statement: its window of the index's
 * hits holds enough the caller may see. When hits it may not see fill a window, the next window
 * (four times larger) is read, and so on, up to SEARCH_MAX_SCANNED hits in all: a caller with a
 * low clearance still finds what it may see of a common name, and an empty answer does not mean
 * that hidden records crowd the top of the ranking.
 */
export async function search(g: ScopedGraph, text: string, types: readonly NodeLabel[] | null, first: number, keys?: ProjectionKeys): Promise<SearchHit[]> {
  const lucene = fuzzyQuery(text);
  if (!lucene) return [];
  const found: SearchHit[] = [];
  for (let page = firstSearchPage(first); ; ) {
    const [row] = await g.read(searchQuery(lucene, types, first, keys, page));
    found.push(...((row?.found ?? []) as SearchHit[]));
    const next = page.skip + page.scan;
    if (found.length >= first || ((row?.scanned as number | undefined) ?? 0) < page.scan || next >= SEARCH_MAX_SCANNED) break;
    page = { skip: next, scan: Math.min(page.scan * 4, SEARCH_MAX_SCANNED - next) };
  }
  // Each window's hits score no higher than the one before's; the sort orders ties across windows by id.
  return found.sort(byRank).slice(0, first);
}

const byRank = (a: SearchHit, b: SearchHit) => b.score - a.score || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);
