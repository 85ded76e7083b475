import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';

import type { QueryLimits } from '../../config/config';
import { fragmentsOf } from './fragment-walk';
import { limitError } from './limit-error';
import { maxAliasesRule } from './max-aliases.rule';
import { maxDepthRule } from './max-depth.rule';
import { maxDirectivesRule } from './max-directives.rule';
import { operationCost, SIZE_ARGUMENTS } from './operation-cost';

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

/** The variables an operation's cost reads, and how: a size's value, or a list's length (`ids`). */
type CostInputs = ReadonlyMap<string, 'value' | 'length'>;

/** Distinct variable values remembered per operation; past this the memo starts again. */
const MEMO_ENTRIES = 256;

/**
 * checkOperationCost with a memo: the same document (Apollo hands every request with the same
 * text, or the same trusted-document hash, the same parsed operation) with the same values of the
 * variables the cost reads costs the same, so it is estimated once. The cost reads the variables
 * used in size arguments (`first`, `limit`, ...), the length of those in `ids`, and those in
 * `@skip`/`@include`; any other variable (an id, a filter) does not change it and is not part of
 * the key. It answers what checkOperationCost answers whenever the variables coerce (one that
 * does not makes operationCost estimate from defaults, and the request is refused at execution
 * either way).
 */
export function memoisedCostCheck(limits: QueryLimits) {
  const memo = new WeakMap<OperationDefinitionNode, { inputs: CostInputs; costs: Map<string, number> }>();
  return (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number => {
    let entry = memo.get(operation);
    if (!entry) {
      entry = { inputs: costInputs(document), costs: new Map() };
      memo.set(operation, entry);
    }
    const key = costKey(entry.inputs, variables ?? {});
    const known = entry.costs.get(key);
    if (known !== undefined) return known;
    if (entry.costs.size >= MEMO_ENTRIES) entry.costs.clear();
    // A refusal throws before it is remembered: asking again estimates (and refuses) again.
    const cost = checkOperationCost(schema, document, operation, variables, limits);
    entry.costs.set(key, cost);
    return cost;
  };
}

/** Every variable of the document that operationCost reads, with what it reads of it. */
function costInputs(document: DocumentNode): CostInputs {
  const inputs = new Map<string, 'value' | 'length'>();
  const collect = (node: ASTNode, mode: 'value' | 'length') =>
    visit(node, {
      [Kind.VARIABLE]: (v) => {
        if (mode === 'value' || !inputs.has(v.name.value)) inputs.set(v.name.value, mode);
      },
    });
  const sizes = new Set<string>(SIZE_ARGUMENTS);
  visit(document, {
    [Kind.VARIABLE_DEFINITION]: () => false,
    [Kind.ARGUMENT]: (arg) => {
      if (sizes.has(arg.name.value)) collect(arg.value, 'value');
      else if (arg.name.value === 'ids') collect(arg.value, 'length');
    },
    [Kind.DIRECTIVE]: (d) => {
      if (d.name.value === 'skip' || d.name.value === 'include') collect(d, 'value');
    },
  });
  return inputs;
}

/** The values the cost reads, one per input: absent (0), or present (in a list, so null differs from absent). */
function costKey(inputs: CostInputs, variables: Record<string, unknown>): string {
  const parts: unknown[] = [];
  for (const [name, mode] of inputs) {
    const v = variables[name];
    if (!Object.prototype.hasOwnProperty.call(variables, name)) parts.push(0);
    else parts.push([mode === 'length' && Array.isArray(v) ? v.length : (v ?? null)]);
  }
  return JSON.stringify(parts);
}
