// A merge's record is read, undone and noted by its id (src/graph/queries/merge.query.ts); without
// an index on it each of those read every MergeRecord, so undoing a merge grew with the merges
// made. Its ids are random (merge-<16 hex digits>), so unique.
CREATE CONSTRAINT merge_record_id IF NOT EXISTS FOR (m:MergeRecord) REQUIRE m.id IS UNIQUE;
