import type { EntityRecord } from '../domain/entity-record';
import type { NodeLabel } from '../domain/graph-model';
import { searchLucene } from '../domain/lucene';
import type { ProjectionKeys } from './queries/projection';
import { searchQuery } from './queries/search.query';
import type { ScopedGraph } from './scoped-graph';

export interface SearchHit {
  node: EntityRecord;
  score: number;
}

export async function search(g: ScopedGraph, text: string, types: readonly NodeLabel[] | null, first: number, keys?: ProjectionKeys): Promise<SearchHit[]> {
  const lucene = searchLucene(text, g.access);
  if (!lucene) return [];
  const rows = await g.read(searchQuery(lucene, types, first, keys));
  return rows.map((r) => ({ node: r.node as EntityRecord, score: r.score as number }));
}
