import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * What selection helpers read of a resolver's info: the field's nodes and the document's
 * fragments (a prefetch builds one for a field it has not resolved yet; relation-prefetch.ts).
 */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** Whether the current field's selection asks for `name` (directly or through fragments). */
export function selects(info: SelectionInfo | undefined, name: string): boolean {
  if (!info) return true;
  const visit = (set: SelectionSetNode | undefined, depth: number): boolean => {
    if (!set || depth > 5) return false;
    for (const sel of set.selections) {
      if (sel.kind === 'Field' && sel.name.value === name) return true;
      if (sel.kind === 'InlineFragment' && visit(sel.selectionSet, depth + 1)) return true;
      if (sel.kind === 'FragmentSpread' && visit(info.fragments[sel.name.value]?.selectionSet, depth + 1)) return true;
    }
    return false;
  };
  return info.fieldNodes.some((f) => visit(f.selectionSet, 0));
}
