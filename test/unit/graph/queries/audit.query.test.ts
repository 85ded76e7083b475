import { chainEvents, GENESIS_HASH, type AuditEventInput } from '../../../../src/auth/audit/audit-event';
import {
  appendAuditEventsQuery,
  auditChainSliceQuery,
  auditChainTipQuery,
  auditCountQuery,
  auditEventLinkQuery,
  auditPageQuery,
  lockAuditChainQuery,
} from '../../../../src/graph/queries/audit.query';

// Snapshots of the audit trail's Cypher: reviewers read these diffs like query files.
describe('audit query builders', () => {
  it('lockAuditChainQuery takes the write lock on the chain tip, creating it once', () => {
    expect(lockAuditChainQuery(GENESIS_HASH)).toMatchSnapshot();
    expect(auditChainTipQuery()).toMatchSnapshot();
    expect(auditChainTipQuery('writer-1')).toMatchSnapshot();
  });

  it('appendAuditEventsQuery stores linked events as parameters and moves the tip', () => {
    const [e] = chainEvents([{ at: '2024-01-01T00:00:00.000Z', requestId: 'r1', subject: "' OR 1=1 //", roles: [] } as unknown as AuditEventInput], { seq: 0, hash: GENESIS_HASH });
    const q = appendAuditEventsQuery([e!], 'writer-1', 'd'.repeat(64));
    expect(q.cypher).not.toContain('OR 1=1');
    expect(q).toMatchSnapshot();
  });

  it('auditPageQuery filters with parameters only and pages on seq, newest first', () => {
    const q = auditPageQuery({ subject: 'a"b', agency: 'NCA', operationName: 'Who', outcome: 'error', errorCode: 'FORBIDDEN', from: '2024-01-01T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z' }, 50, 120);
    expect(q.cypher).not.toContain('a"b');
    expect(q.cypher).not.toMatch(/SKIP/);
    expect(q).toMatchSnapshot();
    expect(auditPageQuery({}, 10)).toMatchSnapshot();
    expect(auditCountQuery({ subject: 'x' })).toMatchSnapshot();
  });

  it('finds exports by their own label, and the rest by having no export', () => {
    expect(auditPageQuery({ hasExport: true }, 10).cypher).toMatch(/^MATCH \(e:AuditExport\)\n/);
    expect(auditCountQuery({ hasExport: false }).cypher).toBe('MATCH (e:AuditEvent)\nWHERE e.export IS NULL\nRETURN count(e) AS total');
    expect(auditCountQuery({ hasExport: null }).cypher).not.toContain('AuditExport');
  });

  it('auditChainSliceQuery reads the chain in seq order for verification', () => {
    expect(auditChainSliceQuery(2000, 2000)).toMatchSnapshot();
  });

  it('auditChainSliceQuery bounds a range by its last seq, and auditEventLinkQuery reads its anchor, as parameters', () => {
    expect(auditChainSliceQuery(10, 2000, 20).params).toEqual({ afterSeq: 10, lastSeq: 20, limit: 2000 });
    expect(auditEventLinkQuery(9)).toEqual({ cypher: 'MATCH (e:AuditEvent {seq: $seq}) RETURN e.seq AS seq, e.hash AS hash', params: { seq: 9 } });
  });
});
