import { countRecords } from '../../../../src/auth/audit/count-records';
import { RequestAudit } from '../../../../src/auth/audit/request-audit';

const t0 = new Date('2024-03-01T10:00:00.000Z');
const t1 = new Date('2024-03-01T10:00:00.250Z');
const principal = { subject: 'sup-1', agency: 'NCA', roles: ['SUPERVISOR' as const], clearance: 'H2' as const, ukConditional: false };

describe('RequestAudit', () => {
  it('becomes an event with who, what, outcome, records and duration', () => {
    const a = new RequestAudit('req-1', t0);
    a.request({ operationName: null, documentHash: 'f'.repeat(64), variables: { id: 'p-1', input: { name: 'Maria' } } });
    a.authenticated(principal);
    a.operation('query', 'PersonById');
    a.result([], { person: { id: 'p-1', nationalities: [{ id: 'country-RO' }] } });
    expect(a.toEvent(200, t1)).toEqual({
      at: '2024-03-01T10:00:00.000Z',
      requestId: 'req-1',
      subject: 'sup-1',
      agency: 'NCA',
      roles: ['SUPERVISOR'],
      failureReason: null,
      operationName: 'PersonById',
      operationType: 'query',
      documentHash: 'f'.repeat(64),
      variables: '{"id":"p-1","input":{"name":"***"}}',
      outcome: 'ok',
      errorCodes: [],
      httpStatus: 200,
      durationMs: 250,
      records: 2,
      export: null,
    });
  });

  it('records a failed login as anonymous with the reason', () => {
    const a = new RequestAudit('req-2', t0);
    a.authenticationFailed('the token has expired');
    a.result(['UNAUTHENTICATED']);
    expect(a.toEvent(401, t1)).toMatchObject({ subject: 'anonymous', agency: null, roles: [], failureReason: 'the token has expired', outcome: 'error', errorCodes: ['UNAUTHENTICATED'] });
  });

  it('adds records resolvers report and carries an export manifest', () => {
    const a = new RequestAudit('req-3', t0);
    a.authenticated(principal);
    a.addRecords(120);
    a.attachExport({ format: 'GRAPHML', recipient: 'EUROPOL', nodes: 120, withheld: 3 });
    a.result([], { exportSubgraph: { url: 'x' } });
    expect(a.toEvent(200, t1)).toMatchObject({ records: 121, export: '{"format":"GRAPHML","recipient":"EUROPOL","nodes":120,"withheld":3}' });
  });

  it('holds one export manifest, and never lets a second replace it', () => {
    const a = new RequestAudit('req-4', t0);
    expect(a.hasExport).toBe(false);
    a.attachExport({ exportId: 'x-1' });
    expect(a.hasExport).toBe(true);
    expect(() => a.attachExport({ exportId: 'x-2' })).toThrow(/one export per audited request/);
    expect(a.toEvent(200, t1).export).toBe('{"exportId":"x-1"}');
  });

  it('names the outcome from the HTTP status when nothing else said (Apollo refused the request itself)', () => {
    expect(new RequestAudit('r', t0).toEvent(400, t1)).toMatchObject({ outcome: 'error', errorCodes: ['BAD_REQUEST'] });
    expect(new RequestAudit('r', t0).toEvent(500, t1)).toMatchObject({ outcome: 'error', errorCodes: ['INTERNAL_SERVER_ERROR'] });
  });

  it('records a request the client abandoned as aborted with status 499, keeping what the response held', () => {
    const waiting = new RequestAudit('r', t0);
    waiting.authenticated(principal);
    waiting.abandoned();
    expect(waiting.toEvent(200, t1)).toMatchObject({ subject: 'sup-1', outcome: 'aborted', errorCodes: [], httpStatus: 499, records: 0 });
    const ready = new RequestAudit('r', t0);
    ready.result([], { person: { id: 'p-1' } });
    ready.abandoned();
    expect(ready.toEvent(200, t1)).toMatchObject({ outcome: 'aborted', httpStatus: 499, records: 1 });
    // Hung up while sending the body: aborted even if something was then written into the void.
    const cut = new RequestAudit('r', t0);
    cut.abandoned();
    expect(cut.toEvent(400, t1)).toMatchObject({ outcome: 'aborted', errorCodes: [], httpStatus: 499 });
  });

  it('masks the variables by where the document uses them, and all of them when the document is unknown', () => {
    const sent = new RequestAudit('r', t0);
    sent.request({ query: 'mutation M($n: String!, $id: ID!) { upsertPerson(input: {name: $n, provenance: {reportId: $id}}) { id } }', variables: { n: 'Olena', id: 'rep-1' } });
    sent.authenticated(principal);
    expect(sent.toEvent(200, t1).variables).toBe('{"n":"***","id":"rep-1"}');
    const hashOnly = new RequestAudit('r', t0);
    hashOnly.request({ documentHash: 'f'.repeat(64), query: null, variables: { n: 'Olena', id: 'rep-1' } });
    hashOnly.authenticated(principal);
    expect(hashOnly.toEvent(200, t1).variables).toBe('{"n":"***","id":"***"}');
  });

  it('keeps no variables of a caller who did not authenticate, and does not parse its document', () => {
    const failed = new RequestAudit('r', t0);
    // A document that does not parse would have every variable masked; unparsed, none is kept.
    failed.request({ query: 'query Q($a: Int) { f(a: $a) ', variables: { ['x'.repeat(900_000)]: 1 } });
    failed.authenticationFailed('the token is not valid');
    expect(failed.toEvent(401, t1)).toMatchObject({ subject: 'anonymous', variables: null });
    const left = new RequestAudit('r', t0);
    left.request({ query: 'query Q($a: Int) { f(a: $a) }', variables: { a: 1 } });
    left.abandoned();
    expect(left.toEvent(200, t1)).toMatchObject({ subject: 'anonymous', variables: null });
  });

  it('records variables nested past any input of the schema as masked, without exhausting the stack after the response', () => {
    let deep: unknown = 'per-1';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const a = new RequestAudit('r', t0);
    a.request({ query: 'query Q($ids: [ID!]) { persons(ids: $ids) { totalCount } }', variables: { ids: deep } });
    a.authenticated(principal);
    const variables = JSON.parse(a.toEvent(200, t1).variables!) as { ids: unknown };
    let depth = 0;
    for (let v = variables.ids; Array.isArray(v); v = v[0]) depth++;
    expect(depth).toBeLessThanOrEqual(32);
  });

  it("keeps a client's operation name to 200 characters (cut between characters) and a document hash only as a SHA-256 in hex", () => {
    const pair = new RequestAudit('r', t0);
    pair.request({ operationName: `${'a'.repeat(199)}\u{1F600}tail` });
    expect(pair.toEvent(401, t1).operationName).toBe(`${'a'.repeat(199)}…`);
    const a = new RequestAudit('r', t0);
    a.request({ operationName: 'N'.repeat(50_000), documentHash: 'not-a-hash'.repeat(1000), variables: null });
    expect(a.toEvent(401, t1)).toMatchObject({ operationName: `${'N'.repeat(200)}…`, documentHash: null });
    const b = new RequestAudit('r', t0);
    b.request({ operationName: 'Short', documentHash: 'a'.repeat(64) });
    b.operation('query', 'Q'.repeat(300));
    expect(b.toEvent(200, t1)).toMatchObject({ operationName: `${'Q'.repeat(200)}…`, documentHash: 'a'.repeat(64) });
  });
});

