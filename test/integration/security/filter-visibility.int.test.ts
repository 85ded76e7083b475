import { parseJsonExport } from '../../../src/exports/json-export';
import {
  addressFilter,
  businessFilter,
  exploitationFilter,
  groupFilter,
  nrmReferralFilter,
  operationFilter,
  personFilter,
  routeFilter,
} from '../../../src/graph/queries/filters/entity.filters';
import type { ListFilter } from '../../../src/graph/queries/list.query';
import { ParamBag } from '../../../src/graph/queries/params';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';
import type { TokenOptions } from '../../support/tokens';

const ingest: TokenOptions = { roles: ['INGEST', 'ANALYST'], clearance: 'H3', ukConditional: true };
/** Cleared for H0 and UK code P only. */
const low: TokenOptions = { roles: ['ANALYST'], clearance: 'H0', subject: 'analyst-h0' };
/** Cleared for everything: proves each hidden item is really there. */
const high: TokenOptions = { roles: ['ANALYST'], clearance: 'H3', ukConditional: true, subject: 'analyst-h3' };

interface Page {
  totalCount: number;
  nodes: { id: string }[];
}

/**
 * A list filter never matches through a link or node the caller may not see, and a hidden item
 * never stops a match either (README, "Who may see what"). The world is built through the API:
 * each node and link gets the handling of the report it cites, H0/P (open) or H3/C (secret).
 */
