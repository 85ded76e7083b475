import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The document's fragments by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out.set(d.name.value, d);
  return out;
}

/**
 * Sums `count(selection)` over every selection an operation would execute, following fragment
 * spreads as often as they are spread (each fragment's own total is computed once, so a document
 * that spreads one fragment a thousand times costs no more to check than one that spreads it
 * once). Fragment cycles, which the spec rules refuse anyway, count as zero.
 */
export function countOverSelections(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  count: (selection: SelectionSetNode['selections'][number]) => number,
): number {
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const walk = (s: SelectionSetNode): number => {
    let total = 0;
    for (const sel of s.selections) {
      total += count(sel);
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || visiting.has(name)) continue;
        if (!memo.has(name)) {
          visiting.add(name);
          memo.set(name, count(fragmentSelf(frag)) + walk(frag.selectionSet));
          visiting.delete(name);
        }
        total += memo.get(name)!;
      } else if (sel.selectionSet) {
        total += walk(sel.selectionSet);
      }
    }
    return total;
  };
  return walk(set);
}

/**
 * A fragment definition seen as the inline fragment it becomes when spread, so that counters
 * looking at directives on a selection also count those on the definition.
 */
function fragmentSelf(frag: FragmentDefinitionNode): SelectionSetNode['selections'][number] {
  return { kind: Kind.INLINE_FRAGMENT, directives: frag.directives, selectionSet: { kind: Kind.SELECTION_SET, selections: [] } };
}
