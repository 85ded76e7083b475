import type { getSdk } from '../../../src/sdk/generated';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';

type Sdk = ReturnType<typeof getSdk>;

const ingest = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true };
/** Cleared for H0 and UK handling P only: does not see the hidden (H3/C) link. */
const low = { roles: ['ANALYST' as const], clearance: 'H0' as const };
/** Cleared for everything. */
const high = { roles: ['ANALYST' as const], clearance: 'H3' as const, ukConditional: true };

/**
 * The second PART_OF links this file gives forces (each force's first is the reference data's,
 * recorded 2026-01-01T00:00:00Z). reset-graph keeps reference nodes and so their links: these
 * are removed before and after.
 */
const SECOND_REGIONS = [
  ['force-CUMB', 'region-LONDON'],
  ['force-DCP', 'region-WALES'],
  ['force-NYP', 'region-EASTERN'],
  ['force-GMP', 'region-SCOTLAND'],
];
const REMOVE_SECOND_REGIONS = {
  cypher: 'UNWIND $pairs AS pair MATCH (:PoliceForce {id: pair[0]})-[p:PART_OF]->(:Region {id: pair[1]}) DELETE p',
  params: { pairs: SECOND_REGIONS },
};

/**
 * A victim (with an offender, and for CUMB a live operation) in each of four forces, each force
 * given a second, visible or hidden, PART_OF link to another region:
 * - CUMB (NORTH_WEST) also to LONDON, recorded now: later than the reference link;
 * - DCP (SOUTH_WEST) also to WALES, recorded 2025-03-01: earlier than the reference link;
 * - NYP (YORKSHIRE_HUMBER) also to EASTERN, recorded at the same instant as the reference link;
 * - GMP (NORTH_WEST) also to SCOTLAND, recorded now, hidden (H3/C).
 */
