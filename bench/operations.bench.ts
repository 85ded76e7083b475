// The operations bench (bench/README.md): every read operation an analyst runs (schema/operations,
// through the generated SDK), timed one request at a time through an in-process service on a bench
// world's Neo4j (.bench-data/<scale>). Not a test: it prints figures and writes
// bench/results/operations-<scale>.local.json.
//   npx ts-node --transpile-only bench/operations.bench.ts [--scale small|medium|large] [--runs n] [--only Name]
import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { GraphQLClient } from 'graphql-request';

import { createApp } from '../src/app';
import { signToken } from '../src/auth/authenticator';
import { loadConfig } from '../src/config/config';
import { createDriver } from '../src/graph/driver';
import { GraphClient } from '../src/graph/run-query';
import { createLogger } from '../src/logging/logger';
import { getSdk, type ExploitationTypeCode, type Gender, type GroupRole, type Sdk, type TrendGroup, type TrendMeasure } from '../src/sdk/generated';
import { Rng } from './harness/rng';
import { percentile } from './harness/stats';
import { openBenchDatabase, type BenchDatabase } from './support/database';
import { loadAverage, machineInfo } from './support/machine';
import { cpuMs } from './support/process-stats';
import { FULL_CLEARANCE } from './systems/clearance';

const ROOT = path.resolve(__dirname, '..');
const say = (line: string) => process.stdout.write(`${line}\n`);

export const USAGE = `npx ts-node --transpile-only bench/operations.bench.ts [options]

  --scale S          small, medium or large: the world in .bench-data/<scale> (default small)
  --runs N           timed requests per operation, each with other ids drawn from the world (default 5)
  --only LIST        operations to run, comma-separated: a row name (Trends/REGION) or an
                     operation name for all its rows (Trends); default every operation
  --seed N           seed of the ids drawn from the world (default 1)
  --caller C         full (an analyst with victim-data rights cleared for H3 and UK C, as
                     bench/run.ts asks) or analyst (ANALYST, H1, no UK C) (default full)
  --neo4j-uri URI    use this Neo4j (holding a bench world) instead of starting one
  --neo4j-pid PID    that Neo4j's process, for its CPU time per request
  --data-dir DIR     the store to start Neo4j on (default .bench-data/<scale>; never .data/)
  --heap SIZE        embedded Neo4j heap (default 1g)
  --pagecache SIZE   embedded Neo4j page cache (default 512m small, 1g medium, 3g large)
  --answers FILE     also write every answer (data, per row and parameter set) to FILE, to compare
                     two versions of the service answer for answer`;

interface Options {
  scale: string;
  runs: number;
  only: string[] | null;
  seed: number;
  caller: 'full' | 'analyst';
  neo4jUri: string | null;
  neo4jPid: number | null;
  dataDir: string;
  heap: string;
  pageCache: string;
  answers: string | null;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scale: { type: 'string', default: 'small' },
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      seed: { type: 'string', default: '1' },
      caller: { type: 'string', default: 'full' },
      'neo4j-uri': { type: 'string' },
      'neo4j-pid': { type: 'string' },
      'data-dir': { type: 'string' },
      heap: { type: 'string', default: '1g' },
      pagecache: { type: 'string' },
      answers: { type: 'string' },
    },
  });
  const scale = values.scale!;
  if (!['tiny', 'small', 'medium', 'large'].includes(scale)) throw new Error(`--scale must be small, medium or large, got ${JSON.stringify(scale)}`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number, 1 or more');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number, 0 or more');
  if (values.caller !== 'full' && values.caller !== 'analyst') throw new Error('--caller must be full or analyst');
  const neo4jPid = values['neo4j-pid'] === undefined ? null : Number(values['neo4j-pid']);
  if (neo4jPid !== null && (!Number.isInteger(neo4jPid) || neo4jPid < 1)) throw new Error('--neo4j-pid must be a process id');
  const dataDir = path.resolve(values['data-dir'] ?? path.join(ROOT, '.bench-data', scale));
  const devStore = path.resolve(ROOT, '.data');
  if (dataDir === devStore || dataDir.startsWith(devStore + path.sep)) throw new Error('--data-dir may not be the development store (.data/)');
  return {
    scale,
    runs,
    only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null,
    seed,
    caller: values.caller,
    neo4jUri: values['neo4j-uri'] ?? null,
    neo4jPid,
    dataDir,
    heap: values.heap!,
    pageCache: values.pagecache ?? (scale === 'large' ? '3g' : scale === 'medium' ? '1g' : '512m'),
    answers: values.answers ? path.resolve(values.answers) : null,
  };
}

