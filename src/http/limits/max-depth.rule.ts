import { Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

import { fragmentsOf } from './fragment-walk';
import { limitError } from './limit-error';

/** Introspection roots: below them, `ofType` (the wrapping chain of a type) adds no depth. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * The deepest nesting of fields an operation would execute, following fragment spreads.
 * `{ a }` is 1, `{ a { b } }` is 2. Inside introspection, `ofType` does not count: the standard
 * introspection query nests it seven deep to unwrap `[Foo!]!`, and a longer chain only returns
 * null, while `fields { type { fields ... } }`, which really fans out, counts like any field.
 */
export function selectionDepth(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): number {
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const walk = (s: SelectionSetNode, introspection: boolean): number => {
    let max = 0;
    for (const sel of s.selections) {
      let d = 0;
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        const inside = introspection || INTROSPECTION_ROOTS.has(name);
        const own = introspection && name === 'ofType' ? 0 : 1;
        d = own + (sel.selectionSet ? walk(sel.selectionSet, inside) : 0);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        d = walk(sel.selectionSet, introspection);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        const key = `${name}|${introspection}`;
        if (frag && !visiting.has(key)) {
          if (!memo.has(key)) {
            visiting.add(key);
            memo.set(key, walk(frag.selectionSet, introspection));
            visiting.delete(key);
          }
          d = memo.get(key)!;
        }
      }
      if (d > max) max = d;
    }
    return max;
  };
  return walk(set, false);
}

/** Refuses an operation nested deeper than `max` (see selectionDepth for how depth is counted). */
export function maxDepthRule(max: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(op) {
        const depth = selectionDepth(op.selectionSet, fragments);
        if (depth > max) {
          context.reportError(limitError('MSHT_QUERY_TOO_DEEP', `the operation nests ${depth} levels deep; at most ${max} are allowed`, { depth, maxDepth: max }));
        }
      },
    };
  };
}
