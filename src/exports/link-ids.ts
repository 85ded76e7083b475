import { REL_KEYS } from '../domain/rel-keys';
import type { Subgraph, SubgraphEdge } from '../domain/subgraph';

/**
 * What identifies an exported link whatever database it was read from: its type, its ends (our
 * node ids, before any pseudonym) and the key properties that tell two links of one type between
 * the same ends apart (domain/rel-keys.ts: a person's two roles in a group, two transfers). Two
 * links alike in all of these, which the merge rules do not make but a bulk load could, are told
 * apart by the order of their element ids: the second and later get a counter.
 */
export function linkIdentities(edges: readonly SubgraphEdge[]): string[] {
  const base = edges.map((e) => [e.type, e.source, e.target, ...(REL_KEYS[e.type] ?? []).map((k) => JSON.stringify(e.properties[k] ?? null))].join('\u0000'));
  const alike = new Map<string, number[]>();
  base.forEach((b, i) => {
    const group = alike.get(b);
    if (group) group.push(i);
    else alike.set(b, [i]);
  });
  const out = [...base];
  for (const group of alike.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => (edges[a]!.id < edges[b]!.id ? -1 : edges[a]!.id > edges[b]!.id ? 1 : 0));
    group.forEach((i, n) => {
      if (n > 0) out[i] = `${base[i]}\u0000${n}`;
    });
  }
  return out;
}

/**
 * The subgraph with every link's id made for one recipient (`idOf`, a keyed hash of the link's
 * identity and the recipient): the element id a link has in our database would be the same in
 * every partner's copy, so two partners could join their copies on the links of a victim whose
 * pseudonyms differ, and it names our database. `identities` are `linkIdentities` of the
 * subgraph's edges before pseudonyms replaced any of their ends, in the same order.
 */
export function withLinkIds(s: Subgraph, identities: readonly string[], idOf: (identity: string) => string): Subgraph {
  if (identities.length !== s.edges.length) throw new Error('Invariant failed: one identity per edge');
  return { ...s, edges: s.edges.map((e, i) => ({ ...e, id: idOf(identities[i]!) })) };
}
