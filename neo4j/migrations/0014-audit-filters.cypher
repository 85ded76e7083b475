// The auditors' filters (`auditEvents(filter: …)`, src/graph/queries/audit.query.ts): without an
// index, a count by agency, operation or outcome read every event of the trail, and a page by a
// rare one walked the trail until it filled. An error code is looked up through the outcome (an
// event with error codes is an error, or aborted after its result). Each index is one more entry
// per event written; bench/audit.bench.ts measures both sides (bench/README.md).
CREATE INDEX audit_event_agency IF NOT EXISTS FOR (e:AuditEvent) ON (e.agency);
CREATE INDEX audit_event_operation IF NOT EXISTS FOR (e:AuditEvent) ON (e.operationName);
CREATE INDEX audit_event_outcome IF NOT EXISTS FOR (e:AuditEvent) ON (e.outcome);
