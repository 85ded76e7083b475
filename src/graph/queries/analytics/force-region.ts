import { visible } from '../access';

/**
 * A police force's region, as the analytics see it: the region of its most recently recorded
 * PART_OF link the caller may see (the link and the region both visible), ties to the first
 * region code. A re-assignment is recorded as a new link, so the newest is the current one; a
 * force linked to two regions (a re-assignment, a data error) is counted under one, never both.
 * A `CALL` clause binding `region` (a Region node) for the force bound to `force`; with
 * `OPTIONAL` in front, a force without a visible region keeps its row with `region` null.
 */
export function forceRegionCall(force: string, region: string): string {
  return `CALL (${force}) {
  MATCH (${force})-[__part:PART_OF]->(${region}:Region)
  WHERE ${visible('__part')} AND ${visible(region)}
  RETURN ${region} ORDER BY __part.recordedAt IS NULL, __part.recordedAt DESC, ${region}.code LIMIT 1
}`;
}
