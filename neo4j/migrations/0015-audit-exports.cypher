// An event whose request produced an export also carries the AuditExport label, so that
// `auditEvents(filter: {hasExport: true})` reads the exports only (src/graph/queries/audit.query.ts).
// New events get it as they are written; this labels those written before.
MATCH (e:AuditEvent) WHERE e.export IS NOT NULL AND NOT e:AuditExport SET e:AuditExport;
