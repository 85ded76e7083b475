import type { TraversalLimits } from '../config/config';
import type { NodeLabel, PersonRoleLabel, RelationshipType } from '../domain/graph-model';
import type { Subgraph } from '../domain/subgraph';
import { isoDate, dateOrder } from '../domain/validation';
import { badInput } from '../errors/app-error';
import { readConnecting, readDuplicateCandidates, readNeighbourhood, readPaths, readSharedIdentifiers, type SharedLinkRow } from '../graph/network.reader';
import type { ScopedGraph } from '../graph/scoped-graph';
import { budget, clampDepth, pathCount, pathHops } from './bounds';
import { EVIDENCE_WEIGHTS, NAME_FOLD, rankDuplicates, type DuplicateCandidate } from './duplicates';
import { buildSubgraph, toSubgraphEdge, toSubgraphNode } from './subgraph';

/** Network questions: each one Cypher round trip, clamped to the configured limits. */
export interface NetworkDeps {
  graph: ScopedGraph;
  limits: TraversalLimits;
  pseudonymOf: (id: string) => string;
}

function ids(field: string, list: readonly string[], max = 50): string[] {
  if (list.length === 0) throw badInput(field, 'give at least one id');
  if (list.length > max) throw badInput(field, `at most ${max} ids`);
  return [...new Set(list)];
}

/** Stored keys to read of a subgraph's nodes and links (graphql/projection-keys.ts, subgraphKeys); null for all. */
export interface SubgraphKeys {
  nodes: readonly string[] | null;
  rels: readonly string[] | null;
}

export interface NeighbourhoodArgs {
  ids: readonly string[];
  depth: number;
  relationshipTypes?: readonly RelationshipType[] | null;
  nodeTypes?: readonly NodeLabel[] | null;
  since?: string | null;
  until?: string | null;
  limit?: number | null;
  expandReference?: boolean | null;
  /** Stored keys the caller's selection needs of each node and link (null: all). */
  keys?: SubgraphKeys | null;
}

export async function neighbourhood(d: NetworkDeps, a: NeighbourhoodArgs): Promise<Subgraph> {
  const depth = clampDepth(a.depth, d.limits);
  const since = isoDate('since', a.since);
  const until = isoDate('until', a.until);
  dateOrder('since', since, 'until', until);
  const limit = budget(a.limit, d.limits);
  const raw = await readNeighbourhood(
    d.graph,
    {
      ids: ids('ids', a.ids),
      depth: depth.depth,
      relationshipTypes: a.relationshipTypes ?? null,
      nodeTypes: a.nodeTypes ?? null,
      since,
      until,
      limit,
      expandReference: !!a.expandReference,
      nodeKeys: a.keys?.nodes,
      relKeys: a.keys?.rels,
    },
    d.limits.timeoutMs,
  );
  const truncatedBy = raw.truncated ? 'NODE_BUDGET' : depth.clamped && raw.moreBeyond ? 'DEPTH' : null;
  return buildSubgraph(raw.nodes, raw.rels, d.pseudonymOf, truncatedBy);
}

export interface PathsArgs {
  from: string;
  to: string;
  maxHops: number;
  relationshipTypes?: readonly RelationshipType[] | null;
  k: number;
  timeRespecting?: boolean | null;
  expandReference?: boolean | null;
  keys?: SubgraphKeys | null;
}

export interface PathResult {
  hops: number;
  subgraph: Subgraph;
  /** Node ids in path order, from `from` to `to`. */
  nodeIds: string[];
}

export async function paths(d: NetworkDeps, a: PathsArgs): Promise<PathResult[]> {
  if (a.from === a.to) throw badInput('to', 'must differ from `from`');
  const rows = await readPaths(
    d.graph,
    {
      from: a.from,
      to: a.to,
      maxHops: pathHops(a.maxHops, d.limits),
      k: pathCount(a.k),
      relationshipTypes: a.relationshipTypes ?? null,
      timeRespecting: !!a.timeRespecting,
      expandReference: !!a.expandReference,
      nodeKeys: a.keys?.nodes,
      relKeys: a.keys?.rels,
    },
    d.limits.timeoutMs,
  );
  return rows.map((r) => ({
    hops: r.hops,
    nodeIds: r.nodes.map((n) => n.id),
    subgraph: { nodes: r.nodes.map((n) => toSubgraphNode(n, d.pseudonymOf)), edges: r.rels.map(toSubgraphEdge), truncated: false, truncatedBy: null },
  }));
}

export interface ConnectingResult {
  subgraph: Subgraph;
  unconnected: [string, string][];
}

