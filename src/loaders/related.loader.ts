import DataLoader from 'dataloader';

import { readRelatedGroups, type RelatedPage } from '../graph/related.reader';
import type { RelatedArgs, RelatedGroup, RelatedSpec } from '../graph/queries/related.query';
import type { ScopedGraph } from '../graph/scoped-graph';

export interface RelatedLoad {
  (spec: RelatedSpec, args: RelatedArgs, parentId: string): Promise<RelatedPage>;
  /**
   * Hands the loader a page already read (by a parent's statement; graphql/relation-prefetch.ts):
   * a later load with the same spec, arguments and parent answers from it, with no query.
   */
  prime(spec: RelatedSpec, args: RelatedArgs, parentId: string, page: RelatedPage): void;
}

/**
 * JSON text of a spec or of a property-key list, kept per object: specs are declared once, and a
 * field's key lists once per document (relation-fields.ts), while kindOf runs for every parent.
 */
const texts = new WeakMap<object, string>();
function textOf(value: object | null | undefined): string {
  if (!value) return 'null';
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
}

/** What identifies one relationship field's query: everything the branch is built from. */
export function kindOf(spec: RelatedSpec, args: RelatedArgs): string {
  const head = textOf(spec);
  const rest = JSON.stringify([args.first, args.after ?? null, !!args.withCount, args.edgeFilter ?? null, args.linkIdentity !== false]);
  return `${head}|${rest}|${textOf(args.nodeKeys)}|${textOf(args.relKeys)}`;
}

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
  const load = (spec: RelatedSpec, args: RelatedArgs, parentId: string) => {
    const kind = kindOf(spec, args);
    if (!kinds.has(kind)) kinds.set(kind, { spec, args });
    return loader.load(`${kind}${SEP}${parentId}`);
  };
  return Object.assign(load, {
    prime: (spec: RelatedSpec, args: RelatedArgs, parentId: string, page: RelatedPage) => {
      loader.prime(`${kindOf(spec, args)}${SEP}${parentId}`, page);
    },
  });
}
