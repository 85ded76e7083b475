import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, ValidationRule } from 'graphql';

import type { QueryLimits } from '../../config/config';
import { fragmentsOf } from './fragment-walk';
import { limitError } from './limit-error';
import { maxAliasesRule } from './max-aliases.rule';
import { maxDepthRule } from './max-depth.rule';
import { maxDirectivesRule } from './max-directives.rule';
import { operationCost } from './operation-cost';

/** The validation rules for the document-only limits (depth, aliases, directives). */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxDirectivesRule(limits.maxDirectives)];
}

/**
 * Checks the cost of the operation about to run: a document's cost depends on its variables
 * (`first: $n`), so this runs per request after validation (Apollo's `didResolveOperation`), not
 * as a validation rule, whose result Apollo caches per document. Throws MSHT_QUERY_TOO_COMPLEX.
 */
export function checkOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): number {
  const cost = operationCost(schema, operation, fragmentsOf(document), variables, { defaultListSize: limits.defaultListSize });
  if (cost > limits.maxCost) {
    throw limitError(
      'MSHT_QUERY_TOO_COMPLEX',
      `the operation's estimated cost is ${cost}, above the limit of ${limits.maxCost}; ask for smaller pages or fewer nested lists`,
      { cost, maxCost: limits.maxCost },
    );
  }
  return cost;
}
