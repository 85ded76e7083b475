import type { NodeLabel } from '../../domain/graph-model';
import type { Cursor } from '../cursor';
import type { CypherQuery } from '../query';
import { visible } from './access';
import { ParamBag } from './params';
import { projectNode, type ProjectionKeys } from './projection';
import { relatedColumns, type RelatedColumn } from './related.query';

/** A filter part over the node variable `n`; its values are in the bag it was built with. */
export type Predicate = string;

/**
 * A list filter: predicates over `n` and, optionally, patterns from `n` joined in the list's own
 * MATCH (`(n)-[__r:NATIONAL_OF]->(__c:Country)`), their variables ours and their visibility and
 * conditions among the predicates. A join lets the planner start from the far end when that is
 * the selective side (one country's people rather than every person born in a range, then tested
 * one by one); an EXISTS predicate always starts from `n`. The list keeps each node once.
 */
export interface ListFilter {
  where: Predicate[];
  joins?: string[];
  /**
   * Where to start: patterns from `n` to a node named by its key, each with its conditions
   * (visibility first); a node reached by any of them is a candidate. The candidates are found
   * first, each once, and `where` then tests each once. A join would test `where` on every row
   * the pattern gives (every member of a group, say), so an EXISTS among the predicates would run
   * once per row instead of once per node.
   */
  seed?: SeedPattern[];
}

/** One way to reach the nodes of a seeded list (ListFilter.seed). */
export interface SeedPattern {
  pattern: string;
  where: Predicate[];
}

export interface SortSpec {
  /** A Cypher expression over `n` that never yields null, from code (never a request). */
  expr: string;
  direction: 'ASC' | 'DESC';
}

export const SORT_BY_ID: SortSpec = { expr: 'n.id', direction: 'ASC' };

export interface ListSpec extends ListFilter {
  label: NodeLabel;
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
  const { page, order, limit } = pageParts(spec);
  return {
    cypher: `${matchClause(spec)}
WHERE ${page.join('\n  AND ')}
WITH ${distinct(spec)}n ORDER BY ${order}
LIMIT toInteger(${limit})
RETURN ${projectNode('n', spec.keys)} AS node, ${spec.sort.expr} AS sortKey`,
    params: spec.bag.params,
  };
}

/**
 * A page and the number of rows the list would page through, in ONE round trip (when the query
 * asks for `totalCount`): a row per node of the page, in order, each with `total` and the node's
 * `row`; an empty page is one row whose `row` is null, to carry the total. (A row per node, not
 * one for the page: see relatedColumns on the driver's cost for a record of many chunks.)
 */
export function pageWithCountQuery(spec: ListSpec): CypherQuery {
  return { cypher: `${pageAndTotal(spec, true, false)}\n${PER_ROW}\nRETURN total, row`, params: spec.bag.params };
}

/** The page's rows one per result row (`row`), or one null row when the page is empty. */
const PER_ROW = 'UNWIND CASE size(rows) WHEN 0 THEN [null] ELSE rows END AS row';

/**
 * A page, its total when asked, and relationship fields of the page's nodes, in ONE round trip: a
 * row per node of the page in order (the extra one fetched to see whether another page follows
 * included), each with `total` (null unless `withCount`), `row` and a column per field (`rel0`,
 * ...; relatedColumns), the extra row's fields empty. An empty page is one row whose `row` is
 * null, to carry the total.
 */
export function pageWithRelatedQuery(spec: ListSpec & { withCount?: boolean }, columns: readonly RelatedColumn[]): CypherQuery {
  const head = pageAndTotal(spec, spec.withCount ?? false, true);
  const first = spec.bag.add(Math.trunc(spec.first));
  const related = relatedColumns('n', columns);
  return {
    cypher: `${head}
UNWIND CASE size(rows) WHEN 0 THEN [null] ELSE range(0, size(rows) - 1) END AS __i
WITH total, rows[__i] AS row, CASE WHEN __i < toInteger(${first}) THEN parents[__i] END AS n
${related.text}
RETURN total, row, ${related.names.join(', ')}`,
    params: { ...spec.bag.params, ...related.params },
  };
}

/**
 * The text that leaves one row with `total` (null unless `withCount`), the page's `rows` and,
 * with `withParents`, its nodes as `parents`.
 *
 * With a count and a filter, the filter runs once: the matching nodes are sorted, counted, and
 * collected in order, those past the cursor only, and the page is the head of that list. The list
 * is never unwound into the sort: rows unwound from a list each carry the list in Neo4j's memory
 * estimate, so a sort of 200,000 matches for a page of 101 was counted as 596 MB of the
 * transaction memory pool (70% of the heap), where this counts 34 MB (bench/README.md).
 * Counting and paging apart would run the filter twice, and with a filter neither half can stop
 * early: the count must see every match, and the page is sorted from the matches, not read off
 * the id index. Unfiltered, the two halves stay apart: the page is then an index-ordered scan that
 * stops after one page, so collecting every node of the label would only cost memory.
 */