/** One row of the table: an operation of schema/operations (some in several variants), with its parameter sets. */
interface Row {
  /** `Operation` or `Operation/variant`. */
  name: string;
  /** What the results column counts. */
  counts: string;
  /** Parameter sets: the first warms up (untimed), the others are timed in turn. */
  params: unknown[];
  run(sdk: Sdk, p: unknown): Promise<{ data: unknown; results: number }>;
}

function row<P, T>(name: string, counts: string, params: P[], call: (sdk: Sdk, p: P) => Promise<T>, count: (t: T) => number): Row {
  return {
    name,
    counts,
    params,
    run: async (sdk, p) => {
      const data = await call(sdk, p as P);
      return { data, results: count(data) };
    },
  };
}

/** Read operations of schema/operations left out, and why. */
const NOT_MEASURED: Record<string, string> = {
  AuditEvents: 'the audit trail is read by supervisors, not analysts',
  VerifyAuditChain: 'the audit trail is read by supervisors, not analysts',
};

const month = (d: Date) => d.toISOString().slice(0, 7);
const day = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
const lastDay = (firstOfMonth: Date) => new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0));

/** Draws every row's parameter sets from the world, deterministically for the seed: `n` sets each. */
async function drawRows(db: BenchDatabase, seed: number, n: number): Promise<Row[]> {
  const rng = new Rng(seed * 7919 + 17);
  const ids = async (cypher: string) => (await db.run(cypher)).map((r) => r.id as string);
  const pick = <T>(items: readonly T[], k = n) => {
    if (items.length === 0) throw new Error('the world has nothing to draw from: is it seeded?');
    const out = rng.sample(items, k);
    while (out.length < k) out.push(rng.pick(items));
    return out;
  };
  const persons = await ids('MATCH (p:Person) RETURN p.id AS id ORDER BY id');
  const members = await ids('MATCH (p:Person) WHERE EXISTS { (p)-[:MEMBER_OF]->(:OrganisedCrimeGroup) } RETURN p.id AS id ORDER BY id');
  const offenders = await ids('MATCH (p:Offender) RETURN p.id AS id ORDER BY id');
  const holders = await ids('MATCH (p:Person) WHERE EXISTS { (p)-[:HAS_IDENTIFIER]->() } RETURN p.id AS id ORDER BY id');
  const groups = await ids('MATCH (g:OrganisedCrimeGroup) WHERE EXISTS { (g)<-[:MEMBER_OF]-() } RETURN g.id AS id ORDER BY id');
  // Key players need a network of more than keyPlayers + 2 people (the operation's default is 3).
  const networks = await ids('MATCH (g:OrganisedCrimeGroup) WHERE COUNT { (g)<-[:MEMBER_OF]-() } >= 8 RETURN g.id AS id ORDER BY id');
  const phones = await ids('MATCH (i:Phone) WHERE EXISTS { (i)<-[:HAS_IDENTIFIER]-() } RETURN i.value AS id ORDER BY id');
  const routes = await ids('MATCH (r:Route) RETURN r.id AS id ORDER BY id');
  const operations = await ids('MATCH (o:Operation) RETURN o.id AS id ORDER BY id');
  const exploitations = await ids('MATCH (e:Exploitation) RETURN e.id AS id ORDER BY id');
  const places = await ids('CALL () { MATCH (t:Town) RETURN t.id AS id UNION MATCH (f:PoliceForce) RETURN f.id AS id UNION MATCH (a:Address) RETURN a.id AS id } RETURN id ORDER BY id');
  const forces = await ids('MATCH (f:PoliceForce) RETURN f.code AS id ORDER BY id');
  const nationalities = await ids('MATCH (c:Country) WHERE EXISTS { (c)<-[:NATIONAL_OF]-(:Person) } RETURN c.code AS id ORDER BY id');
  const origins = await ids(`MATCH (r:Route)-[s:HAS_STOP]->(c:Country) WHERE NOT EXISTS { (r)-[s2:HAS_STOP]->() WHERE s2.order < s.order } RETURN DISTINCT c.code AS id ORDER BY id`);
  const names = (await db.run('MATCH (p:Person) WHERE p.name IS NOT NULL RETURN p.name AS name ORDER BY p.id')).map((r) => r.name as string);
  const [dates] = await db.run(`CALL () { MATCH (e:Exploitation) WHERE e.startDate IS NOT NULL RETURN e.startDate AS first ORDER BY first LIMIT 1 }
CALL () { MATCH (e:Exploitation) WHERE e.startDate IS NOT NULL RETURN e.startDate AS last ORDER BY last DESC LIMIT 1 }
RETURN toString(first) AS first, toString(last) AS last`);
  if (!dates) throw new Error('the world has no dated exploitation events: is it seeded?');
  const first = new Date(`${(dates.first as string).slice(0, 7)}-01T00:00:00Z`);
  const last = new Date(`${(dates.last as string).slice(0, 7)}-01T00:00:00Z`);
  const spanMonths = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1;

  /** Windows of `months` whole months inside the world's dated events (the whole span when shorter). */
  const windows = (months: number) =>
    Array.from({ length: n }, () => {
      const m = Math.min(months, spanMonths);
      const start = addMonths(first, rng.int(0, spanMonths - m));
      return { from: day(start), to: day(lastDay(addMonths(start, m - 1))) };
    });
  const months = (recent: number) => Array.from({ length: n }, () => month(addMonths(last, -rng.int(0, Math.min(recent, spanMonths) - 1))));

  /** People two to four hops from an offender, through non-reference nodes (as workload d draws them). */
  const pairs = async (): Promise<{ from: string; to: string }[]> => {
    const out: { from: string; to: string }[] = [];
    for (let tries = 0; out.length < n && tries < n * 10; tries++) {
      const from = rng.pick(offenders);
      const far = await db.run(`MATCH (a:Person {id: $from}) MATCH (a)(()-[]-(x) WHERE NOT x:Reference){${rng.int(2, 4)}}(b:Person) WHERE b <> a RETURN DISTINCT b.id AS id ORDER BY id LIMIT 25`, { from });
      if (far.length) out.push({ from, to: rng.pick(far).id as string });
    }
    while (out.length < n && out.length > 0) out.push(rng.pick(out));
    return out;
  };
  const searchText = () => {
    let text = rng.pick(names);
    const words = text.split(' ');
    if (rng.chance(0.3)) text = rng.pick(words);
    if (rng.chance(0.3)) {
      const w = words.reduce((a, b) => (b.length > a.length ? b : a));
      if (w.length > 2) {
        const at = rng.int(1, w.length - 1);
        text = text.replace(w, w.slice(0, at) + w.slice(at + 1));
      }
    }
    return text;
  };
  const CATEGORIES: ExploitationTypeCode[] = ['SEXUAL', 'LABOUR', 'CRIMINAL', 'DOMESTIC_SERVITUDE'];
  const GENDERS: Gender[] = ['MALE', 'FEMALE'];
  const GROUP_ROLES: GroupRole[] = ['LEADER', 'RECRUITER', 'CONTROLLER', 'MONEY_HANDLER'];
  const TREND_GROUPS: TrendGroup[] = ['NONE', 'EXPLOITATION_TYPE', 'NATIONALITY', 'FORCE_AREA', 'REGION', 'AGE_GROUP'];
  const OTHER_MEASURES: TrendMeasure[] = ['OFFENDERS', 'EXPLOITATIONS', 'OPERATIONS', 'NRM_REFERRALS'];
  const pathPairs = await pairs();
  const list = (k: number, from: readonly string[]) => Array.from({ length: n }, () => pick(from, k).slice(0, k));
  const subgraphSize = (s: { nodes: unknown[] } | null | undefined) => s?.nodes.length ?? 0;
  const once = [{}];

  return [
    // person.graphql
    row('PersonById', 'person found (1/0)', pick(persons).map((id) => ({ id })), (s, p) => s.PersonById(p), (d) => (d.person ? 1 : 0)),
    row('PersonProfile', 'group and identifier links', pick(members).map((id) => ({ id })), (s, p) => s.PersonProfile(p), (d) => (d.person ? d.person.groups.edges.length + d.person.identifiers.edges.length : 0)),
    // A row's parameter sets share one shape (one Cypher text), so its first request plans what the timed ones run.
    row(
      'PersonList/nationality',
      'people on the page',
      Array.from({ length: n }, () => ({ filter: { nationalities: [rng.pick(nationalities)], gender: [rng.pick(GENDERS)], birthYearFrom: rng.int(1960, 1980), birthYearTo: rng.int(1985, 2005) } })),
      (s, p) => s.PersonList(p),
      (d) => d.persons.nodes.length,
    ),
    row('PersonList/force-area', 'people on the page', Array.from({ length: n }, () => ({ filter: { forceAreas: [rng.pick(forces)] } })), (s, p) => s.PersonList(p), (d) => d.persons.nodes.length),
    row(
      'PersonList/group-role',
      'people on the page',
      Array.from({ length: n }, () => ({ filter: { groupRoles: [rng.pick(GROUP_ROLES)] }, sort: 'NAME' as const })),
      (s, p) => s.PersonList(p),
      (d) => d.persons.nodes.length,
    ),
    // group.graphql
    row('GroupWithMembers', 'member links', pick(groups).map((id) => ({ id })), (s, p) => s.GroupWithMembers(p), (d) => d.organisedCrimeGroup?.members.edges.length ?? 0),
    row('GroupList/all', 'groups on the page', once, (s) => s.GroupList(), (d) => d.organisedCrimeGroups.nodes.length),
    row('GroupList/nationality', 'groups on the page', Array.from({ length: n }, () => ({ filter: { memberNationalities: [rng.pick(nationalities)] } })), (s, p) => s.GroupList(p), (d) => d.organisedCrimeGroups.nodes.length),
    row('GroupList/force-area', 'groups on the page', Array.from({ length: n }, () => ({ filter: { forceAreas: [rng.pick(forces)] } })), (s, p) => s.GroupList(p), (d) => d.organisedCrimeGroups.nodes.length),
    // search.graphql
    row('Search', 'hits', Array.from({ length: n }, () => ({ text: searchText() })), (s, p) => s.Search(p), (d) => d.search.length),
    // A person's name narrowed to businesses: the index's best hits are people, so the search reads on through them.
    row('Search/businesses', 'hits', Array.from({ length: n }, () => ({ text: searchText(), types: ['Business' as const] })), (s, p) => s.Search(p), (d) => d.search.length),
    // model.graphql
    row('RouteById', 'stops', pick(routes).map((id) => ({ id })), (s, p) => s.RouteById(p), (d) => d.route?.stops.length ?? 0),
    row('OperationById', 'operation found (1/0)', pick(operations).map((id) => ({ id })), (s, p) => s.OperationById(p), (d) => (d.operation ? 1 : 0)),
    row('ExploitationById', 'event found (1/0)', pick(exploitations).map((id) => ({ id })), (s, p) => s.ExploitationById(p), (d) => (d.exploitation ? 1 : 0)),
    row('PlaceHierarchy', 'node found (1/0)', pick(places).map((id) => ({ id })), (s, p) => s.PlaceHierarchy(p), (d) => (d.node ? 1 : 0)),
    row('NodesById', 'nodes found', list(20, persons.concat(groups, routes)).map((ids) => ({ ids })), (s, p) => s.NodesById(p), (d) => d.nodes.filter(Boolean).length),
    // network.graphql
    row('PhoneNetwork', 'nodes within two hops', pick(phones).map((phone) => ({ phone })), (s, p) => s.PhoneNetwork(p), (d) => subgraphSize(d.identifier?.neighbourhood)),
    row('Neighbourhood', 'nodes within two hops', pick(persons).map((id) => ({ ids: [id] })), (s, p) => s.Neighbourhood(p), (d) => d.neighbourhood.nodes.length),
    row('ShortestChains', 'chains', pathPairs, (s, p) => s.ShortestChains(p), (d) => d.paths.length),
    row('ConnectingNetwork', 'nodes', pathPairs.map((p) => ({ ids: [p.from, p.to] })), (s, p) => s.ConnectingNetwork(p), (d) => d.connectingNetwork.subgraph.nodes.length),
    row('UntargetedLinkedBusinesses', 'links', once, (s) => s.UntargetedLinkedBusinesses(), (d) => d.sharedIdentifiers.links.length),
    row('SharedIdentifiers', 'links', pick(holders).map((id) => ({ ids: [id] })), (s, p) => s.SharedIdentifiers(p), (d) => d.sharedIdentifiers.links.length),
    row('DuplicateCandidates/whole', 'candidates', once, (s) => s.DuplicateCandidates(), (d) => d.duplicateCandidates.length),
    row('DuplicateCandidates/group', 'candidates', pick(groups).map((groupId) => ({ groupId })), (s, p) => s.DuplicateCandidates(p), (d) => d.duplicateCandidates.length),
    row('DuplicateCandidates/ids', 'candidates', list(20, persons).map((ids) => ({ ids })), (s, p) => s.DuplicateCandidates(p), (d) => d.duplicateCandidates.length),
    row('KeyPlayersAndClusters', 'people', pick(networks).map((groupId) => ({ groupId })), (s, p) => s.KeyPlayersAndClusters(p), (d) => d.networkMeasures.people),
    // insight.graphql
    row('BusinessModel', 'exploitation events', pick(groups).map((groupId) => ({ groupId })), (s, p) => s.BusinessModel(p), (d) => d.businessModel?.exploitationEvents ?? 0),
    row('BusinessModels/all', 'models', once, (s) => s.BusinessModels(), (d) => d.businessModels.length),
    row('BusinessModels/origin', 'models', Array.from({ length: n }, () => ({ originCountry: rng.pick(nationalities) })), (s, p) => s.BusinessModels(p), (d) => d.businessModels.length),
    row('BusinessModels/type', 'models', Array.from({ length: n }, () => ({ exploitationType: rng.pick(CATEGORIES) })), (s, p) => s.BusinessModels(p), (d) => d.businessModels.length),
    row('BusinessModels/force-area', 'models', Array.from({ length: n }, () => ({ forceArea: rng.pick(forces) })), (s, p) => s.BusinessModels(p), (d) => d.businessModels.length),
    row(
      'CompareBusinessModels',
      'stages',
      Array.from({ length: n }, () => pick(groups, 2)).map(([a, b]) => ({ a: a!, b: b! })),
      (s, p) => s.CompareBusinessModels(p),
      (d) => d.compareBusinessModels?.stages.length ?? 0,
    ),
    row('RoutesToUk', 'route patterns', Array.from({ length: n }, () => ({ origin: rng.pick(origins.length ? origins : ['VN']) })), (s, p) => s.RoutesToUk(p), (d) => d.routes.length),
    ...TREND_GROUPS.map((groupBy) =>
      row(`Trends/${groupBy}`, 'series', windows(24).map((w) => ({ measure: 'VICTIMS' as const, groupBy, ...w })), (s, p) => s.Trends(p), (d) => d.trends.length),
    ),
    // The other measures, each grouped by force area.
    ...OTHER_MEASURES.map((measure) =>
      row(`Trends/${measure}`, 'series', windows(24).map((w) => ({ measure, groupBy: 'FORCE_AREA' as const, ...w })), (s, p) => s.Trends(p), (d) => d.trends.length),
    ),
    row('RegionalRisk', 'forces', windows(24), (s, p) => s.RegionalRisk(p), (d) => d.regionalRisk.forces.length),
    row('MonthlyInsight', 'live operations by force and type', months(24).map((m) => ({ month: m })), (s, p) => s.MonthlyInsight(p), (d) => d.monthlyInsight.liveOperations.length),
    // import.graphql
    row('NrmStatistics', 'cells', once, (s) => s.NrmStatistics(), (d) => d.nrmStatistics.nodes.length),
    // workbench.graphql
    row('ChartNeighbourhood', 'nodes', pick(persons).map((id) => ({ ids: [id] })), (s, p) => s.ChartNeighbourhood(p), (d) => d.neighbourhood.nodes.length),
    row('ChartPaths', 'chains', pathPairs, (s, p) => s.ChartPaths(p), (d) => d.paths.length),
    row('ChartGroups', 'nodes', list(20, members).map((ids) => ({ ids })), (s, p) => s.ChartGroups(p), (d) => d.nodes.filter(Boolean).length),
    row('WorkbenchSamples', 'phones', once, (s) => s.WorkbenchSamples(), (d) => d.phones.nodes.length),
    // system.graphql
    row('ServiceInfo', 'roles', once, (s) => s.ServiceInfo(), (d) => d.viewer.roles.length),
  ];
}