describe('list filters and hidden items', () => {
  let svc: TestService;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const w = await svc.sdk(ingest);
    const report = async (reference: string, handling: 'H0' | 'H3', ukHandling: 'P' | 'C') =>
      (await w.UpsertReport({ input: { reference, agency: 'NCA', handling, gradeSource: 2, gradeIntel: 'B', ukHandling, reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
    const open = { reportId: await report('NCA/2024/0900', 'H0', 'P') };
    const secret = { reportId: await report('NCA/2024/0901', 'H3', 'C') };

    // Towns: T0 open in Durham; T1 open, its only link to Cleveland secret; T2 secret (in Cleveland);
    // T3 open, its only link up the hierarchy (to GB) secret.
    id.t0 = (await w.UpsertTown({ input: { name: 'Open Town', forceCode: 'DURHAM', provenance: open } })).upsertTown.id;
    id.t1 = (await w.UpsertTown({ input: { name: 'Linked Town', provenance: open } })).upsertTown.id;
    await w.Link({ type: 'PART_OF', from: id.t1, to: 'force-CLEV', provenance: secret });
    id.t2 = (await w.UpsertTown({ input: { name: 'Hidden Town', forceCode: 'CLEV', provenance: secret } })).upsertTown.id;
    id.t3 = (await w.UpsertTown({ input: { name: 'Far Town', provenance: open } })).upsertTown.id;
    await w.Link({ type: 'PART_OF', from: id.t3, to: 'country-GB', provenance: secret });

    // Open addresses, people and businesses; the links between them open.
    const address = async (line1: string, townId: string) => (await w.UpsertAddress({ input: { line1, postcode: 'TS1 1AA', townId, provenance: open } })).upsertAddress.id;
    id.a0 = await address('0 Open Street', id.t0);
    id.a1 = await address('1 Linked Street', id.t1);
    id.a2 = await address('2 Hidden Street', id.t2);
    for (const [k, addressId] of [['0', id.a0], ['1', id.a1]] as const) {
      id[`p${k}`] = (await w.UpsertPerson({ input: { name: `Resident ${k}`, roles: ['OFFENDER'], nationalities: ['RO'], provenance: open } })).upsertPerson.id;
      await w.Link({ type: 'RESIDES_AT', from: id[`p${k}`]!, to: addressId, provenance: open });
      id[`b${k}`] = (await w.UpsertBusiness({ input: { name: `Car Wash ${k}`, type: 'CAR_WASH', addressId, provenance: open } })).upsertBusiness.id;
    }

    // r3: Vietnam, then Far Town (in GB only through a secret link).
    id.r3 = (await w.UpsertRoute({ input: { name: 'via far town', stops: [{ country: 'VN' }, { townId: id.t3, mode: 'LORRY' }], provenance: open } })).upsertRoute.id;
    // r4: Romania (secret link), Vietnam, Hungary, then GB (secret link).
    id.r4 = (await w.UpsertRoute({ input: { name: 'hidden ends', provenance: open } })).upsertRoute.id;
    const stops = [['RO', secret], ['VN', open], ['HU', open], ['GB', secret]] as const;
    for (const [order, [country, provenance]] of stops.entries()) {
      await w.Link({ type: 'HAS_STOP', from: id.r4, to: `country-${country}`, properties: order ? { order, mode: 'FLIGHT' } : { order }, provenance });
    }
    // r5: Vietnam, Hungary, then the secret town (in Cleveland, so GB) by ferry (the link open, the town secret).
    id.r5 = (await w.UpsertRoute({ input: { name: 'ferry to hidden town', stops: [{ country: 'VN' }, { country: 'HU', mode: 'LORRY' }, { townId: id.t2, mode: 'FERRY' }], provenance: open } })).upsertRoute.id;
  });
  afterAll(() => svc.close());

  async function list(who: TokenOptions, field: 'persons' | 'addresses' | 'businesses' | 'routeList', filter: object): Promise<{ total: number; ids: string[] }> {
    const client = await svc.client(who);
    const data = await client.request<Record<string, Page>>(`query($f: ${FILTER_TYPE[field]}) { ${field}(filter: $f, first: 100) { totalCount nodes { id } } }`, { f: filter });
    const page = data[field]!;
    return { total: page.totalCount, ids: page.nodes.map((n) => n.id).sort() };
  }
  const FILTER_TYPE = { persons: 'PersonFilter', addresses: 'AddressFilter', businesses: 'BusinessFilter', routeList: 'RouteFilter' } as const;
  const ids = (...keys: string[]) => keys.map((k) => id[k]!).sort();

  it('a force-area filter never matches through a hidden Town-PART_OF->PoliceForce link or a hidden town', async () => {
    for (const field of ['persons', 'addresses', 'businesses'] as const) {
      const key = field[0]!;
      const inClev = field === 'addresses' ? ['a1', 'a2'] : [`${key}1`];
      expect(await list(low, field, { forceAreas: ['CLEV'] })).toEqual({ total: 0, ids: [] });
      expect(await list(high, field, { forceAreas: ['CLEV'] })).toEqual({ total: inClev.length, ids: ids(...inClev) });
      // Where every item is open, the filter finds them for both.
      for (const who of [low, high]) expect(await list(who, field, { forceAreas: ['DURHAM'] })).toEqual({ total: 1, ids: ids(`${key}0`) });
    }
    // The same as a predicate beside a joined nationality (the person list does not start from the force then).
    expect(await list(low, 'persons', { nationalities: ['RO'], forceAreas: ['CLEV'] })).toEqual({ total: 0, ids: [] });
    expect(await list(high, 'persons', { nationalities: ['RO'], forceAreas: ['CLEV'] })).toEqual({ total: 1, ids: ids('p1') });
  });

  it('a town filter never matches through a hidden town', async () => {
    expect(await list(low, 'addresses', { townId: id.t2 })).toEqual({ total: 0, ids: [] });
    expect(await list(high, 'addresses', { townId: id.t2 })).toEqual({ total: 1, ids: ids('a2') });
    expect(await list(low, 'addresses', { townId: id.t1 })).toEqual({ total: 1, ids: ids('a1') });
  });

  it('a country filter on routes never follows a hidden stop link or a hidden link up the place hierarchy', async () => {
    expect((await list(low, 'routeList', { viaCountry: 'GB' })).ids).toEqual([]);
    expect((await list(high, 'routeList', { viaCountry: 'GB' })).ids).toEqual(ids('r3', 'r4', 'r5'));
    expect((await list(low, 'routeList', { viaCountry: 'VN' })).ids).toEqual(ids('r3', 'r4', 'r5'));
  });

  it('origin and destination are the first and last stops the caller sees: a hidden stop never stops a match', async () => {
    expect((await list(low, 'routeList', { destinationCountry: 'HU' })).ids).toEqual(ids('r4', 'r5'));
    expect((await list(high, 'routeList', { destinationCountry: 'HU' })).ids).toEqual([]);
    expect((await list(low, 'routeList', { destinationCountry: 'GB' })).ids).toEqual([]);
    expect((await list(high, 'routeList', { destinationCountry: 'GB' })).ids).toEqual(ids('r3', 'r4', 'r5'));
    expect((await list(low, 'routeList', { originCountry: 'VN' })).ids).toEqual(ids('r3', 'r4', 'r5'));
    expect((await list(high, 'routeList', { originCountry: 'VN' })).ids).toEqual(ids('r3', 'r5'));
    expect((await list(low, 'routeList', { originCountry: 'RO' })).ids).toEqual([]);
    expect((await list(high, 'routeList', { originCountry: 'RO' })).ids).toEqual(ids('r4'));
    // As the route itself shows them.
    const client = await svc.client(low);
    const { route } = await client.request<{ route: { origin: { id: string }; destination: { id: string } } }>('query($id: ID!) { route(id: $id) { origin { id } destination { id } } }', { id: id.r4 });
    expect(route).toEqual({ origin: { id: 'country-VN' }, destination: { id: 'country-HU' } });
    // Numbered as seen: the stored order (1, 2 here) would tell where hidden stops sit.
    const stopsOf = async (who: TokenOptions) =>
      (await (await svc.client(who)).request<{ route: { stops: { order: number; place: { id: string } }[] } }>('query($id: ID!) { route(id: $id) { stops { order place { id } } } }', { id: id.r4 })).route.stops.map((s) => [s.order, s.place.id]);
    const seenLow = [
      [0, 'country-VN'],
      [1, 'country-HU'],
    ];
    const seenHigh = [
      [0, 'country-RO'],
      [1, 'country-VN'],
      [2, 'country-HU'],
      [3, 'country-GB'],
    ];
    expect(await stopsOf(low)).toEqual(seenLow);
    expect(await stopsOf(high)).toEqual(seenHigh);
    // So are its stop links in a subgraph (a link chart's) and in an export: each link's order less
    // the stops before it the reader is not given; a reader given every stop sees the stored order,
    // which is part of the link's identity.
    const stopEdges = async (who: TokenOptions) =>
      (
        await (await svc.client(who)).request<{ neighbourhood: { edges: { type: string; target: string; properties: { order?: number } }[] } }>(
          'query($id: ID!) { neighbourhood(ids: [$id], depth: 1, relationshipTypes: [HAS_STOP], expandReference: false) { edges { type target properties } } }',
          { id: id.r4 },
        )
      ).neighbourhood.edges
        .map((e) => [e.properties.order, e.target])
        .sort((a, b) => (a[0] as number) - (b[0] as number));
    expect(await stopEdges(low)).toEqual(seenLow);
    expect(await stopEdges(high)).toEqual(seenHigh);
    // And in a path: a traveller on a route whose first stop is secret, to a resident of its second.
    const w = await svc.sdk(ingest);
    const report = (await w.UpsertReport({ input: { reference: 'NCA/2024/0950', agency: 'NCA', handling: 'H3', gradeSource: 2, gradeIntel: 'B', ukHandling: 'C', reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
    const openReport = (await w.UpsertReport({ input: { reference: 'NCA/2024/0951', agency: 'NCA', handling: 'H0', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
    const viaTown = (await w.UpsertRoute({ input: { name: 'to open town', provenance: { reportId: openReport } } })).upsertRoute.id;
    await w.Link({ type: 'HAS_STOP', from: viaTown, to: 'country-RO', properties: { order: 0 }, provenance: { reportId: report } });
    await w.Link({ type: 'HAS_STOP', from: viaTown, to: id.t0!, properties: { order: 1, mode: 'COACH' }, provenance: { reportId: openReport } });
    const traveller = (await w.UpsertPerson({ input: { name: 'Traveller', roles: ['VICTIM'], provenance: { reportId: openReport } } })).upsertPerson.id;
    await w.Link({ type: 'TRAVELLED', from: traveller, to: viaTown, provenance: { reportId: openReport } });
    const resident = (await w.UpsertPerson({ input: { name: 'Town Resident', roles: ['OFFENDER'], provenance: { reportId: openReport } } })).upsertPerson.id;
    const home = (await w.UpsertAddress({ input: { line1: '9 Coach Lane', postcode: 'DH1 1AA', townId: id.t0!, provenance: { reportId: openReport } } })).upsertAddress.id;
    await w.Link({ type: 'RESIDES_AT', from: resident, to: home, provenance: { reportId: openReport } });
    const stopOnPath = async (who: TokenOptions) => {
      const { paths } = await (await svc.client(who)).request<{ paths: { subgraph: { edges: { type: string; properties: { order?: number } }[] } }[] }>(
        'query($from: ID!, $to: ID!) { paths(from: $from, to: $to, k: 1, maxHops: 5) { subgraph { edges { type properties } } } }',
        { from: traveller, to: resident },
      );
      return paths.flatMap((p) => p.subgraph.edges.filter((e) => e.type === 'HAS_STOP').map((e) => e.properties.order));
    };
    expect(await stopOnPath(low)).toEqual([0]);
    expect(await stopOnPath(high)).toEqual([1]);
    // A liaison cleared for everything exports only what may leave: the secret (H3/C) stops stay.
    const liaison = await svc.sdk({ roles: ['LIAISON'], clearance: 'H3', ukConditional: true, subject: 'liaison-stops' });
    for (const input of [{ seeds: [id.r4!], depth: 1, relationshipTypes: ['HAS_STOP' as const] }, { nodeIds: [id.r4!, 'country-RO', 'country-VN', 'country-HU', 'country-GB'] }]) {
      const { exportSubgraph } = await liaison.ExportSubgraph({ input: { ...input, recipient: { kind: 'EUROPOL', name: 'Europol' }, purpose: 'stop numbers', format: 'JSON' } });
      const pkg = parseJsonExport(exportSubgraph.content!);
      expect(pkg.subgraph.edges.filter((e) => e.type === 'HAS_STOP').map((e) => [e.properties.order, e.target]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(seenLow);
    }
  });

  it('a mode filter never matches on a stop link to a hidden place', async () => {
    expect(await list(low, 'routeList', { modes: ['FERRY'] })).toEqual({ total: 0, ids: [] });
    expect(await list(high, 'routeList', { modes: ['FERRY'] })).toEqual({ total: 1, ids: ids('r5') });
    expect((await list(low, 'routeList', { modes: ['LORRY'] })).ids).toEqual(ids('r3', 'r5'));
  });
});

/**
 * Reference nodes (countries, forces, exploitation types, agencies) cannot be hidden through the
 * API, so the filters are also checked as text: every node and relationship a filter's pattern
 * binds is tested with visible(), each in its own subquery; an anonymous one appears only on a
 * bound path whose every item is tested. (The identifier filter's victim guard is left out: it
 * withholds any victim-held value, as the projection does.)
 */
describe('every item a list filter walks is tested for visibility', () => {
  const visibleTest = (v: string) => `(${v}.handling IN $__handling AND ${v}.ukHandling IN $__ukHandling)`;
  const pathTest = (p: string) => `all(__n IN nodes(${p}) WHERE ${visibleTest('__n')}) AND all(__r IN relationships(${p}) WHERE ${visibleTest('__r')})`;

  /** Each `EXISTS { ... }` of a predicate, nested ones too, as its own text. */
  function subqueries(text: string): string[] {
    const out: string[] = [];
    for (let at = text.indexOf('EXISTS {'); at >= 0; at = text.indexOf('EXISTS {', at + 1)) {
      let depth = 0;
      for (let i = at + 7; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) {
          out.push(text.slice(at + 8, i));
          break;
        }
      }
    }
    return out;
  }

  function check(pattern: string, conditions: string, pathVar?: string) {
    if (pathVar) {
      expect(conditions).toContain(pathTest(pathVar));
      return;
    }
    // No anonymous node or relationship: `()`, `(:L)`, `[:T]`, `[]`, `--`.
    expect(pattern).not.toMatch(/\(\s*[:)]|\[\s*[:\]]|--/);
    for (const [, v] of pattern.matchAll(/[([](__\w+)/g)) expect({ pattern, tested: conditions.includes(visibleTest(v!)) }).toEqual({ pattern, tested: true });
  }

  function checkFilter(f: ListFilter | string[]) {
    const where = Array.isArray(f) ? f : f.where;
    let patterns = 0;
    for (const w of where) {
      for (const sub of subqueries(w)) {
        const m = /^\s*MATCH (?:(\w+) = )?(.+?) WHERE ([^]*)$/.exec(sub);
        expect(m).not.toBeNull();
        check(m![2]!, m![3]!, m![1]);
        patterns++;
      }
    }
    if (!Array.isArray(f)) {
      const own: [string, string][] = [...(f.joins ?? []).map((j): [string, string] => [j, f.where.join(' AND ')]), ...(f.seed ?? []).map((x): [string, string] => [x.pattern, x.where.join(' AND ')])];
      for (const [pattern, conditions] of own) check(pattern, conditions);
      patterns += own.length;
    }
    return patterns;
  }

  it('in every filter, every way its options are built', () => {
    const all = { exploitationTypes: ['LABOUR'], forceAreas: ['WMP'] };
    const built: (ListFilter | string[])[] = [
      personFilter({ ...all, groupRoles: ['LEADER'] }, new ParamBag()),
      personFilter({ ...all, nationalities: ['VN'], groupId: 'ocg-1', groupRoles: ['LEADER'] }, new ParamBag()),
      personFilter({ exploitationTypes: ['LABOUR'], groupRoles: ['LEADER'] }, new ParamBag()),
      personFilter({ groupRoles: ['LEADER'] }, new ParamBag()),
      groupFilter({ ...all, memberNationalities: ['VN'], targetedByOperation: true }, new ParamBag()),
      groupFilter({ ...all, targetedByOperation: false }, new ParamBag()),
      operationFilter({ leadAgencies: ['NCA'], forceAreas: ['WMP'] }, new ParamBag()),
      businessFilter({ forceAreas: ['WMP'], controlledByGroup: 'ocg-1', targetedByOperation: true }, new ParamBag()),
      routeFilter({ originCountry: 'VN', destinationCountry: 'GB', viaCountry: 'FR', modes: ['LORRY'] }, new ParamBag()),
      exploitationFilter({ types: ['LABOUR'], forceAreas: ['WMP'], victimNationalities: ['VN'], groupId: 'ocg-1' }, new ParamBag()),
      nrmReferralFilter({ forceAreas: ['WMP'] }, new ParamBag()),
      addressFilter({ forceAreas: ['WMP'], townId: 'town-1' }, new ParamBag()),
    ];
    const counts = built.map(checkFilter);
    // Every filter above walks at least one pattern, so each was checked.
    expect(counts.every((n) => n > 0)).toBe(true);
  });
});
