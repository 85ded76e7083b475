import type { getSdk } from '../../../src/sdk/generated';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

type Sdk = ReturnType<typeof getSdk>;

const ingest = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true };
/** Cleared for H0 and UK handling P only: does not see what the hidden report holds. */
const low = { roles: ['ANALYST' as const], clearance: 'H0' as const };
const high = { roles: ['ANALYST' as const], clearance: 'H3' as const, ukConditional: true };

/**
 * Things recorded in two forces of one region (CUMB and GMP, both NORTH_WEST in the reference
 * data) and in the region itself:
 * - an exploitation in CUMB and GMP, victim V1, offender O1;
 * - an exploitation recorded in NORTH_WEST only, victims V2 and V3, offender O1 again;
 * - two NRM referrals, one in CUMB and one in GMP;
 * - live operations: Fell in CUMB and GMP (labour), Pennine in NORTH_WEST only (sexual, its
 *   area link hidden: H3/C), Shield in no area.
 */
async function buildWorld(sdk: Sdk) {
  const report = async (reference: string, handling: 'H0' | 'H3', ukHandling: 'P' | 'C') =>
    (await sdk.UpsertReport({ input: { reference, agency: 'NCA', handling, gradeSource: 2, gradeIntel: 'B', ukHandling, reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
  const open = await report('NCA/2024/0900', 'H0', 'P');
  const hidden = await report('NCA/2024/0901', 'H3', 'C');
  const provenance = { reportId: open };
  const person = async (name: string, role: 'VICTIM' | 'OFFENDER') => (await sdk.UpsertPerson({ input: { name, roles: [role], nationalities: ['RO'], provenance } })).upsertPerson.id;
  const [v1, v2, v3, o1] = [await person('Area Victim One', 'VICTIM'), await person('Area Victim Two', 'VICTIM'), await person('Area Victim Three', 'VICTIM'), await person('Area Offender', 'OFFENDER')];
  await sdk.UpsertExploitation({ input: { startDate: '2024-02-01', types: ['LABOUR'], victimIds: [v1], perpetratorIds: [o1], forceAreas: ['CUMB', 'GMP'], provenance } });
  const inRegion = (await sdk.UpsertExploitation({ input: { startDate: '2024-02-03', types: ['LABOUR'], victimIds: [v2, v3], perpetratorIds: [o1], provenance } })).upsertExploitation.id;
  await sdk.Link({ type: 'IN_AREA', from: inRegion, to: 'region-NORTH_WEST', provenance });
  for (const [force, subject] of [['CUMB', v1], ['GMP', v2]] as const) await sdk.UpsertNrmReferral({ input: { referredOn: '2024-02-10', forceArea: force, subjectId: subject, provenance } });
  const operation = async (name: string, forceAreas: string[], crimeTypes: ('LABOUR' | 'SEXUAL')[]) =>
    (await sdk.UpsertOperation({ input: { name, status: 'LIVE', startDate: '2024-01-01', forceAreas, crimeTypes, provenance } })).upsertOperation.id;
  const fell = await operation('Op Fell', ['CUMB', 'GMP'], ['LABOUR']);
  const pennine = await operation('Op Pennine', [], ['SEXUAL']);
  await sdk.Link({ type: 'IN_AREA', from: pennine, to: 'region-NORTH_WEST', provenance: { reportId: hidden } });
  const shield = await operation('Op Shield', [], []);
  return { fell, pennine, shield };
}

describe('areas: the monthly picture and the regions of regional risk count what is recorded in a region itself, and each thing once', () => {
  let svc: TestService;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let lo: Sdk;
  let hi: Sdk;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    w = await buildWorld(await svc.sdk(ingest));
    lo = await svc.sdk(low);
    hi = await svc.sdk(high);
  });
  afterAll(() => svc.close());

  it('lists a live operation under each of its forces, else under its region, else under NATIONAL', async () => {
    const { monthlyInsight: m } = await hi.MonthlyInsight({ month: '2024-02' });
    expect(m.liveOperations).toEqual([
      { force: 'CUMB', crimeType: 'LABOUR', count: 1, ids: [w.fell] },
      { force: 'GMP', crimeType: 'LABOUR', count: 1, ids: [w.fell] },
      { force: 'NATIONAL', crimeType: 'UNKNOWN', count: 1, ids: [w.shield] },
      { force: 'NORTH_WEST', crimeType: 'SEXUAL', count: 1, ids: [w.pennine] },
    ]);
    expect(m.liveOperationsTotal).toBe(3);
  });

  it('does not place an operation by an area link the reader may not see', async () => {
    const { monthlyInsight: m } = await lo.MonthlyInsight({ month: '2024-02' });
    expect(m.liveOperations.filter((o) => o.ids.includes(w.pennine))).toEqual([{ force: 'NATIONAL', crimeType: 'SEXUAL', count: 1, ids: [w.pennine] }]);
  });

  it('counts a region’s victims, offenders, referrals and operations once each, those recorded in the region itself among them', async () => {
    const { regionalRisk: r } = await hi.RegionalRisk({ from: '2024-01-01', to: '2024-12-31' });
    const force = (code: string) => r.forces.find((f) => f.code === code);
    expect(force('CUMB')).toMatchObject({ victims: 1, offenders: 1, referrals: 1, liveOperations: 1, regionCode: 'NORTH_WEST' });
    expect(force('GMP')).toMatchObject({ victims: 1, offenders: 1, referrals: 1, liveOperations: 1, regionCode: 'NORTH_WEST' });
    const northWest = r.regions.find((x) => x.code === 'NORTH_WEST');
    // Summed from its forces, the region had 2 victims, 2 offenders and 2 operations.
    expect(northWest).toMatchObject({ victims: 3, offenders: 1, referrals: 2, liveOperations: 2 });
    expect(northWest!.name).toMatch(/^North West \(/);
    expect(r.regions.filter((x) => x.code !== 'NORTH_WEST').every((x) => x.victims === 0 && x.liveOperations === 0)).toBe(true);
    expect(new Set(r.regions.map((x) => x.code)).size).toBe(r.regions.length);
  });

  it('leaves out of a region what the reader may not see recorded there', async () => {
    const { regionalRisk: r } = await lo.RegionalRisk({ from: '2024-01-01', to: '2024-12-31' });
    expect(r.regions.find((x) => x.code === 'NORTH_WEST')).toMatchObject({ victims: 3, offenders: 1, referrals: 2, liveOperations: 1 });
  });
});
