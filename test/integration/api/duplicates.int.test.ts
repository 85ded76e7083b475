import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';
import type { getSdk } from '../../../src/sdk/generated';
import { EVIDENCE_WEIGHTS, NAME_FOLD, scorePair } from '../../../src/analytics/duplicates';
import { accessScope } from '../../../src/auth/access-policy';
import { readDuplicateCandidates } from '../../../src/graph/network.reader';
import { ScopedGraph } from '../../../src/graph/scoped-graph';

type Sdk = ReturnType<typeof getSdk>;

const analyst = { roles: ['ANALYST' as const], clearance: 'H1' as const };
const cleared = { roles: ['ANALYST' as const], clearance: 'H2' as const, ukConditional: true };
const victimOfficer = { roles: ['ANALYST' as const, 'VICTIM_DATA_OFFICER' as const], clearance: 'H1' as const };
const ingest = { roles: ['INGEST' as const], clearance: 'H3' as const, ukConditional: true };

/**
 * A world built for duplicate detection, through the API. Ids are chosen so that the best pair
 * sorts last: a list that took the first pairs by id and scored those would miss it.
 */
async function buildWorld(sdk: Sdk) {
  const report = async (reference: string, handling: 'H0' | 'H1' | 'H2') =>
    (await sdk.UpsertReport({ input: { reference, agency: 'NCA', handling, gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', reportedOn: '2024-01-05' } })).upsertIntelligenceReport.id;
  const open = await report('NCA/2024/0500', 'H0');
  const restricted = await report('NCA/2024/0501', 'H2');
  const person = async (id: string, name: string, extra: object = {}, roles: ('OFFENDER' | 'VICTIM')[] = ['OFFENDER']) =>
    (await sdk.UpsertPerson({ input: { id, name, roles, nationalities: ['RO'], provenance: { reportId: open }, ...extra } })).upsertPerson.id;
  const identifier = async (kind: string, value: string) =>
    (await sdk.UpsertIdentifier({ input: { kind: kind as never, value, provenance: { reportId: open } } })).upsertIdentifier.id;
  const link = (from: string, to: string, reportId = open) =>
    sdk.Link({ type: 'HAS_IDENTIFIER', from, to, properties: {}, provenance: { reportId } });

  // Twelve weak pairs: each shares one phone, different names, no birth years.
  for (let i = 0; i < 12; i++) {
    const n = String(i).padStart(2, '0');
    const a = await person(`per-dupa${n}a`, `Alpha${n} Weak`);
    const b = await person(`per-dupa${n}b`, `Beta${n} Other`);
    const phone = await identifier('Phone', `07700 9101${n}`);
    await link(a, phone);
    await link(b, phone);
  }
  // The best pair: the same name and date of birth, and the same passport.
  const z1 = await person('per-dupz1', 'Ion Popescu', { dateOfBirth: '1990-05-01' });
  const z2 = await person('per-dupz2', 'Ion Popescu', { dateOfBirth: '1990-05-01' });
  const passport = await identifier('TravelDocument', '05123456');
  await link(z1, passport);
  await link(z2, passport);
  // A name-block pair: the same name and birth year, nothing shared.
  const n1 = await person('per-dupn1', 'Andrei Lungu', { birthYear: 1985 });
  const n2 = await person('per-dupn2', 'Andrei  Lungu', { birthYear: 1985 });
  // In a name block and sharing a phone: found once, with both kinds of evidence.
  const m1 = await person('per-dupm1', 'Mihai Stan', { birthYear: 1979 });
  const m2 = await person('per-dupm2', 'Mihai Stan', { birthYear: 1979 });
  const phoneM = await identifier('Phone', '07700 910200');
  await link(m1, phoneM);
  await link(m2, phoneM);
  // Different known dates of birth: different people, whatever the name.
  await person('per-dupc1', 'Vasile Rusu', { dateOfBirth: '1970-01-01' });
  await person('per-dupc2', 'Vasile Rusu', { dateOfBirth: '1971-02-02' });
  // A victim and an offender of the same name and birth year.
  const v1 = await person('per-dupv1', 'Elena Dobre', { birthYear: 2001 }, ['VICTIM']);
  const v2 = await person('per-dupv2', 'Elena Dobre', { birthYear: 2001 });
  // A victim sharing a phone with someone born on another day: the dates are the victim's data.
  const v3 = await person('per-dupv3', 'Ana Sirbu', { dateOfBirth: '2000-01-01' }, ['VICTIM']);
  const v4 = await person('per-dupv4', 'Ana Sirbu', { dateOfBirth: '1999-01-01' });
  const phoneV = await identifier('Phone', '07700 910300');
  await link(v3, phoneV);
  await link(v4, phoneV);
  // Linked through a restricted (H2) record only.
  const h1 = await person('per-duph1', 'Radu Moldovan', { birthYear: 1960 });
  const h2 = await person('per-duph2', 'Radu Moldovan', { birthYear: 1961 });
  const passportH = await identifier('TravelDocument', '05999999');
  await link(h1, passportH, restricted);
  await link(h2, passportH, restricted);
  // A name block where Neo4j can tell names apart: different names, the same name with and
  // without accents, in another case and spacing, with a hyphen for a space, and by an alias.
  const q = async (n: number, name: string) => person(`per-dupq${n}`, name, { birthYear: 1975 });
  const names = {
    petru: await q(1, 'Petru Ionescu'),
    radu: await q(2, 'Radu Ionescu'),
    accented: await q(3, 'Ștefan Ionescu'),
    plain: await q(4, 'Stefan Ionescu'),
    vlad: await q(5, 'Vlad  Ionescu'),
    recased: await q(6, 'VLAD ionescu'),
    hyphenated: await q(7, 'Jean-Paul Ionescu'),
    spaced: await q(8, 'Jean Paul Ionescu'),
    aliased: await person('per-dupq9', 'Petre Ionescu', { birthYear: 1975, aliases: ['Radu Ionescu'] }),
    maria: await person('per-dupr1', 'Maria Popa'),
    elena: await person('per-dupr2', 'Elena Stoica'),
  };
  const phoneR = await identifier('Phone', '07700 910400');
  await link(names.maria, phoneR);
  await link(names.elena, phoneR);
  // Names in Cyrillic, which Neo4j cannot fold, sharing a phone: it assumes they may be the same
  // name, and the scorer finds them different.
  const k1 = await person('per-dupk1', 'Иван Петров');
  const k2 = await person('per-dupk2', 'Олег Смирнов');
  const phoneK = await identifier('Phone', '07700 910500');
  await link(k1, phoneK);
  await link(k2, phoneK);
  // A name too common to be evidence: 51 people named Nguyen born in 1980.
  for (let i = 0; i < 51; i++) await person(`per-dupg${String(i).padStart(2, '0')}`, `Given${i} Nguyen`, { birthYear: 1980 });
  const group = (await sdk.UpsertGroup({ input: { name: 'Stan brothers', threatLevel: 'MODERATE', provenance: { reportId: open } } })).upsertOrganisedCrimeGroup.id;
  await sdk.Link({ type: 'MEMBER_OF', from: m2, to: group, properties: { role: 'MEMBER' }, provenance: { reportId: open } });
  return { z1, z2, n1, n2, m1, m2, v1, v2, v3, v4, h1, h2, k1, k2, group, names };
}

describe('duplicate candidates through the API', () => {
  let svc: TestService;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  const pairs = (list: { a?: { id: string } | null; b?: { id: string } | null }[]) => list.map((c) => [c.a!.id, c.b!.id].sort().join(' '));

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    w = await buildWorld(await svc.sdk(ingest));
  });
  afterAll(() => svc.close());

  it('ranks the whole graph: the best pair comes first even when its ids sort last', async () => {
    const sdk = await svc.sdk(analyst);
    const { duplicateCandidates: top } = await sdk.DuplicateCandidates({ minScore: 0.1, limit: 1 });
    expect(pairs(top)).toEqual([`${w.z1} ${w.z2}`]);
    expect(top[0]!.evidence.map((e) => e.kind).sort()).toEqual(['DOB_SAME', 'NAME_SAME', 'NATIONALITY_SHARED', 'TravelDocument']);
  });

  it('finds each pair once, from either source, with its evidence, best first', async () => {
    const sdk = await svc.sdk(analyst);
    const { duplicateCandidates: all } = await sdk.DuplicateCandidates({ minScore: 0.1 });
    const found = pairs(all);
    expect(new Set(found).size).toBe(found.length);
    expect(found).toEqual(expect.arrayContaining([`${w.z1} ${w.z2}`, `${w.n1} ${w.n2}`, `${w.m1} ${w.m2}`]));
    expect(found.filter((p) => p.startsWith('per-dupa'))).toHaveLength(12);
    const m = all.find((c) => [c.a!.id, c.b!.id].includes(w.m1))!;
    expect(m.evidence.map((e) => e.kind).sort()).toEqual(['BIRTH_YEAR_SAME', 'NAME_SAME', 'NATIONALITY_SHARED', 'Phone']);
    const n = all.find((c) => [c.a!.id, c.b!.id].includes(w.n1))!;
    expect(n.evidence.map((e) => e.kind).sort()).toEqual(['BIRTH_YEAR_SAME', 'NAME_SAME', 'NATIONALITY_SHARED']);
    const scores = all.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // Different dates of birth score 0; a block of 51 is too common a name; nothing restricted.
    expect(found.some((p) => p.includes('per-dupc'))).toBe(false);
    expect(found.some((p) => p.includes('per-dupg'))).toBe(false);
    expect(found.some((p) => p.includes('per-duph'))).toBe(false);
  });

  it('keeps the rules on who sees what: victims are not name-matched without victim-data rights, restricted links need clearance', async () => {
    const victims = (await (await svc.sdk(analyst)).DuplicateCandidates({ minScore: 0.1 })).duplicateCandidates;
    expect(pairs(victims)).not.toContain(`${w.v1} ${w.v2}`);
    // The victim's date of birth is withheld, so it neither rules the pair out nor shows in the evidence.
    const v3 = victims.find((c) => [c.a!.id, c.b!.id].includes(w.v3))!;
    expect(v3.evidence.map((e) => e.kind).sort()).toEqual(['NATIONALITY_SHARED', 'Phone']);
    const officer = (await (await svc.sdk(victimOfficer)).DuplicateCandidates({ minScore: 0.1 })).duplicateCandidates;
    expect(pairs(officer)).toContain(`${w.v1} ${w.v2}`);
    expect(pairs(officer)).not.toContain(`${w.v3} ${w.v4}`);
    const restricted = (await (await svc.sdk(cleared)).DuplicateCandidates({ minScore: 0.1 })).duplicateCandidates;
    const h = restricted.find((c) => [c.a!.id, c.b!.id].includes(w.h1))!;
    expect(h.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(['TravelDocument', 'NAME_SAME']));
  });

  it('scopes to given people or a group, each pair once', async () => {
    const sdk = await svc.sdk(analyst);
    expect(pairs((await sdk.DuplicateCandidates({ ids: [w.n1], minScore: 0.1 })).duplicateCandidates)).toEqual([`${w.n1} ${w.n2}`]);
    expect(pairs((await sdk.DuplicateCandidates({ ids: [w.n2, w.n1, w.z2], minScore: 0.1 })).duplicateCandidates)).toEqual([`${w.z1} ${w.z2}`, `${w.n1} ${w.n2}`]);
    expect(pairs((await sdk.DuplicateCandidates({ groupId: w.group, minScore: 0.1 })).duplicateCandidates)).toEqual([`${w.m1} ${w.m2}`]);
    // From a member of the too-common block, no name pairs either.
    expect((await sdk.DuplicateCandidates({ ids: ['per-dupg07'], minScore: 0.1 })).duplicateCandidates).toEqual([]);
  });

  it('ranks by a bound Neo4j computes that no exact score exceeds, for every pair and caller', async () => {
    for (const caller of [analyst, cleared, victimOfficer]) {
      const g = new ScopedGraph(svc.graph, accessScope({ subject: 'test', agency: 'NCA', roles: caller.roles, clearance: caller.clearance, ukConditional: 'ukConditional' in caller }), { requestId: 'test', subject: 'test' });
      for (const scope of [{ ids: null, groupId: null }, { ids: [w.m1, w.v1, w.v3, w.h2, 'per-dupa03b'], groupId: null }]) {
        const rows = await readDuplicateCandidates(g, { ...scope, minScore: 0, limit: 1000, weights: EVIDENCE_WEIGHTS, nameFold: NAME_FOLD }, 10_000);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row.bound).toBeGreaterThanOrEqual(scorePair(row).score - 1e-9);
        const bounds = rows.map((r) => r.bound);
        expect(bounds).toEqual([...bounds].sort((x, y) => y - x));
      }
    }
  });

  it('bounds a pair of names Neo4j can tell apart by a similar name, and assumes a same name wherever it cannot', async () => {
    const g = new ScopedGraph(svc.graph, accessScope({ subject: 'test', agency: 'NCA', roles: analyst.roles, clearance: analyst.clearance, ukConditional: false }), { requestId: 'test', subject: 'test' });
    const rows = await readDuplicateCandidates(g, { ids: null, groupId: null, minScore: 0, limit: 1000, weights: EVIDENCE_WEIGHTS, nameFold: NAME_FOLD }, 10_000);
    const bound = (x: string, y: string) => rows.find((r) => [r.a.id, r.b.id].sort().join(' ') === [x, y].sort().join(' '))!.bound;
    const { petru, radu, accented, plain, vlad, recased, hyphenated, spaced, aliased, maria, elena } = w.names;
    const similar = 1 - 0.65 * 0.85 * 0.95; // birth year 0.15, nationality 0.05, a similar name 0.35
    const same = 1 - 0.4 * 0.85 * 0.95; // the same, with the same name 0.6
    expect(bound(petru, radu)).toBeCloseTo(similar, 6);
    expect(bound(petru, accented)).toBeCloseTo(similar, 6);
    expect(bound(accented, plain)).toBeCloseTo(same, 6);
    expect(bound(vlad, recased)).toBeCloseTo(same, 6);
    expect(bound(hyphenated, spaced)).toBeCloseTo(same, 6);
    expect(bound(petru, hyphenated)).toBeCloseTo(similar, 6);
    // An alias counts as a name: the same as Radu's, different from Petru's.
    expect(bound(aliased, radu)).toBeCloseTo(same, 6);
    expect(bound(aliased, petru)).toBeCloseTo(similar, 6);
    // Sharing a phone (0.4) and a nationality, with names Neo4j can tell apart.
    expect(bound(maria, elena)).toBeCloseTo(1 - 0.6 * 0.95 * 0.65, 6);
    // And the scorer agrees where it matters: those are the same name to it.
    const score = (x: string, y: string) => scorePair(rows.find((r) => [r.a.id, r.b.id].includes(x) && [r.a.id, r.b.id].includes(y))!).score;
    expect(score(accented, plain)).toBeCloseTo(same, 3);
    expect(score(vlad, recased)).toBeCloseTo(same, 3);
    expect(score(hyphenated, spaced)).toBeCloseTo(same, 3);
    expect(score(aliased, radu)).toBeCloseTo(same, 3);
    // Names Neo4j cannot fold: a same name assumed, a phone (0.4) and a nationality shared.
    expect(bound(w.k1, w.k2)).toBeCloseTo(1 - 0.4 * 0.95 * 0.6, 6);
    expect(score(w.k1, w.k2)).toBeCloseTo(1 - 0.6 * 0.95, 3);
    const scoped = await readDuplicateCandidates(g, { ids: [radu], groupId: null, minScore: 0, limit: 1000, weights: EVIDENCE_WEIGHTS, nameFold: NAME_FOLD }, 10_000);
    expect(scoped.find((r) => [r.a.id, r.b.id].includes(petru))!.bound).toBeCloseTo(similar, 6);
    expect(scoped.find((r) => [r.a.id, r.b.id].includes(aliased))!.bound).toBeCloseTo(same, 6);
    expect(scoped.find((r) => [r.a.id, r.b.id].includes(hyphenated))!.bound).toBeCloseTo(similar, 6);
  });

  it('says every place is certain when every pair was scored', async () => {
    const { duplicateCandidates: all } = await (await svc.sdk(analyst)).DuplicateCandidates({ minScore: 0.1 });
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((c) => c.rankCertain)).toBe(true);
  });

  it('says which places are certain when only the most promising pairs were scored', async () => {
    // One pair to score beyond the limit: Neo4j keeps the three highest bounds, the same passport
    // (0.981), name and phone (0.806), then the phone pair whose names Neo4j cannot compare
    // (Cyrillic), so its bound assumes a same name (0.772), but whose names differ (0.43). Pairs
    // left out could reach 0.772: the same-name pair with nothing shared scores 0.677 and would
    // rank above the Cyrillic one.
    const few = await startTestService({ MSHT_DUPLICATE_PAIRS: '1' });
    try {
      const { duplicateCandidates: top } = await (await few.sdk(analyst)).DuplicateCandidates({ minScore: 0.1, limit: 3 });
      expect(pairs(top).slice(0, 2)).toEqual([`${w.z1} ${w.z2}`, `${w.m1} ${w.m2}`]);
      expect(pairs(top)[2]).toBe(`${w.k1} ${w.k2}`);
      expect(top.map((c) => [c.score, c.rankCertain])).toEqual([
        [0.981, true],
        [0.806, true],
        [0.43, false],
      ]);
      // The full list agrees on the certain places, and puts a pair left out above the uncertain one.
      const { duplicateCandidates: all } = await (await svc.sdk(analyst)).DuplicateCandidates({ minScore: 0.1, limit: 3 });
      expect(pairs(all).slice(0, 2)).toEqual(pairs(top).slice(0, 2));
      expect(pairs(all)[2]).toBe(`${w.n1} ${w.n2}`);
    } finally {
      await few.close();
    }
  });

  it('gives at a high minScore the pairs a low one gives that reach it, each once (name blocks then test shared records pair by pair)', async () => {
    for (const caller of [analyst, victimOfficer, cleared]) {
      const sdk = await svc.sdk(caller);
      const low = (await sdk.DuplicateCandidates({ minScore: 0.1 })).duplicateCandidates;
      const high = (await sdk.DuplicateCandidates({ minScore: 0.6 })).duplicateCandidates;
      expect(high.length).toBeGreaterThan(0);
      expect(high).toEqual(low.filter((c) => c.score >= 0.6));
    }
    // The Stan brothers are in a name block and share a phone: found once, with the phone.
    const high = (await (await svc.sdk(analyst)).DuplicateCandidates({ minScore: 0.6 })).duplicateCandidates;
    expect(pairs(high).filter((p) => p === `${w.m1} ${w.m2}`)).toHaveLength(1);
  });

  it('agrees between the whole graph and a scope on the same pair', async () => {
    const sdk = await svc.sdk(analyst);
    const whole = (await sdk.DuplicateCandidates({ minScore: 0.1 })).duplicateCandidates.find((c) => [c.a!.id, c.b!.id].includes(w.m1));
    const scoped = (await sdk.DuplicateCandidates({ ids: [w.m2], minScore: 0.1 })).duplicateCandidates[0];
    expect(scoped).toEqual(whole);
  });
});