function pageAndTotal(spec: ListSpec, withCount: boolean, withParents: boolean): string {
  const { filter, after, page, order, limit } = pageParts(spec);
  const rows = `collect({node: ${projectNode('n', spec.keys)}, sortKey: ${spec.sort.expr}}) AS rows${withParents ? ', collect(n) AS parents' : ''}`;
  const carried = withParents ? 'rows, parents' : 'rows';
  if (withCount && filtered(spec)) {
    return `${matchClause(spec)}
WHERE ${filter.join('\n  AND ')}
WITH ${distinct(spec)}n ORDER BY ${order}
WITH count(n) AS total, collect(${after ? `CASE WHEN ${after} THEN n END` : 'n'})[0..toInteger(${limit})] AS pageNodes
CALL (pageNodes) {
  UNWIND pageNodes AS n
  RETURN ${rows}
}
WITH total, ${carried}`;
  }
  const total = withCount
    ? `CALL () {
  ${countText(spec).replace(/\n/g, '\n  ')}
}`
    : 'WITH null AS total';
  return `${total}
CALL () {
  ${matchClause(spec)}
  WHERE ${page.join('\n    AND ')}
  WITH ${distinct(spec)}n ORDER BY ${order}
  LIMIT toInteger(${limit})
  RETURN ${rows}
}`;
}

/**
 * The list's filter (visibility first), the cursor's predicate, both together (`page`), the order
 * and the limit.
 */
function pageParts(spec: ListSpec): { filter: string[]; after: string | null; page: string[]; order: string; limit: string } {
  const { bag, sort } = spec;
  const filter = [visible('n'), ...spec.where];
  let after: string | null = null;
  if (spec.after) {
    const cmp = sort.direction === 'ASC' ? '>' : '<';
    if (sort.expr === 'n.id') {
      after = `n.id ${cmp} ${bag.add(spec.after.id)}`;
    } else {
      const k = bag.add(spec.after.key);
      const id = bag.add(spec.after.id);
      after = `(${sort.expr} ${cmp} ${k} OR (${sort.expr} = ${k} AND n.id ${cmp} ${id}))`;
    }
  }
  const order = sort.expr === 'n.id' ? `n.id ${sort.direction}` : `${sort.expr} ${sort.direction}, n.id ${sort.direction}`;
  const limit = bag.add(Math.trunc(spec.first) + 1);
  return { filter, after, page: after ? [...filter, after] : filter, order, limit };
}

/** The number of rows a list would page through, counted in the database. */
export function countQuery(spec: Pick<ListSpec, 'label' | 'where' | 'joins' | 'seed' | 'bag'>): CypherQuery {
  return { cypher: countText(spec), params: spec.bag.params };
}

/** The visible nodes of a label that pass the filter, counted (alone, or as a subquery). */
function countText(spec: Pick<ListSpec, 'label' | 'where' | 'joins' | 'seed'>): string {
  return `${matchClause(spec)}
WHERE ${[visible('n'), ...spec.where].join('\n  AND ')}
RETURN count(${distinct(spec)}n) AS total`;
}

/**
 * `MATCH (n:Label)` and the filter's joins, in one clause; or, with a seed (a filter has one or
 * joins, not both), the seed's nodes, each once. A WHERE follows either form.
 */
function matchClause(spec: Pick<ListSpec, 'label' | 'joins' | 'seed'>): string {
  if (!spec.seed?.length) return `MATCH ${[`(n:${spec.label})`, ...(spec.joins ?? [])].join(', ')}`;
  if (spec.joins?.length) throw new Error('Invariant failed: a list filter has a seed or joins, not both');
  // UNION keeps each node once; one pattern alone needs DISTINCT for that.
  const once = spec.seed.length === 1 ? 'DISTINCT ' : '';
  const branches = spec.seed.map((s) => `MATCH (n:${spec.label}), ${s.pattern}\n  WHERE ${s.where.join(' AND ')}\n  RETURN ${once}n`);
  return `CALL () {
  ${branches.join('\n  UNION\n  ')}
}
WITH n`;
}

/** A join can reach a node more than once (two of the listed nationalities): keep it once. */
function distinct(spec: Pick<ListSpec, 'joins'>): string {
  return spec.joins?.length ? 'DISTINCT ' : '';
}

function filtered(spec: ListFilter): boolean {
  return spec.where.length > 0 || (spec.joins?.length ?? 0) > 0 || (spec.seed?.length ?? 0) > 0;
}
