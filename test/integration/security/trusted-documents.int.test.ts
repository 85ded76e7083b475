import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { codes, postGraphQL, rawRequest } from '../../support/http';
import { startTestService, type TestService } from '../../support/test-service';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schema', 'trusted-documents.json'), 'utf8')) as Record<string, string>;
const [serviceInfoHash, serviceInfoText] = Object.entries(manifest).find(([, text]) => text.includes('query ServiceInfo'))!;
const analyst = { roles: ['ANALYST' as const], subject: 'trusted-analyst' };
const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

describe('trusted-documents mode', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ MSHT_TRUSTED_DOCUMENTS: 'true' });
  });
  afterAll(() => svc.close());

  it('runs the operations of schema/operations through the generated SDK', async () => {
    const sdk = await svc.sdk(analyst);
    expect((await sdk.ServiceInfo()).viewer.subject).toBe('trusted-analyst');
    expect((await sdk.PersonList({ first: 1 })).persons.pageInfo).toBeDefined();
  });

  it('runs a listed document named by its hash alone, by POST and by GET', async () => {
    const post = await postGraphQL(svc.url, analyst, { extensions: persisted(serviceInfoHash) });
    expect(post.status).toBe(200);
    expect(post.body.data).toMatchObject({ viewer: { subject: 'trusted-analyst' } });
    const get = await rawRequest(`${svc.url}?extensions=${encodeURIComponent(JSON.stringify(persisted(serviceInfoHash)))}`, {
      token: analyst,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(get.body.data).toMatchObject({ viewer: { subject: 'trusted-analyst' } });
  });

  it('accepts a listed document however it is laid out, with or without its hash', async () => {
    const relaid = `# a comment\n${serviceInfoText.replace(/\n\s*/g, ' , ')}`;
    expect((await postGraphQL(svc.url, analyst, { query: relaid })).status).toBe(200);
    expect((await postGraphQL(svc.url, analyst, { query: relaid, extensions: persisted(serviceInfoHash) })).status).toBe(200);
  });

  it('refuses any other document, or an unknown hash, with 400 MSHT_UNTRUSTED_DOCUMENT before it runs', async () => {
    for (const payload of [
      { query: '{ __typename }' },
      { query: 'query ServiceInfo { viewer { subject } }' },
      { query: `${serviceInfoText} query Extra { __typename }` },
      { query: '{ persons(first: 1000) { nodes { id } } }' },
      { query: 'this is not graphql' },
      { extensions: persisted('0'.repeat(64)) },
      { query: '{ __typename }', extensions: persisted(serviceInfoHash) },
    ]) {
      const r = await postGraphQL(svc.url, analyst, payload);
      expect(r.status).toBe(400);
      expect(codes(r)).toEqual(['MSHT_UNTRUSTED_DOCUMENT']);
      expect(r.headers.get('x-cypher-queries')).toBeNull();
    }
    const get = await rawRequest(`${svc.url}?query=${encodeURIComponent('{ __typename }')}`, { token: analyst, headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(codes(get)).toEqual(['MSHT_UNTRUSTED_DOCUMENT']);
  });

  it('reads a GET request as GraphQL does, so a document past a thousand parameters is checked too', async () => {
    // Express's query parser stops after 1,000 parameters; Apollo reads them all.
    const padded = `${svc.url}?${'&'.repeat(1000)}a=1&query=${encodeURIComponent('{ __typename }')}`;
    const get = await rawRequest(padded, { token: analyst, headers: { 'apollo-require-preflight': 'true', 'x-request-id': 'trusted-padded-get' } });
    expect(get.status).toBe(400);
    expect(codes(get)).toEqual(['MSHT_UNTRUSTED_DOCUMENT']);
    expect(get.body.data).toBeUndefined();
    // And the audit trail names the document it was sent.
    await svc.app.auditLog.flush();
    const [event] = await svc.graph.read({ cypher: "MATCH (e:AuditEvent {requestId: 'trusted-padded-get'}) RETURN e.documentHash AS hash", params: {} });
    expect(event).toEqual({ hash: createHash('sha256').update('{ __typename }').digest('hex') });
  });
});

describe('without trusted-documents mode (the default)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.close());

  it('runs any valid document', async () => {
    const r = await postGraphQL(svc.url, analyst, { query: '{ __typename viewer { agency } }' });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ __typename: 'Query', viewer: { agency: 'NCA' } });
  });
});
