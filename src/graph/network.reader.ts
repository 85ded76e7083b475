import type { EntityRecord, RelRecord } from '../domain/entity-record';
import { duplicateCandidatesQuery, type DuplicateScope } from './queries/network/duplicates.query';
import { neighbourhoodQuery, type NeighbourhoodSpec } from './queries/network/neighbourhood.query';
import { connectingNetworkQuery, pathsQuery, type ConnectingSpec, type PathsSpec } from './queries/network/paths.query';
import { personNetworkQuery, type PersonNetworkScope } from './queries/network/person-network.query';
import { sharedIdentifiersQuery, type SharedIdentifiersSpec } from './queries/network/shared-identifiers.query';
import type { ScopedGraph } from './scoped-graph';

/** Readers for network queries: each is one round trip, under the traversal time budget. */

export interface RawSubgraph {
  nodes: EntityRecord[];
  rels: RelRecord[];
}

export async function readNeighbourhood(g: ScopedGraph, spec: NeighbourhoodSpec, timeoutMs: number): Promise<RawSubgraph & { truncated: boolean; moreBeyond: boolean }> {
  const rows = await g.read(neighbourhoodQuery(spec), timeoutMs);
  const r = rows[0];
  if (!r) return { nodes: [], rels: [], truncated: false, moreBeyond: false };
  return { nodes: r.nodes as EntityRecord[], rels: r.rels as RelRecord[], truncated: r.truncated as boolean, moreBeyond: r.moreBeyond as boolean };
}

export async function readPaths(g: ScopedGraph, spec: PathsSpec, timeoutMs: number): Promise<(RawSubgraph & { hops: number })[]> {
  const rows = await g.read(pathsQuery(spec), timeoutMs);
  return rows.map((r) => ({ nodes: r.nodes as EntityRecord[], rels: r.rels as RelRecord[], hops: r.hops as number }));
}

export async function readConnecting(g: ScopedGraph, spec: ConnectingSpec, timeoutMs: number): Promise<({ from: string; to: string } & RawSubgraph)[]> {
  const rows = await g.read(connectingNetworkQuery(spec), timeoutMs);
  return rows.map((r) => ({ from: r.from as string, to: r.to as string, nodes: r.nodes as EntityRecord[], rels: r.rels as RelRecord[] }));
}

export interface SharedLinkRow {
  subject: EntityRecord;
  counterpart: EntityRecord;
  via: EntityRecord;
  subjectLink: RelRecord;
  counterpartLink: RelRecord;
}

export async function readSharedIdentifiers(g: ScopedGraph, spec: SharedIdentifiersSpec, timeoutMs: number): Promise<SharedLinkRow[]> {
  const rows = await g.read(sharedIdentifiersQuery(spec), timeoutMs);
  return rows as unknown as SharedLinkRow[];
}

export interface PersonFacts {
  id: string;
  name: string | null;
  aliases: string[];
  dateOfBirth: string | null;
  birthYear: number | null;
  gender: string | null;
  nationalities: string[];
}

export interface DuplicateCandidateRow {
  a: PersonFacts;
  b: PersonFacts;
  shared: { kind: string; id: string }[];
  /** The highest score the pair could reach (what Neo4j ranked it by). */
  bound: number;
}

export async function readDuplicateCandidates(g: ScopedGraph, scope: DuplicateScope, timeoutMs: number | undefined): Promise<DuplicateCandidateRow[]> {
  const rows = await g.read(duplicateCandidatesQuery(scope), timeoutMs);
  return rows as unknown as DuplicateCandidateRow[];
}

export interface PersonNetwork {
  edges: { source: string; target: string; weight: number; kinds: string[] }[];
  people: { id: string; nationality: string | null; groupId: string | null; operatesIn: string | null }[];
}

export async function readPersonNetwork(g: ScopedGraph, scope: PersonNetworkScope, timeoutMs: number): Promise<PersonNetwork> {
  const rows = await g.read(personNetworkQuery(scope), timeoutMs);
  return (rows[0] as unknown as PersonNetwork | undefined) ?? { edges: [], people: [] };
}