async function buildWorld(sdk: Sdk) {
  const report = async (reference: string, handling: 'H0' | 'H3', ukHandling: 'P' | 'C') =>
    (await sdk.UpsertReport({ input: { reference, agency: 'NCA', handling, gradeSource: 2, gradeIntel: 'B', ukHandling, reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
  const open = await report('NCA/2024/0800', 'H0', 'P');
  const hidden = await report('NCA/2024/0801', 'H3', 'C');
  const person = async (name: string, role: 'VICTIM' | 'OFFENDER') =>
    (await sdk.UpsertPerson({ input: { name, roles: [role], nationalities: ['RO'], provenance: { reportId: open } } })).upsertPerson.id;
  const victimIn = async (force: string) => {
    const victim = await person(`Victim in ${force}`, 'VICTIM');
    const offender = await person(`Offender in ${force}`, 'OFFENDER');
    await sdk.UpsertExploitation({ input: { startDate: '2023-05-01', types: ['LABOUR'], victimIds: [victim], perpetratorIds: [offender], forceAreas: [force], provenance: { reportId: open } } });
  };
  for (const force of ['CUMB', 'DCP', 'NYP', 'GMP']) await victimIn(force);
  await sdk.UpsertOperation({ input: { name: 'Op Fell', status: 'LIVE', startDate: '2023-01-01', forceAreas: ['CUMB'], crimeTypes: ['LABOUR'], provenance: { reportId: open } } });

  const link = async (from: string, to: string, reportId: string, recordedAt?: string) =>
    (await sdk.Link({ type: 'PART_OF', from, to, provenance: { reportId, recordedAt } })).link;
  await link('force-CUMB', 'region-LONDON', open);
  await link('force-DCP', 'region-WALES', open, '2025-03-01T00:00:00Z');
  await link('force-NYP', 'region-EASTERN', open, '2026-01-01T00:00:00Z');
  return { gmpScotland: await link('force-GMP', 'region-SCOTLAND', hidden) };
}

describe('regional risk lists each force once, under one region, when the caller sees it in two', () => {
  let svc: TestService;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let lo: Sdk;
  let hi: Sdk;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    await svc.graph.write(REMOVE_SECOND_REGIONS);
    w = await buildWorld(await svc.sdk(ingest));
    lo = await svc.sdk(low);
    hi = await svc.sdk(high);
  });
  afterAll(async () => {
    await svc.graph.write(REMOVE_SECOND_REGIONS);
    await svc.close();
  });

  const risk = async (sdk: Sdk) => (await sdk.RegionalRisk({ from: '2023-01-01', to: '2023-12-31' })).regionalRisk;
  const regionOf = (r: Awaited<ReturnType<typeof risk>>) => Object.fromEntries(r.forces.map((f) => [f.code, f.regionCode]));

  it('builds the forces’ second links, the one to SCOTLAND hidden', async () => {
    expect(w.gmpScotland.provenance.handling).toBe('H3');
    const rows = await svc.graph.read({
      cypher: 'MATCH (f:PoliceForce)-[p:PART_OF]->(:Region) WHERE f.code IN $codes RETURN f.code AS code, count(p) AS links ORDER BY code',
      params: { codes: ['CUMB', 'DCP', 'GMP', 'NYP'] },
    });
    expect(rows).toEqual(['CUMB', 'DCP', 'GMP', 'NYP'].map((code) => ({ code, links: 2 })));
  });

  it('lists every force once, under the region of its most recently recorded visible PART_OF link, ties to the first region code', async () => {
    const r = await risk(lo);
    expect(r.forces).toHaveLength(46);
    expect(new Set(r.forces.map((f) => f.code)).size).toBe(46);
    expect(r.forces.filter((f) => f.code === 'CUMB')).toHaveLength(1);
    const regions = regionOf(r);
    expect(regions).toMatchObject({ CUMB: 'LONDON', DCP: 'SOUTH_WEST', NYP: 'EASTERN', GMP: 'NORTH_WEST' });
    expect(r.forces.find((f) => f.code === 'CUMB')).toMatchObject({ victims: 1, offenders: 1, liveOperations: 1 });
  });

  it('adds a force’s numbers to one region’s totals only: the regions add up to the forces', async () => {
    for (const sdk of [lo, hi]) {
      const r = await risk(sdk);
      const sum = (xs: { victims: number; liveOperations: number }[]) => xs.reduce((s, x) => ({ victims: s.victims + x.victims, liveOperations: s.liveOperations + x.liveOperations }), { victims: 0, liveOperations: 0 });
      for (const region of r.regions) {
        expect([region.code, sum(r.forces.filter((f) => (f.regionCode ?? 'UNKNOWN') === region.code))]).toEqual([region.code, { victims: region.victims, liveOperations: region.liveOperations }]);
      }
      expect(sum(r.regions)).toEqual({ victims: 4, liveOperations: 1 });
      expect(sum(r.forces)).toEqual({ victims: 4, liveOperations: 1 });
    }
    const l = Object.fromEntries((await risk(lo)).regions.map((x) => [x.code, [x.victims, x.liveOperations]]));
    expect(l).toMatchObject({ LONDON: [1, 1], NORTH_WEST: [1, 0], SOUTH_WEST: [1, 0], EASTERN: [1, 0], YORKSHIRE_HUMBER: [0, 0], WALES: [0, 0] });
  });

  it('chooses among the links the caller may see: a hidden later link moves the force only for a caller cleared for it', async () => {
    expect(regionOf(await risk(lo)).GMP).toBe('NORTH_WEST');
    const h = await risk(hi);
    expect(h.forces.filter((f) => f.code === 'GMP').map((f) => [f.regionCode, f.victims])).toEqual([['SCOTLAND', 1]]);
    expect(h.forces).toHaveLength(46);
    const regions = Object.fromEntries(h.regions.map((x) => [x.code, x.victims]));
    expect(regions).toMatchObject({ SCOTLAND: 1, NORTH_WEST: 0, LONDON: 1 });
  });
});
