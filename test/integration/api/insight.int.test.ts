import { INGEST_ALL, startTwoGroupsService, type TwoGroups } from '../../fixtures/two-groups';
import type { TestService } from '../../support/test-service';

const analyst = { roles: ['ANALYST' as const], clearance: 'H1' as const };

describe('business models, routes, trends and regional risk', () => {
  let svc: TestService;
  let w: TwoGroups;

  beforeAll(async () => {
    ({ svc, w } = await startTwoGroupsService());
  });
  afterAll(() => svc.close());

  const items = (xs: { key: string; count: number; recordIds: string[] }[]) => xs.map((x) => [x.key, x.count, [...x.recordIds].sort()]);

  it('answers question 4: a group’s business model stage by stage, with the records behind each count', async () => {
    const sdk = await svc.sdk(analyst);
    const { businessModel: m } = await sdk.BusinessModel({ groupId: w.dragon });
    expect(m!.exploitationEvents).toBe(1);
    expect(m!.eventIds).toEqual([w.exploitVn]);
    expect(items(m!.recruitment)).toEqual([['DEBT', 1, [w.exploitVn]]]);
    expect(items(m!.control)).toEqual([
      ['DEBT_BONDAGE', 1, [w.exploitVn]],
      ['DOCUMENT_REMOVAL', 1, [w.exploitVn]],
    ]);
    expect(items(m!.exploitation.types)).toEqual([
      ['LABOUR', 1, [w.exploitVn]],
      ['LABOUR_FOR_OFFENDERS', 1, [w.exploitVn]],
    ]);
    expect(items(m!.exploitation.venues)).toEqual([['NAIL_BAR', 1, [w.nails]]]);
    expect(items(m!.exploitation.forceAreas)).toEqual([['WMP', 1, [w.exploitVn]]]);
    expect(m!.transport.routes).toEqual([
      { routeId: w.route, name: 'Vietnam to UK overland', countries: ['VN', 'CN', 'RU', 'PL', 'FR', 'GB'], modes: ['FLIGHT', 'TRAIN', 'LORRY', 'LORRY', 'SMALL_BOAT'], travellers: 1, meanDebt: 28000, currency: 'GBP' },
    ]);
    expect(items(m!.people.victimsByNationality)).toEqual([['VN', 1, [w.hoa]]]);
    expect(items(m!.people.victimsByAgeGroup)).toEqual([['CHILD', 1, [w.hoa]]]);
    expect(items(m!.people.membersByRole)).toEqual([
      ['CONTROLLER', 1, [w.tran]],
      ['LEADER', 1, [w.nguyen]],
      ['RECRUITER', 1, [w.le]],
    ]);
    expect(m!.typology).toEqual({ category: 'LABOUR', offenceTypes: ['LABOUR_FOR_OFFENDERS'], label: 'Labour exploitation: victims work for offenders (nail bar)' });
    expect(m!.unknownStages).toEqual(['FINANCE']);
  });

  it('follows the money from a group’s accounts by destination country and channel', async () => {
    const sdk = await svc.sdk(analyst);
    const { businessModel: m } = await sdk.BusinessModel({ groupId: w.lupu });
    expect(m!.finance.flows.map((f) => [f.country, f.channel, f.currency, f.transfers, f.total])).toEqual([
      ['GB', 'BANK_TRANSFER', 'GBP', 1, 5000],
      ['GB', 'MONEY_SERVICE_BUSINESS', 'GBP', 1, 3000],
    ]);
    expect(m!.finance.totals).toEqual([{ currency: 'GBP', total: 8000, transfers: 2 }]);
    expect(m!.typology.category).toBe('SEXUAL');
    expect(m!.unknownStages).toEqual(['TRANSPORT']);
  });

  it('compares two groups stage by stage', async () => {
    const sdk = await svc.sdk(analyst);
    const { compareBusinessModels: c } = await sdk.CompareBusinessModels({ a: w.dragon, b: w.lupu });
    const stage = (s: string) => c!.stages.find((x) => x.stage === s)!;
    expect(stage('RECRUITMENT')).toMatchObject({ onlyA: ['DEBT'], onlyB: ['ROMANCE'], both: [] });
    expect(stage('FORCE_AREAS')).toMatchObject({ onlyA: [], onlyB: [], both: ['WMP'] });
    const side = await sdk.BusinessModels({ exploitationType: 'SEXUAL' });
    expect(side.businessModels.map((m) => m.groupId)).toEqual([w.lupu]);
  });

  it('answers question 5: route patterns from Vietnam to the UK with transit countries in order', async () => {
    const sdk = await svc.sdk(analyst);
    const { routes } = await sdk.RoutesToUk({});
    expect(routes).toEqual([
      {
        countries: ['VN', 'CN', 'RU', 'PL', 'FR', 'GB'],
        modesPerLeg: [['FLIGHT'], ['TRAIN'], ['LORRY'], ['LORRY'], ['SMALL_BOAT']],
        routes: 1,
        routeIds: [w.route],
        victims: 1,
        typicalDebt: 28000,
        typicalCost: null,
        currency: 'GBP',
        firstTravelled: '2022-09-01',
        lastTravelled: '2022-09-01',
        groupIds: [w.dragon],
      },
    ]);
    expect((await sdk.RoutesToUk({ origin: 'RO' })).routes).toEqual([]);
    expect((await sdk.RoutesToUk({ since: '2023-01-01' })).routes[0]!.victims).toBe(0);
  });

  it('answers question 6: victims by type per quarter, agreeing with a direct count', async () => {
    const sdk = await svc.sdk(analyst);
    const { trends } = await sdk.Trends({ measure: 'VICTIMS', groupBy: 'EXPLOITATION_TYPE', interval: 'QUARTER', from: '2023-01-01', to: '2023-12-31' });
    const table = Object.fromEntries(trends.map((s) => [s.key, s.points.map((p) => p.count)]));
    expect(table).toEqual({ LABOUR: [0, 1, 0, 0], SEXUAL: [1, 0, 0, 0] });
    const direct = await svc.graph.read({
      cypher: `MATCH (e:Exploitation)-[:EXPLOITED]->(p:Person) WHERE e.startDate >= date('2023-01-01') AND e.startDate <= date('2023-12-31')
RETURN toString(e.startDate.year) + '-Q' + toString(e.startDate.quarter) AS q, count(DISTINCT p) AS n ORDER BY q`,
      params: {},
    });
    const perQuarter = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'].map((q) => trends.reduce((s, t) => s + t.points.find((p) => p.period === q)!.count, 0));
    expect(perQuarter).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'].map((q) => (direct.find((r) => r.q === q)?.n as number | undefined) ?? 0));
    const sexual = trends.find((s) => s.key === 'SEXUAL')!;
    expect(sexual.points[1]).toMatchObject({ period: '2023-Q2', count: 0, change: -1, changeRatio: -1 });
    await expect(sdk.Trends({ measure: 'OPERATIONS', groupBy: 'NATIONALITY', from: '2023-01-01', to: '2023-12-31' })).rejects.toThrow(/groupBy/);
  });

  it('answers question 7: force areas with many victims and few live operations, with the score’s formula', async () => {
    const sdk = await svc.sdk(analyst);
    const { regionalRisk: r } = await sdk.RegionalRisk({ from: '2023-01-01', to: '2024-12-31' });
    expect(r.forces).toHaveLength(46);
    const wmp = r.forces.find((f) => f.code === 'WMP')!;
    expect(wmp).toMatchObject({ victims: 2, offenders: 2, groups: 2, graphReferrals: 1, liveOperations: 1, score: 100, gap: true, regionCode: 'WEST_MIDLANDS' });
    expect(r.forces[0]!.code).toBe('WMP');
    expect(r.gaps).toEqual(['WMP']);
    expect(r.formula).toMatch(/0\.35\*victims/);
    expect(r.regions[0]).toMatchObject({ code: 'WEST_MIDLANDS', victims: 2, liveOperations: 1 });
    expect(r.forces.filter((f) => f.code !== 'WMP').every((f) => f.score === 0)).toBe(true);
  });

  it('gives the monthly picture', async () => {
    const sdk = await svc.sdk(analyst);
    const { monthlyInsight: m } = await sdk.MonthlyInsight({ month: '2024-02' });
    expect(m.liveOperations).toEqual([{ force: 'WMP', crimeType: 'SEXUAL', count: 1, ids: [w.operation] }]);
    expect(m).toMatchObject({ liveOperationsTotal: 1, newVictims: 0, nrmReferrals: 1 });
    const june = await sdk.MonthlyInsight({ month: '2023-06' });
    expect(june.monthlyInsight).toMatchObject({ newVictims: 1, newOffenders: 1 });
    expect(june.monthlyInsight.biggestChanges).toEqual(expect.arrayContaining([{ dimension: 'FORCE_AREA', key: 'WMP', previous: 0, current: 1, change: 1 }]));
    await expect(sdk.MonthlyInsight({ month: '2024-13' })).rejects.toThrow(/month/);
  });

  it('models a group with no exploitation events from what it has: members, routes, money', async () => {
    const writer = await svc.sdk(INGEST_ALL);
    const prov = { reportId: w.reports.nca };
    const group = (await writer.UpsertGroup({ input: { name: 'Quiet Crew', threatLevel: 'LOW', provenance: prov } })).upsertOrganisedCrimeGroup.id;
    const member = (await writer.UpsertPerson({ input: { name: 'Quiet Member', roles: ['SUSPECT'], nationalities: ['RO'], provenance: prov } })).upsertPerson.id;
    await writer.Link({ type: 'MEMBER_OF', from: member, to: group, properties: { role: 'RECRUITER' }, provenance: prov });
    const { businessModel: m } = await (await svc.sdk(analyst)).BusinessModel({ groupId: group });
    expect(m).toMatchObject({ groupId: group, exploitationEvents: 0, eventIds: [] });
    expect(items(m!.people.membersByRole)).toEqual([['RECRUITER', 1, [member]]]);
  });

  it('never counts an item above the caller’s clearance, in any aggregate', async () => {
    const writer = await svc.sdk(INGEST_ALL);
    const restricted = { reportId: w.reports.restricted };
    const victim = (await writer.UpsertPerson({ input: { name: 'Hidden Victim', roles: ['VICTIM'], nationalities: ['VN'], provenance: restricted } })).upsertPerson.id;
    await writer.UpsertExploitation({
      input: { startDate: '2023-07-01', types: ['LABOUR'], victimIds: [victim], perpetratorIds: [w.dragon], forceAreas: ['WMP'], provenance: restricted },
    });
    const low = await svc.sdk(analyst);
    const high = await svc.sdk({ roles: ['ANALYST'], clearance: 'H2', ukConditional: true });
    expect((await low.BusinessModel({ groupId: w.dragon })).businessModel!.exploitationEvents).toBe(1);
    expect((await high.BusinessModel({ groupId: w.dragon })).businessModel!.exploitationEvents).toBe(2);
    const labour = async (sdk: typeof low) =>
      (await sdk.Trends({ measure: 'VICTIMS', groupBy: 'EXPLOITATION_TYPE', interval: 'YEAR', from: '2023-01-01', to: '2023-12-31' })).trends.find((t) => t.key === 'LABOUR')!.total;
    expect(await labour(low)).toBe(1);
    expect(await labour(high)).toBe(2);
    const wmp = async (sdk: typeof low) => (await sdk.RegionalRisk({ from: '2023-01-01', to: '2024-12-31' })).regionalRisk.forces.find((f) => f.code === 'WMP')!.victims;
    expect(await wmp(low)).toBe(2);
    expect(await wmp(high)).toBe(3);
    const june = async (sdk: typeof low) => (await sdk.MonthlyInsight({ month: '2023-07' })).monthlyInsight.newVictims;
    expect(await june(low)).toBe(0);
    expect(await june(high)).toBe(1);
  });
});
