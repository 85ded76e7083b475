import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isLeafType,
  isListType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Arguments that say how many items a list (or a connection's `edges`/`nodes`) holds. */
export const SIZE_ARGUMENTS = ['first', 'last', 'limit', 'top', 'size', 'pageSize'] as const;

/**
 * Per-field cost hints a resolver may declare with type-graphql's `@Extensions({ cost, listSize })`:
 * `cost` replaces the field's own cost (default 1 for an object field, 0 for a scalar), `listSize`
 * the assumed length of a list field that has no size argument.
 */
export interface FieldCostHints {
  cost?: number;
  listSize?: number;
}

export interface CostOptions {
  /** Assumed length of a list field without a size argument or hint. */
  defaultListSize: number;
}

/**
 * Estimated cost of running an operation with these variables: every object field costs 1 (or
 * its `cost` hint), scalars 0, and a list field multiplies the cost of one item (itself plus its
 * selection) by its length: its `first`/`limit`-like argument, the length of an `ids` argument,
 * its `listSize` hint, or `defaultListSize`. A field that takes a size argument but returns one
 * object (a connection) hands that size to the lists directly under it (`edges`, `nodes`).
 * Selections under a type condition narrower than the parent count the most expensive branch,
 * since each object is of one type. `@skip`/`@include` are honoured.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  rawVariables: Record<string, unknown> | undefined,
  opts: CostOptions,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  // Variables that do not coerce fail the request before execution; estimate with defaults.
  const variables = coerced.coerced ?? {};
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  const included = (node: { directives?: FieldNode['directives'] }): boolean => {
    if (!node.directives?.length) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
    } catch {
      // A bad directive argument fails validation or execution; count the selection.
    }
    return true;
  };

  const cost = (set: SelectionSetNode, parent: GraphQLCompositeType, claimedSize: number | undefined): number => {
    let common = 0;
    const branches = new Map<string, number>();
    const addBranch = (typeName: string | undefined, c: number) => {
      if (typeName === undefined || typeName === parent.name) common += c;
      else branches.set(typeName, (branches.get(typeName) ?? 0) + c);
    };
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        common += fieldCost(sel, parent, claimedSize);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (t && isCompositeType(t)) addBranch(t.name, cost(sel.selectionSet, t, claimedSize));
      } else {
        const frag = fragments.get(sel.name.value);
        if (!frag) continue;
        const t = schema.getType(frag.typeCondition.name.value);
        if (!t || !isCompositeType(t)) continue;
        const key = `${frag.name.value}|${claimedSize ?? ''}`;
        if (visiting.has(key)) continue;
        if (!memo.has(key)) {
          visiting.add(key);
          memo.set(key, cost(frag.selectionSet, t, claimedSize));
          visiting.delete(key);
        }
        addBranch(t.name, memo.get(key)!);
      }
    }
    return common + Math.max(0, ...branches.values());
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, claimedSize: number | undefined): number => {
    const def = fieldDef(schema, parent, node.name.value);
    if (!def) return 0;
    const hints = (def.extensions ?? {}) as FieldCostHints;
    const named = getNamedType(def.type);
    const own = hints.cost ?? (isLeafType(named) ? 0 : 1);
    const size = sizeFromArguments(def, node, variables);
    const isList = isListType(getNullableType(def.type));
    const child = node.selectionSet && isCompositeType(named) ? cost(node.selectionSet, named, isList ? undefined : size) : 0;
    if (!isList) return own + child;
    const length = size ?? claimedSize ?? hints.listSize ?? opts.defaultListSize;
    return length * (own + child);
  };

  return cost(operation.selectionSet, root, undefined);
}

function fieldDef(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

function sizeFromArguments(def: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  if (def.args.length === 0) return undefined;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(def, node, variables);
  } catch {
    return undefined;
  }
  for (const name of SIZE_ARGUMENTS) {
    const v = args[name];
    if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, Math.trunc(v));
  }
  if (Array.isArray(args.ids)) return args.ids.length;
  return undefined;
}
