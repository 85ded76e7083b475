// Each service process keeps a record of the last audit event it appended, (:AuditWriter {id}),
// so that an append it runs again (a lost commit reply, a batch sent again) skips what it stored,
// whatever other instances appended in between (src/graph/audit.writer.ts). The tip's own record
// of the last event (lastRequestId, lastDigest), which named only the last writer's, is no longer
// read or written.
CREATE CONSTRAINT audit_writer_id IF NOT EXISTS FOR (w:AuditWriter) REQUIRE w.id IS UNIQUE;