function selected(rows: Row[], only: string[] | null): Row[] {
  if (!only) return rows;
  const picked = rows.filter((r) => only.some((o) => o.toLowerCase() === r.name.toLowerCase() || o.toLowerCase() === r.name.split('/')[0]!.toLowerCase()));
  const unknown = only.filter((o) => !rows.some((r) => o.toLowerCase() === r.name.toLowerCase() || o.toLowerCase() === r.name.split('/')[0]!.toLowerCase()));
  if (unknown.length) throw new Error(`--only: unknown ${unknown.join(', ')} (one of ${rows.map((r) => r.name).join(', ')})`);
  return picked;
}

interface Timed {
  ms: number;
  /** CPU time Neo4j's process used meanwhile (null when its pid is unknown): steadier than ms on a shared machine. */
  neo4jCpuMs: number | null;
  cypher: number | null;
  results: number | null;
  error: string | null;
}

interface RowResult {
  name: string;
  counts: string;
  /** The untimed first request (warm-up): planning and cold pages. */
  firstMs: number;
  latencyMs: { median: number | null; p95: number | null; max: number | null; min: number | null };
  /** Neo4j's CPU time per request: median and most, over the timed requests. */
  neo4jCpuMs: { median: number | null; max: number | null };
  /** Cypher statements per request (x-cypher-queries): fewest and most over the timed requests. */
  cypher: { min: number | null; max: number | null };
  /** Results per request (what `counts` says): fewest and most. */
  results: { min: number | null; max: number | null };
  errors: string[];
  runs: Timed[];
  params: unknown[];
}

