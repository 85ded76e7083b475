import type { NodeLabel } from '../../domain/graph-model';
import type { Cursor } from '../cursor';
import type { CypherQuery } from '../query';
import { visible } from './access';
import { ParamBag } from './params';
import { projectNode, type ProjectionKeys } from './projection';
import { relatedColumns, type RelatedColumn } from './related.query';

/** A filter part over the node variable `n`; its values are in the bag it was built with. */
export type Predicate = string;

export interface SortSpec {
  /** A Cypher expression over `n` that never yields null, from code (never a request). */
  expr: string;
  direction: 'ASC' | 'DESC';
}

export const SORT_BY_ID: SortSpec = { expr: 'n.id', direction: 'ASC' };

export interface ListSpec {
  label: NodeLabel;
  where: Predicate[];
  bag: ParamBag;
  sort: SortSpec;
  /** Rows to return; the query asks for one more to know whether a next page exists. */
  first: number;
  after?: Cursor;
  /** Properties to return (null: all; projection.ts). */
  keys?: ProjectionKeys;
}

/**
 * One page of a keyset-paginated list: ORDER BY the sort key then id, and the `after` cursor as a
 * range predicate (never SKIP), so page N costs what page 1 costs. Sorting by id alone plans as
 * an index-backed ordered scan.
 */
export function listQuery(spec: ListSpec): CypherQuery {
  const { where, order, limit } = pageParts(spec);
  return {
    cypher: `MATCH (n:${spec.label})
WHERE ${where.join('\n  AND ')}
WITH n ORDER BY ${order}
LIMIT toInteger(${limit})
RETURN ${projectNode('n', spec.keys)} AS node, ${spec.sort.expr} AS sortKey`,
    params: spec.bag.params,
  };
}

/**
 * A page and the number of rows the list would page through, in ONE round trip (when the query
 * asks for `totalCount`): one row, `total` and the page's `rows` in order.
 */
export function pageWithCountQuery(spec: ListSpec): CypherQuery {
  const { where, order, limit } = pageParts(spec);
  return {
    cypher: `CALL () {
  ${countText(spec.label, spec.where).replace(/\n/g, '\n  ')}
}
CALL () {
  MATCH (n:${spec.label})
  WHERE ${where.join('\n    AND ')}
  WITH n ORDER BY ${order}
  LIMIT toInteger(${limit})
  RETURN collect({node: ${projectNode('n', spec.keys)}, sortKey: ${spec.sort.expr}}) AS rows
}
RETURN total, rows`,
    params: spec.bag.params,
  };
}

/**
 * A page, its total when asked, and relationship fields of the page's nodes, in ONE round trip:
 * one row with `total` (null unless `withCount`), the page's `rows` in order, and a column per
 * field (`rel0`, ...; relatedColumns) for the nodes of the page (not the extra row fetched to
 * see whether another page follows).
 */
export function pageWithRelatedQuery(spec: ListSpec & { withCount?: boolean }, columns: readonly RelatedColumn[]): CypherQuery {
  const { where, order, limit } = pageParts(spec);
  const first = spec.bag.add(Math.trunc(spec.first));
  const related = relatedColumns('parents', `parents[0..toInteger(${first})]`, columns);
  const total = spec.withCount
    ? `CALL () {
  ${countText(spec.label, spec.where).replace(/\n/g, '\n  ')}
}`
    : 'WITH null AS total';
  return {
    cypher: `${total}
CALL () {
  MATCH (n:${spec.label})
  WHERE ${where.join('\n    AND ')}
  WITH n ORDER BY ${order}
  LIMIT toInteger(${limit})
  RETURN collect({node: ${projectNode('n', spec.keys)}, sortKey: ${spec.sort.expr}}) AS rows, collect(n) AS parents
}
${related.text}
RETURN total, rows, ${related.names.join(', ')}`,
    params: { ...spec.bag.params, ...related.params },
  };
}

function pageParts(spec: ListSpec): { where: string[]; order: string; limit: string } {
  const { bag, sort } = spec;
  const where = [visible('n'), ...spec.where];
  if (spec.after) {
    const cmp = sort.direction === 'ASC' ? '>' : '<';
    if (sort.expr === 'n.id') {
      where.push(`n.id ${cmp} ${bag.add(spec.after.id)}`);
    } else {
      const k = bag.add(spec.after.key);
      const id = bag.add(spec.after.id);
      where.push(`(${sort.expr} ${cmp} ${k} OR (${sort.expr} = ${k} AND n.id ${cmp} ${id}))`);
    }
  }
  const order = sort.expr === 'n.id' ? `n.id ${sort.direction}` : `${sort.expr} ${sort.direction}, n.id ${sort.direction}`;
  const limit = bag.add(Math.trunc(spec.first) + 1);
  return { where, order, limit };
}

/** The number of rows a list would page through, counted in the database. */
export function countQuery(label: NodeLabel, where: Predicate[], bag: ParamBag): CypherQuery {
  return { cypher: countText(label, where), params: bag.params };
}

/** The visible nodes of a label that pass the filter, counted (alone, or as a subquery). */
function countText(label: NodeLabel, where: Predicate[]): string {
  return `MATCH (n:${label})
WHERE ${[visible('n'), ...where].join('\n  AND ')}
RETURN count(n) AS total`;
}