export async function connectingNetwork(
  d: NetworkDeps,
  a: { ids: readonly string[]; maxHops: number; relationshipTypes?: readonly RelationshipType[] | null; expandReference?: boolean | null; keys?: SubgraphKeys | null },
): Promise<ConnectingResult> {
  const list = ids('ids', a.ids, 12);
  if (list.length < 2) throw badInput('ids', 'give at least two different ids');
  const rows = await readConnecting(
    d.graph,
    { ids: list, maxHops: pathHops(a.maxHops, d.limits), relationshipTypes: a.relationshipTypes ?? null, expandReference: !!a.expandReference, nodeKeys: a.keys?.nodes, relKeys: a.keys?.rels },
    d.limits.timeoutMs,
  );
  const found = new Set(rows.filter((r) => r.nodes.length > 0).map((r) => `${r.from}\u0000${r.to}`));
  const unconnected: [string, string][] = [];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (!found.has(`${list[i]}\u0000${list[j]}`)) unconnected.push([list[i]!, list[j]!]);
  return { subgraph: buildSubgraph(rows.flatMap((r) => r.nodes), rows.flatMap((r) => r.rels), d.pseudonymOf), unconnected };
}

export interface SharedIdentifiersArgs {
  ids?: readonly string[] | null;
  subjectTypes?: readonly ('Person' | 'Business')[] | null;
  counterpartRoles?: readonly PersonRoleLabel[] | null;
  viaTypes?: readonly NodeLabel[] | null;
  untargetedOnly?: boolean | null;
  limit?: number | null;
}

export async function sharedIdentifiers(d: NetworkDeps, a: SharedIdentifiersArgs): Promise<{ links: SharedLinkRow[]; subgraph: Subgraph }> {
  const limit = budget(a.limit, d.limits);
  const links = await readSharedIdentifiers(
    d.graph,
    {
      ids: a.ids && a.ids.length ? ids('ids', a.ids, 500) : null,
      subjectTypes: a.subjectTypes && a.subjectTypes.length ? a.subjectTypes : ['Person', 'Business'],
      counterpartRoles: a.counterpartRoles ?? null,
      viaTypes: a.viaTypes ?? null,
      untargetedOnly: !!a.untargetedOnly,
      limit,
    },
    d.limits.timeoutMs,
  );
  const subgraph = buildSubgraph(
    links.flatMap((l) => [l.subject, l.counterpart, l.via]),
    links.flatMap((l) => [l.subjectLink, l.counterpartLink]),
    d.pseudonymOf,
    links.length >= limit ? 'NODE_BUDGET' : null,
  );
  return { links, subgraph };
}

/**
 * How many pairs Neo4j hands the scorer for a list of `limit`: those with the highest possible
 * scores. More than the limit, because the exact score (names compared by the scorer) can reorder
 * them; the scorer's cost is a few microseconds a pair. `atLeast` is MSHT_DUPLICATE_PAIRS. See
 * README (duplicate candidates).
 */
export function duplicatePairsToScore(limit: number, atLeast: number): number {
  return Math.max(limit, atLeast);
}

/**
 * The score from which a candidate's place is certain. When Neo4j kept only the `asked` pairs
 * with the highest bounds, a pair left out could reach at most the lowest bound kept, so a
 * candidate scoring at least that has no better pair missing above it. When fewer came back,
 * every pair was scored and every place is certain. Scores are ranked rounded to three places
 * (scorePair), so the bound is rounded the same way: a pair left out can at best tie, and a
 * bound Neo4j computed a float's width above an equal score does not count against it.
 */
export function certainFrom(rows: readonly { bound: number }[], asked: number): number {
  if (rows.length < asked) return -Infinity;
  let lowest = Infinity;
  for (const r of rows) lowest = Math.min(lowest, r.bound);
  return Math.round(lowest * 1000) / 1000;
}

export async function duplicateCandidates(
  d: NetworkDeps,
  a: { ids?: readonly string[] | null; groupId?: string | null; minScore?: number | null; limit?: number | null },
): Promise<(DuplicateCandidate & { rankCertain: boolean })[]> {
  const minScore = a.minScore ?? 0.5;
  if (minScore < 0 || minScore > 1) throw badInput('minScore', 'must be from 0 to 1');
  const limit = budget(a.limit, d.limits);
  const scope = { ids: a.ids && a.ids.length ? ids('ids', a.ids, 1000) : null, groupId: a.groupId ?? null };
  // A scoped search is a traversal from its people, under the traversal budget. Over the whole
  // graph it reads every person (11 to 13 s at the bench's `large` world), so it has the query
  // timeout instead (MSHT_QUERY_TIMEOUT_MS), as a whole-graph job.
  const wholeGraph = !scope.ids && !scope.groupId;
  const asked = duplicatePairsToScore(limit, d.limits.duplicatePairs);
  const rows = await readDuplicateCandidates(d.graph, { ...scope, minScore, limit: asked, weights: EVIDENCE_WEIGHTS, nameFold: NAME_FOLD }, wholeGraph ? undefined : d.limits.timeoutMs);
  const certain = certainFrom(rows, asked);
  return rankDuplicates(rows, minScore)
    .slice(0, limit)
    .map((c) => ({ ...c, rankCertain: c.score >= certain }));
}
