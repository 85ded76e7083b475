import { Pseudonymiser } from '../../../src/auth/pseudonymiser';
import type { Provenance } from '../../../src/domain/provenance';
import type { Subgraph, SubgraphEdge } from '../../../src/domain/subgraph';
import { linkIdentities, withLinkIds } from '../../../src/exports/link-ids';

const provenance = { reportId: 'rep-1', agency: 'NCA', recordedAt: new Date(0), gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H0', consent: false } as unknown as Provenance;
const edge = (id: string, type: SubgraphEdge['type'], source: string, target: string, properties: Record<string, unknown> = {}): SubgraphEdge => ({ id, type, source, target, properties, provenance, from: null, to: null });

describe('exported link ids', () => {
  it('identify a link by its type, its ends and its key properties, not by its element id', () => {
    const [a, c, d] = linkIdentities([
      edge('5:db-one:1', 'MEMBER_OF', 'per-1', 'ocg-1', { role: 'RECRUITER', since: '2024-01-01' }),
      edge('5:db-one:2', 'MEMBER_OF', 'per-1', 'ocg-1', { role: 'MONEY_HANDLER' }),
      edge('5:db-one:3', 'MEMBER_OF', 'ocg-1', 'per-1', { role: 'RECRUITER' }),
    ]);
    const [b] = linkIdentities([edge('5:db-two:9', 'MEMBER_OF', 'per-1', 'ocg-1', { role: 'RECRUITER', since: '2025-06-01' })]);
    // The same link read from another database, with a property that is not a key changed.
    expect(a).toBe(b);
    // Another role, or the other direction, is another link.
    expect(new Set([a, c, d]).size).toBe(3);
  });

  it('tell two links alike in every key apart by the order of their element ids', () => {
    const ids = linkIdentities([
      edge('5:db:20', 'RESIDES_AT', 'per-1', 'addr-1'),
      edge('5:db:10', 'RESIDES_AT', 'per-1', 'addr-1'),
      edge('5:db:30', 'RESIDES_AT', 'per-1', 'addr-2'),
    ]);
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toBe(linkIdentities([edge('5:db:30', 'RESIDES_AT', 'per-1', 'addr-1')])[0]);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('are made for one recipient: stable for it, different for another, and free of the element id', () => {
    const p = new Pseudonymiser('k'.repeat(64));
    const s: Subgraph = { nodes: [], edges: [edge('5:db:1', 'RESIDES_AT', 'per-1', 'addr-1'), edge('5:db:2', 'RESIDES_AT', 'per-2', 'addr-1')], truncated: false, truncatedBy: null };
    const forRecipient = (audience: string) => withLinkIds(s, linkIdentities(s.edges), (i) => p.linkId(i, audience)).edges.map((e) => e.id);
    const europol = forRecipient('export:EUROPOL::europol');
    expect(europol).toEqual(forRecipient('export:EUROPOL::europol'));
    expect(europol.every((id) => /^L-[0-9A-HJKMNP-TV-Z]{16}$/.test(id))).toBe(true);
    expect(forRecipient('export:PARTNER_COUNTRY:RO:policia romana').filter((id) => europol.includes(id))).toEqual([]);
    expect(() => withLinkIds(s, ['only one'], (i) => i)).toThrow(/one identity per edge/);
  });

  it('leave the victim pseudonyms as they were', () => {
    // Changing how pseudonyms are made would re-name every victim every recipient already holds.
    const p = new Pseudonymiser('k'.repeat(64));
    expect(p.of('per-1', 'export:EUROPOL::europol')).toBe(p.of('per-1', 'export:EUROPOL::europol'));
    expect(p.of('per-1')).toMatch(/^V-[0-9A-Z]{8}$/);
    expect(p.linkId('per-1', 'internal')).not.toContain(p.of('per-1').slice(2));
  });
});
