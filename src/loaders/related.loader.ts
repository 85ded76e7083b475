import DataLoader from 'dataloader';

import { readRelatedGroups, type RelatedPage } from '../graph/related.reader';
import type { RelatedArgs, RelatedGroup, RelatedSpec } from '../graph/queries/related.query';
import type { ScopedGraph } from '../graph/scoped-graph';

export type RelatedLoad = (spec: RelatedSpec, args: RelatedArgs, parentId: string) => Promise<RelatedPage>;

const SEP = '\u0000';

/**
 * Relationship fields for one request. Every relationship field asked in the same tick (one level
 * of the GraphQL query: a person's nationalities, groups and identifiers, for every person of a
 * page) goes to the database as ONE query: parents asking the same thing share a branch, each
 * different field is a branch of its own. So a list of 100 people with their groups and
 * identifiers costs one query for the second level, not 100, and not one per field.
 */
export function createRelatedLoader(g: ScopedGraph): RelatedLoad {
  const kinds = new Map<string, { spec: RelatedSpec; args: RelatedArgs }>();
  const loader = new DataLoader<string, RelatedPage>(
    async (keys) => {
      const parents = new Map<string, string[]>();
      for (const key of keys) {
        const at = key.indexOf(SEP);
        const kind = key.slice(0, at);
        const list = parents.get(kind) ?? [];
        list.push(key.slice(at + 1));
        parents.set(kind, list);
      }
      const order = [...parents.keys()];
      const groups: RelatedGroup[] = order.map((kind) => ({ ...kinds.get(kind)!, parentIds: parents.get(kind)! }));
      const pages = await readRelatedGroups(g, groups);
      const byKey = new Map<string, RelatedPage>();
      order.forEach((kind, i) => groups[i]!.parentIds.forEach((id, j) => byKey.set(`${kind}${SEP}${id}`, pages[i]![j]!)));
      return keys.map((k) => byKey.get(k)!);
    },
    { maxBatchSize: 5000 },
  );
  return (spec, args, parentId) => {
    const kind = JSON.stringify([spec.type, spec.direction, spec.targets ?? [], args.first, args.after ?? null, !!args.withCount, args.edgeFilter ?? null, args.nodeKeys ?? null, args.relKeys ?? null]);
    if (!kinds.has(kind)) kinds.set(kind, { spec, args });
    return loader.load(`${kind}${SEP}${parentId}`);
  };
}
