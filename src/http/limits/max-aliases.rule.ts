import { Kind, type ValidationRule } from 'graphql';

import { countOverSelections, fragmentsOf } from './fragment-walk';
import { limitError } from './limit-error';

/**
 * Refuses an operation that uses more than `max` aliases, counting a fragment's aliases once per
 * spread: aliases let one request repeat an expensive field hundreds of times.
 */
export function maxAliasesRule(max: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(op) {
        const aliases = countOverSelections(op.selectionSet, fragments, (s) => (s.kind === Kind.FIELD && s.alias ? 1 : 0));
        if (aliases > max) {
          context.reportError(limitError('MSHT_TOO_MANY_ALIASES', `the operation uses ${aliases} aliases; at most ${max} are allowed`, { aliases, maxAliases: max }));
        }
      },
    };
  };
}
