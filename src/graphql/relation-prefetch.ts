import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

import type { RelatedColumn } from '../graph/queries/related.query';
import type { RelatedPage } from '../graph/related.reader';
import { kindOf, type RelatedLoad } from '../loaders/related.loader';
import { relatedArgsFor, relationFieldOf } from './resolvers/relation-fields';

/**
 * Relationship fields fetched with their parents, in the parents' own statement.
 *
 * A query for a person with their groups and identifiers, or a page of 100 people with theirs,
 * would cost two statements: the parents, then (batched by the related loader) one for the
 * fields below them. A root resolver that reads the parents asks `plannedRelations` which declared
 * relationship fields (resolvers/relation-fields.ts) the selection asks for on them, reads them
 * in the same statement, and primes the related loader with the pages; the field resolvers then
 * find them there. Each planned field's loader arguments come from the same rule its resolver
 * uses (`relatedArgsFor`), over the same field nodes GraphQL will hand the resolver, so a primed
 * page is exactly the answer its load would have fetched. A field the planner cannot see the same
 * way (under a directive, in a fragment whose type it does not follow) is simply not planned and
 * loads as before: the prefetch saves a round trip, it never changes an answer.
 */

/** Fragments nested deeper than this are not followed (nothing below is planned). */
const MAX_FRAGMENT_DEPTH = 8;

/**
 * The declared relationship fields selected on the objects at each of `paths` below the
 * resolver's field (`[[]]`: the field's own object; `[['nodes'], ['edges', 'node']]`: a
 * connection's nodes), as loader arguments; a field asked twice the same way, once.
 */
export function plannedRelations(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): RelatedColumn[] {
  const planned = new Map<string, RelatedColumn>();
  const sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  const visit = (type: GraphQLNamedType, at: readonly SelectionSetNode[], path: readonly string[]) => {
    if (!isObjectType(type) || at.length === 0) return;
    const groups = collectFields(info, type, at);
    if (!groups) return;
    if (path.length > 0) {
      for (const nodes of groups.values()) {
        if (nodes[0]!.name.value !== path[0]) continue;
        const def = type.getFields()[path[0]!];
        if (def) visit(getNamedType(def.type), subSets(nodes), path.slice(1));
      }
      return;
    }
    for (const nodes of groups.values()) {
      const name = nodes[0]!.name.value;
      const field = relationFieldOf(type.name, name);
      const def = type.getFields()[name];
      if (!field || !def || nodes.some((n) => n.directives?.length)) continue;
      try {
        const args = relatedArgsFor(field, getArgumentValues(def, nodes[0]!, info.variableValues), { fieldNodes: nodes, fragments: info.fragments });
        planned.set(kindOf(field.spec, args), { spec: field.spec, args });
      } catch {
        // A bad argument (say `first: 0`): not planned; the field's resolver reports it.
      }
    }
  };
  for (const path of paths) visit(getNamedType(info.returnType), sets, path);
  return [...planned.values()];
}

/** Hands the pages a parent statement read to the request's related loader. */
export function primeRelated(related: RelatedLoad, columns: readonly RelatedColumn[], parentIds: readonly string[], pages: readonly RelatedPage[][]): void {
  columns.forEach((c, i) => parentIds.forEach((id, j) => related.prime(c.spec, c.args, id, pages[i]![j]!)));
}

function subSets(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s);
}

/**
 * The fields selected on an object of `type`, grouped by response key as GraphQL groups them for
 * the resolvers; null when fragments nest too deep to follow. Fragments with directives, or on a
 * type `type` does not belong to, are left out.
 */
function collectFields(info: GraphQLResolveInfo, type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> | null {
  const groups = new Map<string, FieldNode[]>();
  let tooDeep = false;
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const t = info.schema.getType(condition);
    return !!t && isAbstractType(t) && info.schema.isSubType(t, type);
  };
  const walk = (set: SelectionSetNode, depth: number) => {
    if (depth > MAX_FRAGMENT_DEPTH) {
      tooDeep = true;
      return;
    }
    for (const sel of set.selections) {
      if (sel.kind === 'Field') {
        const key = sel.alias?.value ?? sel.name.value;
        groups.set(key, [...(groups.get(key) ?? []), sel]);
      } else if (sel.directives?.length) {
        continue;
      } else if (sel.kind === 'InlineFragment') {
        if (applies(sel.typeCondition?.name.value)) walk(sel.selectionSet, depth + 1);
      } else {
        const fragment = info.fragments[sel.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) walk(fragment.selectionSet, depth + 1);
      }
    }
  };
  for (const s of sets) walk(s, 0);
  return tooDeep ? null : groups;
}
