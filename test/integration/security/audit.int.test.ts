import net from 'node:net';

import { chainEvents, type AuditEventInput } from '../../../src/auth/audit/audit-event';
import { verifyAuditChain } from '../../../src/graph/audit.reader';
import { appendAuditEvents } from '../../../src/graph/audit.writer';
import { auditCountQuery, auditPageQuery } from '../../../src/graph/queries/audit.query';
import type { CypherQuery } from '../../../src/graph/query';
import type { Row } from '../../../src/graph/records';
import { ScopedGraph } from '../../../src/graph/scoped-graph';
import { systemGraph } from '../../../src/graph/system-graph';
import { holdLocks } from '../../support/held-locks';
import { codes, postGraphQL } from '../../support/http';
import { planDriver, planOf } from '../../support/query-plan';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';
import { testToken } from '../../support/tokens';

/** Cleared for everything: reads every event whole. */
const supervisor = { roles: ['SUPERVISOR' as const, 'VICTIM_DATA_OFFICER' as const], subject: 'audit-supervisor', agency: 'NCA', clearance: 'H3' as const, ukConditional: true };
/** Cleared for H1 only: reads who asked what when, without the variables and what an export held. */
const narrowSupervisor = { roles: ['SUPERVISOR' as const], subject: 'audit-supervisor-h1', agency: 'NCA', clearance: 'H1' as const };
const ingest = { roles: ['INGEST' as const, 'ANALYST' as const], subject: 'audit-ingest', agency: 'GLAA', clearance: 'H3' as const, ukConditional: true };
const analyst = { roles: ['ANALYST' as const], subject: 'audit-analyst', agency: 'MPS' };

type Event = {
  seq: number;
  requestId: string;
  subject: string;
  agency: string | null;
  roles: string[];
  failureReason: string | null;
  operationName: string | null;
  operationType: string | null;
  documentHash: string | null;
  variables: string | null;
  outcome: 'OK' | 'ERROR' | 'ABORTED';
  errorCodes: string[];
  httpStatus: number;
  records: number;
  prevHash: string;
  hash: string;
};

/** An event as the service's own writer would append it, for tests that append directly. */
const systemEvent = (requestId: string): AuditEventInput => ({
  at: new Date().toISOString(),
  requestId,
  subject: 'system',
  agency: null,
  roles: [],
  failureReason: null,
  operationName: null,
  operationType: null,
  documentHash: null,
  variables: null,
  outcome: 'ok',
  errorCodes: [],
  httpStatus: 200,
  durationMs: 1,
  records: 0,
  export: null,
});

