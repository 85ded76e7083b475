import fs from 'node:fs';
import path from 'node:path';

import { buildSchema, getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';

import { resetGraph } from '../../support/reset-graph';
import type { TokenOptions } from '../../support/tokens';
import { startTestService, type TestService } from '../../support/test-service';

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8'));
const ingest: TokenOptions = { roles: ['INGEST', 'ANALYST'], clearance: 'H3', ukConditional: true };
const analyst: TokenOptions = { roles: ['ANALYST'], clearance: 'H3', ukConditional: true };
const officer: TokenOptions = { roles: ['ANALYST', 'VICTIM_DATA_OFFICER'], clearance: 'H3', ukConditional: true };
const provenance = { reportId: 'ref-msht-reference-data', handling: 'H1' as const, gradeSource: 2, gradeIntel: 'B' as const };

/** The leaf fields of a type that need no arguments, and `provenance` with all of its own. */
function fieldsOf(typeName: string): string[] {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((f) => f.args.every((a) => a.defaultValue !== undefined || !('ofType' in a.type && a.type.toString().endsWith('!'))))
    .flatMap((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return [f.name];
      if (f.name === 'provenance' && isObjectType(named)) return [`provenance { ${Object.keys(named.getFields()).join(' ')} }`];
      return [];
    });
}

/**
 * Readers return only the properties a selection needs. These tests check that a selection of
 * one field, a full selection and the unprojected read (`node(id)`) agree field by field, across
 * every reader that projects (by id, lists, relationships, short lists), and that the victim rule
 * holds whatever is selected.
 */
describe('projections follow the selection and lose nothing', () => {
  let svc: TestService;
  let offenderId: string;
  let victimId: string;
  let groupId: string;
  let phoneId: string;
  let victimPhoneId: string;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    const sdk = await svc.client(ingest);
    const person = (input: object) => sdk.request<{ upsertPerson: { id: string } }>('mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }', { i: input });
    const identifier = (input: object) => sdk.request<{ upsertIdentifier: { id: string } }>('mutation($i: IdentifierInput!) { upsertIdentifier(input: $i) { id } }', { i: input });
    const link = (from: string, to: string, type: string, properties?: object) =>
      sdk.request('mutation($f: ID!, $t: ID!, $ty: RelationshipType!, $p: LinkPropertiesInput, $pr: ProvenanceInput!) { link(from: $f, to: $t, type: $ty, properties: $p, provenance: $pr) { linkId } }', { f: from, t: to, ty: type, p: properties ?? null, pr: provenance });
    offenderId = (await person({ name: 'Ion Popescu', aliases: ['Nelu'], dateOfBirth: '1979-11-23', gender: 'MALE', roles: ['OFFENDER'], nationalities: ['RO', 'MD'], provenance })).upsertPerson.id;
    victimId = (await person({ name: 'Elena Rusu', aliases: ['Lena'], dateOfBirth: '2003-02-14', gender: 'FEMALE', roles: ['VICTIM'], ageGroup: 'ADULT', nationalities: ['RO'], provenance })).upsertPerson.id;
    groupId = (await sdk.request<{ upsertOrganisedCrimeGroup: { id: string } }>('mutation($i: OrganisedCrimeGroupInput!) { upsertOrganisedCrimeGroup(input: $i) { id } }', { i: { name: 'Popescu network', aliases: ['PN'], description: 'Labour exploitation', threatLevel: 'HIGH', provenance } })).upsertOrganisedCrimeGroup.id;
    phoneId = (await identifier({ kind: 'Phone', value: '07700 900123', provenance })).upsertIdentifier.id;
    victimPhoneId = (await identifier({ kind: 'Phone', value: '07700 900456', provenance })).upsertIdentifier.id;
    await link(offenderId, groupId, 'MEMBER_OF', { role: 'LEADER', since: '2021-03-01' });
    await link(offenderId, phoneId, 'HAS_IDENTIFIER');
    await link(victimId, victimPhoneId, 'HAS_IDENTIFIER');
  });
  afterAll(() => svc.close());

  async function ask<T>(token: TokenOptions, query: string, variables: object = {}): Promise<T> {
    return (await svc.client(token)).request<T>(query, variables);
  }

  /** Every field of `fields`, asked alone through `wrap`, equals the same field of a full selection and of the unprojected read. */
  async function agreeFieldByField(token: TokenOptions, fields: string[], wrap: (selection: string) => string, pick: (data: never) => Record<string, unknown>, reference: Record<string, unknown>) {
    const full = pick(await ask<never>(token, wrap(fields.join(' '))));
    for (const f of fields) {
      const key = f.split(' ')[0]!;
      expect({ field: key, value: full[key] }).toEqual({ field: key, value: reference[key] });
      const alone = pick(await ask<never>(token, wrap(f)));
      expect({ field: key, value: alone[key] }).toEqual({ field: key, value: reference[key] });
    }
  }

  const unprojected = async (token: TokenOptions, id: string, type: string, fields: string[]) =>
    (await ask<{ node: Record<string, unknown> }>(token, `query($id: ID!) { node(id: $id) { ... on ${type} { ${fields.join(' ')} } } }`, { id })).node;

  it('a person by id, in a list and through a relationship: one field alone, all fields and the unprojected read agree', async () => {
    const fields = fieldsOf('Person');
    expect(fields).toEqual(expect.arrayContaining(['name', 'aliases', 'dateOfBirth', 'birthYear', 'gender', 'displayName', 'roles', 'redacted']));
    const reference = await unprojected(analyst, offenderId, 'Person', fields);
    expect(reference).toMatchObject({ name: 'Ion Popescu', aliases: ['Nelu'], dateOfBirth: '1979-11-23', birthYear: 1979, gender: 'MALE', displayName: 'Ion Popescu', redacted: false });
    expect(reference.provenance).toMatchObject({ reportId: 'ref-msht-reference-data', handling: 'H1', grading: '2BP' });

    await agreeFieldByField(analyst, fields, (s) => `{ person(id: "${offenderId}") { ${s} } }`, (d: { person: Record<string, unknown> }) => d.person, reference);
    await agreeFieldByField(analyst, fields, (s) => `{ persons(first: 100) { nodes { id ${s} } } }`, (d: { persons: { nodes: Record<string, unknown>[] } }) => d.persons.nodes.find((n) => n.id === offenderId)!, reference);
    await agreeFieldByField(analyst, fields, (s) => `{ organisedCrimeGroup(id: "${groupId}") { members { edges { node { ${s} } } } } }`, (d: { organisedCrimeGroup: { members: { edges: { node: Record<string, unknown> }[] } } }) => d.organisedCrimeGroup.members.edges[0]!.node, reference);
  });

  it('a membership edge, its group, a phone and the nationalities agree with the unprojected read', async () => {
    const groupFields = fieldsOf('OrganisedCrimeGroup');
    const group = await unprojected(analyst, groupId, 'OrganisedCrimeGroup', groupFields);
    expect(group).toMatchObject({ name: 'Popescu network', aliases: ['PN'], description: 'Labour exploitation' });
    await agreeFieldByField(analyst, groupFields, (s) => `{ person(id: "${offenderId}") { groups { edges { node { ${s} } } } } }`, (d: { person: { groups: { edges: { node: Record<string, unknown> }[] } } }) => d.person.groups.edges[0]!.node, group);

    const edgeFields = fieldsOf('MembershipEdge');
    const edge = (await ask<{ person: { groups: { edges: Record<string, unknown>[] } } }>(analyst, `{ person(id: "${offenderId}") { groups { edges { ${edgeFields.join(' ')} node { id } } } } }`)).person.groups.edges[0]!;
    expect(edge).toMatchObject({ role: 'LEADER', since: '2021-03-01', type: 'MEMBER_OF' });
    expect(edge.provenance).toMatchObject({ handling: 'H1', grading: '2BP' });
    for (const f of edgeFields) {
      const key = f.split(' ')[0]!;
      const alone = (await ask<{ person: { groups: { edges: Record<string, unknown>[] } } }>(analyst, `{ person(id: "${offenderId}") { groups { edges { ${f} } } } }`)).person.groups.edges[0]!;
      expect({ field: key, value: alone[key] }).toEqual({ field: key, value: edge[key] });
    }

    const phoneFields = fieldsOf('Phone');
    const phone = await unprojected(analyst, phoneId, 'Phone', phoneFields);
    expect(phone).toMatchObject({ kind: 'Phone', redacted: false });
    expect(phone.value).toEqual(expect.stringContaining('7700900123'));
    await agreeFieldByField(analyst, phoneFields, (s) => `{ person(id: "${offenderId}") { identifiers { edges { node { ... on Phone { ${s} } } } } } }`, (d: { person: { identifiers: { edges: { node: Record<string, unknown> }[] } } }) => d.person.identifiers.edges[0]!.node, phone);

    const countryFields = fieldsOf('Country');
    const all = (await ask<{ person: { nationalities: Record<string, unknown>[] } }>(analyst, `{ person(id: "${offenderId}") { nationalities { ${countryFields.join(' ')} } } }`)).person.nationalities;
    expect(all.map((c) => c.code).sort()).toEqual(['MD', 'RO']);
    const names = (await ask<{ person: { nationalities: { name: string }[] } }>(analyst, `{ person(id: "${offenderId}") { nationalities { name } } }`)).person.nationalities.map((c) => c.name);
    expect(names.sort()).toEqual(all.map((c) => c.name as string).sort());
  });

  it('different selections of the same node in one request each get what they asked for', async () => {
    const q = `{
      a: person(id: "${offenderId}") { name }
      b: person(id: "${offenderId}") { gender dateOfBirth groups { edges { role } } }
      c: person(id: "${offenderId}") { groups { edges { since node { name } } } nationalities { code } }
      d: person(id: "${offenderId}") { nationalities { name } }
    }`;
    const r = await ask<Record<string, Record<string, unknown>>>(analyst, q);
    expect(r.a).toEqual({ name: 'Ion Popescu' });
    expect(r.b).toEqual({ gender: 'MALE', dateOfBirth: '1979-11-23', groups: { edges: [{ role: 'LEADER' }] } });
    expect(r.c).toMatchObject({ groups: { edges: [{ since: '2021-03-01', node: { name: 'Popescu network' } }] } });
    expect((r.d!.nationalities as { name: string }[]).every((c) => typeof c.name === 'string' && c.name.length > 0)).toBe(true);
  });

  it('a subgraph (neighbourhood, paths): each node and edge field asked alone agrees with the full selection', async () => {
    const provenanceFields = 'provenance { reportId agency recordedAt gradeSource gradeIntel ukHandling handling consent grading }';
    const nodeFields = ['type', 'label', 'roles', 'redacted', 'properties', provenanceFields, 'node { id }'];
    const edgeFields = ['type', 'source', 'target', 'from', 'to', 'properties', provenanceFields];
    type Graph = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
    const byId = (list: Record<string, unknown>[]) => new Map(list.map((x) => [x.id as string, x]));
    for (const token of [analyst, officer]) {
      for (const [wrap, pick] of [
        [(n: string, e: string) => `{ neighbourhood(ids: ["${offenderId}", "${victimId}"], depth: 1) { nodes { id ${n} } edges { id ${e} } } }`, (d: { neighbourhood: Graph }) => d.neighbourhood],
        [(n: string, e: string) => `{ paths(from: "${offenderId}", to: "${groupId}") { subgraph { nodes { id ${n} } edges { id ${e} } } } }`, (d: { paths: { subgraph: Graph }[] }) => d.paths[0]!.subgraph],
      ] as const) {
        const full = (pick as (d: never) => Graph)(await ask<never>(token, wrap(nodeFields.join(' '), edgeFields.join(' '))));
        expect(full.nodes.length).toBeGreaterThan(1);
        expect(full.edges.length).toBeGreaterThan(0);
        const nodes = byId(full.nodes);
        const edges = byId(full.edges);
        for (const f of nodeFields) {
          const key = f.split(' ')[0]!;
          const alone = (pick as (d: never) => Graph)(await ask<never>(token, wrap(f, 'type')));
          for (const n of alone.nodes) expect({ id: n.id, key, value: n[key] }).toEqual({ id: n.id, key, value: nodes.get(n.id as string)![key] });
        }
        for (const f of edgeFields) {
          const key = f.split(' ')[0]!;
          const alone = (pick as (d: never) => Graph)(await ask<never>(token, wrap('type', f)));
          for (const e of alone.edges) expect({ id: e.id, key, value: e[key] }).toEqual({ id: e.id, key, value: edges.get(e.id as string)![key] });
        }
      }
    }
    // A link chart's lean selection: labels and dates are there, and a victim's label is a pseudonym without rights.
    const lean = (await ask<{ neighbourhood: Graph }>(analyst, `{ neighbourhood(ids: ["${offenderId}", "${victimId}"], depth: 1) { nodes { id label } edges { type from } } }`)).neighbourhood;
    expect(byId(lean.nodes).get(offenderId)!.label).toBe('Ion Popescu');
    expect(byId(lean.nodes).get(groupId)!.label).toBe('Popescu network');
    expect(byId(lean.nodes).get(victimId)!.label).not.toMatch(/Elena|Rusu/);
    expect(lean.edges.find((e) => e.type === 'MEMBER_OF')!.from).toBe('2021-03-01');
  });

  it('a protected key asked for, alone or with others, still comes back null without victim-data rights', async () => {
    for (const s of ['name', 'aliases', 'dateOfBirth', 'birthYear', 'name dateOfBirth gender', 'displayName pseudonym redacted']) {
      const byId = (await ask<{ person: Record<string, unknown> }>(analyst, `{ person(id: "${victimId}") { ${s} } }`)).person;
      const listed = (await ask<{ persons: { nodes: Record<string, unknown>[] } }>(analyst, `{ persons(first: 100) { nodes { id ${s} } } }`)).persons.nodes.find((n) => n.id === victimId)!;
      for (const got of [byId, listed]) {
        expect(JSON.stringify(got)).not.toMatch(/Elena|Rusu|Lena|2003/);
        for (const k of ['name', 'aliases', 'dateOfBirth', 'birthYear']) if (k in got) expect(got[k]).toBeNull();
      }
    }
    const redacted = (await ask<{ person: Record<string, unknown> }>(analyst, `{ person(id: "${victimId}") { displayName pseudonym redacted gender } }`)).person;
    expect(redacted).toMatchObject({ redacted: true, gender: 'FEMALE' });
    expect(redacted.displayName).toBe(redacted.pseudonym);
    const phone = (await ask<{ person: { identifiers: { edges: { node: Record<string, unknown> }[] } } }>(analyst, `{ person(id: "${victimId}") { identifiers { edges { node { value } } } } }`)).person.identifiers.edges[0]!.node;
    expect(phone).toEqual({ value: null });
    // What is derived from the value is withheld with it: a phone's country is its dialling code.
    const writer = await svc.client(ingest);
    const romanian = (
      await writer.request<{ upsertIdentifier: { id: string } }>('mutation($i: IdentifierInput!) { upsertIdentifier(input: $i) { id } }', { i: { kind: 'Phone', value: '+40 721 234 567', provenance } })
    ).upsertIdentifier.id;
    await writer.request('mutation($f: ID!, $t: ID!, $pr: ProvenanceInput!) { link(from: $f, to: $t, type: HAS_IDENTIFIER, provenance: $pr) { linkId } }', { f: victimId, t: romanian, pr: provenance });
    const derived = `{ node(id: "${romanian}") { ... on Phone { value countryCode redacted } } }`;
    expect((await ask<{ node: Record<string, unknown> }>(analyst, derived)).node).toEqual({ value: null, countryCode: null, redacted: true });
    expect((await ask<{ node: Record<string, unknown> }>(officer, derived)).node).toEqual({ value: '+40721234567', countryCode: 'RO', redacted: false });

    const seen = (await ask<{ person: Record<string, unknown> }>(officer, `{ person(id: "${victimId}") { name dateOfBirth redacted identifiers { edges { node { value } } } } }`)).person;
    expect(seen).toMatchObject({ name: 'Elena Rusu', dateOfBirth: '2003-02-14', redacted: false });
    expect(JSON.stringify(seen.identifiers)).toContain('7700900456');
  });
});
