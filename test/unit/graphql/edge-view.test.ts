import { STORED_KEYS } from '../../../src/domain/entity-props';
import type { EntityRecord, LinkRecord } from '../../../src/domain/entity-record';
import type { RelatedEdge } from '../../../src/graph/related.reader';
import { toEdge } from '../../../src/graphql/resolvers/relations';

describe('toEdge (a relationship edge as the GraphQL edge types read it)', () => {
  const provenance = { reportId: 'rep-1', agency: 'NCA', recordedAt: '2025-01-02T03:04:05Z', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H1', consent: false };
  const node = { id: 'g1', name: 'Group', __labels: ['OrganisedCrimeGroup'], __redacted: false } as unknown as EntityRecord;
  let reads = 0;
  const edge = (rel: Record<string, unknown>): RelatedEdge => ({
    rel: { __id: '5:x:7', __type: 'MEMBER_OF', ...provenance, ...rel } as unknown as LinkRecord,
    node,
    outgoing: false,
    get cursor() {
      reads++;
      return 'c1';
    },
  });

  it("carries the relationship's properties, the far node, the link's id, type and direction, a graded provenance and the cursor", () => {
    const e = toEdge(edge({ role: 'LEADER', since: '2020-01-01' }));
    expect(e).toMatchObject({ role: 'LEADER', since: '2020-01-01', node, linkId: '5:x:7', type: 'MEMBER_OF', direction: 'IN' });
    expect(e.provenance).toEqual({ ...provenance, grading: '2BP' });
    expect(e.provenance).toBe(e.provenance);
    expect(e.cursor).toBe('c1');
  });

  it('reads the cursor only when asked for it', () => {
    reads = 0;
    const e = toEdge(edge({}));
    expect(reads).toBe(0);
    void e.cursor;
    expect(reads).toBe(1);
  });

  it('lets no stored property shadow what the edge itself defines', () => {
    const every = Object.fromEntries([...STORED_KEYS].map((k) => [k, `stored ${k}`]));
    const e = toEdge(edge(every));
    expect(e.node).toBe(node);
    expect([e.linkId, e.type, e.direction, e.cursor, e.provenance.grading]).toEqual(['5:x:7', 'MEMBER_OF', 'IN', 'c1', expect.any(String)]);
  });
});