describe('countRecords', () => {
  it('counts distinct entity ids anywhere in data', () => {
    expect(countRecords({ a: { id: '1', friends: [{ id: '2' }, { id: '1' }] }, b: [{ id: '3' }] })).toBe(3);
  });

  it('counts objects without an id that hold values of their own, but not page wrappers or paging', () => {
    expect(countRecords({ persons: { totalCount: 2, nodes: [{ name: 'a' }, { name: 'b' }], pageInfo: { hasNextPage: false, endCursor: 'x' } } })).toBe(2);
    expect(countRecords({ __typename: 'Query' })).toBe(0);
    expect(countRecords(null)).toBe(0);
  });

  it('counts a page of names beside an id: one id does not hide the rest of the response', () => {
    expect(countRecords({ x: { id: '1' }, persons: { nodes: Array.from({ length: 500 }, (_, i) => ({ name: `p${i}` })) } })).toBe(501);
  });

  it('counts links between ids, but not the parts of an entity (its memberships, its nationalities)', () => {
    expect(countRecords({ n: { nodes: [{ id: '1' }, { id: '2' }], edges: [{ source: '1', target: '2', type: 'MEMBER_OF' }] } })).toBe(3);
    expect(countRecords({ p: { id: '1', groups: [{ role: 'LEADER', group: { id: 'g' } }], nationalities: [{ code: 'RO' }] } })).toBe(2);
  });
});
