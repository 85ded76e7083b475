import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * How many fields graphql-jit would generate code for: it compiles a selection once for every
 * object type it may meet, so a field of an interface type counts its selection once per
 * implementation, and interfaces nested in interfaces multiply. (A place with four levels of
 * `parent`, each a Location of five kinds, is 1,250 fields, and compiling it takes most of a
 * second.) Counting stops past `budget`, which it returns plus one, so the count itself stays cheap.
 */
export function compiledSize(schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>, operation: OperationDefinitionNode, budget: number): number {
  let count = 0;
  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (!condition || condition === type.name) return true;
    const named = schema.getType(condition);
    return !!named && isAbstractType(named) && schema.isSubType(named, type);
  };
  const visit = (set: SelectionSetNode, type: GraphQLObjectType, seen: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (count > budget) return;
      if (selection.kind === Kind.FIELD) {
        count++;
        const field = type.getFields()[selection.name.value];
        if (!field || !selection.selectionSet) continue;
        const named = getNamedType(field.type);
        const types = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
        for (const t of types) visit(selection.selectionSet, t, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type)) visit(selection.selectionSet, type, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A cycle is invalid GraphQL, refused before execution; the guard keeps this safe alone.
        if (!fragment || seen.has(fragment.name.value) || !applies(fragment.typeCondition.name.value, type)) continue;
        visit(fragment.selectionSet, type, new Set([...seen, fragment.name.value]));
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) visit(operation.selectionSet, root, new Set());
  return Math.min(count, budget + 1);
}
