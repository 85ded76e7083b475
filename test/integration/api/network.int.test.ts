import { errorOf } from '../../support/graphql-errors';
import { INGEST_ALL as ingest, startTwoGroupsService, type TwoGroups } from '../../fixtures/two-groups';
import type { TestService } from '../../support/test-service';

const analyst = { roles: ['ANALYST' as const], clearance: 'H1' as const };
const cleared = { roles: ['ANALYST' as const], clearance: 'H2' as const, ukConditional: true };

describe('network analysis through the API', () => {
  let svc: TestService;
  let w: TwoGroups;

  beforeAll(async () => {
    ({ svc, w } = await startTwoGroupsService());
  });
  afterAll(() => svc.close());

  describe('neighbourhood', () => {
    it('answers question 1: who is within two hops of a phone, and their groups', async () => {
      const sdk = await svc.sdk(analyst);
      const { identifier } = await sdk.PhoneNetwork({ phone: '+44 7700 900001' });
      const holders = identifier!.holders.nodes.map((n) => n.id).sort();
      expect(holders).toEqual([w.tran, w.broker].sort());
      const ids = identifier!.neighbourhood.nodes.map((n) => n.id);
      expect(ids).toEqual(expect.arrayContaining([w.phoneShared, w.tran, w.broker, w.dragon, w.addrShared]));
      // Countries are reached (nationality) but not expanded through: no other Vietnamese person comes in that way.
      expect(ids).toContain('country-VN');
      expect(ids).not.toContain(w.hoa);
    });

    it('returns each edge between returned nodes with its type, ends and provenance', async () => {
      const sdk = await svc.sdk(analyst);
      const { neighbourhood } = await sdk.Neighbourhood({ ids: [w.tran], depth: 1 });
      const ids = new Set(neighbourhood.nodes.map((n) => n.id));
      expect(neighbourhood.edges.length).toBeGreaterThan(0);
      for (const e of neighbourhood.edges) {
        expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        expect(e.provenance.grading).toMatch(/^[123][A-E][PC]$/);
      }
      const membership = neighbourhood.edges.find((e) => e.type === 'MEMBER_OF' && e.source === w.tran);
      expect(membership).toMatchObject({ target: w.dragon, from: '2021-01-01', properties: { role: 'CONTROLLER' } });
    });

    it('filters by relationship type and time window', async () => {
      const sdk = await svc.sdk(analyst);
      const money = await sdk.Neighbourhood({ ids: [w.acctA], depth: 3, relationshipTypes: ['TRANSFERRED_TO'] });
      expect(money.neighbourhood.nodes.map((n) => n.id).sort()).toEqual([w.acctA, w.acctB, w.acctC, w.acctD, w.acctE].sort());
      const january = await sdk.Neighbourhood({ ids: [w.acctA], depth: 3, relationshipTypes: ['TRANSFERRED_TO'], since: '2024-01-01', until: '2024-01-31' });
      expect(january.neighbourhood.nodes.map((n) => n.id).sort()).toEqual([w.acctA, w.acctD, w.acctE].sort());
    });

    it('stops at the node budget and says so', async () => {
      const sdk = await svc.sdk(analyst);
      const { neighbourhood } = await sdk.Neighbourhood({ ids: [w.dragon], depth: 4, limit: 5 });
      expect(neighbourhood.nodes.length).toBeLessThanOrEqual(5);
      expect(neighbourhood).toMatchObject({ truncated: true, truncatedBy: 'NODE_BUDGET' });
    });

    it('clamps a depth-10 request to the configured depth and answers quickly', async () => {
      const sdk = await svc.sdk(analyst);
      const started = Date.now();
      const { neighbourhood } = await sdk.Neighbourhood({ ids: ['country-VN'], depth: 10, expandReference: true });
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(neighbourhood.nodes.length).toBeLessThanOrEqual(2000);
      if (neighbourhood.truncated) expect(['DEPTH', 'NODE_BUDGET']).toContain(neighbourhood.truncatedBy);
    });

    it('never reaches anything through an item above the caller’s clearance', async () => {
      const h1 = await svc.sdk(analyst);
      const h2 = await svc.sdk(cleared);
      const low = await h1.Neighbourhood({ ids: [w.nguyen], depth: 1 });
      const high = await h2.Neighbourhood({ ids: [w.nguyen], depth: 1 });
      expect(low.neighbourhood.nodes.map((n) => n.id)).not.toContain(w.marian);
      expect(high.neighbourhood.nodes.map((n) => n.id)).toContain(w.marian);
      expect(low.neighbourhood.edges.some((e) => e.type === 'ASSOCIATE_OF')).toBe(false);
    });

    it('shows victims pseudonymised and their phone value withheld to an analyst', async () => {
      const sdk = await svc.sdk(analyst);
      const { neighbourhood } = await sdk.Neighbourhood({ ids: [w.le], depth: 2 });
      const text = JSON.stringify(neighbourhood);
      expect(text).not.toContain('Pham Thi Hoa');
      expect(text).not.toContain('2006-02-01');
      expect(text).not.toContain('+447700900003');
      const hoa = neighbourhood.nodes.find((n) => n.id === w.hoa)!;
      expect(hoa).toMatchObject({ redacted: true, roles: ['VICTIM'] });
      expect(hoa.label).toMatch(/^V-[0-9A-Z]{8}$/);
    });
  });

  describe('paths', () => {
    it('finds the minimal chain between people in different groups, through the broker', async () => {
      const sdk = await svc.sdk(analyst);
      const { paths } = await sdk.ShortestChains({ from: w.tran, to: w.andrei, maxHops: 6, k: 2 });
      expect(paths[0]!.hops).toBe(4);
      expect(paths[0]!.nodeIds).toEqual([w.tran, w.phoneShared, w.broker, w.addrShared, w.andrei]);
      for (const p of paths) {
        const edges = p.subgraph.edges;
        for (let i = 0; i + 1 < p.nodeIds.length; i++) {
          const [x, y] = [p.nodeIds[i], p.nodeIds[i + 1]];
          expect(edges.some((e) => (e.source === x && e.target === y) || (e.source === y && e.target === x))).toBe(true);
        }
      }
    });

    it('uses the restricted association only for callers cleared for it', async () => {
      const low = (await (await svc.sdk(analyst)).ShortestChains({ from: w.nguyen, to: w.marian, maxHops: 8, k: 1 })).paths;
      const high = (await (await svc.sdk(cleared)).ShortestChains({ from: w.nguyen, to: w.marian, maxHops: 8, k: 1 })).paths;
      expect(high[0]!.hops).toBe(1);
      expect(low[0]!.hops).toBeGreaterThan(1);
      expect(JSON.stringify(low)).not.toContain('ASSOCIATE_OF');
    });

    it('time-respecting paths never go back in time', async () => {
      const sdk = await svc.sdk(analyst);
      const any = await sdk.ShortestChains({ from: w.acctA, to: w.acctC, relationshipTypes: ['TRANSFERRED_TO'], k: 1 });
      expect(any.paths[0]!.hops).toBe(2);
      const timed = await sdk.ShortestChains({ from: w.acctA, to: w.acctC, relationshipTypes: ['TRANSFERRED_TO'], k: 3, timeRespecting: true });
      expect(timed.paths.length).toBeGreaterThan(0);
      for (const p of timed.paths) {
        const byEnds = new Map(p.subgraph.edges.map((e) => [[e.source, e.target].sort().join('|'), e]));
        const dates = p.nodeIds.slice(1).map((id, i) => byEnds.get([p.nodeIds[i], id].sort().join('|'))!.properties.date as string);
        expect(dates).toEqual([...dates].sort());
      }
      expect(timed.paths[0]!.nodeIds).toEqual([w.acctA, w.acctD, w.acctE, w.acctC]);
    });

    it('shows how a set of entities is connected, and which pairs are not', async () => {
      const sdk = await svc.sdk(analyst);
      const { connectingNetwork } = await sdk.ConnectingNetwork({ ids: [w.tran, w.andrei, w.elena], maxHops: 6 });
      const ids = connectingNetwork.subgraph.nodes.map((n) => n.id);
      expect(ids).toEqual(expect.arrayContaining([w.tran, w.andrei, w.elena, w.broker]));
      expect(connectingNetwork.unconnected).toEqual([]);
    });

    it('refuses bounds outside the configured limits with the field named', async () => {
      const sdk = await svc.sdk(analyst);
      await expect(sdk.ShortestChains({ from: w.tran, to: w.andrei, maxHops: 50 })).rejects.toThrow(/maxHops/);
      await expect(sdk.ShortestChains({ from: w.tran, to: w.andrei, k: 0 })).rejects.toThrow(/\bk\b/);
    });
  });

  describe('shared identifiers', () => {
    it('answers question 8: businesses linked to offenders by an address, phone or account, in no operation yet', async () => {
      const sdk = await svc.sdk(analyst);
      const { sharedIdentifiers } = await sdk.UntargetedLinkedBusinesses({});
      const pairs = sharedIdentifiers.links.map((l) => `${l.subject.id}>${l.counterpart.id}@${l.via.id}`).sort();
      expect(pairs).toEqual([`${w.carWash}>${w.andrei}@${w.addrShared}`, `${w.nails}>${w.le}@${w.phoneNails}`].sort());
      await (await svc.sdk(ingest)).UpsertOperation({ input: { name: 'Op Polish', status: 'LIVE', targetIds: [w.nails], provenance: { reportId: w.reports.nca } } });
      const after = await sdk.UntargetedLinkedBusinesses({});
      expect(after.sharedIdentifiers.links.map((l) => l.subject.id)).toEqual([w.carWash]);
    });
  });

  describe('duplicates and merging', () => {
    it('answers question 9: the planted near-duplicate comes first, with its evidence', async () => {
      const sdk = await svc.sdk(analyst);
      const { duplicateCandidates } = await sdk.DuplicateCandidates({});
      const top = duplicateCandidates[0]!;
      expect([top.a!.id, top.b!.id].sort()).toEqual([w.nguyen, w.nguyenDup].sort());
      expect(top.score).toBeGreaterThan(0.9);
      expect(top.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(['TravelDocument', 'NAME_SAME']));
    });

    /** These records as stored: labels, properties, and every link with its properties. */
    const dumpOf = async (ids: string[]) =>
      (
        await svc.graph.read({
          cypher: `MATCH (n:Entity) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]-(o)
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), startNode(r).id, endNode(r).id, properties(r)] END) AS rels
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, rels ORDER BY id`,
          params: { ids },
        })
      ).map((r) => ({ ...r, labels: (r.labels as string[]).sort(), rels: (r.rels as unknown[]).map((x) => JSON.stringify(x)).sort() }));

    it('merges two records keeping every link and its provenance, and the undo restores the graph exactly', async () => {
      const dump = () => dumpOf([w.nguyen, w.nguyenDup]);
      const before = await dump();
      const supervisor = await svc.sdk({ roles: ['SUPERVISOR'], clearance: 'H3', ukConditional: true });
      await expect((await svc.sdk(analyst)).MergeEntities({ keepId: w.nguyen, mergeId: w.nguyenDup })).rejects.toThrow(/SUPERVISOR/);
      const { mergeEntities } = await supervisor.MergeEntities({ keepId: w.nguyen, mergeId: w.nguyenDup });
      expect(mergeEntities.relationshipsMoved).toBeGreaterThan(0);
      const merged = (await supervisor.PersonProfile({ id: w.nguyen })).person!;
      expect(merged.aliases).toContain('Nguyễn Văn A');
      expect(merged.roles.sort()).toEqual(['OFFENDER', 'SUSPECT']);
      expect((await supervisor.PersonById({ id: w.nguyenDup })).person).toBeNull();
      await supervisor.UndoMerge({ recordId: mergeEntities.recordId });
      expect(await dump()).toEqual(before);
      await expect(supervisor.UndoMerge({ recordId: mergeEntities.recordId })).rejects.toThrow(/undone/);
    });

    it('undoes a merge into a record that was itself merged, the later first, back to the graph before both', async () => {
      const writer = await svc.sdk(ingest);
      const person = async (name: string, nationality: string) =>
        (await writer.UpsertPerson({ input: { name, roles: ['OFFENDER'], nationalities: [nationality], provenance: { reportId: w.reports.nca } } })).upsertPerson.id;
      const x = await person('Chain Xu', 'RO');
      const m = await person('Chain Mu', 'VN');
      const k = await person('Chain Ku', 'AL');
      await writer.Link({ type: 'ASSOCIATE_OF', from: x, to: w.nguyen, properties: { kind: 'ASSOCIATE' }, provenance: { reportId: w.reports.nca } });
      const before = await dumpOf([x, m, k]);
      const supervisor = await svc.sdk({ roles: ['SUPERVISOR'], clearance: 'H3', ukConditional: true });
      const first = (await supervisor.MergeEntities({ keepId: m, mergeId: x })).mergeEntities;
      const second = (await supervisor.MergeEntities({ keepId: k, mergeId: m })).mergeEntities;
      await supervisor.UndoMerge({ recordId: second.recordId });
      // The links the first merge moved onto m are back on m, still marked as that merge's: its
      // undo takes them off m again, rather than leaving x's links on both.
      await supervisor.UndoMerge({ recordId: first.recordId });
      expect(await dumpOf([x, m, k])).toEqual(before);
    });

    it('refuses to delete or merge away an intelligence report that records cite, and deletes one nothing cites', async () => {
      const writer = await svc.sdk(ingest);
      const report = async (reference: string) =>
        (await writer.UpsertReport({ input: { reference, agency: 'NCA', handling: 'H0', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', reportedOn: '2024-02-01' } })).upsertIntelligenceReport.id;
      const cited = await report('NCA/2024/0990');
      const unused = await report('NCA/2024/0991');
      const citing = (await writer.UpsertPerson({ input: { name: 'Cites A Report', roles: ['OFFENDER'], provenance: { reportId: cited } } })).upsertPerson.id;
      const supervisor = await svc.sdk({ roles: ['SUPERVISOR'], clearance: 'H3', ukConditional: true });
      const refused = async (p: Promise<unknown>) => errorOf(await p.then(() => null, (e: unknown) => e));
      expect(await refused(supervisor.MergeEntities({ keepId: w.reports.nca, mergeId: cited }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mergeId' });
      expect(await refused(writer.DeleteEntity({ id: cited }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      const [still] = await svc.graph.read({ cypher: 'MATCH (p:Person {id: $p}) MATCH (r:IntelligenceReport {id: p.reportId}) RETURN r.id AS report', params: { p: citing } });
      expect(still).toEqual({ report: cited });
      expect((await writer.DeleteEntity({ id: unused })).deleteEntity).toMatchObject({ id: unused });
    });

    it('merges an intelligence report nothing cites without moving its ISSUED_BY link, which cites the report itself, and the undo gives it back', async () => {
      const writer = await svc.sdk(ingest);
      const report = async (reference: string, agency: string) =>
        (await writer.UpsertReport({ input: { reference, agency, handling: 'H0', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', reportedOn: '2024-02-01' } })).upsertIntelligenceReport.id;
      const keep = await report('NCA/2024/0995', 'NCA');
      const dup = await report('WMP/2024/0995', 'WMP');
      const before = await dumpOf([keep, dup]);
      const supervisor = await svc.sdk({ roles: ['SUPERVISOR'], clearance: 'H3', ukConditional: true });
      const { mergeEntities } = await supervisor.MergeEntities({ keepId: keep, mergeId: dup });
      // The kept report is issued by its own agency only, and nothing cites the report merged away.
      const issued = await svc.graph.read({ cypher: 'MATCH (:IntelligenceReport {id: $keep})-[i:ISSUED_BY]->(a:Agency) RETURN a.code AS agency, i.reportId AS cites', params: { keep } });
      expect(issued).toEqual([{ agency: 'NCA', cites: keep }]);
      expect(await svc.graph.read({ cypher: 'MATCH ()-[r]->() WHERE r.reportId = $dup RETURN count(r) AS n', params: { dup } })).toEqual([{ n: 0 }]);
      await supervisor.UndoMerge({ recordId: mergeEntities.recordId });
      expect(await dumpOf([keep, dup])).toEqual(before);
    });

    it('undoing a merge keeps what was edited since, and takes back only what the merge gave', async () => {
      const props = async () =>
        (await svc.graph.read({ cypher: 'MATCH (n:Person {id: $id}) RETURN properties(n) AS p', params: { id: w.nguyen } }))[0]?.p as Record<string, unknown>;
      const before = await props();
      expect(before).not.toHaveProperty('gender');
      expect(before).not.toHaveProperty('aliases');
      const supervisor = await svc.sdk({ roles: ['SUPERVISOR'], clearance: 'H3', ukConditional: true });
      const { mergeEntities } = await supervisor.MergeEntities({ keepId: w.nguyen, mergeId: w.nguyenDup });
      expect(await props()).toMatchObject({ aliases: ['Nguyễn Văn A'] });
      // Since the merge, a value the merge did not bring.
      const writer = await svc.sdk(ingest);
      await writer.UpsertPerson({ input: { id: w.nguyen, gender: 'MALE', provenance: { reportId: w.reports.nca } } });
      await supervisor.UndoMerge({ recordId: mergeEntities.recordId });
      const after = await props();
      expect(after).toMatchObject({ name: 'Nguyen Van A', gender: 'MALE', dateOfBirth: before.dateOfBirth });
      expect(after).not.toHaveProperty('aliases'); // the merge's alias goes with the merged record
      expect((await supervisor.PersonById({ id: w.nguyenDup })).person?.name).toBe('Nguyễn Văn A');
    });
  });
});
