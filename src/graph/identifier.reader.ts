import type { EntityRecord } from '../domain/entity-record';
import type { IdentifierLabel } from '../domain/graph-model';
import { identifierByValueQuery } from './queries/identifier.query';
import type { ScopedGraph } from './scoped-graph';

export async function findIdentifier(g: ScopedGraph, kind: IdentifierLabel, normalisedValue: string): Promise<EntityRecord | null> {
  const rows = await g.read(identifierByValueQuery(kind, normalisedValue));
  return (rows[0]?.node as EntityRecord | undefined) ?? null;
}
