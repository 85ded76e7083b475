import { ClientError } from 'graphql-request';

import { INGEST_ALL as ingest, startTwoGroupsService, type TwoGroups } from '../../fixtures/two-groups';
import type { GroupFilter, PersonFilter } from '../../../src/sdk/generated';
import type { TestService } from '../../support/test-service';

const analyst = { roles: ['ANALYST' as const], clearance: 'H1' as const };

function refusal(e: unknown): { code?: string; field?: string } {
  expect(e).toBeInstanceOf(ClientError);
  const ext = (e as ClientError).response.errors?.[0]?.extensions as { code?: string; field?: string };
  return { code: ext.code, field: ext.field };
}

describe('the domain model through the API', () => {
  let svc: TestService;
  let w: TwoGroups;

  beforeAll(async () => {
    ({ svc, w } = await startTwoGroupsService());
  });
  afterAll(() => svc.close());

  async function counts() {
    const [row] = await svc.graph.read({ cypher: 'MATCH (n:Entity) WITH count(n) AS nodes OPTIONAL MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS rels', params: {} });
    return row;
  }

  it('reads a group with its members by role, each membership with its own provenance', async () => {
    const sdk = await svc.sdk(analyst);
    const { organisedCrimeGroup: g } = await sdk.GroupWithMembers({ id: w.dragon });
    expect(g!.members.totalCount).toBe(3);
    expect(g!.members.edges.map((e) => [e.node.id, e.role]).sort()).toEqual(
      [
        [w.nguyen, 'LEADER'],
        [w.tran, 'CONTROLLER'],
        [w.le, 'RECRUITER'],
      ].sort(),
    );
    expect(g!.members.edges[0]!.provenance).toMatchObject({ reportId: w.reports.nca, grading: '2BP', handling: 'H1' });
    const leaders = await sdk.GroupWithMembers({ id: w.dragon, roles: ['LEADER'] });
    expect(leaders.organisedCrimeGroup!.members.edges.map((e) => e.node.id)).toEqual([w.nguyen]);
    expect(g!.businesses.nodes.map((b) => b.id)).toEqual([w.nails]);
    expect(g!.routes.nodes.map((r) => r.id)).toEqual([w.route]);
  });

  it('reads a person with groups, identifiers and nationalities in both directions', async () => {
    const sdk = await svc.sdk(analyst);
    const { person } = await sdk.PersonProfile({ id: w.tran });
    expect(person!.groups.edges.map((e) => [e.node.id, e.role, e.since])).toEqual([[w.dragon, 'CONTROLLER', '2021-01-01']]);
    expect(person!.identifiers.edges.map((e) => e.node)).toEqual([{ id: w.phoneShared, kind: 'Phone', value: '+447700900001', redacted: false }]);
    expect(person!.nationalities.map((c) => c.code)).toEqual(['VN']);
  });

  it('keeps a route’s stops in travel order with a mode per leg', async () => {
    const sdk = await svc.sdk(analyst);
    const { route } = await sdk.RouteById({ id: w.route });
    expect(route!.stops.map((s) => [s.order, s.place.id, s.mode])).toEqual([
      [0, 'country-VN', null],
      [1, 'country-CN', 'FLIGHT'],
      [2, 'country-RU', 'TRAIN'],
      [3, 'country-PL', 'LORRY'],
      [4, 'country-FR', 'LORRY'],
      [5, 'country-GB', 'SMALL_BOAT'],
    ]);
    expect(route!.origin!.displayName).toBe('Vietnam');
    expect(route!.destination!.displayName).toBe('United Kingdom');
    expect(route!.travellers.edges[0]).toMatchObject({ date: '2022-09-01', debt: 28000, node: { id: w.hoa } });
    expect(route!.operators.nodes.map((o) => o.id)).toEqual([w.dragon]);
  });

  it('reads operations, exploitation events and the location hierarchy', async () => {
    const sdk = await svc.sdk(analyst);
    const { operation } = await sdk.OperationById({ id: w.operation });
    expect(operation).toMatchObject({ status: 'LIVE', crimeTypes: ['SEXUAL'], leadAgency: { code: 'WMP' } });
    expect(operation!.targets.nodes.map((t) => t.id).sort()).toEqual([w.lupu, w.marian].sort());
    const { exploitation } = await sdk.ExploitationById({ id: w.exploitVn });
    expect(exploitation!.types.map((t) => t.code).sort()).toEqual(['LABOUR', 'LABOUR_FOR_OFFENDERS']);
    expect(exploitation!.controlMethods.map((t) => t.code).sort()).toEqual(['DEBT_BONDAGE', 'DOCUMENT_REMOVAL']);
    expect(exploitation!.victims.nodes[0]).toMatchObject({ id: w.hoa, redacted: true });
    expect(exploitation!.forceAreas.map((f) => f.code)).toEqual(['WMP']);
    const { node } = await sdk.PlaceHierarchy({ id: w.addrShared });
    expect(node).toMatchObject({ displayName: '1 Station Road, B1 1AA', parent: { displayName: 'Birmingham', parent: { id: 'force-WMP', parent: { parent: { id: 'country-GB' } } } } });
  });

  it('filters lists the way analysts ask', async () => {
    const sdk = await svc.sdk(analyst);
    const romanianOffenders = await sdk.PersonList({ filter: { roles: ['OFFENDER'], nationalities: ['ro'] } });
    expect(romanianOffenders.persons.nodes.map((p) => p.id).sort()).toEqual([w.marian, w.andrei, w.ion].sort());
    const controllers = await sdk.PersonList({ filter: { groupRoles: ['CONTROLLER', 'RECRUITER'] } });
    expect(controllers.persons.nodes.map((p) => p.id).sort()).toEqual([w.tran, w.le].sort());
    const sexual = await sdk.PersonList({ filter: { exploitationTypes: ['SEXUAL'] } });
    expect(sexual.persons.nodes.map((p) => p.id).sort()).toEqual([w.marian, w.elena].sort());
    const inWmp = await sdk.PersonList({ filter: { forceAreas: ['WMP'], roles: ['OFFENDER'] } });
    expect(inWmp.persons.nodes.map((p) => p.id).sort()).toEqual([w.andrei, w.marian, w.le].sort());
    // A force area or a type is where the list starts when nothing is joined; the others still test.
    const people = async (filter: PersonFilter) => {
      const { persons } = await sdk.PersonList({ filter });
      return { ids: persons.nodes.map((p) => p.id).sort(), total: persons.totalCount };
    };
    expect(await people({ forceAreas: ['WMP'], exploitationTypes: ['SEXUAL'] })).toEqual({ ids: [w.marian, w.elena].sort(), total: 2 });
    expect(await people({ exploitationTypes: ['SEXUAL'], roles: ['VICTIM'] })).toEqual({ ids: [w.elena], total: 1 });
    expect(await people({ forceAreas: ['WMP'], nationalities: ['RO'], roles: ['OFFENDER'] })).toEqual({ ids: [w.andrei, w.marian].sort(), total: 2 });
    expect(await people({ forceAreas: ['MPS'] })).toEqual({ ids: [], total: 0 });
    // Group roles alone start from the memberships in those roles; beside a type or a nationality they test.
    expect(await people({ groupRoles: ['LEADER'] })).toEqual({ ids: [w.nguyen, w.marian].sort(), total: 2 });
    expect(await people({ groupRoles: ['LEADER', 'TRANSPORTER'], roles: ['OFFENDER'] })).toEqual({ ids: [w.nguyen, w.marian, w.andrei].sort(), total: 3 });
    expect(await people({ groupRoles: ['LEADER', 'TRANSPORTER'], exploitationTypes: ['SEXUAL'] })).toEqual({ ids: [w.marian], total: 1 });
    expect(await people({ groupRoles: ['LEADER'], nationalities: ['RO'] })).toEqual({ ids: [w.marian], total: 1 });
    expect(await people({ groupRoles: ['LEADER'], roles: ['VICTIM'] })).toEqual({ ids: [], total: 0 });
    const untargeted = await sdk.GroupList({ filter: { targetedByOperation: false } });
    expect(untargeted.organisedCrimeGroups.nodes.map((g) => g.id)).toEqual([w.dragon]);
    const vn = await sdk.GroupList({ filter: { memberNationalities: ['VN'] } });
    expect(vn.organisedCrimeGroups.nodes.map((g) => g.id)).toEqual([w.dragon]);
  });

  it('filters groups by member nationality and force area from those nodes, each group once, with the other filters', async () => {
    const sdk = await svc.sdk(analyst);
    const ids = async (filter: GroupFilter, first?: number, after?: string) => {
      const { organisedCrimeGroups: c } = await sdk.GroupList({ filter, first, after });
      return { ids: c.nodes.map((g) => g.id), total: c.totalCount, next: c.pageInfo.hasNextPage, cursor: c.pageInfo.endCursor };
    };
    const both = [w.dragon, w.lupu].sort();
    // Each group has several members of the nationality and is listed once.
    expect(await ids({ memberNationalities: ['RO', 'VN'] })).toMatchObject({ ids: both, total: 2, next: false });
    expect(await ids({ forceAreas: ['WMP'] })).toMatchObject({ ids: both, total: 2 });
    expect(await ids({ forceAreas: ['MPS'] })).toMatchObject({ ids: [], total: 0 });
    // The second of them, and the other filters, still apply.
    expect(await ids({ memberNationalities: ['VN'], forceAreas: ['WMP'], exploitationTypes: ['LABOUR'] })).toMatchObject({ ids: [w.dragon], total: 1 });
    expect(await ids({ memberNationalities: ['RO'], exploitationTypes: ['LABOUR'] })).toMatchObject({ ids: [], total: 0 });
    expect(await ids({ forceAreas: ['WMP'], memberNationalities: ['GB'] })).toMatchObject({ ids: [], total: 0 });
    expect(await ids({ memberNationalities: ['RO', 'VN'], targetedByOperation: false })).toMatchObject({ ids: [w.dragon], total: 1 });
    // Pages through the seeded list with the cursor, the total on each page.
    const page1 = await ids({ memberNationalities: ['RO', 'VN'] }, 1);
    expect(page1).toMatchObject({ ids: [both[0]], total: 2, next: true });
    expect(await ids({ memberNationalities: ['RO', 'VN'] }, 1, page1.cursor!)).toMatchObject({ ids: [both[1]], total: 2, next: false });
  });

  it('writes provenance on every node and relationship', async () => {
    const [row] = await svc.graph.read({
      cypher: `MATCH (n:Entity) WHERE NOT n:Reference AND (n.reportId IS NULL OR n.handling IS NULL OR n.gradeSource IS NULL OR n.recordedAt IS NULL)
WITH count(n) AS bareNodes
OPTIONAL MATCH ()-[r]->() WHERE r.reportId IS NULL OR r.handling IS NULL OR r.gradeIntel IS NULL OR r.recordedAt IS NULL
RETURN bareNodes, count(r) AS bareRels`,
      params: {},
    });
    expect(row).toEqual({ bareNodes: 0, bareRels: 0 });
  });

  it('refuses invalid writes naming the field, and leaves the graph unchanged', async () => {
    const sdk = await svc.sdk(ingest);
    const prov = { reportId: w.reports.nca };
    const before = await counts();
    const attempts: [() => Promise<unknown>, string][] = [
      [() => sdk.UpsertOperation({ input: { name: 'Op X', status: 'LIVE', startDate: '2024-05-01', endDate: '2024-04-01', provenance: prov } }), 'input.endDate'],
      [() => sdk.UpsertRoute({ input: { stops: [{ country: 'VN' }, { country: 'ZZ' }], provenance: prov } }), 'input.stops'],
      [() => sdk.UpsertRoute({ input: { stops: [{ country: 'VN' }], provenance: prov } }), 'input.stops'],
      [() => sdk.UpsertIdentifier({ input: { kind: 'Phone', value: 'call me maybe', provenance: prov } }), 'input.value'],
      [() => sdk.UpsertIdentifier({ input: { kind: 'BankAccount', value: 'GB00BARC20000012345678', provenance: prov } }), 'input.value'],
      [() => sdk.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 900009', make: 'Ford', provenance: prov } }), 'input.make'],
      [() => sdk.UpsertBusiness({ input: { name: 'No type', provenance: prov } }), 'input.type'],
      [() => sdk.UpsertExploitation({ input: { victimIds: [w.hoa, 'per-nobody'], provenance: prov } }), 'input.victimIds'],
      [() => sdk.UpsertPerson({ input: { id: w.dragon, name: 'Not a person', provenance: prov } }), 'input.id'],
      [() => sdk.UpsertPerson({ input: { id: 'country-GB', name: 'Britannia', provenance: prov } }), 'input.id'],
      // A new record's id takes its kind's prefix, as in a CSV import: a Person is never `country-…`.
      [() => sdk.UpsertPerson({ input: { id: 'country-ZZ', name: 'Not a country', provenance: prov } }), 'input.id'],
      [() => sdk.UpsertNrmReferral({ input: { referredOn: '2024-03-01', rgDate: '2024-02-01', provenance: prov } }), 'input.rgDate'],
      [() => sdk.Link({ type: 'MEMBER_OF', from: w.dragon, to: w.tran, provenance: prov }), 'input.from'],
      [() => sdk.Link({ type: 'MEMBER_OF', from: w.tran, to: w.lupu, properties: { role: 'BOSS' }, provenance: prov }), 'input.properties.role'],
      [() => sdk.Link({ type: 'MEMBER_OF', from: w.tran, to: w.lupu, properties: { amount: 5 }, provenance: prov }), 'input.properties.amount'],
      [() => sdk.Link({ type: 'RESIDES_AT', from: w.tran, to: w.addrShared, properties: { since: '2024-01-01', until: '2023-01-01' }, provenance: prov }), 'input.properties.until'],
      [() => sdk.UpsertReport({ input: { reference: 'X/1', agency: 'NOPE', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H0' } }), 'input.agency'],
      [() => sdk.UpsertReport({ input: { reference: 'X/2', agency: 'NCA', gradeSource: 7, gradeIntel: 'B', ukHandling: 'P', handling: 'H0' } }), 'input.gradeSource'],
    ];
    for (const [attempt, field] of attempts) {
      const err = await attempt().then(
        () => new Error(`accepted, expected a refusal of ${field}`),
        (e: unknown) => e,
      );
      expect({ field, ...refusal(err) }).toEqual({ field, code: 'BAD_USER_INPUT' });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a link update giving one date that the other, as the link holds it, puts out of order', async () => {
    const sdk = await svc.sdk(ingest);
    const prov = { reportId: w.reports.nca };
    await sdk.Link({ type: 'RESIDES_AT', from: w.le, to: w.addrShared, properties: { since: '2024-01-01' }, provenance: prov });
    const stored = () => svc.graph.read({ cypher: 'MATCH (:Person {id: $p})-[r:RESIDES_AT]->(:Address {id: $a}) RETURN toString(r.since) AS since, toString(r.until) AS until', params: { p: w.le, a: w.addrShared } });
    const before = await stored();
    expect(before).toEqual([{ since: '2024-01-01', until: null }]);
    const err = await sdk.Link({ type: 'RESIDES_AT', from: w.le, to: w.addrShared, properties: { until: '2023-01-01' }, provenance: prov }).then(
      () => new Error('accepted'),
      (e: unknown) => e,
    );
    expect(refusal(err)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.properties.until' });
    expect(await stored()).toEqual(before);
    // A later end is fine.
    await sdk.Link({ type: 'RESIDES_AT', from: w.le, to: w.addrShared, properties: { until: '2024-06-01' }, provenance: prov });
    expect(await stored()).toEqual([{ since: '2024-01-01', until: '2024-06-01' }]);
    // A link already out of order (written before this check) may still be updated without dates.
    await svc.graph.write({ cypher: 'MATCH (:Person {id: $p})-[r:RESIDES_AT]->(:Address {id: $a}) SET r.until = date(\'2023-01-01\')', params: { p: w.le, a: w.addrShared } });
    await sdk.Link({ type: 'RESIDES_AT', from: w.le, to: w.addrShared, properties: {}, provenance: { reportId: w.reports.glaa } });
    expect(await stored()).toEqual([{ since: '2024-01-01', until: '2023-01-01' }]);
  });

  it('upserts by id and by natural key: an update keeps the id and tightens, never loosens, handling', async () => {
    const sdk = await svc.sdk(ingest);
    const again = await sdk.UpsertIdentifier({ input: { kind: 'Phone', value: '+44 (0)7700 900001', provenance: { reportId: w.reports.glaa } } });
    expect(again.upsertIdentifier.id).toBe(w.phoneShared);
    const updated = await sdk.UpsertPerson({ input: { id: w.tran, aliases: ['Bee'], provenance: { reportId: w.reports.glaa } } });
    expect(updated.upsertPerson).toMatchObject({ id: w.tran, name: 'Tran Thi B', aliases: ['Bee'] });
    expect(updated.upsertPerson.provenance).toMatchObject({ reportId: w.reports.glaa, handling: 'H1' });
  });

  it('links, unlinks and deletes with their relationships', async () => {
    const sdk = await svc.sdk(ingest);
    const prov = { reportId: w.reports.nca };
    const { link } = await sdk.Link({ type: 'ASSOCIATE_OF', from: w.tran, to: w.le, properties: { kind: 'FAMILY' }, provenance: prov });
    expect(link).toMatchObject({ type: 'ASSOCIATE_OF', node: { id: w.le }, provenance: { grading: '2BP' } });
    expect((await sdk.Unlink({ type: 'ASSOCIATE_OF', from: w.tran, to: w.le })).unlink).toBe(1);
    const temp = (await sdk.UpsertPerson({ input: { name: 'Temporary', nationalities: ['GB', 'IE'], provenance: prov } })).upsertPerson.id;
    expect((await sdk.DeleteEntity({ id: temp })).deleteEntity).toEqual({ id: temp, relationshipsRemoved: 2 });
    expect((await sdk.PersonById({ id: temp })).person).toBeNull();
    const err = await sdk.DeleteEntity({ id: 'country-GB' }).catch((e: unknown) => e);
    expect(refusal(err).code).toBe('BAD_USER_INPUT');
  });

  it('looks up any entity by id, with provenance, null where not visible', async () => {
    const sdk = await svc.sdk(analyst);
    const { nodes } = await sdk.NodesById({ ids: [w.dragon, 'per-nope', w.route] });
    expect(nodes.map((n) => n && [n.__typename, n.id])).toEqual([['OrganisedCrimeGroup', w.dragon], null, ['Route', w.route]]);
  });
});
