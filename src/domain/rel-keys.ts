import type { RelationshipType } from './graph-model';

/**
 * Which key properties distinguish two links of a type between the same ends (a person may be
 * a group's RECRUITER and its MONEY_HANDLER; two transfers differ by date and amount). A write
 * that gives none of them matches any link of the type between the ends.
 */
export const REL_KEYS: Partial<Record<RelationshipType, string[]>> = {
  MEMBER_OF: ['role'],
  ASSOCIATE_OF: ['kind'],
  TRANSFERRED_TO: ['date', 'amount', 'currency'],
  HAS_STOP: ['order'],
  TRAVELLED: ['date'],
  PERPETRATED: ['role'],
};

/**
 * An ordered link type (a route's stops): its `order` is a key. A reader not given every such
 * link of a record reads their numbers shifted past the withheld ones (graph/queries/projection.ts),
 * so may not write them (graph/entity.writer.ts, ingestion/prepare-import.ts).
 */
export function isOrdered(type: RelationshipType): boolean {
  return (REL_KEYS[type] ?? []).includes('order');
}

/** The ordered link types. */
export const ORDERED_TYPES: readonly RelationshipType[] = (Object.keys(REL_KEYS) as RelationshipType[]).filter(isOrdered);
