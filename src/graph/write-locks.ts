import type { RelationshipType } from '../domain/graph-model';
import { lockedExistingNodesQuery, lockNodeLinksQuery } from './queries/write.query';
import type { GraphTx } from './run-query';

/** A record as a write finds it under its lock. */
export interface LockedRecord {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
  /** The caller may see it, tested after the lock. */
  visible: boolean;
  /** Whether the caller may be shown the record's value (a victim's identifier: naturalKeyQuery). */
  shown?: boolean;
}

/**
 * Locks what a write may change at these records, and reads the records under their locks. First
 * the links of `linkTypes` (null: every type) the caller may see at each record
 * (lockNodeLinksQuery): locking a record writes to it, and a link found from a record its
 * transaction has written is read as it was before a lock wait. Then the records themselves
 * (lockedExistingNodesQuery): a record raised while the write waited is read as raised, hidden.
 * A record or link hidden from the caller is neither locked nor waited for.
 */
export async function lockRecords(tx: GraphTx, ids: readonly string[], linkTypes: readonly RelationshipType[] | null = []): Promise<Map<string, LockedRecord>> {
  if (linkTypes === null || linkTypes.length > 0) {
    for (const id of [...new Set(ids)].sort()) await tx.run(lockNodeLinksQuery(id, linkTypes));
  }
  const rows = await tx.run(lockedExistingNodesQuery(ids));
  return new Map(rows.map((r) => [r.id as string, r as unknown as LockedRecord]));
}
