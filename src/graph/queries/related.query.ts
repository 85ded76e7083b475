import { REL_PROPS } from '../../domain/entity-props';
import type { NodeLabel, RelationshipType } from '../../domain/graph-model';
import type { CypherQuery } from '../query';
import { visible } from './access';
import { ParamBag } from './params';
import { projectNode, projectRel, type ProjectionKeys } from './projection';

/** A relationship field: which type, which way from the parent, which kinds at the far end. */
export interface RelatedSpec {
  type: RelationshipType;
  direction: 'OUT' | 'IN' | 'BOTH';
  targets?: readonly NodeLabel[];
}

/** Filters on the relationship's own properties: key (from the property tables) -> allowed values. */
export type EdgeFilter = Record<string, readonly (string | number)[]>;

export interface RelatedArgs {
  first: number;
  /** Keyset position: the `sortKey` of the last edge seen. */
  after?: string;
  edgeFilter?: EdgeFilter;
  withCount?: boolean;
  /** Properties of the far node and of the relationship to return (null: all; projection.ts). */
  nodeKeys?: ProjectionKeys;
  relKeys?: ProjectionKeys;
  /**
   * Whether each edge's relationship carries its type and element id (`__type`, `__id`): what an
   * edge's cursor, link id and type are made from. False only where the selection reads none of
   * them (relation-fields.ts); absent means true.
   */
  linkIdentity?: boolean;
}

/**
 * The sort key of an edge: far node id, then the relationship's element id (two links to one
 * node). It orders the page in Neo4j; the reader rebuilds it from the edge with `edgeKey` rather
 * than have every edge carry it back.
 */
const EDGE_KEY = `o.id + ' ' + elementId(r)`;

/** EDGE_KEY of an edge read back: its node's id and its relationship's element id. */
export function edgeKey(nodeId: string, relId: string): string {
  return `${nodeId} ${relId}`;
}

/**
 * A relationship field for many parents in one round trip (the related loader's batch): for each
 * parent id, up to `first` edges after the cursor, ordered by the far node's id, with the total
 * when asked. Parent, relationship and far node must all be visible to the caller.
 */
export function relatedQuery(parentIds: readonly string[], spec: RelatedSpec, args: RelatedArgs): CypherQuery {
  const bag = new ParamBag('r');
  return { cypher: `${relatedBranch('$ids', bag, spec, args)}\nRETURN pid, edges, total`, params: { ...bag.params, ids: [...parentIds] } };
}

/** One relationship field for a set of parents, as `relatedBatchQuery` takes it. */
export interface RelatedGroup {
  parentIds: readonly string[];
  spec: RelatedSpec;
  args: RelatedArgs;
}

/**
 * Several relationship fields in ONE round trip: the fields a GraphQL level asks for (a person's
 * nationalities, groups and identifiers; the same for every person of a page) become branches of
 * one `CALL { ... UNION ALL ... }`, each as `relatedQuery` builds it, tagged with its index
 * (`grp`). Every branch applies the same visibility rule.
 */
export function relatedBatchQuery(groups: readonly RelatedGroup[]): CypherQuery {
  const params: Record<string, unknown> = {};
  const branches = groups.map((g, i) => {
    const bag = new ParamBag(`r${i}_`);
    const text = relatedBranch(`$ids${i}`, bag, g.spec, g.args);
    Object.assign(params, bag.params, { [`ids${i}`]: [...g.parentIds] });
    return `${text}\nRETURN ${i} AS grp, pid, edges, total`;
  });
  return {
    cypher: `CALL () {
  ${branches.map((b) => b.replace(/\n/g, '\n  ')).join('\n  UNION ALL\n  ')}
}
RETURN grp, pid, edges, total`,
    params,
  };
}

/** A relationship field to fetch for every parent of a statement (relatedColumns). */
export interface RelatedColumn {
  spec: RelatedSpec;
  args: RelatedArgs;
}

/**
 * Relationship fields appended to a statement that has read its parents, a row each: for the
 * parent node in `parentVar` (matched and checked visible by the statement; null on a row with no
 * parent), each field becomes a subquery giving one column, `rel0`, `rel1`, ..., that parent's
 * `{edges, total}` as `relatedQuery` returns them. So a parent and the relationship fields
 * selected on it come back in ONE round trip (the prefetch, graphql/relation-prefetch.ts), with
 * the same visibility rule per branch.
 *
 * A row per parent, not one row for them all: the driver decodes a record that spans many
 * network chunks string by string across the chunks, several times slower than a small record.
 */
export function relatedColumns(parentVar: string, columns: readonly RelatedColumn[]): { text: string; params: Record<string, unknown>; names: string[] } {
  const params: Record<string, unknown> = {};
  const names: string[] = [];
  const text = columns.map((c, i) => {
    const bag = new ParamBag(`rc${i}_`);
    const edges = edgesOf(bag, c.spec, c.args);
    Object.assign(params, bag.params);
    names.push(`rel${i}`);
    return `CALL (${parentVar}) {
  WITH ${parentVar} AS p
  ${edges.replace(/\n/g, '\n  ')}
  RETURN {edges: edges, total: total} AS rel${i}
}`;
  });
  return { text: text.join('\n'), params, names };
}

/** The edges of each parent id in `ids` (a parameter), the parent checked visible: rows of `pid, edges, total`. */
function relatedBranch(ids: string, bag: ParamBag, spec: RelatedSpec, args: RelatedArgs): string {
  return `UNWIND ${ids} AS pid
MATCH (p:Entity {id: pid})
WHERE ${visible('p')}
${edgesOf(bag, spec, args, 'pid')}`;
}

/** The page of edges of the parent `p` (`edges`) and their number when asked (`total`, else null), carrying `carry`. */
function edgesOf(bag: ParamBag, spec: RelatedSpec, args: RelatedArgs, carry?: string): string {
  const pattern = spec.direction === 'OUT' ? `(p)-[r:${spec.type}]->(o)` : spec.direction === 'IN' ? `(p)<-[r:${spec.type}]-(o)` : `(p)-[r:${spec.type}]-(o)`;
  const preds = [visible('r'), visible('o')];
  for (const [key, values] of Object.entries(args.edgeFilter ?? {})) {
    if (!(key in REL_PROPS[spec.type])) throw new Error(`Invariant failed: ${key} is not a property of ${spec.type}`);
    preds.push(`r.${key} IN ${bag.add(values)}`);
  }
  if (spec.targets && spec.targets.length > 0) preds.unshift(`(${spec.targets.map((l) => `o:${l}`).join(' OR ')})`);
  const pagePreds = args.after !== undefined ? [...preds, `${EDGE_KEY} > ${bag.add(args.after)}`] : preds;
  const limit = bag.add(Math.trunc(args.first) + 1);
  const count = args.withCount
    ? `CALL (p) {
  MATCH ${pattern}
  WHERE ${preds.join(' AND ')}
  RETURN count(*) AS total
}`
    : `WITH ${carry ? `${carry}, ` : ''}edges, null AS total`;
  return `CALL (p) {
  MATCH ${pattern}
  WHERE ${pagePreds.join(' AND ')}
  WITH r, o, ${EDGE_KEY} AS sortKey ORDER BY sortKey LIMIT toInteger(${limit})
  RETURN collect({rel: ${projectRel('r', args.relKeys, { ends: false, identity: args.linkIdentity !== false, type: spec.type })}, node: ${projectNode('o', args.nodeKeys)}, outgoing: startNode(r) = p}) AS edges
}
${count}`;
}