const fmt = (x: number | null, digits = 0) => (x === null ? '–' : x.toFixed(digits));
const range = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? { min: Math.min(...v), max: Math.max(...v) } : { min: null, max: null };
};
const rangeText = (r: { min: number | null; max: number | null }) => (r.min === null ? '–' : r.min === r.max ? String(r.min) : `${r.min}-${r.max}`);

function summarise(r: Row, first: Timed, runs: Timed[]): RowResult {
  const ok = runs.filter((t) => t.error === null);
  const ms = ok.map((t) => t.ms).sort((a, b) => a - b);
  const errors = [first, ...runs].filter((t) => t.error !== null).map((t) => t.error!);
  const cpu = ok.map((t) => t.neo4jCpuMs).filter((x): x is number => x !== null).sort((a, b) => a - b);
  return {
    name: r.name,
    counts: r.counts,
    firstMs: Math.round(first.ms * 10) / 10,
    latencyMs: { median: percentile(ms, 50), p95: percentile(ms, 95), max: ms.length ? ms[ms.length - 1]! : null, min: ms.length ? ms[0]! : null },
    neo4jCpuMs: { median: percentile(cpu, 50), max: cpu.length ? cpu[cpu.length - 1]! : null },
    cypher: range(ok.map((t) => t.cypher)),
    results: range(ok.map((t) => t.results)),
    errors,
    runs,
    params: r.params,
  };
}

