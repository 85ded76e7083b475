import type { Row } from '../../src/graph/records';
import type { Rng } from '../harness/rng';

/** Runs one read statement against the bench's database (for sampling ids). */
export type Sampler = (cypher: string, params?: Record<string, unknown>) => Promise<Row[]>;

/** A GraphQL request as the service or the peer receives it. */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

/** A hand-written Cypher statement the limit server runs for one request. */
export interface CypherRequest {
  /** Which of the workload's statements (`limit.statements`), so the server never runs text from a client. */
  statement: string;
  params: Record<string, unknown>;
}

/**
 * One workload: a realistic kind of request with varying ids, asked of three systems.
 *
 * - `sample` draws request parameters from the seeded world, deterministically for a seed;
 * - `ours`, `limit` and `peer` turn one parameter set into each system's request;
 * - each system's `answer` normalises its response (sets of ids sorted, numbers rounded) so the
 *   three can be compared for equality before anything is timed.
 *
 * The limit's statements are hand-written Cypher with the same access rule as the service
 * (`visible()` over every node and relationship read, with the caller's handling codes as
 * parameters), so both sides answer the same question for any caller.
 */
export interface Workload<P = Record<string, unknown>> {
  /** a..g, as the issue names them. */
  letter: string;
  key: string;
  title: string;
  /** Results bounded whatever the world's size (the growth target applies), and why. */
  bounded: boolean;
  boundedWhy: string;
  /** Cypher round trips per request the target allows our service: one per level of the query that reads the graph. */
  roundTrips: number;
  sample(db: Sampler, rng: Rng, n: number): Promise<P[]>;
  ours: { request(p: P): GraphQLRequest; answer(data: unknown, p: P): unknown };
  limit: { statements: Record<string, string>; request(p: P): CypherRequest; answer(rows: Row[], p: P): unknown };
  /** Absent when @neo4j/graphql cannot express the question; `peerCannot` says why. */
  peer?: { request(p: P): GraphQLRequest; answer(data: unknown, p: P): unknown };
  peerCannot?: string;
}

/** A workload of any parameter type, as the harness handles them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWorkload = Workload<any>;

/** The visibility rule in the limit's Cypher (as src/graph/queries/access.ts, written out by hand). */
export function v(x: string): string {
  return `(${x}.handling IN $handling AND ${x}.ukHandling IN $ukHandling)`;
}

export function sortedBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Numbers rounded to 6 significant digits, so float sums in different orders compare equal. */
export function round(x: number | null | undefined): number | null {
  if (x === null || x === undefined) return null;
  return Number(x.toPrecision(6));
}

/** A tally `{key, count}` list as a sorted `key: count` list. */
export function tally(items: readonly { key: string; count: number }[] | undefined): string[] {
  return (items ?? []).map((i) => `${i.key}: ${i.count}`).sort();
}
