// The audit trail (README#audit-trail): (:AuditEvent) nodes, append-only, numbered by `seq` and
// hash-chained; (:AuditChain {id}) holds the tip of the chain. Neither carries the Entity label.
CREATE CONSTRAINT audit_event_seq IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.seq IS UNIQUE;
CREATE CONSTRAINT audit_chain_id IF NOT EXISTS FOR (c:AuditChain) REQUIRE c.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE INDEX audit_event_subject IF NOT EXISTS FOR (e:AuditEvent) ON (e.subject);
