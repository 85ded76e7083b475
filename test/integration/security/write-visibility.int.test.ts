import { errorOf } from '../../support/graphql-errors';
import { holdLocks, someoneBlocked } from '../../support/held-locks';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

/**
 * Writers never change, remove or learn of what they are not cleared for. Each case: a writer
 * cleared for H3 and UK code C builds the data (some of it at H3/C), and a writer cleared only
 * for H1 and P writes over it.
 */
const high = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true };
const low = { roles: ['INGEST' as const], clearance: 'H1' as const };
const highSupervisor = { roles: ['SUPERVISOR' as const], clearance: 'H3' as const, ukConditional: true };
const lowSupervisor = { roles: ['SUPERVISOR' as const], clearance: 'H1' as const };

describe('writes over material above the writer’s clearance', () => {
  let svc: TestService;
  let open: string;
  let secret: string;
  const hide = (cypher: string, params: Record<string, unknown>) => svc.graph.write({ cypher: `${cypher} SET r.handling = 'H3', r.ukHandling = 'C'`, params });
  const rows = (cypher: string, params: Record<string, unknown> = {}) => svc.graph.read({ cypher, params });

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const sdk = await svc.sdk(high);
    const report = async (reference: string, handling: 'H0' | 'H3', ukHandling: 'P' | 'C', title: string) =>
      (await sdk.UpsertReport({ input: { reference, title, agency: 'NCA', handling, ukHandling, gradeSource: 2, gradeIntel: 'B', reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
    open = await report('NCA/2024/0900', 'H0', 'P', 'Open source');
    secret = await report('NCA/2024/0901', 'H3', 'C', 'Covert source on Op Nightjar');
  });
  afterAll(() => svc.close());

  const person = async (id: string, extra: object = {}) =>
    (await (await svc.sdk(high)).UpsertPerson({ input: { id, name: `Person ${id}`, roles: ['OFFENDER'], nationalities: ['GB'], provenance: { reportId: open }, ...extra } })).upsertPerson.id;

  it('keeps hidden links when a writer replaces a link list (nationalities)', async () => {
    const p = await person('per-wv-a1');
    await (await svc.sdk(high)).Link({ type: 'NATIONAL_OF', from: p, to: 'country-AL', properties: {}, provenance: { reportId: secret } });
    await (await svc.sdk(low)).UpsertPerson({ input: { id: p, name: 'Person a1', roles: ['OFFENDER'], nationalities: ['RO'], provenance: { reportId: open } } });
    const now = await rows('MATCH (:Person {id: $p})-[r:NATIONAL_OF]->(c) RETURN c.code AS code, r.handling AS handling ORDER BY code', { p });
    // GB, which the writer could see, is replaced by RO; AL, which it could not, stays at H3.
    expect(now).toEqual([
      { code: 'AL', handling: 'H3' },
      { code: 'RO', handling: 'H0' },
    ]);
  });

  it('adds its own link beside a hidden one of the same kind, which stays as it was and is never shown', async () => {
    const p = await person('per-wv-c1');
    const g = (await (await svc.sdk(high)).UpsertGroup({ input: { name: 'Wv group', threatLevel: 'MODERATE', provenance: { reportId: open } } })).upsertOrganisedCrimeGroup.id;
    await (await svc.sdk(high)).Link({ type: 'MEMBER_OF', from: p, to: g, properties: { role: 'LEADER', since: '2020-01-01', until: '2021-06-30' }, provenance: { reportId: secret } });
    const { link } = await (await svc.sdk(low)).Link({ type: 'MEMBER_OF', from: p, to: g, properties: { role: 'LEADER' }, provenance: { reportId: open } });
    expect(JSON.stringify(link)).not.toMatch(/2020-01-01|2021-06-30|H3/);
    const links = await rows('MATCH (:Person {id: $p})-[r:MEMBER_OF]->() RETURN r.reportId AS report, r.handling AS handling, toString(r.since) AS since ORDER BY handling', { p });
    expect(links).toEqual([
      { report: open, handling: 'H0', since: null },
      { report: secret, handling: 'H3', since: '2020-01-01' },
    ]);
    // An import does the same: its row is a new link, not an update of the hidden one.
    const q = await person('per-wv-e1');
    await (await svc.sdk(high)).Link({ type: 'MEMBER_OF', from: q, to: g, properties: { role: 'LEADER' }, provenance: { reportId: secret } });
    const { importBatch } = await (await svc.sdk(low)).ImportBatch({ format: 'CSV', nodes: ':ID,:LABEL,name\n', relationships: `:START_ID,:END_ID,:TYPE,role\n${q},${g},MEMBER_OF,LEADER\n`, reportId: open });
    expect(importBatch.relationships).toMatchObject({ created: 1, updated: 0 });
    expect(await rows('MATCH (:Person {id: $q})-[r:MEMBER_OF]->() RETURN r.reportId AS report ORDER BY report', { q })).toEqual([{ report: open }, { report: secret }].sort((x, y) => x.report.localeCompare(y.report)));
  });

  it('refuses to replace a route’s stops when some are hidden, and changes none of them', async () => {
    const sdk = await svc.sdk(high);
    const route = (await sdk.UpsertRoute({ input: { name: 'Wv route', stops: [{ country: 'RO' }, { country: 'HU', mode: 'COACH' }, { country: 'GB', mode: 'FERRY' }], provenance: { reportId: open } } })).upsertRoute.id;
    await hide("MATCH (:Route {id: $route})-[r:HAS_STOP]->(:Country {code: 'GB'})", { route });
    const e = errorOf(await (await svc.sdk(low)).UpsertRoute({ input: { id: route, name: 'Wv route', stops: [{ country: 'RO' }, { country: 'IT', mode: 'COACH' }], provenance: { reportId: open } } }).catch((x: unknown) => x));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).not.toMatch(/GB/);
    expect(await rows('MATCH (:Route {id: $route})-[r:HAS_STOP]->(c) RETURN c.code AS code ORDER BY r.order', { route })).toEqual([{ code: 'RO' }, { code: 'HU' }, { code: 'GB' }]);
  });

  /** A route RO, HU, GB whose HU stop link is hidden from the low writer (who reads GB as stop 1), and its stored stops. */
  async function routeWithHiddenStop(name: string) {
    const route = (await (await svc.sdk(high)).UpsertRoute({ input: { name, stops: [{ country: 'RO' }, { country: 'HU', mode: 'COACH' }, { country: 'GB', mode: 'FERRY' }], provenance: { reportId: open } } })).upsertRoute.id;
    await hide("MATCH (:Route {id: $route})-[r:HAS_STOP]->(:Country {code: 'HU'})", { route });
    const stored = () => rows('MATCH (:Route {id: $route})-[r:HAS_STOP]->(c) RETURN r.order AS order, c.code AS code, r.mode AS mode ORDER BY r.order, c.code', { route });
    return { route, stored };
  }

  it('refuses to link or unlink a stop of a route with hidden stops: the order it reads is not the stored one', async () => {
    const sdk = await svc.sdk(high);
    const { route, stored } = await routeWithHiddenStop('Wv ordered');
    const before = await stored();
    const writer = await svc.sdk(low);
    // The low writer reads GB as stop 1 (HU, hidden, is stored at 1).
    for (const attempt of [
      () => writer.Link({ type: 'HAS_STOP', from: route, to: 'country-GB', properties: { order: 1, mode: 'LORRY' }, provenance: { reportId: open } }),
      () => writer.Unlink({ type: 'HAS_STOP', from: route, to: 'country-GB', properties: { order: 1 } }),
    ]) {
      const e = errorOf(await attempt().catch((x: unknown) => x));
      expect(e).toMatchObject({ code: 'FORBIDDEN', field: expect.stringMatching(/properties\.order$/) });
      expect(e.message).not.toMatch(/HU|Hungary/);
    }
    expect(await stored()).toEqual(before);
    // A writer given every stop may.
    await sdk.Link({ type: 'HAS_STOP', from: route, to: 'country-GB', properties: { order: 2, mode: 'LORRY' }, provenance: { reportId: open } });
    expect((await stored()).map((r) => [r.order, r.code, r.mode])).toEqual([
      [0, 'RO', null],
      [1, 'HU', 'COACH'],
      [2, 'GB', 'LORRY'],
    ]);
  });

  it('refuses an import row for a stop of a route with hidden stops, naming the row, and writes nothing', async () => {
    const { route, stored } = await routeWithHiddenStop('Wv imported');
    const before = await stored();
    const relationships = [':START_ID,:END_ID,:TYPE,order:int,mode', `${route},country-GB,HAS_STOP,1,LORRY`, ''].join('\n');
    const e = errorOf(await (await svc.sdk(low)).ImportBatch({ format: 'CSV', nodes: ':ID,:LABEL\n', relationships, reportId: open }).catch((x: unknown) => x));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', rows: [expect.stringMatching(/^relationships:2: HAS_STOP from .*above your clearance/)] });
    expect(e.message).not.toMatch(/HU|Hungary/);
    expect(await stored()).toEqual(before);
    // The writer cleared for every stop may.
    await (await svc.sdk(high)).ImportBatch({ format: 'CSV', nodes: ':ID,:LABEL\n', relationships: relationships.replace(',1,LORRY', ',2,LORRY'), reportId: open });
    expect((await stored()).map((r) => [r.order, r.code, r.mode])).toEqual([
      [0, 'RO', null],
      [1, 'HU', 'COACH'],
      [2, 'GB', 'LORRY'],
    ]);
  });

  it('refuses to delete a record with hidden links, which would go with it', async () => {
    const p = await person('per-wv-g1');
    const other = await person('per-wv-g2');
    await (await svc.sdk(high)).Link({ type: 'ASSOCIATE_OF', from: p, to: other, properties: {}, provenance: { reportId: secret } });
    const e = errorOf(await (await svc.sdk(low)).DeleteEntity({ id: p }).catch((x: unknown) => x));
    expect(e.code).toBe('FORBIDDEN');
    expect(await rows('MATCH (p:Person {id: $p})-[r]-() RETURN count(r) AS n', { p })).toEqual([{ n: 2 }]);
    // Without hidden links the same writer deletes, and counts what it could see.
    const plain = await person('per-wv-g3');
    expect((await (await svc.sdk(low)).DeleteEntity({ id: plain })).deleteEntity).toMatchObject({ relationshipsRemoved: 1 });
  });

  it('neither shows nor changes a hidden report whose reference a writer reuses', async () => {
    const e = errorOf(
      await (await svc.sdk(low))
        .UpsertReport({ input: { reference: 'NCA/2024/0901', title: 'Mine', agency: 'GMP', handling: 'H0', ukHandling: 'P', gradeSource: 3, gradeIntel: 'E', reportedOn: '2024-02-01' } })
        .catch((x: unknown) => x),
    );
    expect(e).toMatchObject({ code: 'MSHT_CONFLICT', field: 'input.reference' });
    expect(e.message).not.toMatch(/Covert|Nightjar|rep-/);
    expect(await rows('MATCH (r:IntelligenceReport {id: $secret})-[:ISSUED_BY]->(a) RETURN r.title AS title, r.gradeSource AS grade, a.id AS agency', { secret })).toEqual([
      { title: 'Covert source on Op Nightjar', grade: 2, agency: 'agency-NCA' },
    ]);
  });

  it('never names a hidden identifier, or one a victim holds, to a writer who may not see it', async () => {
    const sdk = await svc.sdk(high);
    const hidden = (await sdk.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 900777', provenance: { reportId: secret } } })).upsertIdentifier.id;
    const victim = await person('per-wv-v1', { roles: ['VICTIM'], name: 'Oksana Petrenko' });
    const held = (await sdk.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 900123', provenance: { reportId: open } } })).upsertIdentifier.id;
    await sdk.Link({ type: 'HAS_IDENTIFIER', from: victim, to: held, properties: {}, provenance: { reportId: open } });
    const lowSdk = await svc.sdk(low);
    for (const [value, id] of [
      ['07700 900777', hidden],
      ['07700 900123', held],
    ] as const) {
      const e = errorOf(await lowSdk.UpsertIdentifier({ input: { kind: 'Phone', value, provenance: { reportId: open } } }).catch((x: unknown) => x));
      expect(e).toMatchObject({ code: 'MSHT_CONFLICT', field: 'input.value' });
      expect(e.message).not.toContain(id);
      const imported = errorOf(await lowSdk.ImportBatch({ format: 'CSV', nodes: `:ID,:LABEL,value\nphone-wv-new,Phone,${value}\n`, reportId: open }).catch((x: unknown) => x));
      expect(imported.rows).toEqual(['nodes:2: value: this Phone value is already in use']);
    }
    // A victim-data officer cleared for it is told which record holds the value, as before.
    const officer = await svc.sdk({ roles: ['INGEST', 'VICTIM_DATA_OFFICER'], clearance: 'H3', ukConditional: true });
    expect((await officer.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 900123', provenance: { reportId: open } } })).upsertIdentifier.id).toBe(held);
    expect(await rows('MATCH (n:Phone {id: $hidden}) RETURN n.reportId AS report', { hidden })).toEqual([{ report: secret }]);
  });

  it('leaves the reference data’s own report as it is: its reference names it, and it cannot be changed', async () => {
    const e = errorOf(
      await (await svc.sdk(high))
        .UpsertReport({ input: { reference: 'MSHT/REF/0001', title: 'Taken over', agency: 'NCA', handling: 'H3', ukHandling: 'C', gradeSource: 2, gradeIntel: 'B' } })
        .catch((x: unknown) => x),
    );
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });
    // Nor its issuer, through a link or an unlink.
    const writer = await svc.sdk(high);
    for (const attempt of [
      () => writer.Link({ type: 'ISSUED_BY', from: 'ref-msht-reference-data', to: 'agency-NCA', properties: {}, provenance: { reportId: secret } }),
      () => writer.Unlink({ type: 'ISSUED_BY', from: 'ref-msht-reference-data', to: 'agency-MSHT' }),
    ]) {
      expect(errorOf(await attempt().catch((x: unknown) => x))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
    }
    expect(await rows("MATCH (r:IntelligenceReport {id: 'ref-msht-reference-data'})-[:ISSUED_BY]->(a:Agency) RETURN r.handling AS handling, r.title AS title, a.code AS agency")).toEqual([
      { handling: 'H0', title: 'Reference data: gazetteer, agencies and vocabularies', agency: 'MSHT' },
    ]);
  });

  it('lets only a writer with victim-data rights take the victim role, an identifier or the record away from a victim', async () => {
    // Each would show the victim's name and birth, or the phone's value, to every caller.
    const writer = await svc.sdk(high);
    const victim = (await writer.UpsertPerson({ input: { name: 'Victim Kept Hidden', roles: ['VICTIM'], dateOfBirth: '2006-02-03', provenance: { reportId: open } } })).upsertPerson.id;
    const phone = (await writer.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 900555', provenance: { reportId: open } } })).upsertIdentifier.id;
    await writer.Link({ type: 'HAS_IDENTIFIER', from: victim, to: phone, properties: {}, provenance: { reportId: open } });
    const refused = async (p: Promise<unknown>) => errorOf(await p.catch((x: unknown) => x));
    const roles = await refused(writer.UpsertPerson({ input: { id: victim, roles: ['SUSPECT'], provenance: { reportId: open } } }));
    expect(roles).toMatchObject({ code: 'FORBIDDEN', field: 'input.roles' });
    expect(roles.message).not.toContain('Kept Hidden');
    expect(await refused(writer.Unlink({ type: 'HAS_IDENTIFIER', from: victim, to: phone }))).toMatchObject({ code: 'FORBIDDEN', field: 'input.from' });
    expect(await refused(writer.DeleteEntity({ id: victim }))).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    expect(await refused(writer.DeleteEntity({ id: phone }))).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    expect(await rows('MATCH (v:Person:Victim {id: $victim})-[:HAS_IDENTIFIER]->(:Phone {id: $phone}) RETURN v.name AS name', { victim, phone })).toEqual([{ name: 'Victim Kept Hidden' }]);
    // A victim-data officer may.
    const officer = await svc.sdk({ roles: ['INGEST', 'VICTIM_DATA_OFFICER'], clearance: 'H3', ukConditional: true });
    expect(await officer.Unlink({ type: 'HAS_IDENTIFIER', from: victim, to: phone })).toMatchObject({ unlink: 1 });
    await officer.UpsertPerson({ input: { id: victim, roles: ['SUSPECT'], provenance: { reportId: open } } });
    expect(await rows('MATCH (v:Person {id: $victim}) RETURN v:Victim AS victim, v:Suspect AS suspect', { victim })).toEqual([{ victim: false, suspect: true }]);
  });

  it('lets only a supervisor cleared for everything a merge moved undo it', async () => {
    // A hidden link between the two records is not moved: it goes with the merged record and
    // comes back with it, so the kept record shows nothing hidden after the merge.
    const keep = await person('per-wv-k1');
    const merge = await person('per-wv-k2');
    await (await svc.sdk(high)).Link({ type: 'ASSOCIATE_OF', from: merge, to: keep, properties: {}, provenance: { reportId: secret } });
    const { mergeEntities } = await (await svc.sdk(highSupervisor)).MergeEntities({ keepId: keep, mergeId: merge });
    const e = errorOf(await (await svc.sdk(lowSupervisor)).UndoMerge({ recordId: mergeEntities.recordId }).catch((x: unknown) => x));
    expect(e.code).toBe('FORBIDDEN');
    expect(await rows('MATCH (p:Person {id: $merge}) RETURN count(p) AS n', { merge })).toEqual([{ n: 0 }]);
    expect((await (await svc.sdk(highSupervisor)).UndoMerge({ recordId: mergeEntities.recordId })).undoMerge).toMatchObject({ relationshipsMoved: 2 });
  });

  it('refuses to undo a merge whose moved links were raised or removed since, and changes nothing', async () => {
    // The undo re-creates the merged record's links as the merge saved them: it would lower a
    // link raised since to its old handling, or bring back one removed.
    const writer = await svc.sdk(high);
    const supervisor = await svc.sdk(highSupervisor);
    const group = (await writer.UpsertGroup({ input: { name: 'Undo Check Network', provenance: { reportId: open } } })).upsertOrganisedCrimeGroup.id;
    for (const change of ['raised', 'removed'] as const) {
      const keep = await person(`per-wv-u${change}1`);
      const merge = await person(`per-wv-u${change}2`);
      await writer.Link({ type: 'MEMBER_OF', from: merge, to: group, properties: { role: 'RECRUITER' }, provenance: { reportId: open } });
      const { mergeEntities } = await supervisor.MergeEntities({ keepId: keep, mergeId: merge });
      if (change === 'raised') await writer.Link({ type: 'MEMBER_OF', from: keep, to: group, properties: { role: 'RECRUITER' }, provenance: { reportId: secret } });
      else await writer.Unlink({ type: 'MEMBER_OF', from: keep, to: group, properties: { role: 'RECRUITER' } });
      const before = await rows('MATCH (p:Person {id: $keep}) OPTIONAL MATCH (p)-[m:MEMBER_OF]->() RETURN collect([m.handling, m.ukHandling, m.reportId]) AS links', { keep });
      const e = errorOf(await supervisor.UndoMerge({ recordId: mergeEntities.recordId }).catch((x: unknown) => x));
      expect(e.code).toBe('MSHT_CONFLICT');
      expect(e.message).toMatch(/changed or removed since/);
      expect(await rows('MATCH (p:Person {id: $keep}) OPTIONAL MATCH (p)-[m:MEMBER_OF]->() RETURN collect([m.handling, m.ukHandling, m.reportId]) AS links', { keep })).toEqual(before);
      expect(await rows('MATCH (p:Person {id: $merge}) RETURN count(p) AS n', { merge })).toEqual([{ n: 0 }]);
      expect(await rows('MATCH (m:MergeRecord {id: $id}) RETURN m.status AS status', { id: mergeEntities.recordId })).toEqual([{ status: 'MERGED' }]);
    }
  });

  it('lets only a supervisor with victim-data rights undo a merge that made a record a victim', async () => {
    const writer = await svc.sdk(high);
    const keep = await person('per-wv-vk1');
    const dup = (await writer.UpsertPerson({ input: { id: 'per-wv-vk2', name: 'Victim Dup', roles: ['VICTIM'], provenance: { reportId: open } } })).upsertPerson.id;
    const { mergeEntities } = await (await svc.sdk(highSupervisor)).MergeEntities({ keepId: keep, mergeId: dup });
    // Linked while the kept record is a victim: its value is victim data from then on.
    const phone = (await writer.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 900654', provenance: { reportId: open } } })).upsertIdentifier.id;
    await writer.Link({ type: 'HAS_IDENTIFIER', from: keep, to: phone, properties: {}, provenance: { reportId: open } });
    const e = errorOf(await (await svc.sdk(highSupervisor)).UndoMerge({ recordId: mergeEntities.recordId }).catch((x: unknown) => x));
    expect(e).toMatchObject({ code: 'FORBIDDEN', field: 'recordId' });
    expect(await rows('MATCH (p:Person {id: $keep}) RETURN p:Victim AS victim', { keep })).toEqual([{ victim: true }]);
    const officer = await svc.sdk({ roles: ['SUPERVISOR', 'VICTIM_DATA_OFFICER'], clearance: 'H3', ukConditional: true });
    await officer.UndoMerge({ recordId: mergeEntities.recordId });
    expect(await rows('MATCH (p:Person {id: $keep}) RETURN p:Victim AS victim', { keep })).toEqual([{ victim: false }]);
  });

  it('answers a supervisor who may not see a merge’s kept record as for a made-up merge, whatever its state', async () => {
    const keep = await person('per-wv-hk1');
    const merge = await person('per-wv-hk2');
    const { mergeEntities } = await (await svc.sdk(highSupervisor)).MergeEntities({ keepId: keep, mergeId: merge });
    // Recorded again since, from the covert report: the kept record is above the low supervisor now.
    await (await svc.sdk(high)).UpsertPerson({ input: { id: keep, name: 'Hidden Keeper', provenance: { reportId: secret } } });
    const answer = async (recordId: string) => errorOf(await (await svc.sdk(lowSupervisor)).UndoMerge({ recordId }).catch((x: unknown) => x));
    const madeUp = await answer('merge-0000000000000000');
    expect(madeUp.code).toBe('MSHT_NOT_FOUND');
    const strip = (e: { code?: string; message: string }) => ({ code: e.code, message: e.message.replace(/merge-[0-9a-f]+/g, 'ID') });
    expect(strip(await answer(mergeEntities.recordId))).toEqual(strip(madeUp));
    // Undone by one cleared for it, it is still nothing to the low supervisor.
    await (await svc.sdk(highSupervisor)).UndoMerge({ recordId: mergeEntities.recordId });
    expect(strip(await answer(mergeEntities.recordId))).toEqual(strip(madeUp));
    expect(errorOf(await (await svc.sdk(highSupervisor)).UndoMerge({ recordId: mergeEntities.recordId }).catch((x: unknown) => x)).message).toMatch(/undone, not undoable/);
  });

  it('tells a supervisor not cleared for a merge’s links only that, not whether they changed since', async () => {
    const keep = await person('per-wv-ok1');
    const merge = await person('per-wv-ok2');
    const group = (await (await svc.sdk(high)).UpsertGroup({ input: { name: 'Order Check Network', provenance: { reportId: open } } })).upsertOrganisedCrimeGroup.id;
    await (await svc.sdk(high)).Link({ type: 'MEMBER_OF', from: merge, to: group, properties: { role: 'RECRUITER' }, provenance: { reportId: secret } });
    const { mergeEntities } = await (await svc.sdk(highSupervisor)).MergeEntities({ keepId: keep, mergeId: merge });
    await svc.graph.write({ cypher: "MATCH (:Person {id: $keep})-[m:MEMBER_OF]->() DELETE m", params: { keep } });
    const e = errorOf(await (await svc.sdk(lowSupervisor)).UndoMerge({ recordId: mergeEntities.recordId }).catch((x: unknown) => x));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).not.toMatch(/changed|removed/);
  });

  it('an undo never loosens access on a record edited since the merge: handling, consent and roles stay', async () => {
    const writer = await svc.sdk(high);
    const person = async (name: string, roles: ('OFFENDER' | 'VICTIM')[], reportId: string) => (await writer.UpsertPerson({ input: { name, roles, provenance: { reportId } } })).upsertPerson.id;
    const keep = await person('Open Keeper', ['OFFENDER'], open);
    const dup = await person('Covert Dup Two', ['VICTIM'], secret);
    const { mergeEntities } = await (await svc.sdk(highSupervisor)).MergeEntities({ keepId: keep, mergeId: dup });
    // Since the merge: the victim's date of birth and role recorded again, from the covert report,
    // and the merged name kept as an alias beside a new one.
    await writer.UpsertPerson({
      input: { id: keep, name: 'Secret New Name', roles: ['OFFENDER', 'VICTIM'], dateOfBirth: '2007-03-04', aliases: ['Covert Dup Two', 'Kept Nickname'], provenance: { reportId: secret } },
    });
    await (await svc.sdk(highSupervisor)).UndoMerge({ recordId: mergeEntities.recordId });
    const [after] = await rows('MATCH (p:Person {id: $keep}) RETURN labels(p) AS labels, p.handling AS handling, p.ukHandling AS uk, p.aliases AS aliases, p.name AS name', { keep });
    expect(after).toMatchObject({ handling: 'H3', uk: 'C', name: 'Secret New Name', aliases: ['Kept Nickname'] });
    expect(after!.labels).toEqual(expect.arrayContaining(['Offender', 'Victim']));
    // Nothing of it for an analyst cleared for H1, and no victim data for one cleared for H3.
    expect((await (await svc.sdk({ roles: ['ANALYST'], clearance: 'H1' })).PersonById({ id: keep })).person).toBeNull();
    const cleared = (await (await svc.sdk({ roles: ['ANALYST'], clearance: 'H3', ukConditional: true })).PersonById({ id: keep })).person!;
    expect(cleared).toMatchObject({ redacted: true, dateOfBirth: null });
    // The merged record is back as it was.
    expect((await rows('MATCH (p:Person {id: $dup}) RETURN p.name AS name, p.handling AS handling', { dup }))[0]).toEqual({ name: 'Covert Dup Two', handling: 'H3' });
  });

  /** A report at H0/P, and another writer's open transaction that raises it (to `handling`, UK C) and edits person `p`, holding both locks. */
  async function raiseReportHoldingPerson(reference: string, p: string, handling: 'H2' | 'H3') {
    const rep = (await (await svc.sdk(high)).UpsertReport({ input: { reference, title: 'Raised while a write waits', agency: 'NCA', handling: 'H0', ukHandling: 'P', gradeSource: 2, gradeIntel: 'B', reportedOn: '2024-01-06' } })).upsertIntelligenceReport.id;
    const other = holdLocks(svc.graph, "MATCH (r:IntelligenceReport {id: $rep}), (x:Person {id: $p}) SET r.handling = $handling, r.ukHandling = 'C', x.gender = 'FEMALE'", { rep, p, handling });
    await other.started;
    return { rep, other };
  }

  it('reads a cited report after its lock: a report raised (and hidden) by a transaction that also holds the record written is no report, and nothing is written', async () => {
    const p = await person('per-wv-f3');
    const { rep, other } = await raiseReportHoldingPerson('NCA/2024/0950', p, 'H3');
    const writing = (await svc.sdk(low)).UpsertPerson({ input: { id: p, name: 'Renamed f3', roles: ['OFFENDER'], nationalities: ['GB'], provenance: { reportId: rep } } }).then(
      () => null,
      (e: unknown) => errorOf(e),
    );
    const blocked = await someoneBlocked(svc.graph);
    await other.commit();
    const e = await writing;
    expect(blocked).toBe(true);
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.provenance.reportId' });
    expect(e!.message).toMatch(/no intelligence report/);
    expect(e!.message).not.toMatch(/H3|Raised/);
    expect(await rows('MATCH (x:Person {id: $p}) RETURN x.name AS name, x.reportId AS cites, x.handling AS handling, x.gender AS gender', { p })).toEqual([
      { name: 'Person per-wv-f3', cites: open, handling: 'H0', gender: 'FEMALE' },
    ]);
  });

  it('reads a cited report after its lock for a writer cleared for everything: the fact inherits the handling the report was raised to while it waited', async () => {
    const p = await person('per-wv-f4');
    const { rep, other } = await raiseReportHoldingPerson('NCA/2024/0951', p, 'H2');
    const writing = (await svc.sdk(high)).UpsertPerson({ input: { id: p, name: 'Renamed f4', roles: ['OFFENDER'], nationalities: ['GB'], provenance: { reportId: rep } } });
    const blocked = await someoneBlocked(svc.graph);
    await other.commit();
    await writing;
    expect(blocked).toBe(true);
    expect(await rows('MATCH (x:Person {id: $p}) RETURN x.name AS name, x.reportId AS cites, x.handling AS handling, x.ukHandling AS uk', { p })).toEqual([
      { name: 'Renamed f4', cites: rep, handling: 'H2', uk: 'C' },
    ]);
  });

  it('never waits for the lock of a cited report hidden from it: a write citing a hidden report someone is writing is refused at once', async () => {
    const p = await person('per-wv-f5');
    const other = holdLocks(svc.graph, "MATCH (r:IntelligenceReport {id: $secret}) SET r.__lock = true REMOVE r.__lock", { secret });
    await other.started;
    try {
      const e = await (await svc.sdk(low)).UpsertPerson({ input: { id: p, name: 'Renamed f5', roles: ['OFFENDER'], nationalities: ['GB'], provenance: { reportId: secret } } }).then(
        () => null,
        (x: unknown) => errorOf(x),
      );
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.provenance.reportId' });
    } finally {
      await other.commit();
    }
  });

  /**
   * Runs `write` (as a writer cleared for H1, or `as`) while another writer holds the locks `cypher` took
   * (raising something to H3/C), then lets that writer commit: whether `write` waited meanwhile,
   * and what it gave (an error's code, field and message, or its answer).
   */
  async function whileRaised<T>(cypher: string, params: Record<string, unknown>, write: (sdk: Awaited<ReturnType<TestService['sdk']>>) => Promise<T>, as: typeof low | typeof lowSupervisor = low) {
    const other = holdLocks(svc.graph, cypher, params);
    await other.started;
    const writing = write(await svc.sdk(as)).then(
      (answer) => ({ answer, error: null }),
      (e: unknown) => ({ answer: null, error: errorOf(e) }),
    );
    const blocked = await someoneBlocked(svc.graph);
    await other.commit();
    return { blocked, ...(await writing) };
  }
  const raiseLinks = (type: string) => `MATCH (:Person {id: $p})-[r:${type}]->() SET r.handling = 'H3', r.ukHandling = 'C', r.since = date('2001-01-01')`;
  const aGroup = async (name: string) => (await (await svc.sdk(high)).UpsertGroup({ input: { name, threatLevel: 'MODERATE', provenance: { reportId: open } } })).upsertOrganisedCrimeGroup.id;
  const member = async (p: string, g: string) => (await svc.sdk(high)).Link({ type: 'MEMBER_OF', from: p, to: g, properties: { role: 'LEADER' }, provenance: { reportId: open } });
  const memberships = (p: string) => rows('MATCH (:Person {id: $p})-[r:MEMBER_OF]->() RETURN r.handling AS handling, toString(r.since) AS since ORDER BY handling', { p });

  it('refuses to update a record raised above the writer’s clearance while it waited for its lock, and shows nothing of it', async () => {
    const p = await person('per-wv-r1');
    const r = await whileRaised("MATCH (x:Person {id: $p}) SET x.handling = 'H3', x.ukHandling = 'C', x.name = 'Covert While Waiting'", { p }, (sdk) =>
      sdk.UpsertPerson({ input: { id: p, name: 'Renamed r1', roles: ['OFFENDER'], nationalities: ['GB'], provenance: { reportId: open } } }),
    );
    expect(r).toMatchObject({ blocked: true, answer: null, error: { code: 'MSHT_CONFLICT', field: 'input.id' } });
    expect(r.error!.message).not.toMatch(/Covert|H3/);
    expect(await rows('MATCH (x:Person {id: $p}) RETURN x.name AS name, x.handling AS handling', { p })).toEqual([{ name: 'Covert While Waiting', handling: 'H3' }]);
  });

  it('does not write over a record of the same id that another writer is creating, hidden from it', async () => {
    // The write's locked read of the id waits for the other's uncommitted entry in the id
    // constraint's index, then finds the record, hidden: it is refused as taken, not matched and
    // written over.
    const p = 'per-wv-race1';
    const r = await whileRaised(
      "CREATE (x:Person:Entity:Offender {id: $p, name: 'Covert Being Created', handling: 'H3', ukHandling: 'C', reportId: $secret, agency: 'NCA', gradeSource: 2, gradeIntel: 'B', consent: false, recordedAt: datetime()})",
      { p, secret },
      (sdk) => sdk.UpsertPerson({ input: { id: p, name: 'Open Same Id', roles: ['OFFENDER'], provenance: { reportId: open } } }),
    );
    expect(r).toMatchObject({ blocked: true, answer: null, error: { code: 'MSHT_CONFLICT', field: 'input.id', message: 'input.id: this id is already in use' } });
    expect(await rows('MATCH (x:Person {id: $p}) RETURN x.name AS name, x.handling AS handling, x.reportId AS report', { p })).toEqual([{ name: 'Covert Being Created', handling: 'H3', report: secret }]);
  });

  it('refuses to update a report raised while the writer waited for its lock, and shows nothing of it', async () => {
    const high1 = await svc.sdk(high);
    const input = { reference: 'NCA/2024/0960', title: 'Open title', agency: 'NCA', handling: 'H0' as const, ukHandling: 'P' as const, gradeSource: 2, gradeIntel: 'B' as const, reportedOn: '2024-01-06' };
    const rep = (await high1.UpsertReport({ input })).upsertIntelligenceReport.id;
    const r = await whileRaised("MATCH (x:IntelligenceReport {id: $rep}) SET x.handling = 'H3', x.ukHandling = 'C', x.title = 'Covert title'", { rep }, (sdk) =>
      sdk.UpsertReport({ input: { ...input, title: 'Retitled' } }),
    );
    expect(r).toMatchObject({ blocked: true, answer: null, error: { code: 'MSHT_CONFLICT', field: 'input.reference' } });
    expect(r.error!.message).not.toMatch(/Covert|H3/);
    expect(await rows('MATCH (x:IntelligenceReport {id: $rep}) RETURN x.title AS title, x.handling AS handling', { rep })).toEqual([{ title: 'Covert title', handling: 'H3' }]);
  });

  it('adds its own link beside one raised while it waited for its lock, which keeps what the other writer gave it and is not shown', async () => {
    const p = await person('per-wv-r2');
    const g = await aGroup('Wv group r2');
    await member(p, g);
    const r = await whileRaised(raiseLinks('MEMBER_OF'), { p }, (sdk) => sdk.Link({ type: 'MEMBER_OF', from: p, to: g, properties: { role: 'LEADER' }, provenance: { reportId: open } }));
    expect(r).toMatchObject({ blocked: true, error: null });
    expect(JSON.stringify(r.answer)).not.toMatch(/2001-01-01|H3/);
    expect(await memberships(p)).toEqual([
      { handling: 'H0', since: null },
      { handling: 'H3', since: '2001-01-01' },
    ]);
  });

  it('keeps a link of a list it replaces that was raised while it waited (nationalities)', async () => {
    const p = await person('per-wv-r3');
    const r = await whileRaised(raiseLinks('NATIONAL_OF'), { p }, (sdk) =>
      sdk.UpsertPerson({ input: { id: p, name: `Person ${p}`, roles: ['OFFENDER'], nationalities: ['RO'], provenance: { reportId: open } } }),
    );
    expect(r).toMatchObject({ blocked: true, error: null });
    expect(await rows('MATCH (:Person {id: $p})-[r:NATIONAL_OF]->(c) RETURN c.code AS code, r.handling AS handling ORDER BY code', { p })).toEqual([
      { code: 'GB', handling: 'H3' },
      { code: 'RO', handling: 'H0' },
    ]);
  });

  it('removes nothing of a link raised while it waited to remove it', async () => {
    const p = await person('per-wv-r4');
    const g = await aGroup('Wv group r4');
    await member(p, g);
    const r = await whileRaised(raiseLinks('MEMBER_OF'), { p }, (sdk) => sdk.Unlink({ type: 'MEMBER_OF', from: p, to: g, properties: { role: 'LEADER' } }));
    expect(r).toMatchObject({ blocked: true, error: null, answer: { unlink: 0 } });
    expect(await memberships(p)).toEqual([{ handling: 'H3', since: '2001-01-01' }]);
  });

  it('refuses to delete a record one of whose links was raised while it waited, and deletes nothing', async () => {
    const p = await person('per-wv-r5');
    const r = await whileRaised(raiseLinks('NATIONAL_OF'), { p }, (sdk) => sdk.DeleteEntity({ id: p }));
    expect(r).toMatchObject({ blocked: true, answer: null, error: { code: 'FORBIDDEN' } });
    expect(await rows('MATCH (x:Person {id: $p})-[r:NATIONAL_OF]->(c) RETURN c.code AS code, r.handling AS handling', { p })).toEqual([{ code: 'GB', handling: 'H3' }]);
  });

  it('refuses a merge when a link of the merged record was raised while it waited, and moves nothing', async () => {
    const keep = await person('per-wv-m1');
    const merge = await person('per-wv-m2');
    const r = await whileRaised(raiseLinks('NATIONAL_OF'), { p: merge }, (sdk) => sdk.MergeEntities({ keepId: keep, mergeId: merge }), lowSupervisor);
    expect(r).toMatchObject({ blocked: true, answer: null, error: { code: 'FORBIDDEN' } });
    expect(await rows('MATCH (x:Person {id: $merge})-[r:NATIONAL_OF]->(c) RETURN c.code AS code, r.handling AS handling', { merge })).toEqual([{ code: 'GB', handling: 'H3' }]);
    expect(await rows('MATCH (:Person {id: $keep})-[r:NATIONAL_OF]->(c) RETURN c.code AS code, r.handling AS handling', { keep })).toEqual([{ code: 'GB', handling: 'H0' }]);
  });

  it('does not link a list target raised while it waited, and refuses the write as naming a record that does not exist (nationalities)', async () => {
    const p = await person('per-wv-r6');
    const restore = () => svc.graph.write({ cypher: "MATCH (x:Country {code: 'MD'}) SET x.handling = 'H0', x.ukHandling = 'P'", params: {} });
    try {
      const r = await whileRaised("MATCH (x:Country {code: 'MD'}) SET x.handling = 'H3', x.ukHandling = 'C'", {}, (sdk) =>
        sdk.UpsertPerson({ input: { id: p, name: 'Renamed r6', roles: ['OFFENDER'], nationalities: ['MD'], provenance: { reportId: open } } }),
      );
      expect(r).toMatchObject({ blocked: true, answer: null, error: { code: 'BAD_USER_INPUT', field: 'input.nationalities' } });
      expect(await rows('MATCH (x:Person {id: $p})-[:NATIONAL_OF]->(c) RETURN x.name AS name, collect(c.code) AS codes', { p })).toEqual([{ name: `Person ${p}`, codes: ['GB'] }]);
    } finally {
      await restore();
    }
  });
});