function table(results: RowResult[]): string {
  const head = `${'operation'.padEnd(30)}${'first'.padStart(8)}${'median'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}${'db cpu'.padStart(8)}${'cypher'.padStart(8)}${'results'.padStart(10)}${'errors'.padStart(7)}  results are`;
  const lines = [head, '-'.repeat(head.length + 10)];
  for (const r of results) {
    lines.push(
      `${r.name.padEnd(30)}${fmt(r.firstMs).padStart(8)}${fmt(r.latencyMs.median).padStart(8)}${fmt(r.latencyMs.p95).padStart(8)}${fmt(r.latencyMs.max).padStart(8)}${fmt(r.neo4jCpuMs.median).padStart(8)}${rangeText(r.cypher).padStart(8)}${rangeText(r.results).padStart(10)}${String(r.errors.length).padStart(7)}  ${r.counts}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const machine = machineInfo();
  const db = await openBenchDatabase({ dataDir: o.dataDir, uri: o.neo4jUri ?? undefined, heap: o.heap, pageCache: o.pageCache }, say);
  const serviceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-operations-bench-'));
  let graph: GraphClient | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    const [world] = await db.run(`CALL () { MATCH (p:Person) RETURN count(p) AS persons }
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN persons, nodes, relationships`);
    const persons = Number(world?.persons ?? 0);
    if (persons === 0) throw new Error(`no world in ${o.neo4jUri ?? o.dataDir}: seed one first with \`npm run bench -- --scale ${o.scale} --check-only\``);
    say(`world: ${persons.toLocaleString('en-GB')} persons, ${Number(world!.nodes).toLocaleString('en-GB')} nodes, ${Number(world!.relationships).toLocaleString('en-GB')} relationships`);

    // The service as in production (as bench/systems/service-server.ts runs it), in this process.
    const secret = randomBytes(32).toString('hex');
    const config = loadConfig({
      MSHT_MODE: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: process.env.BENCH_SERVICE_LOG_LEVEL ?? 'warn',
      NEO4J_URI: db.uri,
      MSHT_DATA_DIR: serviceDir,
      MSHT_AUTH_JWT_SECRET: secret,
      // A fixed key: victims' pseudonyms are the same from run to run, so --answers files compare.
      MSHT_PSEUDONYM_KEY: 'operations-bench-pseudonym-key-0123456789abcdef',
      MSHT_RATE_LIMIT_PER_MINUTE: '0',
      MSHT_MIGRATE_ON_START: 'false',
    });
    const log = createLogger(config.logLevel);
    graph = new GraphClient(createDriver(db.uri, config.neo4j), { database: config.neo4j.database, queryTimeoutMs: config.neo4j.queryTimeoutMs, importTimeoutMs: config.neo4j.importTimeoutMs, retryMs: config.neo4j.retryMs, log });
    app = await createApp({ config, graph, log });
    const url = `${await app.listen()}/graphql`;
    const caller =
      o.caller === 'full'
        ? { roles: [...FULL_CLEARANCE.roles], clearance: FULL_CLEARANCE.clearance, ukConditional: FULL_CLEARANCE.ukConditional }
        : { roles: ['ANALYST' as const], clearance: 'H1' as const, ukConditional: false };
    const token = await signToken(secret, { issuer: config.auth.issuer, audience: config.auth.audience }, { subject: 'bench-analyst', agency: 'NCA', ...caller, expiresIn: '24h' });
    // Requests go one at a time, so the last response's header is the request's.
    let cypher: number | null = null;
    const client = new GraphQLClient(url, {
      headers: { authorization: `Bearer ${token}` },
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        const h = res.headers.get('x-cypher-queries');
        cypher = h === null ? null : Number(h);
        return res;
      },
    });
    const sdk = getSdk(client);

    say(`drawing ${o.runs + 1} parameter sets per operation from the world (seed ${o.seed})`);
    const rows = selected(await drawRows(db, o.seed, o.runs + 1), o.only);
    const answers: Record<string, { params: unknown; data: unknown }[]> = {};
    const unstable: string[] = [];
    const neo4jPid = o.neo4jPid ?? db.pid ?? null;
    const neo4jCpu = () => (neo4jPid === null ? null : cpuMs(neo4jPid));
    const ask = async (r: Row, i: number): Promise<Timed> => {
      const p = r.params[i % r.params.length];
      cypher = null;
      const cpu0 = neo4jCpu();
      const started = performance.now();
      const cpuSpent = () => {
        const cpu1 = neo4jCpu();
        return cpu0 === null || cpu1 === null ? null : Math.round(cpu1 - cpu0);
      };
      try {
        const { data, results } = await r.run(sdk, p);
        const ms = performance.now() - started;
        const list = (answers[r.name] ??= []);
        const k = i % r.params.length;
        if (!list[k]) list[k] = { params: p, data };
        else if (JSON.stringify(list[k].data) !== JSON.stringify(data)) unstable.push(`${r.name} #${k}`);
        return { ms: Math.round(ms * 10) / 10, neo4jCpuMs: cpuSpent(), cypher, results, error: null };
      } catch (e) {
        return { ms: Math.round((performance.now() - started) * 10) / 10, neo4jCpuMs: cpuSpent(), cypher, results: null, error: String((e as Error).message).split('\n')[0]!.slice(0, 300) };
      }
    };

    say(`${rows.length} operations, ${o.runs} timed requests each after one untimed; caller: ${o.caller}`);
    const firsts = new Map<Row, Timed>();
    for (const r of rows) firsts.set(r, await ask(r, 0));
    // Round robin: each pass asks every operation once, so a noisy minute on a shared machine
    // spreads over the operations instead of falling on one.
    const timed = new Map<Row, Timed[]>(rows.map((r) => [r, []]));
    for (let run = 1; run <= o.runs; run++) {
      for (const r of rows) timed.get(r)!.push(await ask(r, r.params.length > 1 ? run : 0));
      say(`  pass ${run}/${o.runs} done`);
    }
    const results = rows.map((r) => summarise(r, firsts.get(r)!, timed.get(r)!));
    say('');
    say(
      `latency ms (median, p95, max over ${o.runs} requests with different ids; first: the untimed first request), Neo4j's CPU ms per request (median; ${neo4jPid === null ? 'unknown: pass --neo4j-pid' : 'steadier than latency on a shared machine'}), Cypher statements and results per request`,
    );
    say(table(results));
    for (const r of results) for (const e of [...new Set(r.errors)]) say(`  ${r.name}: ${e}`);
    if (unstable.length) say(`answers that changed between two asks of the same parameters: ${unstable.join(', ')}`);
    const notMeasured = Object.entries(NOT_MEASURED).map(([k, why]) => `${k} (${why})`);
    say(`not measured: ${notMeasured.join('; ')}; mutations are not analysts' reads`);

    const out = {
      version: 1,
      date: new Date().toISOString(),
      scale: o.scale,
      world: { persons, nodes: Number(world!.nodes), relationships: Number(world!.relationships) },
      machine: { ...machine, loadAfter: loadAverage() },
      options: { runs: o.runs, seed: o.seed, caller: o.caller, only: o.only, neo4jHeap: o.neo4jUri ? null : o.heap, neo4jPageCache: o.neo4jUri ? null : o.pageCache, neo4jCpu: neo4jPid !== null },
      notMeasured: NOT_MEASURED,
      operations: results,
    };
    const file = path.join(ROOT, 'bench', 'results', `operations-${o.scale}.local.json`);
    fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    say(`written: ${path.relative(ROOT, file)}`);
    if (o.answers) {
      fs.writeFileSync(o.answers, `${JSON.stringify(answers, null, 1)}\n`);
      say(`answers written: ${o.answers}`);
    }
    return results.some((r) => r.errors.length) ? 1 : 0;
  } finally {
    await app?.close();
    await graph?.close();
    await db.close();
    fs.rmSync(serviceDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
