import { createHash } from 'node:crypto';

import type { Subgraph } from '../domain/subgraph';
import { canonicalJson } from './canonical-json';
import { toJsonEdge, toJsonNode, type JsonEdge, type JsonNode } from './json-document';

/**
 * The content hash a partner checks, the same for every format of one package:
 *
 *   sha256( utf8( canonicalJson({ "nodes": [...], "edges": [...] }) ) ), lower-case hex
 *
 * where nodes and edges are in the JSON format's shape (json-format.md), nodes sorted by `id` and
 * edges by `id` (UTF-16 code-unit order, as JavaScript compares strings), and canonicalJson is
 * RFC 8785 (sorted keys, no whitespace). The manifest and the truncation flags are not part of
 * it: the hash names the items, whoever sends them to whomever.
 */
export function contentHash(subgraph: Pick<Subgraph, 'nodes' | 'edges'>): string {
  return contentHashOf(subgraph.nodes.map(toJsonNode), subgraph.edges.map(toJsonEdge));
}

/** The same hash over items already in the JSON format's shape. */
export function contentHashOf(nodes: readonly JsonNode[], edges: readonly JsonEdge[]): string {
  const content = { nodes: [...nodes].sort(byId), edges: [...edges].sort(byId) };
  return sha256Hex(canonicalJson(content));
}

/** SHA-256 of bytes (a string is taken as UTF-8), lower-case hex. */
export function sha256Hex(data: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