describe('the audit trail', () => {
  let svc: TestService;
  const requestIds: Record<string, string> = {};

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const send = async (key: string, token: Parameters<typeof postGraphQL>[1], payload: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const r = await postGraphQL(svc.url, token, payload, headers);
      requestIds[key] = r.headers.get('x-request-id')!;
      return r;
    };
    // One request of each kind.
    await send('ok', analyst, { query: 'query Who { viewer { subject } }' });
    await send('invalid', analyst, { query: 'query Bad { nosuchfield }' });
    await send('limit', analyst, { query: `query Aliased { ${Array.from({ length: 60 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    // A failed login is not parsed: the audit has the operation name only when the request gives it.
    await send('login', undefined, { query: 'query Who($n: String) { viewer { subject } }', operationName: 'Who', variables: { n: 'x'.repeat(100_000) } }, { authorization: 'Bearer a.b.c' });
    await send('forbidden', analyst, { query: 'query Peek { verifyAuditChain { ok } }' });
    const victim = await send('create', ingest, {
      query: 'mutation NewVictim($input: PersonInput!) { upsertPerson(input: $input) { id } }',
      variables: {
        input: { name: 'Maria Ionescu', aliases: ['Mariana I.'], dateOfBirth: '2001-05-05', roles: ['VICTIM'], nationalities: ['RO'], provenance: { reportId: 'ref-msht-reference-data' } },
      },
    });
    expect(victim.body.errors).toBeUndefined();
    await send('page', analyst, { query: 'query Page($n: Int) { countries(first: $n) { nodes { id code } } }', variables: { n: 7 } });
  });
  afterAll(() => svc.close());

  async function events(filter: Record<string, unknown> = {}, first = 100): Promise<Event[]> {
    const sdk = await svc.sdk(supervisor);
    const { auditEvents } = await sdk.AuditEvents({ filter, first });
    return auditEvents.nodes as Event[];
  }

  const byRequest = (all: Event[], key: string) => all.find((e) => e.requestId === requestIds[key]);

  it('records every kind of request with who, what and how it ended', async () => {
    const all = await events();
    expect(byRequest(all, 'ok')).toMatchObject({ subject: 'audit-analyst', agency: 'MPS', roles: ['ANALYST'], operationName: 'Who', operationType: 'query', outcome: 'OK', errorCodes: [], httpStatus: 200 });
    expect(byRequest(all, 'invalid')).toMatchObject({ subject: 'audit-analyst', operationName: 'Bad', outcome: 'ERROR', errorCodes: ['GRAPHQL_VALIDATION_FAILED'], httpStatus: 400 });
    expect(byRequest(all, 'limit')).toMatchObject({ subject: 'audit-analyst', outcome: 'ERROR', errorCodes: ['MSHT_TOO_MANY_ALIASES'], httpStatus: 400 });
    expect(byRequest(all, 'login')).toMatchObject({ subject: 'anonymous', agency: null, roles: [], failureReason: 'the token is not valid', operationName: 'Who', variables: null, errorCodes: ['UNAUTHENTICATED'], httpStatus: 401 });
    expect(byRequest(all, 'forbidden')).toMatchObject({ subject: 'audit-analyst', operationName: 'Peek', errorCodes: ['FORBIDDEN'], httpStatus: 200 });
    expect(byRequest(all, 'create')).toMatchObject({ subject: 'audit-ingest', agency: 'GLAA', operationType: 'mutation', outcome: 'OK', records: 1 });
    expect(byRequest(all, 'page')).toMatchObject({ operationName: 'Page', records: 7, variables: '{"n":7}' });
    expect(byRequest(all, 'ok')!.documentHash).toMatch(/^[0-9a-f]{64}$/);
    // Newest first, numbered without gaps.
    const seqs = all.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs[0]! - seqs.at(-1)!).toBe(seqs.length - 1);
  });

  it('records a request the client abandoned before its response as ABORTED, status 499', async () => {
    // Half a body, then the client hangs up: the service is still waiting for the rest.
    const { hostname, port } = new URL(svc.url);
    const socket = net.connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      ['POST /graphql HTTP/1.1', `Host: ${hostname}:${port}`, 'Content-Type: application/json', 'Content-Length: 200', 'X-Request-Id: audit-abandoned-1', '', '{"query":"query Abandoned'].join('\r\n'),
    );
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    let found: Event | undefined;
    for (const deadline = Date.now() + 5000; !found && Date.now() < deadline; ) {
      found = (await events({ outcome: 'ABORTED' })).find((e) => e.requestId === 'audit-abandoned-1');
      if (!found) await new Promise((r) => setTimeout(r, 50));
    }
    expect(found).toMatchObject({ subject: 'anonymous', outcome: 'ABORTED', httpStatus: 499 });
  });

  it('records what a request abandoned mid-way still did: its event waits for GraphQL to finish it', async () => {
    // Another writer holds the report every write below cites: the mutation waits on it, in Neo4j.
    const held = holdLocks(svc.graph, "MATCH (r:IntelligenceReport {id: 'ref-msht-reference-data'}) SET r.__lock = true REMOVE r.__lock");
    await held.started;
    const client = new AbortController();
    const sent = fetch(svc.url, {
      method: 'POST',
      signal: client.signal,
      headers: { 'content-type': 'application/json', 'x-request-id': 'audit-left-midway', authorization: `Bearer ${await testToken({ ...ingest, subject: 'audit-left' })}` },
      body: JSON.stringify({ query: 'mutation LeftMidway { upsertPerson(input: {name: "Left Midway", roles: [OFFENDER], provenance: {reportId: "ref-msht-reference-data"}}) { id } }' }),
    }).catch(() => 'aborted');
    // The client hangs up once the write is waiting inside Neo4j, then the other writer lets go.
    const waiting = async () => (await svc.graph.read({ cypher: "SHOW TRANSACTIONS YIELD metaData WHERE metaData.requestId = 'audit-left-midway' RETURN count(*) AS n", params: {} }))[0]!.n;
    for (const deadline = Date.now() + 10_000; (await waiting()) === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 25));
    client.abort();
    expect(await sent).toBe('aborted');
    await new Promise((r) => setTimeout(r, 100));
    await held.commit();
    let found: Event | undefined;
    for (const deadline = Date.now() + 10_000; !found && Date.now() < deadline; ) {
      await svc.app.auditLog.flush();
      found = (await events({ subject: 'audit-left', outcome: 'ABORTED' })).find((e) => e.requestId === 'audit-left-midway');
      if (!found) await new Promise((r) => setTimeout(r, 50));
    }
    // The person was written, and the trail says so: one record handed out, no error.
    expect(found).toMatchObject({ operationName: 'LeftMidway', outcome: 'ABORTED', httpStatus: 499, records: 1, errorCodes: [] });
    expect(await svc.graph.read({ cypher: "MATCH (p:Person {name: 'Left Midway'}) RETURN count(p) AS n", params: {} })).toEqual([{ n: 1 }]);
  });

  it('masks personal values in variables: the victim name never reaches the trail', async () => {
    const e = byRequest(await events(), 'create')!;
    const stored = await svc.graph.read({ cypher: 'MATCH (e:AuditEvent) RETURN collect(e.variables) AS v', params: {} });
    for (const text of [e.variables!, JSON.stringify(stored)]) {
      expect(text).not.toMatch(/Maria|Ionescu|Mariana|2001-05-05/);
    }
    expect(JSON.parse(e.variables!)).toEqual({
      input: { name: '***', aliases: ['***'], dateOfBirth: '***', roles: ['VICTIM'], nationalities: ['RO'], provenance: { reportId: 'ref-msht-reference-data' } },
    });
  });

  it('masks values by where the document uses them: renamed variables inside inline input objects stay hidden', async () => {
    const renamer = { ...ingest, subject: 'audit-renamer' };
    const r = await postGraphQL(svc.url, renamer, {
      query: `mutation Renamed($n: String!, $d: String, $y: Int, $v: String!, $r: ID!) {
        upsertPerson(input: {name: $n, dateOfBirth: $d, birthYear: $y, roles: [VICTIM], provenance: {reportId: $r}}) { id }
        upsertIdentifier(input: {kind: Phone, value: $v, provenance: {reportId: $r}}) { id }
      }`,
      variables: { n: 'Olena', d: '1991-07-08', y: 1991, v: '+447700900999', r: 'ref-msht-reference-data' },
    });
    expect(r.body.errors).toBeUndefined();
    const requestId = r.headers.get('x-request-id')!;
    await svc.app.auditLog.flush();
    const found = (await events({ subject: 'audit-renamer' })).find((e) => e.requestId === requestId);
    expect(found).toMatchObject({ operationName: 'Renamed', outcome: 'OK' });
    expect(JSON.parse(found!.variables!)).toEqual({ n: '***', d: '***', y: '***', v: '***', r: 'ref-msht-reference-data' });
    const stored = await svc.graph.read({ cypher: 'MATCH (e:AuditEvent {requestId: $requestId}) RETURN e.variables AS v', params: { requestId } });
    expect(JSON.stringify(stored)).not.toMatch(/Olena|1991|447700900999/);
  });

  it('filters by subject, agency, operation and outcome, and pages newest first', async () => {
    expect((await events({ subject: 'audit-ingest' })).map((e) => e.requestId)).toEqual([requestIds.create]);
    expect((await events({ agency: 'MPS', operationName: 'Who' })).map((e) => e.requestId)).toEqual([requestIds.ok]);
    expect((await events({ outcome: 'ERROR', subject: 'audit-analyst' })).map((e) => e.errorCodes[0]).sort()).toEqual(['FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'MSHT_TOO_MANY_ALIASES']);
    expect((await events({ subject: 'anonymous', outcome: 'ERROR', from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() })).length).toBe(1);
    expect(await events({ subject: 'audit-analyst', to: '2000-01-01T00:00:00Z' })).toEqual([]);
    expect((await events({ errorCode: 'FORBIDDEN' })).map((e) => e.requestId)).toEqual([requestIds.forbidden]);
    expect((await events({ errorCode: 'MSHT_TOO_MANY_ALIASES', subject: 'audit-analyst' })).map((e) => e.requestId)).toEqual([requestIds.limit]);
    expect(await events({ errorCode: 'FORBIDDEN', outcome: 'OK' })).toEqual([]);
    // A request whose client left after its result keeps the codes it held: found by its code too.
    await svc.app.auditLog.flush();
    await appendAuditEvents(svc.graph, [{ ...systemEvent('left-after-result'), outcome: 'aborted', errorCodes: ['MSHT_QUERY_TIMEOUT'], httpStatus: 499 }], 'test-writer');
    expect((await events({ errorCode: 'MSHT_QUERY_TIMEOUT' })).map((e) => [e.requestId, e.outcome])).toEqual([['left-after-result', 'ABORTED']]);
    expect(await events({ hasExport: true, subject: 'audit-ingest' })).toEqual([]);
    expect((await events({ hasExport: false, subject: 'audit-ingest' })).map((e) => e.requestId)).toEqual([requestIds.create]);

    const sdk = await svc.sdk(supervisor);
    const p1 = (await sdk.AuditEvents({ first: 2 })).auditEvents;
    const p2 = (await sdk.AuditEvents({ first: 2, after: p1.pageInfo.endCursor })).auditEvents;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect(p2.nodes[0]!.seq).toBe(p1.nodes[1]!.seq - 1);
  });

  it('counts events by agency, operation, outcome, error code or export from an index, not by reading the whole trail', async () => {
    const driver = planDriver();
    try {
      for (const filter of [{ agency: 'MPS' }, { operationName: 'Who' }, { outcome: 'error' as const }, { errorCode: 'FORBIDDEN' }]) {
        const ops = await planOf(driver, auditCountQuery(filter));
        expect(ops.some((o) => /NodeIndexSeek/.test(o) && /AuditEvent\((agency|operationName|outcome)\)/.test(o))).toBe(true);
        expect(ops.filter((o) => /LabelScan|AllNodesScan|IndexScan/.test(o))).toEqual([]);
      }
      // The exports from their own label (counted by the count store), not from every event.
      expect((await planOf(driver, auditCountQuery({ hasExport: true }))).some((o) => /^NodeCountFromCountStore|^NodeByLabelScan/.test(o) && o.includes(':AuditExport'))).toBe(true);
      const page = await planOf(driver, auditPageQuery({ hasExport: true }, 50));
      expect(page.some((o) => /^NodeByLabelScan/.test(o) && o.includes('e:AuditExport'))).toBe(true);
      expect(page.filter((o) => /Scan/.test(o) && o.includes('AuditEvent'))).toEqual([]);
    } finally {
      await driver.close();
    }
  });

  it('records no CORS preflight, with no origins listed as with some', async () => {
    const pre = await fetch(svc.url, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'x-request-id': 'audit-preflight-1' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    await svc.app.auditLog.flush();
    expect(await svc.graph.read({ cypher: "MATCH (e:AuditEvent {requestId: 'audit-preflight-1'}) RETURN count(e) AS n", params: {} })).toEqual([{ n: 0 }]);
  });

  it('withholds the variables and what an export held from an auditor not cleared for everything', async () => {
    const manifest = { formatVersion: 1, exportId: 'exp-00000000000000dd', exportedAt: '2026-12-01T00:00:00.000Z', exportedBy: { subject: 'liaison-x', agency: 'NCA' }, recipient: { kind: 'EUROPOL', name: 'Europol' }, purpose: 'Operation Hidden', query: { seeds: ['per-secret'] }, counts: { nodes: 3, edges: 2 }, packageHandling: { handling: 'H3', ukHandling: 'C' }, leftOut: [{ reason: 'H3', nodes: 4, edges: 5 }] };
    await appendAuditEvents(svc.graph, [{ ...systemEvent('withheld-export'), subject: 'liaison-x', operationName: 'Export', variables: '{"id":"per-secret"}', records: 5, export: JSON.stringify(manifest) }], 'test-writer');
    const read = async (who: typeof supervisor | typeof narrowSupervisor) =>
      (await (await svc.sdk(who)).AuditEvents({ filter: { subject: 'liaison-x' }, first: 5 })).auditEvents.nodes.find((e) => e.requestId === 'withheld-export')!;
    const whole = await read(supervisor);
    expect(whole).toMatchObject({ detailsWithheld: false, variables: '{"id":"per-secret"}', records: 5 });
    expect(JSON.parse(whole.export!)).toEqual(manifest);
    const narrow = await read(narrowSupervisor);
    expect(narrow).toMatchObject({ detailsWithheld: true, variables: null, records: null, subject: 'liaison-x', operationName: 'Export', hash: whole.hash });
    expect(JSON.parse(narrow.export!)).toEqual({ exportId: manifest.exportId, exportedAt: manifest.exportedAt, exportedBy: manifest.exportedBy, recipient: manifest.recipient });
    // It is still listed among the exports, and the chain still checks.
    const exports = (await (await svc.sdk(narrowSupervisor)).AuditEvents({ filter: { hasExport: true }, first: 100 })).auditEvents.nodes;
    expect(exports.map((e) => e.requestId)).toContain('withheld-export');
    expect((await (await svc.sdk(narrowSupervisor)).VerifyAuditChain()).verifyAuditChain).toMatchObject({ ok: true });
  });

  it('refuses the trail to anyone but supervisors and administrators', async () => {
    for (const token of [analyst, ingest, { roles: ['VICTIM_DATA_OFFICER' as const] }, { roles: ['LIAISON' as const] }]) {
      for (const query of ['{ auditEvents { nodes { seq } } }', '{ verifyAuditChain { ok } }']) {
        const r = await postGraphQL(svc.url, token, { query });
        expect(codes(r)).toEqual(['FORBIDDEN']);
        expect(r.body.data).toBeNull();
      }
    }
    const admin = await postGraphQL(svc.url, { roles: ['ADMIN'] }, { query: '{ verifyAuditChain { ok } }' });
    expect(admin.body).toEqual({ data: { verifyAuditChain: { ok: true } } });
  });

  it('keeps audit events out of entity queries', async () => {
    const [row] = await svc.graph.read({ cypher: 'MATCH (e:AuditEvent) RETURN count(e) AS all, count { MATCH (x:AuditEvent:Entity) } AS entities', params: {} });
    expect(row!.all as number).toBeGreaterThan(5);
    expect(row!.entities).toBe(0);
  });

  it('stays one unbroken chain under concurrent requests', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => postGraphQL(svc.url, { ...analyst, subject: `burst-${i % 4}` }, { query: '{ __typename }' })));
    const sdk = await svc.sdk(supervisor);
    const check = (await sdk.VerifyAuditChain()).verifyAuditChain;
    const [row] = await svc.graph.read({ cypher: 'MATCH (e:AuditEvent) RETURN count(e) AS n, max(e.seq) AS max', params: {} });
    expect(check).toEqual({ ok: true, checked: row!.n, firstBrokenSeq: null });
    expect(row!.max).toBe(row!.n);
  });

  it('stores a batch appended again (a lost commit reply, a batch sent again) once, and what follows it', async () => {
    await svc.app.auditLog.flush();
    const stored = async () => (await svc.graph.read({ cypher: "MATCH (e:AuditEvent) WHERE e.requestId STARTS WITH 'again-' RETURN e.requestId AS id ORDER BY e.seq", params: {} })).map((r) => r.id);
    const batch = [systemEvent('again-1'), systemEvent('again-2')];
    await appendAuditEvents(svc.graph, batch, 'writer-a');
    await appendAuditEvents(svc.graph, batch, 'writer-a');
    expect(await stored()).toEqual(['again-1', 'again-2']);
    await appendAuditEvents(svc.graph, [...batch, systemEvent('again-3')], 'writer-a');
    expect(await stored()).toEqual(['again-1', 'again-2', 'again-3']);
    // Another request with the same id is another event.
    await appendAuditEvents(svc.graph, [{ ...systemEvent('again-3'), durationMs: 2 }], 'writer-a');
    expect(await stored()).toEqual(['again-1', 'again-2', 'again-3', 'again-3']);
    // So is one alike in every field (the client chose the id; the same millisecond): it and the
    // events after it are stored, not taken for the batch sent again.
    const twin = systemEvent('again-twin');
    await appendAuditEvents(svc.graph, [twin], 'writer-a');
    await appendAuditEvents(svc.graph, [{ ...twin }, systemEvent('again-after-twin')], 'writer-a');
    expect(await stored()).toEqual(['again-1', 'again-2', 'again-3', 'again-3', 'again-twin', 'again-twin', 'again-after-twin']);

    // Another instance appends between a writer's lost reply and its retry: the retry still
    // finds its own last event, and stores nothing twice.
    const mine = [systemEvent('again-4'), systemEvent('again-5')];
    const theirs = [systemEvent('again-other')];
    await appendAuditEvents(svc.graph, mine, 'writer-a');
    await appendAuditEvents(svc.graph, theirs, 'writer-b');
    await appendAuditEvents(svc.graph, mine, 'writer-a');
    await appendAuditEvents(svc.graph, theirs, 'writer-b');
    expect(await stored()).toEqual(['again-1', 'again-2', 'again-3', 'again-3', 'again-twin', 'again-twin', 'again-after-twin', 'again-4', 'again-5', 'again-other']);
    // Each writer's record is apart from the events and the chain's tip.
    const writers = await svc.graph.read({ cypher: "MATCH (w:AuditWriter) WHERE w.id IN ['writer-a', 'writer-b'] RETURN w.id AS id, w.lastRequestId AS last, labels(w) AS labels ORDER BY id", params: {} });
    expect(writers).toEqual([
      { id: 'writer-a', last: 'again-5', labels: ['AuditWriter'] },
      { id: 'writer-b', last: 'again-other', labels: ['AuditWriter'] },
    ]);
    expect(await verifyAuditChain(systemGraph(svc.graph, 'again'))).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('checks the chain as it stood, not as a break, while events are appended during the check', async () => {
    // The service records the previous test's requests after their responses and writes them a
    // moment later: let that write land, or it races the appends below.
    await svc.app.auditLog.flush();
    // A graph whose first read of events is followed by an append, as a busy service makes one.
    const base = systemGraph(svc.graph, 'chain-race');
    let appended = false;
    const racing = new (class extends ScopedGraph {
      override async read(q: CypherQuery, timeoutMs?: number): Promise<Row[]> {
        const rows = await super.read(q, timeoutMs);
        if (!appended && q.cypher.includes('e.seq > $afterSeq')) {
          appended = true;
          await appendAuditEvents(svc.graph, [systemEvent('race-1'), systemEvent('race-2'), systemEvent('race-3')], 'test-writer');
        }
        return rows;
      }
    })(base.client, base.access, base.scope);
    const check = await verifyAuditChain(racing);
    expect(appended).toBe(true);
    const [row] = await svc.graph.read({ cypher: 'MATCH (c:AuditChain) RETURN c.seq AS tip', params: {} });
    expect(check).toEqual({ ok: true, checked: row!.tip, firstBrokenSeq: null });

    // An event stored past the tip was not appended by the chain's writer: a break, even when linked.
    const tip = row!.tip as number;
    const [tipHash] = await svc.graph.read({ cypher: 'MATCH (c:AuditChain) RETURN c.hash AS hash', params: {} });
    const forged = chainEvents([systemEvent('forged-1'), systemEvent('forged-2'), systemEvent('forged-3')], { seq: tip, hash: String(tipHash!.hash) });
    await svc.graph.write({ cypher: 'UNWIND $forged AS f CREATE (e:AuditEvent) SET e = f', params: { forged } });
    try {
      expect(await verifyAuditChain(base)).toEqual({ ok: false, checked: tip, firstBrokenSeq: tip + 1 });
      // A range past the tip reports the first forged event inside it, never one before it.
      expect(await verifyAuditChain(base, { fromSeq: tip + 2 })).toEqual({ ok: false, checked: 0, firstBrokenSeq: tip + 2 });
      expect(await verifyAuditChain(base, { fromSeq: tip + 3, toSeq: tip + 3 })).toEqual({ ok: false, checked: 0, firstBrokenSeq: tip + 3 });
      // Anchored on a forged event, with none of its own: nothing in the range to check.
      expect(await verifyAuditChain(base, { fromSeq: tip + 4 })).toEqual({ ok: true, checked: 0, firstBrokenSeq: null });
    } finally {
      await svc.graph.write({ cypher: 'MATCH (e:AuditEvent) WHERE e.seq > $seq DETACH DELETE e', params: { seq: tip } });
    }
  });

  it('shows tampering: a changed field, then a removed event, is reported by verifyAuditChain', async () => {
    const sdk = await svc.sdk(supervisor);
    const target = byRequest(await events({}, 1000), 'invalid')!;
    await svc.graph.write({ cypher: 'MATCH (e:AuditEvent {seq: $seq}) SET e.subject = $s', params: { seq: target.seq, s: 'someone-else' } });
    expect((await sdk.VerifyAuditChain()).verifyAuditChain).toEqual({ ok: false, checked: target.seq - 1, firstBrokenSeq: target.seq });

    // A range checks only its own events, anchored on the stored event before it.
    expect((await sdk.VerifyAuditChain({ toSeq: target.seq - 1 })).verifyAuditChain).toEqual({ ok: true, checked: target.seq - 1, firstBrokenSeq: null });
    const after = (await sdk.VerifyAuditChain({ fromSeq: target.seq + 1 })).verifyAuditChain;
    expect(after).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(after.checked).toBeGreaterThan(0);
    expect((await sdk.VerifyAuditChain({ fromSeq: target.seq, toSeq: target.seq + 1 })).verifyAuditChain).toEqual({ ok: false, checked: 0, firstBrokenSeq: target.seq });
    // Nothing past the end to check.
    expect((await sdk.VerifyAuditChain({ fromSeq: 1_000_000 })).verifyAuditChain).toEqual({ ok: true, checked: 0, firstBrokenSeq: null });

    await svc.graph.write({ cypher: 'MATCH (e:AuditEvent {seq: $seq}) SET e.subject = $s', params: { seq: target.seq, s: target.subject } });
    expect((await sdk.VerifyAuditChain()).verifyAuditChain.ok).toBe(true);
    expect((await sdk.VerifyAuditChain({ fromSeq: 2, toSeq: 3 })).verifyAuditChain).toEqual({ ok: true, checked: 2, firstBrokenSeq: null });

    await svc.graph.write({ cypher: 'MATCH (e:AuditEvent {seq: $seq}) DETACH DELETE e', params: { seq: target.seq + 1 } });
    expect((await sdk.VerifyAuditChain()).verifyAuditChain).toMatchObject({ ok: false, firstBrokenSeq: target.seq + 1 });
    // A range that starts just after the missing event has no anchor; one that ends on it misses its end.
    expect((await sdk.VerifyAuditChain({ fromSeq: target.seq + 2 })).verifyAuditChain).toEqual({ ok: false, checked: 0, firstBrokenSeq: target.seq + 1 });
    expect((await sdk.VerifyAuditChain({ fromSeq: target.seq, toSeq: target.seq + 1 })).verifyAuditChain).toEqual({ ok: false, checked: 1, firstBrokenSeq: target.seq + 1 });
  });

  it('refuses a range that starts below 1 or ends before it starts, naming the argument', async () => {
    for (const [vars, field] of [
      [{ fromSeq: 0 }, 'fromSeq'],
      [{ fromSeq: 5, toSeq: 4 }, 'toSeq'],
    ] as const) {
      const r = await postGraphQL(svc.url, supervisor, { query: 'query V($fromSeq: SafeInt, $toSeq: SafeInt) { verifyAuditChain(fromSeq: $fromSeq, toSeq: $toSeq) { ok } }', variables: vars });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors?.[0]?.extensions?.field).toBe(field);
    }
  });
});

describe('transaction metadata', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  it('carries the request id and subject into Neo4j, where SHOW TRANSACTIONS sees them', async () => {
    const rows = await svc.graph.read(
      { cypher: 'SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE currentQuery STARTS WITH "SHOW TRANSACTIONS" RETURN metaData', params: {} },
      { requestId: 'req-meta-0001', subject: 'meta-analyst' },
    );
    expect(rows.map((r) => r.metaData)).toContainEqual({ app: 'msht-graph', requestId: 'req-meta-0001', subject: 'meta-analyst' });
  });
});
