import { type ValidationRule } from 'graphql';

import { countOverSelections, fragmentsOf } from './fragment-walk';
import { limitError } from './limit-error';

/**
 * Refuses an operation that uses more than `max` directives (on the operation, its fields, inline
 * fragments, spreads and the fragments spread), counting a fragment's directives once per spread.
 * Thousands of `@include` or unknown directives make validation and execution do useless work.
 */
export function maxDirectivesRule(max: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(op) {
        const directives = (op.directives?.length ?? 0) + countOverSelections(op.selectionSet, fragments, (s) => s.directives?.length ?? 0);
        if (directives > max) {
          context.reportError(
            limitError('MSHT_TOO_MANY_DIRECTIVES', `the operation uses ${directives} directives; at most ${max} are allowed`, { directives, maxDirectives: max }),
          );
        }
      },
    };
  };
}
