import { canonicalEvent, chainEvents, checkChainSegment, eventHash, GENESIS_HASH, type AuditEventInput } from '../../../../src/auth/audit/audit-event';

function input(i: number, extra: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    at: `2024-01-01T00:00:0${i}.000Z`,
    requestId: `req-${i}`,
    subject: 'analyst-1',
    agency: 'NCA',
    roles: ['ANALYST'],
    failureReason: null,
    operationName: 'Who',
    operationType: 'query',
    documentHash: 'a'.repeat(64),
    variables: null,
    outcome: 'ok',
    errorCodes: [],
    httpStatus: 200,
    durationMs: 12,
    records: 1,
    export: null,
    ...extra,
  };
}

describe('the audit hash chain', () => {
  const chain = chainEvents([input(1), input(2), input(3)], { seq: 0, hash: GENESIS_HASH });

  it('hashes each text as Neo4j will store it: a lone surrogate (in a token claim, say) as U+FFFD', () => {
    const [e] = chainEvents([input(1, { subject: 'x\uD800', errorCodes: ['A\uDC00'] })], { seq: 0, hash: GENESIS_HASH });
    expect(e).toMatchObject({ subject: 'x\uFFFD', errorCodes: ['A\uFFFD'] });
    // What Neo4j gives back (UTF-8 round trip) hashes the same.
    const roundTrip = (t: string) => Buffer.from(t, 'utf8').toString('utf8');
    const stored = { ...e!, subject: roundTrip(e!.subject), errorCodes: e!.errorCodes.map(roundTrip) };
    expect(checkChainSegment([stored], { seq: 0, hash: GENESIS_HASH }).brokenSeq).toBeNull();
  });

  it('numbers events from the tip and links each to the hash before it', () => {
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the same event read back from Neo4j, where nulls are absent', () => {
    const { hash, ...rest } = chain[0]!;
    const stored = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)) as typeof rest;
    expect(eventHash(stored)).toBe(hash);
    expect(canonicalEvent(stored)).toBe(canonicalEvent(rest));
  });

  it('verifies an intact chain and finds a changed field, a removed event and a reordered link', () => {
    expect(checkChainSegment(chain, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ brokenSeq: null, intact: 3 });
    const changed = chain.map((e) => (e.seq === 2 ? { ...e, subject: 'someone-else' } : e));
    expect(checkChainSegment(changed, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ brokenSeq: 2, intact: 1 });
    expect(checkChainSegment([chain[0]!, chain[2]!], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ brokenSeq: 2 });
    // Rehashing a changed event alone is not enough: the next link no longer matches.
    const { hash: _h, ...e2 } = { ...chain[1]!, subject: 'someone-else' };
    const forged = [chain[0]!, { ...e2, hash: eventHash(e2) }, chain[2]!];
    expect(checkChainSegment(forged, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ brokenSeq: 3 });
  });

  it('continues a chain from its tip', () => {
    const more = chainEvents([input(4)], { seq: 3, hash: chain[2]!.hash });
    expect(checkChainSegment([...chain, ...more], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ brokenSeq: null, intact: 4 });
  });
});
