import type { getSdk } from '../../../src/sdk/generated';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

type Sdk = ReturnType<typeof getSdk>;

const ingest = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true };
/** Cleared for H0 and UK handling P only: sees nothing the hidden (H3/C) report stands behind. */
const low = { roles: ['ANALYST' as const], clearance: 'H0' as const };
/** Cleared for everything: proves the hidden data is there. */
const high = { roles: ['ANALYST' as const], clearance: 'H3' as const, ukConditional: true };

/** Reference links this file adds; reset-graph keeps reference nodes and so their links. */
const CUMB_TO_LONDON = `MATCH (:PoliceForce {id: 'force-CUMB'})-[r:PART_OF]->(:Region {id: 'region-LONDON'}) DELETE r`;

/**
 * A world where open (H0/P) records reach, count or group through hidden (H3/C) ones: a hidden
 * town and a town whose only PART_OF is hidden on routes, a hidden route, hidden members, a hidden
 * group, and a hidden PART_OF from force CUMB to region LONDON. Links get the handling of the
 * report they cite. Built through the API by an H3/C writer.
 */
async function buildWorld(sdk: Sdk) {
  const report = async (reference: string, handling: 'H0' | 'H3', ukHandling: 'P' | 'C') =>
    (await sdk.UpsertReport({ input: { reference, agency: 'NCA', handling, gradeSource: 2, gradeIntel: 'B', ukHandling, reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
  const open = await report('NCA/2024/0700', 'H0', 'P');
  const hidden = await report('NCA/2024/0701', 'H3', 'C');
  const prov = (reportId: string) => ({ reportId });
  const person = async (name: string, nationalities: string[], reportId = open, extra: object = {}) =>
    (await sdk.UpsertPerson({ input: { name, roles: ['OFFENDER'], nationalities, provenance: prov(reportId), ...extra } })).upsertPerson.id;
  const link = async (type: string, from: string, to: string, properties: object = {}, reportId = open) =>
    (await sdk.Link({ type: type as never, from, to, properties, provenance: prov(reportId) })).link;
  const route = async (name: string, stops: { country?: string; townId?: string; mode?: string }[] | null, operatorIds: string[], reportId = open) =>
    (await sdk.UpsertRoute({ input: { name, stops: stops as never, operatorIds, provenance: prov(reportId) } })).upsertRoute.id;
  const exploitation = async (startDate: string, perpetratorIds: string[], extra: object = {}) =>
    (await sdk.UpsertExploitation({ input: { startDate, types: ['LABOUR'], perpetratorIds, provenance: prov(open), ...extra } })).upsertExploitation.id;
  // A group has a business model once it has an exploitation event: each gets an open one (no area).
  const group = async (name: string, reportId = open, id?: string) => {
    const g = (await sdk.UpsertGroup({ input: { id, name, threatLevel: 'MODERATE', provenance: prov(reportId) } })).upsertOrganisedCrimeGroup.id;
    await exploitation('2021-01-01', [g]);
    return g;
  };

  // A hidden town (its PART_OF to KENT hidden with it), and an open town whose only PART_OF is hidden.
  const hiddenTown = (await sdk.UpsertTown({ input: { name: 'Hidden Town', forceCode: 'KENT', provenance: prov(hidden) } })).upsertTown.id;
  const openTown = (await sdk.UpsertTown({ input: { name: 'Open Town', provenance: prov(open) } })).upsertTown.id;
  await link('PART_OF', openTown, 'force-DCP', {}, hidden);

  // 1, 2, 3: a group's open routes through those towns, and a hidden route its travellers took.
  const g1 = await group('Route Group');
  const r1 = await route('Romania via a hidden town', [{ country: 'RO' }, { townId: hiddenTown, mode: 'LORRY' }, { country: 'FR', mode: 'FERRY' }], [g1]);
  const r2 = await route('Moldova via an open town', [{ country: 'MD' }, { townId: openTown, mode: 'SMALL_BOAT' }, { country: 'IT', mode: 'TRAIN' }], [g1]);
  const r3 = await route('Hidden route', null, [], hidden);
  await link('OPERATES_ROUTE', g1, r3);
  const traveller = await person('Open Traveller', ['RO']);
  await link('TRAVELLED', traveller, r3, { date: '2022-03-01' });
  const passport = (await sdk.UpsertIdentifier({ input: { kind: 'TravelDocument', value: 'AVIS00001', provenance: prov(open) } })).upsertIdentifier.id;
  await link('HAS_IDENTIFIER', traveller, passport);

  // 4: a group in force area NYP only through a hidden member's exploitation.
  const g4 = await group('Force Area Group');
  const hiddenMember4 = await person('Hidden Member Four', ['RO'], hidden);
  await link('MEMBER_OF', hiddenMember4, g4);
  await exploitation('2022-02-01', [hiddenMember4], { forceAreas: ['NYP'] });

  // 5: origin AL only through a hidden route (its stop links open), GB only through a hidden
  // stop or a hidden PART_OF.
  const g5a = await group('Hidden Route Group');
  const r5a = await route('Albania hidden', null, [], hidden);
  await link('OPERATES_ROUTE', g5a, r5a);
  await link('HAS_STOP', r5a, 'country-AL', { order: 0 });
  await link('HAS_STOP', r5a, 'country-GB', { order: 1, mode: 'LORRY' });
  const g5b = await group('Hidden Stop Group');
  await route('From the hidden town', [{ townId: hiddenTown }, { country: 'FR', mode: 'FERRY' }], [g5b]);
  const g5c = await group('Hidden Part Of Group');
  await route('From the open town', [{ townId: openTown }, { country: 'FR', mode: 'FERRY' }], [g5c]);

  // 6: two Ukrainian groups with one visible member each; 6b has hidden members and a hidden membership.
  const g6a = await group('Members A', open, 'ocg-avis6a');
  const g6b = await group('Members B', open, 'ocg-avis6b');
  await link('MEMBER_OF', await person('Member Six A', ['UA']), g6a);
  await link('MEMBER_OF', await person('Member Six B', ['UA']), g6b);
  await link('MEMBER_OF', await person('Hidden Six One', ['UA'], hidden), g6b);
  await link('MEMBER_OF', await person('Hidden Six Two', ['UA'], hidden), g6b);
  await link('MEMBER_OF', await person('Member Six C', ['UA']), g6b, {}, hidden);

  // 7: two brokers, each between two people; each offended only at a place in GB through a hidden item.
  const chain = async (n: string, where: object) => {
    const [a, b, c] = [await person(`Broker ${n} Left`, ['SK']), await person(`Broker ${n}`, ['SK']), await person(`Broker ${n} Right`, ['SK'])];
    await link('ASSOCIATE_OF', a, b, { kind: 'ASSOCIATE' });
    await link('ASSOCIATE_OF', b, c, { kind: 'ASSOCIATE' });
    await exploitation('2022-04-01', [b], where);
    return { a, b, c };
  };
  const viaHiddenTown = await chain('One', { locationIds: [hiddenTown] });
  const viaHiddenPartOf = await chain('Two', { locationIds: [openTown] });
  // Not hidden: an event in a force area (a force, not a country, with a code of its own).
  const viaForceArea = await chain('Three', { forceAreas: ['WMP'] });
  // Not hidden: an event at a business, whose premises are in a town in WMP.
  const wmpTown = (await sdk.UpsertTown({ input: { name: 'Business Town', forceCode: 'WMP', provenance: prov(open) } })).upsertTown.id;
  const premises = (await sdk.UpsertAddress({ input: { line1: '1 Car Wash Lane', postcode: 'B1 1AA', townId: wmpTown, provenance: prov(open) } })).upsertAddress.id;
  const carWash = (await sdk.UpsertBusiness({ input: { name: 'Open Car Wash', type: 'CAR_WASH', addressId: premises, provenance: prov(open) } })).upsertBusiness.id;
  const viaBusiness = await chain('Four', { locationIds: [carWash] });

  // 8: a hidden group whose open members look like duplicates.
  const g8 = await group('Hidden Group', hidden);
  const phone = (await sdk.UpsertIdentifier({ input: { kind: 'Phone', value: '07700 917001', provenance: prov(open) } })).upsertIdentifier.id;
  const dupA = await person('Costel Barbu', ['RO'], open, { birthYear: 1981 });
  const dupB = await person('Costel Barbu', ['RO'], open, { birthYear: 1981 });
  for (const d of [dupA, dupB]) {
    await link('MEMBER_OF', d, g8);
    await link('HAS_IDENTIFIER', d, phone);
  }

  // 9: a victim in CUMB (region NORTH_WEST), and a hidden PART_OF from CUMB to LONDON.
  const victim = (await sdk.UpsertPerson({ input: { name: 'Cumbria Victim', roles: ['VICTIM'], nationalities: ['RO'], provenance: prov(open) } })).upsertPerson.id;
  await sdk.UpsertExploitation({ input: { startDate: '2023-05-01', types: ['LABOUR'], victimIds: [victim], forceAreas: ['CUMB'], provenance: prov(open) } });
  const cumbLondon = await link('PART_OF', 'force-CUMB', 'region-LONDON', {}, hidden);

  return { g1, r1, r2, r3, passport, g4, g5a, g5b, g5c, g6a, g6b, viaHiddenTown, viaHiddenPartOf, viaForceArea, viaBusiness, g8, dupA, dupB, cumbLondon };
}

describe('analytics never reach, count, group, order or match through an item the caller may not see', () => {
  let svc: TestService;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let lo: Sdk;
  let hi: Sdk;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    await svc.graph.write({ cypher: CUMB_TO_LONDON, params: {} });
    w = await buildWorld(await svc.sdk(ingest));
    lo = await svc.sdk(low);
    hi = await svc.sdk(high);
  });
  afterAll(async () => {
    await svc.graph.write({ cypher: CUMB_TO_LONDON, params: {} });
    await svc.close();
  });

  it('builds the hidden links with the hidden report’s handling', () => {
    expect(w.cumbLondon.provenance.handling).toBe('H3');
  });

  it('routes: no country or mode through a hidden stop or a hidden PART_OF (1)', async () => {
    const patterns = async (sdk: Sdk, origin: string) =>
      (await sdk.RoutesToUk({ origin, destination: null })).routes.map((r) => ({ countries: r.countries, modesPerLeg: r.modesPerLeg, routeIds: r.routeIds }));
    expect(await patterns(lo, 'RO')).toEqual([{ countries: ['RO', 'FR'], modesPerLeg: [['FERRY']], routeIds: [w.r1] }]);
    expect(await patterns(hi, 'RO')).toEqual([{ countries: ['RO', 'GB', 'FR'], modesPerLeg: [['LORRY'], ['FERRY']], routeIds: [w.r1] }]);
    expect(await patterns(lo, 'MD')).toEqual([{ countries: ['MD', 'IT'], modesPerLeg: [['TRAIN']], routeIds: [w.r2] }]);
    expect(await patterns(hi, 'MD')).toEqual([{ countries: ['MD', 'GB', 'IT'], modesPerLeg: [['SMALL_BOAT'], ['TRAIN']], routeIds: [w.r2] }]);
    // Nothing reaches GB for the low analyst, whatever the origin.
    expect((await lo.RoutesToUk({ origin: null, destination: null })).routes.some((r) => r.countries.includes('GB'))).toBe(false);
    expect((await hi.RoutesToUk({ origin: null, destination: null })).routes.some((r) => r.countries.includes('GB'))).toBe(true);
  });

  it('business model: the group’s routes show no country or mode through a hidden item (2)', async () => {
    const routes = async (sdk: Sdk) =>
      Object.fromEntries((await sdk.BusinessModel({ groupId: w.g1 })).businessModel!.transport.routes.map((r) => [r.routeId, { countries: r.countries, modes: r.modes }]));
    expect(await routes(lo)).toEqual({ [w.r1]: { countries: ['RO', 'FR'], modes: ['FERRY'] }, [w.r2]: { countries: ['MD', 'IT'], modes: ['TRAIN'] } });
    expect(await routes(hi)).toEqual({
      [w.r1]: { countries: ['RO', 'GB', 'FR'], modes: ['LORRY', 'FERRY'] },
      [w.r2]: { countries: ['MD', 'GB', 'IT'], modes: ['SMALL_BOAT', 'TRAIN'] },
      [w.r3]: { countries: [], modes: [] },
    });
  });

  it('business model: no travel documents of people on a hidden route (3)', async () => {
    const documents = async (sdk: Sdk) => (await sdk.BusinessModel({ groupId: w.g1 })).businessModel!.transport.documents.flatMap((d) => d.recordIds);
    expect(await documents(lo)).toEqual([]);
    expect(await documents(hi)).toEqual([w.passport]);
  });

  it('business models: a force area never matches through a hidden member (4)', async () => {
    const groups = async (sdk: Sdk) => (await sdk.BusinessModels({ forceArea: 'NYP' })).businessModels.map((m) => m.groupId);
    expect(await groups(lo)).toEqual([]);
    expect(await groups(hi)).toEqual([w.g4]);
  });

  it('business models: an origin country never matches through a hidden route, stop or PART_OF (5)', async () => {
    const groups = async (sdk: Sdk, originCountry: string) => (await sdk.BusinessModels({ originCountry })).businessModels.map((m) => m.groupId).sort();
    expect(await groups(lo, 'AL')).toEqual([]);
    expect(await groups(hi, 'AL')).toEqual([w.g5a]);
    expect(await groups(lo, 'GB')).toEqual([]);
    expect(await groups(hi, 'GB')).toEqual([w.g5b, w.g5c].sort());
    // The origin is the first stop the caller sees: the hidden one is absent, not in the way.
    expect(await groups(lo, 'FR')).toEqual([w.g5b]);
    expect(await groups(hi, 'FR')).toEqual([]);
  });

  it('business models: hidden members and memberships neither order nor limit the groups (6)', async () => {
    const groups = async (sdk: Sdk, limit: number) => (await sdk.BusinessModels({ originCountry: 'UA', limit })).businessModels.map((m) => m.groupId);
    expect(await groups(lo, 1)).toEqual([w.g6a]);
    expect(await groups(lo, 2)).toEqual([w.g6a, w.g6b]);
    expect(await groups(hi, 1)).toEqual([w.g6b]);
    expect(await groups(hi, 2)).toEqual([w.g6b, w.g6a]);
  });

  it('network measures: no country of operation through a hidden place or PART_OF (7)', async () => {
    const chains = [w.viaHiddenTown, w.viaHiddenPartOf];
    const brokers = async (sdk: Sdk) => {
      const { networkMeasures: m } = await sdk.KeyPlayersAndClusters({ ids: chains.flatMap((c) => [c.a, c.b, c.c]), brokerageBy: 'COUNTRY_OF_OPERATION', top: 100 });
      return Object.fromEntries(m.brokers.map((b) => [b.id, b.group]));
    };
    expect(await brokers(lo)).toEqual({ [w.viaHiddenTown.b]: 'UNKNOWN', [w.viaHiddenPartOf.b]: 'UNKNOWN' });
    expect(await brokers(hi)).toEqual({ [w.viaHiddenTown.b]: 'GB', [w.viaHiddenPartOf.b]: 'GB' });
  });

  it('network measures: a force area is in its country, not a country of its own', async () => {
    for (const sdk of [lo, hi]) {
      const { networkMeasures: m } = await sdk.KeyPlayersAndClusters({ ids: [w.viaForceArea.a, w.viaForceArea.b, w.viaForceArea.c], brokerageBy: 'COUNTRY_OF_OPERATION', top: 100 });
      expect(m.brokers.map((b) => [b.id, b.group])).toEqual([[w.viaForceArea.b, 'GB']]);
    }
  });

  it('network measures: a business operates in the country of its premises', async () => {
    for (const sdk of [lo, hi]) {
      const { networkMeasures: m } = await sdk.KeyPlayersAndClusters({ ids: [w.viaBusiness.a, w.viaBusiness.b, w.viaBusiness.c], brokerageBy: 'COUNTRY_OF_OPERATION', top: 100 });
      expect(m.brokers.map((b) => [b.id, b.group])).toEqual([[w.viaBusiness.b, 'GB']]);
    }
  });

  it('duplicate candidates: a hidden group scopes nothing (8)', async () => {
    const pairs = async (sdk: Sdk) => (await sdk.DuplicateCandidates({ groupId: w.g8, minScore: 0.1 })).duplicateCandidates.map((c) => [c.a!.id, c.b!.id].sort().join(' '));
    expect(await pairs(lo)).toEqual([]);
    expect(await pairs(hi)).toEqual([[w.dupA, w.dupB].sort().join(' ')]);
  });

  it('regional risk and trends: a hidden PART_OF from a force to a region neither lists nor counts (9)', async () => {
    const risk = async (sdk: Sdk) => (await sdk.RegionalRisk({ from: '2023-01-01', to: '2023-12-31' })).regionalRisk;
    const l = await risk(lo);
    expect(l.forces).toHaveLength(46);
    expect(l.forces.filter((f) => f.code === 'CUMB').map((f) => [f.regionCode, f.victims])).toEqual([['NORTH_WEST', 1]]);
    expect(l.regions.find((r) => r.code === 'LONDON')!.victims).toBe(0);
    expect(l.regions.find((r) => r.code === 'NORTH_WEST')!.victims).toBe(1);
    const h = await risk(hi);
    // Cleared for the later (hidden) link, a caller sees CUMB under LONDON only.
    expect(h.regions.find((r) => r.code === 'LONDON')!.victims).toBe(1);
    expect(h.regions.find((r) => r.code === 'NORTH_WEST')!.victims).toBe(0);

    const byRegion = async (sdk: Sdk) =>
      Object.fromEntries((await sdk.Trends({ measure: 'VICTIMS', groupBy: 'REGION', interval: 'YEAR', from: '2023-01-01', to: '2023-12-31' })).trends.map((t) => [t.key, t.total]));
    expect(await byRegion(lo)).toEqual({ NORTH_WEST: 1 });
    expect(await byRegion(hi)).toEqual({ LONDON: 1 }); // one region per force, as in regional risk
  });
});
