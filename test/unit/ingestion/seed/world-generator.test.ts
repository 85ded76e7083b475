import fs from 'node:fs';
import path from 'node:path';

import { checkDatePairs, checkProps, DERIVED_PROPS, NODE_PROPS, REL_PROPS } from '../../../../src/domain/entity-props';
import { RELATIONSHIP_TYPES, type NodeLabel } from '../../../../src/domain/graph-model';
import { normaliseIdentifier, phoneCountry } from '../../../../src/domain/identifiers';
import { ID_PATTERN, ID_PREFIX } from '../../../../src/domain/ids';
import { HANDLING_CODES } from '../../../../src/domain/provenance';
import { POLICE_FORCE_CODES } from '../../../../src/domain/reference/police-forces';
import { CONTROL_METHODS, EXPLOITATION_TYPE_CODES, RECRUITMENT_METHODS } from '../../../../src/domain/vocabulary';
import { isIdentifierLabel, relKey } from '../../../../src/ingestion/check-plan';
import { migratedCountryCodes } from '../reference/harness';
import { REFERENCE_PREFIXES, worldOf } from './harness';

const TODAY = new Date('2026-01-01T00:00:00Z');

function migratedAgencyCodes(): Set<string> {
  const dir = path.join(__dirname, '..', '..', '..', '..', 'neo4j', 'migrations');
  const text = ['0005-agencies.cypher', '0007-uk-geography.cypher'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  return new Set([...text.matchAll(/\{(?:id: 'agency-[A-Z]+', )?code: '([A-Z]+)', name: '[^']*', kind: '(?:[A-Z_]+)'/g)].map((m) => m[1]!));
}

/** The reference ids a world may link to: what the migrations load. */
function referenceIds(): Set<string> {
  return new Set([
    ...[...migratedCountryCodes()].map((c) => `country-${c}`),
    ...POLICE_FORCE_CODES.map((c) => `force-${c}`),
    ...[...migratedAgencyCodes()].map((c) => `agency-${c}`),
    ...EXPLOITATION_TYPE_CODES.map((c) => `etype-${c}`),
    ...CONTROL_METHODS.map((c) => `control-${c.code}`),
    ...RECRUITMENT_METHODS.map((c) => `recruit-${c.code}`),
  ]);
}

describe('WorldGenerator', () => {
  const world = worldOf(7, 400);

  it('is deterministic: the same seed gives the same world, item for item; another seed another world', () => {
    expect(worldOf(7, 400).items).toEqual(world.items);
    const other = worldOf(8, 400);
    expect(other.items).not.toEqual(world.items);
    expect(JSON.stringify(other.nodes.find((n) => n.label === 'Person')!.props)).not.toBe(JSON.stringify(world.nodes.find((n) => n.label === 'Person')!.props));
  });

  it('writes only what the property tables allow, with valid ids of the right kind', () => {
    const ids = new Set<string>();
    for (const n of world.nodes) {
      expect(n.id).toMatch(ID_PATTERN);
      expect(n.id.startsWith(`${ID_PREFIX[n.label]}-s7-`)).toBe(true);
      expect(ids.has(n.id)).toBe(false);
      ids.add(n.id);
      const derived = DERIVED_PROPS[n.label] ?? {};
      const own = Object.fromEntries(Object.entries(n.props).filter(([k]) => !(k in derived)));
      expect(() => checkProps(NODE_PROPS[n.label], own, n.id, TODAY, true)).not.toThrow();
      expect(() => checkDatePairs(n.label, n.props, n.id)).not.toThrow();
      if (isIdentifierLabel(n.label)) expect(normaliseIdentifier(n.label, n.props.value as string, n.id)).toBe(n.props.value);
      // The country an export carries is the one an import derives back from the value.
      if (n.label === 'Phone') expect(n.props.countryCode).toBe(phoneCountry(n.props.value as string));
    }
    for (const r of world.rels) {
      expect(() => checkProps(REL_PROPS[r.type], r.props, `${r.from}-${r.type}`, TODAY, true)).not.toThrow();
      expect(() => checkDatePairs('__rel', r.props, r.type)).not.toThrow();
    }
  });

  it('links only nodes it wrote or reference data the migrations load, with the ends the model allows', () => {
    const labels = new Map<string, NodeLabel>(world.nodes.map((n) => [n.id, n.label]));
    const reference = referenceIds();
    for (const r of world.rels) {
      for (const [id, allowed] of [
        [r.from, RELATIONSHIP_TYPES[r.type].from],
        [r.to, RELATIONSHIP_TYPES[r.type].to],
      ] as const) {
        const label = labels.get(id) ?? (reference.has(id) ? REFERENCE_PREFIXES[id.split('-')[0]!] : undefined);
        expect({ rel: `${r.from} ${r.type} ${r.to}`, end: id, label }).toEqual({ rel: `${r.from} ${r.type} ${r.to}`, end: id, label: expect.any(String) });
        expect(allowed as readonly string[]).toContain(label);
      }
    }
  });

  it('never writes the same relationship twice, and emits every node in the slice that first needs it', () => {
    const keys = world.rels.map(relKey);
    expect(new Set(keys).size).toBe(keys.length);
    // The seeder writes a slice's nodes before its relationships, and slices in order: an end
    // may come later in the same slice (a group's members before the group), never in a later one.
    const seen = new Set<string>(referenceIds());
    for (const slice of world.slices) {
      for (const it of slice) if (it.kind === 'node') seen.add(it.id);
      for (const it of slice) if (it.kind === 'rel') expect([it.from, it.to].filter((id) => !seen.has(id))).toEqual([]);
    }
  });

  it('grades its facts like real intelligence: every source grade, some H2 and H3, some UK handling C', () => {
    const items = world.items;
    const handling = new Set(items.map((i) => i.prov.handling));
    for (const h of HANDLING_CODES) expect(handling).toContain(h);
    expect(new Set(items.map((i) => i.prov.gradeSource))).toEqual(new Set([1, 2, 3]));
    expect(new Set(items.map((i) => i.prov.gradeIntel)).size).toBeGreaterThanOrEqual(4);
    expect(items.some((i) => i.prov.ukHandling === 'C')).toBe(true);
    const reports = new Set(world.nodes.filter((n) => n.label === 'IntelligenceReport').map((n) => n.id));
    for (const i of items) expect(reports).toContain(i.prov.reportId);
    // recordedAt comes from the seed, not the clock.
    for (const i of items) expect(i.prov.recordedAt < '2025-02-01').toBe(true);
  });

  it('gives groups a business model that reads back stage by stage', () => {
    const big = worldOf(11, 3000);
    const groups = big.nodes.filter((n) => n.label === 'OrganisedCrimeGroup');
    const romanian = groups.find((g) => /Romanian sexual/.test(g.props.description as string))!;
    expect(romanian).toBeDefined();
    const from = (id: string, type: string) => big.rels.filter((r) => r.from === id && r.type === type);
    const routes = from(romanian.id, 'OPERATES_ROUTE').map((r) => r.to);
    expect(routes.length).toBeGreaterThan(0);
    const stops = big.rels.filter((r) => routes.includes(r.from) && r.type === 'HAS_STOP');
    expect(stops.some((s) => s.to === 'country-RO' && s.props.order === 0)).toBe(true);
    expect(stops.some((s) => s.to === 'country-GB' && ['FLIGHT', 'COACH', 'FERRY'].includes(s.props.mode as string))).toBe(true);
    const controlled = from(romanian.id, 'CONTROLS').map((r) => big.nodes.find((n) => n.id === r.to)!);
    expect(controlled.every((b) => b.props.type === 'BROTHEL')).toBe(true);
    // Vietnamese cannabis: a smuggling debt on the routes, grows as the businesses.
    const vn = groups.find((g) => /Vietnamese cannabis/.test(g.props.description as string))!;
    expect(from(vn.id, 'CONTROLS').every((r) => big.nodes.find((n) => n.id === r.to)!.props.type === 'CANNABIS_GROW')).toBe(true);
    expect(big.rels.some((r) => r.type === 'TRAVELLED' && (r.props.debt as number) >= 15000)).toBe(true);
    // County lines: a deal line held by the group and used by children.
    const lines = groups.filter((g) => /County lines/.test(g.props.description as string));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((g) => from(g.id, 'HAS_IDENTIFIER').length > 0)).toBe(true);
    // Money goes abroad from some groups.
    expect(big.rels.some((r) => r.type === 'ISSUED_BY' && r.from.startsWith('acct-') && r.to === 'country-RO')).toBe(true);
  });

  it('covers some groups with operations and leaves others untouched', () => {
    const groups = world.nodes.filter((n) => n.label === 'OrganisedCrimeGroup').map((n) => n.id);
    const targeted = new Set(world.rels.filter((r) => r.type === 'TARGETS').map((r) => r.to));
    const covered = groups.filter((g) => targeted.has(g));
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.length).toBeLessThan(groups.length);
  });

  it('links people through shared phones and addresses, and leaves near-duplicate records to resolve', () => {
    const holders = new Map<string, Set<string>>();
    for (const r of world.rels.filter((x) => x.type === 'HAS_IDENTIFIER' && x.from.startsWith('per-'))) holders.set(r.to, new Set([...(holders.get(r.to) ?? []), r.from]));
    expect([...holders.values()].filter((h) => h.size > 1).length).toBeGreaterThan(5);
    const persons = world.nodes.filter((n) => n.label === 'Person');
    const byYear = new Map<string, typeof persons>();
    for (const p of persons) if (p.props.birthYear) byYear.set(`${p.props.birthYear}`, [...(byYear.get(`${p.props.birthYear}`) ?? []), p]);
    const similar = (a: string, b: string) => a !== b && (a.normalize('NFD').replace(/\p{M}/gu, '') === b.normalize('NFD').replace(/\p{M}/gu, '') || [...a.split(' ')].sort().join(' ') === [...b.split(' ')].sort().join(' ') || (a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 2));
    const pairs = [...byYear.values()].flatMap((ps) => ps.flatMap((a) => ps.filter((b) => similar(a.props.name as string, b.props.name as string))));
    expect(pairs.length).toBeGreaterThanOrEqual(3);
  });
});
