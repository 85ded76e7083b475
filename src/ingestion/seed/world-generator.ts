import type { WritableLabel } from '../../domain/entity-props';
import type { PersonRoleLabel, RelationshipType } from '../../domain/graph-model';
import { phoneCountry } from '../../domain/identifiers';
import { ID_PREFIX } from '../../domain/ids';
import type { AgeGroup } from '../../domain/person';
import { HANDLING_CODES, type HandlingCode } from '../../domain/provenance';
import { POLICE_FORCES, type PoliceForceCode } from '../../domain/reference/police-forces';
import { REGIONS } from '../../domain/reference/regions';
import type { BusinessType, ControlMethodCode, ExploitationCategory, FirstResponderType, GroupRole, ThreatLevel } from '../../domain/vocabulary';
import type { StoredProvenanceRow } from '../../graph/queries/bulk-write.query';
import { NRM_PROPORTIONS } from '../reference/nrm-proportions-table';
import { COUNTY_LINES_HUBS, STREET_KINDS, STREET_NAMES, TOWNS_BY_FORCE } from './gazetteer';
import { IdentifierValues } from './identifier-values';
import { makeName, nameArea, nameVariant } from './names';
import { Prng } from './prng';
import type { SeedItem } from './seed-item';
import { genericRoutes, TYPOLOGIES, typologyFor, type RouteTemplate, type Typology, type TypologyCode, type Weighted } from './typologies';
import { VictimProfiles, type VictimProfile } from './victim-profiles';
import { WeightedTable } from './weighted-table';

/**
 * The synthetic MSHT world (README.md#seeding-a-world): victims drawn from the real NRM
 * proportions, the groups that exploit them with a business model per typology, their members,
 * phones, vehicles, accounts and addresses (shared the way real intelligence links people), the
 * routes and money flows, NRM referrals, operations that cover some groups and not others, a few
 * near-duplicate person records, and an intelligence report behind every fact with a realistic
 * spread of gradings and handling codes (some H2/H3 and UK handling C).
 *
 * Deterministic: everything comes from one seeded PRNG in a fixed order, ids from counters,
 * dates (recordedAt included) from the PRNG, never the clock. `generate()` yields the world in
 * small slices, so a world of millions of items never sits in memory at once.
 */

export interface WorldOptions {
  seed: number;
  persons: number;
}

interface Report {
  id: string;
  agency: string;
  day: number;
  gradeSource: number;
  gradeIntel: string;
  ukHandling: string;
  handling: HandlingCode;
  consent: boolean;
}

interface PersonRef {
  id: string;
  name: string;
  nationality: string;
  birthYear: number;
  gender: string;
  phones: string[];
  address: string;
  vehicle?: string;
  account?: string;
}

interface Member extends PersonRef {
  role: GroupRole;
}

interface Business {
  id: string;
  address: string;
  type: BusinessType;
  phone?: string;
}

interface Group {
  id: string;
  typology: Typology;
  nationality: string;
  force: PoliceForceCode;
  /** County lines: the force area the line runs into. */
  countyForce?: PoliceForceCode;
  capacity: number;
  victims: number;
  reports: Report[];
  members: Member[];
  businesses: Business[];
  safeHouses: string[];
  routes: { id: string; debt: boolean }[];
  dealLine?: string;
  accounts: string[];
  remitAccount?: string;
  started: number;
  categories: Set<ExploitationCategory>;
}

// Days since 1970-01-01 (UTC) for the world's calendar.
const DAY_MS = 86_400_000;
const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);
const WORLD_START = day('2021-01-01');
const WORLD_END = day('2024-12-31');

const SOURCE_GRADES: Weighted<number> = [[1, 30], [2, 55], [3, 15]];
const INTEL_GRADES: Weighted<string> = [['A', 10], ['B', 35], ['C', 35], ['D', 15], ['E', 5]];
const HANDLING: Weighted<HandlingCode> = [['H0', 55], ['H1', 28], ['H2', 12], ['H3', 5]];
const EUROPOL_HANDLING: Weighted<HandlingCode> = [['H1', 45], ['H2', 35], ['H3', 20]];
const THREAT: Weighted<ThreatLevel> = [['LOW', 15], ['MODERATE', 35], ['SIGNIFICANT', 35], ['HIGH', 15]];
const THREAT_VIOLENT: Weighted<ThreatLevel> = [['MODERATE', 3], ['SIGNIFICANT', 4], ['HIGH', 3]];
const RG_DECISIONS: Weighted<'POSITIVE' | 'NEGATIVE' | 'WITHDRAWN'> = [['POSITIVE', 85], ['NEGATIVE', 12], ['WITHDRAWN', 3]];
const CG_DECISIONS: Weighted<'POSITIVE' | 'NEGATIVE'> = [['POSITIVE', 88], ['NEGATIVE', 12]];
const ASSOCIATIONS: Weighted<'ASSOCIATE' | 'COMMUNICATION' | 'FAMILY' | 'EMPLOYMENT'> = [['ASSOCIATE', 5], ['COMMUNICATION', 3], ['FAMILY', 2], ['EMPLOYMENT', 1]];
/** First responders: police from the statistics' police total; local authorities refer most children. */
const responders = (children: number): Weighted<FirstResponderType> => [
  ['POLICE', NRM_PROPORTIONS.police.referrals],
  ['GOVERNMENT_AGENCY', 8200],
  ['LOCAL_AUTHORITY', children],
  ['NGO', 900],
];
const RESPONDERS_CHILD = responders(9000);
const RESPONDERS_ADULT = responders(1500);

/** Relationship types the world may draw twice between the same ends (shared things); others are new each time. */
const MAY_REPEAT = new Set<RelationshipType>(['HAS_IDENTIFIER', 'RESIDES_AT', 'ASSOCIATE_OF', 'MEMBER_OF', 'TARGETS', 'CONTROLS', 'NATIONAL_OF', 'PART_OF', 'WORKS_AT']);

const OPERATION_WORDS = [
  'Thornbush', 'Aidant', 'Avalanche', 'Bluebell', 'Cobalt', 'Driftwood', 'Ember', 'Fenland', 'Granite', 'Harrier', 'Ironstone', 'Juniper', 'Kestrel',
  'Lantern', 'Meridian', 'Nightjar', 'Orchid', 'Pennant', 'Quarry', 'Redstart', 'Saltmarsh', 'Tamarisk', 'Umber', 'Vantage', 'Wayfarer', 'Yarrow',
  'Zephyr', 'Beacon', 'Chalice', 'Dunlin', 'Eskdale', 'Falconer', 'Gannet', 'Heathland', 'Inkwell', 'Jackdaw', 'Keystone', 'Larkspur', 'Moorhen',
  'Nettle', 'Osprey', 'Plover', 'Quillon', 'Rowan', 'Sandpiper', 'Teasel', 'Upland', 'Verdant', 'Wren', 'Xylem', 'Yewtree', 'Zircon', 'Bracken',
];

export class WorldGenerator {
  private readonly rng: Prng;
  private readonly profiles = new VictimProfiles(NRM_PROPORTIONS);
  private readonly values: IdentifierValues;
  private readonly counters = new Map<string, number>();
  private out: SeedItem[] = [];
  private readonly towns = new Map<string, string>();
  private readonly forces: WeightedTable<PoliceForceCode>;
  private readonly hubs = new WeightedTable(COUNTY_LINES_HUBS);
  private readonly open = new Map<string, Group>();
  private readonly recentGroups: Group[] = [];
  private readonly offenders: PersonRef[] = [];
  private readonly forceReports = new Map<string, Report[]>();
  private readonly relKeys = new Set<string>();
  private personCount = 0;
  private duplicates = 0;
  private operations = 0;

  constructor(private readonly opts: WorldOptions) {
    this.rng = new Prng(opts.seed);
    this.values = new IdentifierValues(opts.seed);
    this.forces = new WeightedTable(NRM_PROPORTIONS.police.byForce.map((f) => [f.code as PoliceForceCode, Math.max(f.count, 1)] as const));
  }

  /** The world, in slices of a few hundred items. */
  *generate(): Generator<SeedItem[]> {
    const victims = Math.max(1, Math.round(this.opts.persons * 0.55));
    for (let i = 0; i < victims; i++) {
      this.victim(this.profiles.draw(this.rng));
      if (this.out.length >= 500) yield this.drain();
    }
    for (const g of [...this.open.values()]) this.closeGroup(g);
    this.open.clear();
    yield this.drain();
    while (this.personCount < this.opts.persons) {
      this.associate();
      if (this.out.length >= 500) yield this.drain();
    }
    yield this.drain();
  }

  private drain(): SeedItem[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  // ---- emitting -------------------------------------------------------------------------------

  private id(label: WritableLabel): string {
    const n = (this.counters.get(label) ?? 0) + 1;
    this.counters.set(label, n);
    return `${ID_PREFIX[label]}-s${this.opts.seed}-${n.toString(36).padStart(5, '0')}`;
  }

  private node(label: WritableLabel, id: string, props: Record<string, unknown>, prov: StoredProvenanceRow, roles?: PersonRoleLabel[]): string {
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) clean[k] = v;
    this.out.push({ kind: 'node', label, id, props: clean, prov, ...(roles?.length ? { roles } : {}) });
    return id;
  }

  /** Emits a relationship once: the same ends, type and key never twice. */
  private rel(type: RelationshipType, from: string, to: string, prov: StoredProvenanceRow, props: Record<string, unknown> = {}): void {
    if (MAY_REPEAT.has(type)) {
      const key = `${from}|${type}|${to}|${String(props.role ?? props.kind ?? '')}`;
      if (this.relKeys.has(key)) return;
      this.relKeys.add(key);
    }
    // Repeats can only come from the same few people and places, close together: a short memory does.
    if (this.relKeys.size > 100_000) this.relKeys.clear();
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined) clean[k] = v;
    this.out.push({ kind: 'rel', type, from, to, props: clean, prov });
  }

  private readonly tables = new WeakMap<object, WeightedTable<unknown>>();

  private weighted<T>(entries: Weighted<T>): T {
    let table = this.tables.get(entries) as WeightedTable<T> | undefined;
    if (!table) {
      table = new WeightedTable(entries);
      this.tables.set(entries, table as WeightedTable<unknown>);
    }
    return table.draw(this.rng);
  }

  // ---- provenance -----------------------------------------------------------------------------

  private report(agency: string, around: number, topic: string): Report {
    const handling = agency === 'EUROPOL' ? this.weighted(EUROPOL_HANDLING) : this.weighted(HANDLING);
    const ukHandling = this.rng.chance(agency === 'EUROPOL' || handling >= 'H2' ? 0.45 : 0.1) ? 'C' : 'P';
    const r: Report = {
      id: this.id('IntelligenceReport'),
      agency,
      day: Math.min(WORLD_END, Math.max(WORLD_START, around + this.rng.int(-20, 40))),
      gradeSource: this.weighted(SOURCE_GRADES),
      gradeIntel: this.weighted(INTEL_GRADES),
      ukHandling,
      handling,
      consent: handling >= 'H2' || ukHandling === 'C' ? this.rng.chance(0.35) : false,
    };
    const n = this.counters.get('IntelligenceReport')!;
    const prov = this.reportProv(r);
    this.node('IntelligenceReport', r.id, { reference: `${agency}/${isoDay(r.day).slice(0, 4)}/${String(n).padStart(6, '0')}`, title: topic, reportedOn: isoDay(r.day) }, prov);
    this.rel('ISSUED_BY', r.id, `${ID_PREFIX.Agency}-${agency}`, prov);
    return r;
  }

  private reportProv(r: Report): StoredProvenanceRow {
    return {
      reportId: r.id,
      agency: r.agency,
      recordedAt: new Date(r.day * DAY_MS + this.rng.int(7, 19) * 3_600_000).toISOString(),
      gradeSource: r.gradeSource,
      gradeIntel: r.gradeIntel,
      ukHandling: r.ukHandling,
      handling: r.handling,
      consent: r.consent,
    };
  }

  /** A fact from a report: its grading and handling, now and then stricter for this one fact. */
  private fact(r: Report): StoredProvenanceRow {
    const p = this.reportProv(r);
    p.recordedAt = new Date((r.day + this.rng.int(0, 20)) * DAY_MS + this.rng.int(7, 19) * 3_600_000).toISOString();
    if (this.rng.chance(0.06)) {
      const i = Math.min(HANDLING_CODES.length - 1, HANDLING_CODES.indexOf(r.handling) + 1);
      p.handling = HANDLING_CODES[i]!;
    }
    return p;
  }

  /** A report of a force (or other agency) about day `around`, from a pool that grows with the world. */
  private localReport(agency: string, around: number): Report {
    const pool = this.forceReports.get(agency) ?? [];
    this.forceReports.set(agency, pool);
    const max = Math.max(3, Math.round(this.opts.persons / 400));
    if (pool.length < max && (pool.length === 0 || this.rng.chance(0.3))) {
      const r = this.report(agency, around, `${agency} intelligence log`);
      pool.push(r);
      return r;
    }
    return this.rng.pick(pool);
  }

  // ---- places ---------------------------------------------------------------------------------

  private town(force: PoliceForceCode): { id: string; postcode: string; lat: number; lon: number } {
    const towns = TOWNS_BY_FORCE[force];
    const i = this.rng.int(0, towns.length - 1);
    const t = towns[i]!;
    const key = `${force}-${i}`;
    let id = this.towns.get(key);
    if (!id) {
      id = `${ID_PREFIX.Town}-s${this.opts.seed}-${force.toLowerCase()}-${i}`;
      this.towns.set(key, id);
      const prov = this.fact(this.localReport(force, WORLD_START));
      this.node('Town', id, { name: t.name }, prov);
      this.rel('PART_OF', id, `${ID_PREFIX.PoliceForce}-${force}`, prov);
    }
    return { id, postcode: t.postcode, lat: t.lat, lon: t.lon };
  }

  private address(force: PoliceForceCode, r: Report, flat = false): string {
    const t = this.town(force);
    const id = this.id('Address');
    const street = `${this.rng.pick(STREET_NAMES)} ${this.rng.pick(STREET_KINDS)}`;
    const line1 = flat ? `Flat ${this.rng.int(1, 24)}, ${this.rng.int(1, 240)} ${street}` : `${this.rng.int(1, 240)} ${street}`;
    const unit = `${this.rng.int(1, 9)}${'ABDEFGHJLNPQRSTUWXYZ'[this.rng.int(0, 19)]}${'ABDEFGHJLNPQRSTUWXYZ'[this.rng.int(0, 19)]}`;
    const postcode = `${t.postcode}${this.rng.int(1, 29)} ${unit}`;
    const prov = this.fact(r);
    this.node('Address', id, { line1, postcode, latitude: round5(t.lat + this.rng.normal(0, 0.02)), longitude: round5(t.lon + this.rng.normal(0, 0.03)) }, prov);
    this.rel('PART_OF', id, t.id, prov);
    return id;
  }

  // ---- identifiers ----------------------------------------------------------------------------

  private phone(holder: string, r: Report, country = 'GB', since?: number): string {
    const id = this.id('Phone');
    const value = this.values.phone(country);
    const prov = this.fact(r);
    // The country as the API and the importers derive it from the value, so an export reads back the same.
    this.node('Phone', id, { value, countryCode: phoneCountry(value) ?? undefined }, prov);
    this.rel('HAS_IDENTIFIER', holder, id, prov, { since: since !== undefined ? isoDay(since) : undefined });
    return id;
  }

  private hold(holder: string, identifier: string, r: Report, since?: number): void {
    this.rel('HAS_IDENTIFIER', holder, identifier, this.fact(r), { since: since !== undefined ? isoDay(since) : undefined });
  }

  private vehicle(holder: string, r: Report): string {
    const id = this.id('Vehicle');
    const prov = this.fact(r);
    const [make, model] = this.rng.pick([['Ford', 'Transit'], ['Volkswagen', 'Golf'], ['BMW', '3 Series'], ['Mercedes-Benz', 'Sprinter'], ['Toyota', 'Prius'], ['Vauxhall', 'Astra'], ['Audi', 'A4'], ['Peugeot', 'Partner']] as const);
    this.node('Vehicle', id, { value: this.values.vehicle(), make, model, colour: this.rng.pick(['Black', 'Silver', 'White', 'Grey', 'Blue', 'Red']) }, prov);
    this.rel('HAS_IDENTIFIER', holder, id, prov);
    return id;
  }

  private account(holder: string, r: Report, country: 'GB' | 'RO' | 'AL' = 'GB'): string {
    const id = this.id('BankAccount');
    const prov = this.fact(r);
    const bank = country === 'GB' ? this.rng.pick(['Barclays', 'Lloyds', 'HSBC UK', 'NatWest', 'Santander UK', 'Monzo', 'Starling', 'Revolut']) : country === 'RO' ? this.rng.pick(['Banca Transilvania', 'BCR', 'BRD']) : this.rng.pick(['Raiffeisen Albania', 'BKT', 'Credins Bank']);
    this.node('BankAccount', id, { value: country === 'GB' ? this.values.ukAccount() : this.values.iban(country), bank }, prov);
    this.rel('HAS_IDENTIFIER', holder, id, prov);
    if (country !== 'GB') this.rel('ISSUED_BY', id, `${ID_PREFIX.Country}-${country}`, prov);
    return id;
  }

  private passport(holder: string, country: string, r: Report): string {
    const id = this.id('TravelDocument');
    const prov = this.fact(r);
    this.node('TravelDocument', id, { value: this.values.passport(country), documentType: 'PASSPORT', expiryDate: isoDay(WORLD_END + this.rng.int(-400, 2500)) }, prov);
    this.rel('HAS_IDENTIFIER', holder, id, prov);
    this.rel('ISSUED_BY', id, `${ID_PREFIX.Country}-${country}`, prov);
    return id;
  }

  private handle(holder: string, platform: string, given: string, r: Report): string {
    const id = this.id('OnlineHandle');
    const prov = this.fact(r);
    this.node('OnlineHandle', id, { value: this.values.handle(platform, given), platform }, prov);
    this.rel('HAS_IDENTIFIER', holder, id, prov);
    return id;
  }

  // ---- people ---------------------------------------------------------------------------------

  private person(nationality: string | null, gender: string, birthYear: number | null, r: Report, roles: PersonRoleLabel[], extra: Record<string, unknown> = {}): { id: string; name: ReturnType<typeof makeName> } {
    const id = this.id('Person');
    const name = makeName(this.rng, nationality, gender);
    const prov = this.fact(r);
    this.node('Person', id, { name: name.full, gender, birthYear, ...extra }, prov, roles);
    if (nationality) this.rel('NATIONAL_OF', id, `${ID_PREFIX.Country}-${nationality}`, prov);
    this.personCount++;
    return { id, name };
  }

  /** An offender, their phones and home; now and then a second record of the same person. */
  private offender(nationality: string, force: PoliceForceCode, r: Report, opts: { youngAdult?: boolean; female?: boolean; suspect?: boolean } = {}): PersonRef {
    const gender = opts.female ? 'FEMALE' : this.rng.chance(0.12) ? 'FEMALE' : 'MALE';
    const birthYear = opts.youngAdult ? this.rng.int(1996, 2005) : this.rng.int(1962, 2002);
    const p = this.person(nationality, gender, birthYear, r, [opts.suspect ? 'Suspect' : 'Offender']);
    const address = this.address(force, r, this.rng.chance(0.3));
    const since = r.day - this.rng.int(30, 900);
    this.rel('RESIDES_AT', p.id, address, this.fact(r), { since: isoDay(Math.max(WORLD_START - 900, since)) });
    const phones = [this.phone(p.id, r, 'GB', since)];
    if (['RO', 'VN', 'AL'].includes(nationality) && this.rng.chance(0.4)) phones.push(this.phone(p.id, r, nationality));
    const ref: PersonRef = { id: p.id, name: p.name.full, nationality, birthYear, gender, phones, address };
    if (this.rng.chance(0.015) || this.duplicates < 3) this.duplicate(ref, r);
    this.offenders.push(ref);
    if (this.offenders.length > 4000) this.offenders.splice(0, 1000);
    return ref;
  }

  /**
   * A second record of the same person, as another agency wrote it: a variant of the name, the
   * same birth year and nationality, and one identifier or the address in common.
   */
  private duplicate(p: PersonRef, original: Report): void {
    this.duplicates++;
    const r = this.localReport(this.rng.pick(['HOIE', 'BF', 'NCA', 'GLAA']), original.day + this.rng.int(30, 300));
    const id = this.id('Person');
    const prov = this.fact(r);
    this.node('Person', id, { name: nameVariant(this.rng, p.name), gender: p.gender, birthYear: p.birthYear }, prov, ['Suspect']);
    this.rel('NATIONAL_OF', id, `${ID_PREFIX.Country}-${p.nationality}`, prov);
    this.personCount++;
    const shared = this.rng.int(0, 2);
    if (shared === 0) this.hold(id, p.phones[0]!, r);
    else if (shared === 1) this.passport(id, p.nationality, r);
    else this.rel('RESIDES_AT', id, p.address, this.fact(r));
    if (shared !== 0 && this.rng.chance(0.5)) this.hold(id, p.phones[0]!, r);
  }

  // ---- groups ---------------------------------------------------------------------------------

  private groupFor(code: TypologyCode, profile: VictimProfile): Group {
    const t = TYPOLOGIES[code];
    const nationality = t.nationality === 'VICTIM' ? (profile.nationality ?? 'GB') : t.nationality;
    // Groups of the generic kinds recruit across a neighbourhood of nationalities.
    const key = `${code}|${t.nationality === 'VICTIM' ? nameArea(nationality) : nationality}`;
    let g = this.open.get(key);
    if (g && g.victims >= g.capacity) {
      this.closeGroup(g);
      g = undefined;
    }
    if (!g) {
      g = this.openGroup(t, nationality);
      this.open.set(key, g);
    }
    return g;
  }

  private openGroup(t: Typology, nationality: string): Group {
    const countyLines = t.code === 'COUNTY_LINES';
    const force = countyLines ? this.hubs.draw(this.rng) : this.forces.draw(this.rng);
    let countyForce: PoliceForceCode | undefined;
    if (countyLines) {
      do countyForce = this.forces.draw(this.rng);
      while (countyForce === force || countyForce === 'BTP' || countyForce === 'COLP');
    }
    const started = this.rng.int(WORLD_START, WORLD_END - 200);
    const agencies = [force, t.nationalLead, ...(this.rng.chance(0.3) ? [this.rng.pick(['HOIE', 'BF', 'HMRC'])] : []), ...(t.nationality !== 'GB' && this.rng.chance(0.25) ? ['EUROPOL'] : [])];
    const id = this.id('OrganisedCrimeGroup');
    const reports = agencies.map((a) => this.report(a, started + this.rng.int(0, 300), `${t.title}: ${a} intelligence on group ${id}`));
    const capacity = this.rng.lognormalInt(t.groupSize, 0.6, 2, 60);
    const g: Group = { id, typology: t, nationality, force, countyForce, capacity, victims: 0, reports, members: [], businesses: [], safeHouses: [], routes: [], accounts: [], started, categories: new Set() };
    const main = reports[0]!;
    const threat = t.code === 'VN_CANNABIS' || t.code === 'COUNTY_LINES' ? this.weighted(THREAT_VIOLENT) : this.weighted(THREAT);

    // Members by role: the stages of the business model.
    const size = Math.max(2, 1 + Math.round(capacity * 0.35));
    const roles: GroupRole[] = ['LEADER'];
    const pool: GroupRole[] = t.routes.length ? ['RECRUITER', 'TRANSPORTER', 'CONTROLLER', 'CONTROLLER', 'MONEY_HANDLER', 'ENABLER', 'MEMBER'] : ['RECRUITER', 'CONTROLLER', 'CONTROLLER', 'MONEY_HANDLER', 'MEMBER', 'MEMBER'];
    for (let i = 1; i < size; i++) roles.push(i < pool.length + 1 ? pool[i - 1]! : this.rng.pick(pool));
    for (const role of roles) {
      const r = this.rng.pick(reports);
      const female = (t.code === 'RO_SEXUAL' || t.code === 'AL_SEXUAL') && role === 'RECRUITER' && this.rng.chance(0.4);
      const nat = this.rng.chance(0.9) ? nationality : this.rng.pick(['GB', nationality, 'PL', 'LT']);
      const m: Member = { ...this.offender(nat, force, r, { youngAdult: countyLines, female, suspect: this.rng.chance(0.15) }), role };
      this.rel('MEMBER_OF', m.id, id, this.fact(r), { role, since: isoDay(started - this.rng.int(0, 400)) });
      if (role === 'TRANSPORTER' || (role === 'CONTROLLER' && this.rng.chance(0.4)) || (role === 'LEADER' && this.rng.chance(0.6))) m.vehicle = this.vehicle(m.id, r);
      if (role === 'MONEY_HANDLER' || (role === 'LEADER' && this.rng.chance(0.5))) {
        m.account = this.account(m.id, r);
        g.accounts.push(m.account);
      }
      if (role === 'RECRUITER') this.handle(m.id, this.rng.pick(t.platforms), m.name.split(' ')[0]!, r);
      if (role === 'LEADER' && this.rng.chance(0.3)) {
        const email = this.id('EmailAddress');
        const prov = this.fact(r);
        const [given, family] = [m.name.split(' ')[0]!, m.name.split(' ').slice(-1)[0]!];
        this.node('EmailAddress', email, { value: this.values.email(given, family) }, prov);
        this.rel('HAS_IDENTIFIER', m.id, email, prov);
      }
      g.members.push(m);
    }
    this.node('OrganisedCrimeGroup', id, { name: `${g.members[0]!.name.split(' ').slice(-1)[0]} network`, reference: `OCG/${isoDay(started).slice(0, 4)}/${id.split('-').pop()}`, threatLevel: threat, description: `${t.title}. ${t.description}` }, this.fact(main));

    // Links inside the group: the leader talks to everyone; shared phones, cars and homes.
    const leader = g.members[0]!;
    for (const m of g.members.slice(1)) {
      this.rel('ASSOCIATE_OF', leader.id, m.id, this.fact(this.rng.pick(reports)), { kind: this.rng.chance(0.25) && t.nationality !== 'GB' ? 'FAMILY' : 'COMMUNICATION' });
      if (this.rng.chance(0.3)) this.hold(m.id, leader.phones[0]!, this.rng.pick(reports));
      if (leader.vehicle && this.rng.chance(0.2)) this.hold(m.id, leader.vehicle, this.rng.pick(reports));
      if (this.rng.chance(0.15)) this.rel('RESIDES_AT', m.id, leader.address, this.fact(this.rng.pick(reports)));
    }
    for (let i = 1; i + 1 < g.members.length; i += 2) {
      if (this.rng.chance(0.5)) this.rel('ASSOCIATE_OF', g.members[i]!.id, g.members[i + 1]!.id, this.fact(this.rng.pick(reports)), { kind: 'ASSOCIATE' });
    }

    // A member who also serves another group of the same nationality: the networks connect.
    const other = this.recentGroups.filter((x) => x.nationality === nationality);
    if (other.length > 0 && this.rng.chance(0.2)) {
      const o = this.rng.pick(other);
      const broker = this.rng.pick(o.members);
      this.rel('MEMBER_OF', broker.id, id, this.fact(main), { role: this.rng.pick<GroupRole>(['TRANSPORTER', 'MONEY_HANDLER', 'ENABLER']), since: isoDay(started) });
      this.rel('ASSOCIATE_OF', leader.id, broker.id, this.fact(main), { kind: 'ASSOCIATE' });
    }

    // Transport: the routes the group runs.
    const templates = t.routes.some((rt) => rt[0]![0] === 'ORIGIN') ? genericRoutes(nationality) : t.routes;
    if (templates.length > 0 && !(t.routes.some((rt) => rt[0]![0] === 'ORIGIN') && nationality === 'GB')) {
      const count = countyLines ? 1 : this.rng.int(1, Math.min(2, templates.length));
      for (const tpl of this.rng.sample(templates, count)) g.routes.push({ id: this.route(g, tpl, main), debt: t.debt !== null });
    }

    // Exploitation: the businesses the group controls.
    const nBusiness = t.businesses.length ? Math.max(1, Math.round(capacity / (t.liveOnSite ? 3 : 5))) : 0;
    for (let i = 0; i < nBusiness; i++) g.businesses.push(this.business(g, this.weighted(t.businesses), this.rng.pick(reports)));

    // County lines: the deal line, held by the group and its line holder.
    if (countyLines) {
      const holder = g.members.find((m) => m.role === 'CONTROLLER') ?? leader;
      g.dealLine = this.phone(g.id, main, 'GB', started);
      this.hold(holder.id, g.dealLine, main, started);
      for (let i = 0; i < 2; i++) g.safeHouses.push(this.address(g.countyForce!, this.rng.pick(reports), this.rng.chance(0.5)));
    }

    // Finance: where the money goes.
    if (g.accounts.length === 0) {
      const handler = g.members.find((m) => m.role === 'MONEY_HANDLER') ?? leader;
      handler.account = this.account(handler.id, main);
      g.accounts.push(handler.account);
    }
    if (t.remitCountry) g.remitAccount = this.account(leader.id, this.rng.pick(reports), t.remitCountry as 'RO' | 'AL');
    return g;
  }

  private route(g: Group, tpl: RouteTemplate, r: Report): string {
    const id = this.id('Route');
    const prov = this.fact(r);
    const t = g.typology;
    const cost = t.debt ? this.rng.int(t.debt[0], t.debt[1]) : undefined;
    const stops = tpl.map(([place, mode]) => {
      if (place === 'HOME') return { id: this.town(g.force).id, mode };
      if (place === 'COUNTY') return { id: this.town(g.countyForce!).id, mode };
      return { id: `${ID_PREFIX.Country}-${place}`, mode };
    });
    const name = g.countyForce ? `${g.force} to ${g.countyForce} line` : tpl.map(([c]) => c).join(' - ');
    this.node('Route', id, { name, cost, debt: cost, currency: cost !== undefined ? t.currency : undefined }, prov);
    this.rel('OPERATES_ROUTE', g.id, id, prov, { since: isoDay(g.started) });
    stops.forEach((s, order) => this.rel('HAS_STOP', id, s.id, prov, { order, mode: s.mode ?? undefined }));
    return id;
  }

  private business(g: Group, type: BusinessType, r: Report): Business {
    const force = g.countyForce ?? g.force;
    const address = this.address(force, r, type === 'BROTHEL' && this.rng.chance(0.6));
    const id = this.id('Business');
    const prov = this.fact(r);
    const owner = this.rng.pick(g.members);
    const surname = owner.name.split(' ').slice(-1)[0]!;
    const names: Record<BusinessType, () => string> = {
      NAIL_BAR: () => `${this.rng.pick(['Lotus', 'Diamond', 'Star', 'Pretty', 'Glamour', 'Queen', 'Angel'])} Nails`,
      CAR_WASH: () => `${this.rng.pick(['Sparkle', 'Supreme', 'Elite', 'Express', 'Premier'])} Hand Car Wash`,
      CANNABIS_GROW: () => 'Residential property (cannabis grow)',
      AGENCY: () => `${surname} Recruitment Ltd`,
      TAKEAWAY: () => `${this.rng.pick(['Golden', 'Royal', 'Best', 'Express', 'Star'])} ${this.rng.pick(['Kebab', 'Pizza', 'Chicken', 'Grill'])}`,
      BROTHEL: () => 'Residential premises (brothel)',
      FARM: () => `${surname} Farm Produce`,
      FACTORY: () => `${this.rng.pick(['Midland', 'Northern', 'Premier', 'United'])} Packaging Ltd`,
      CONSTRUCTION: () => `${surname} Building Services`,
      HOSPITALITY: () => `${this.rng.pick(['Park', 'Central', 'Royal', 'Grand'])} Hotel`,
      OTHER: () => `${surname} Trading Ltd`,
    };
    const registered = ['AGENCY', 'FACTORY', 'CONSTRUCTION', 'HOSPITALITY', 'FARM'].includes(type);
    this.node('Business', id, { name: names[type](), type, companyNumber: registered ? String(this.rng.int(10_000_000, 15_999_999)) : undefined }, prov);
    this.rel('LOCATED_AT', id, address, prov, { since: isoDay(g.started - this.rng.int(0, 300)) });
    this.rel('CONTROLS', g.id, id, prov, { since: isoDay(g.started) });
    const controller = g.members.find((m) => m.role === 'CONTROLLER') ?? g.members[0]!;
    this.rel('CONTROLS', controller.id, id, this.fact(r));
    const b: Business = { id, address, type };
    if (!['CANNABIS_GROW', 'BROTHEL'].includes(type)) {
      b.phone = this.phone(id, r);
      if (this.rng.chance(0.3)) this.hold(controller.id, b.phone, r);
    }
    return b;
  }

  /** Money out: transfers from the group's UK accounts to the handler's or abroad. */
  private closeGroup(g: Group): void {
    const t = g.typology;
    const flows = Math.max(1, Math.round(g.victims / 2));
    for (let i = 0; i < flows; i++) {
      const from = this.rng.pick(g.accounts);
      const to = g.remitAccount ?? (g.accounts.length > 1 ? g.accounts.find((a) => a !== from)! : undefined);
      if (!to || to === from) break;
      const when = Math.min(WORLD_END, g.started + this.rng.int(30, 900));
      this.rel('TRANSFERRED_TO', from, to, this.fact(this.rng.pick(g.reports)), {
        amount: this.rng.int(500, 9500) + this.rng.int(0, 99) / 100,
        currency: 'GBP',
        date: isoDay(when),
        channel: this.weighted(t.money),
      });
    }
    if (this.rng.chance(0.35)) this.operation(g);
    this.recentGroups.push(g);
    if (this.recentGroups.length > 60) this.recentGroups.shift();
  }

  private operation(g: Group): void {
    this.operations++;
    const word = OPERATION_WORDS[(this.operations - 1) % OPERATION_WORDS.length]!;
    const round = Math.floor((this.operations - 1) / OPERATION_WORDS.length);
    const start = Math.min(WORLD_END - 30, g.started + this.rng.int(60, 600));
    const closed = this.rng.chance(0.55) && start < WORLD_END - 120;
    const end = closed ? Math.min(WORLD_END, start + this.rng.int(90, 500)) : undefined;
    const force = g.countyForce ?? g.force;
    const leadPick = this.rng.float();
    const region = REGIONS.find((x) => x.code === POLICE_FORCES.find((f) => f.code === force)!.region)!;
    const lead = leadPick < 0.55 || !region.rocu ? force : leadPick < 0.85 ? g.typology.nationalLead : region.rocu.short;
    const report = this.localReport(lead, start);
    const id = this.id('Operation');
    const prov = this.fact(report);
    const arrests = closed ? this.rng.int(1, Math.max(1, g.members.length)) : this.rng.int(0, 2);
    this.node(
      'Operation',
      id,
      {
        name: round === 0 ? word.toUpperCase() : `${word.toUpperCase()} ${round + 1}`,
        status: closed ? 'CLOSED' : 'LIVE',
        startDate: isoDay(start),
        endDate: end !== undefined ? isoDay(end) : undefined,
        arrests,
        victimsSafeguarded: this.rng.int(0, g.victims),
        crimeTypes: [...g.categories].filter((c) => c !== 'UNKNOWN'),
      },
      prov,
    );
    this.rel('LED_BY', id, `${ID_PREFIX.Agency}-${lead}`, prov);
    this.rel('IN_AREA', id, `${ID_PREFIX.PoliceForce}-${force}`, prov);
    this.rel('TARGETS', id, g.id, prov, { since: isoDay(start) });
    for (const m of this.rng.sample(g.members, this.rng.int(1, Math.min(4, g.members.length)))) this.rel('TARGETS', id, m.id, this.fact(report), { since: isoDay(start) });
    for (const b of this.rng.sample(g.businesses, this.rng.int(0, Math.min(2, g.businesses.length)))) this.rel('TARGETS', id, b.id, this.fact(report), { since: isoDay(start) });
    const same = this.recentGroups.filter((x) => x.typology.code === g.typology.code && x.id !== g.id);
    if (same.length > 0 && this.rng.chance(0.15)) this.rel('TARGETS', id, this.rng.pick(same).id, this.fact(report), { since: isoDay(start) });
  }

  // ---- victims --------------------------------------------------------------------------------

  private birthYear(ageGroup: AgeGroup, start: number): number | null {
    const year = Number(isoDay(start).slice(0, 4));
    if (ageGroup === 'CHILD') return year - this.rng.int(12, 17);
    if (ageGroup === 'ADULT') return this.rng.int(1960, year - 18);
    return null;
  }

  private victim(profile: VictimProfile): void {
    const code = typologyFor(profile.nationality, profile.categories);
    const t = TYPOLOGIES[code];
    if (this.rng.chance(t.loneShare)) this.loneVictim(profile, t);
    else this.groupVictim(this.groupFor(code, profile), profile);
  }

  private victimPerson(profile: VictimProfile, start: number, r: Report): string {
    const p = this.person(profile.nationality, profile.gender, this.birthYear(profile.ageGroup, start), r, ['Victim'], { ageGroup: profile.ageGroup });
    if (profile.secondNationality) this.rel('NATIONAL_OF', p.id, `${ID_PREFIX.Country}-${profile.secondNationality}`, this.fact(r));
    return p.id;
  }

  private groupVictim(g: Group, profile: VictimProfile): void {
    const t = g.typology;
    g.victims++;
    for (const c of profile.categories) g.categories.add(c);
    const r = this.rng.pick(g.reports);
    const start = Math.min(WORLD_END - 10, g.started + this.rng.int(0, 500));
    const victim = this.victimPerson(profile, start, r);
    const controller = this.rng.pick(g.members.filter((m) => m.role === 'CONTROLLER').concat(g.members.slice(0, 1)));
    const business = g.businesses.length ? this.rng.pick(g.businesses) : undefined;

    // Where the victim lives: on site, or a house the group keeps.
    let home: string;
    if (business && t.liveOnSite) home = business.address;
    else if (g.safeHouses.length > 0 && this.rng.chance(0.75)) home = this.rng.pick(g.safeHouses);
    else {
      home = this.address(g.countyForce ?? g.force, r, true);
      g.safeHouses.push(home);
    }
    this.rel('RESIDES_AT', victim, home, this.fact(r), { since: isoDay(start) });
    if (business) this.rel('WORKS_AT', victim, business.id, this.fact(r), { since: isoDay(start) });

    // Identifiers: the deal line, an advert handle the controller also runs, a phone, a passport.
    if (g.dealLine) this.hold(victim, g.dealLine, r, start);
    if (t.code === 'RO_SEXUAL' || (t.code === 'AL_SEXUAL' && this.rng.chance(0.5))) {
      const h = this.handle(victim, 'ADULTWORK', 'profile', r);
      this.hold(controller.id, h, r);
    }
    if (this.rng.chance(0.35)) this.phone(victim, r, 'GB', start);
    const chosen = this.controls(t);
    if (profile.nationality && profile.nationality !== 'GB' && this.rng.chance(0.5)) {
      const doc = this.passport(victim, profile.nationality, r);
      if (chosen.includes('DOCUMENT_REMOVAL')) this.hold(controller.id, doc, r);
    }
    if (t.code === 'RO_LABOUR' && this.rng.chance(0.6)) {
      const acct = this.account(victim, r);
      this.hold(controller.id, acct, r);
      this.rel('TRANSFERRED_TO', acct, this.rng.pick(g.accounts), this.fact(r), { amount: this.rng.int(200, 1800) + this.rng.int(0, 99) / 100, currency: 'GBP', date: isoDay(Math.min(WORLD_END, start + this.rng.int(20, 200))), channel: 'BANK_TRANSFER' });
    }

    // Transport: the route the victim came by, and the debt it left.
    if (g.routes.length > 0 && (profile.nationality !== 'GB' || g.countyForce)) {
      const route = this.rng.pick(g.routes);
      const debt = route.debt && t.debt ? this.rng.int(t.debt[0], t.debt[1]) : undefined;
      this.rel('TRAVELLED', victim, route.id, this.fact(r), { date: isoDay(Math.max(WORLD_START - 365, start - this.rng.int(5, 120))), debt, currency: debt !== undefined ? t.currency : undefined });
    }

    const location = g.countyForce ? this.rng.pick(g.safeHouses) : business?.id ?? home;
    this.exploitation(victim, profile, t, chosen, start, g.countyForce ?? g.force, location, r, [
      { id: g.id, role: undefined },
      { id: controller.id, role: 'CONTROLLER' },
      ...(this.rng.chance(0.4) ? [{ id: (g.members.find((m) => m.role === 'RECRUITER') ?? g.members[0]!).id, role: 'RECRUITER' as GroupRole }] : []),
    ]);
  }

  private loneVictim(profile: VictimProfile, t: Typology): void {
    const force = this.forces.draw(this.rng);
    const start = this.rng.int(WORLD_START, WORLD_END - 60);
    const r = this.localReport(force, start);
    const victim = this.victimPerson(profile, start, r);
    const chosen = this.controls(t);
    if (t.code === 'UNKNOWN' && this.rng.chance(0.7)) {
      const home = this.address(force, r);
      this.rel('RESIDES_AT', victim, home, this.fact(r), { since: isoDay(start) });
      this.exploitation(victim, profile, t, [], start, force, home, r, []);
      return;
    }
    const exploiter = this.offender(profile.nationality ?? 'GB', force, r);
    if (t.code === 'DOMESTIC' || t.code === 'UK_CSE') {
      const kind = t.code === 'UK_CSE' ? 'ASSOCIATE' : this.rng.chance(0.5) ? 'FAMILY' : 'PARTNER';
      this.rel('ASSOCIATE_OF', exploiter.id, victim, this.fact(r), { kind });
    }
    const home = t.code === 'DOMESTIC' ? exploiter.address : this.address(force, r, true);
    this.rel('RESIDES_AT', victim, home, this.fact(r), { since: isoDay(start) });
    if (this.rng.chance(0.3)) this.hold(victim, exploiter.phones[0]!, r);
    this.exploitation(victim, profile, t, chosen, start, force, home, r, [{ id: exploiter.id, role: 'CONTROLLER' }]);
  }

  private controls(t: Typology): ControlMethodCode[] {
    const n = this.rng.int(1, Math.min(4, t.controls.length));
    const out = new Set<ControlMethodCode>();
    for (let i = 0; i < n * 2 && out.size < n; i++) out.add(this.weighted(t.controls));
    return [...out];
  }

  private exploitation(
    victim: string,
    profile: VictimProfile,
    t: Typology,
    controls: ControlMethodCode[],
    start: number,
    force: PoliceForceCode,
    location: string,
    r: Report,
    perpetrators: { id: string; role: GroupRole | undefined }[],
  ): void {
    const id = this.id('Exploitation');
    const prov = this.fact(r);
    const end = this.rng.chance(0.6) ? Math.min(WORLD_END, start + this.rng.int(30, 540)) : undefined;
    this.node('Exploitation', id, { startDate: isoDay(start), endDate: end !== undefined ? isoDay(end) : undefined, description: t.title }, prov);
    this.rel('EXPLOITED', id, victim, prov);
    for (const p of perpetrators) this.rel('PERPETRATED', p.id, id, this.fact(r), { role: p.role });
    this.rel('OCCURRED_AT', id, location, prov);
    this.rel('IN_AREA', id, `${ID_PREFIX.PoliceForce}-${force}`, prov);
    for (const c of profile.categories) this.rel('OF_TYPE', id, `${ID_PREFIX.ExploitationType}-${c}`, prov);
    const offence = t.offenceTypes.length ? this.weighted(t.offenceTypes) : undefined;
    if (offence) this.rel('OF_TYPE', id, `${ID_PREFIX.ExploitationType}-${offence}`, prov);
    for (const c of controls) this.rel('USED_CONTROL', id, `${ID_PREFIX.ControlMethod}-${c}`, prov);
    this.rel('USED_RECRUITMENT', id, `${ID_PREFIX.RecruitmentMethod}-${this.weighted(t.recruitment)}`, prov);
    if (this.rng.chance(0.75)) this.referral(victim, profile, start, end, force);
  }

  private referral(victim: string, profile: VictimProfile, start: number, end: number | undefined, force: PoliceForceCode): void {
    const type = this.weighted(profile.ageGroup === 'CHILD' ? RESPONDERS_CHILD : RESPONDERS_ADULT);
    const agency = type === 'POLICE' ? force : type === 'GOVERNMENT_AGENCY' ? this.rng.pick(['HOIE', 'BF', 'NCA']) : null;
    const referredOn = Math.min(WORLD_END, (end ?? start) + this.rng.int(0, 120));
    const r = this.localReport('SCD', referredOn);
    const prov = this.fact(r);
    const rg = referredOn + this.rng.int(5, 60);
    const rgDecision = rg > WORLD_END ? 'PENDING' : this.weighted(RG_DECISIONS);
    const cg = rg + this.rng.int(90, 600);
    const cgDecision = rgDecision !== 'POSITIVE' ? undefined : cg > WORLD_END ? 'PENDING' : this.weighted(CG_DECISIONS);
    const forceName = POLICE_FORCES.find((f) => f.code === force)!.name;
    const responder = type === 'POLICE' ? forceName : type === 'GOVERNMENT_AGENCY' ? { HOIE: 'Home Office Immigration Enforcement', BF: 'Border Force', NCA: 'National Crime Agency' }[agency!]! : type === 'LOCAL_AUTHORITY' ? `${TOWNS_BY_FORCE[force][0]!.name} children's services` : this.rng.pick(['Salvation Army', 'Barnardo\'s', 'Migrant Help', 'Unseen']);
    const id = this.id('NRMReferral');
    this.node(
      'NRMReferral',
      id,
      {
        referredOn: isoDay(referredOn),
        firstResponderType: type,
        firstResponder: responder,
        rgDecision,
        rgDate: rgDecision === 'PENDING' ? undefined : isoDay(rg),
        cgDecision,
        cgDate: cgDecision && cgDecision !== 'PENDING' ? isoDay(cg) : undefined,
      },
      prov,
    );
    this.rel('REFERRAL_OF', id, victim, prov);
    if (agency) this.rel('REFERRED_BY', id, `${ID_PREFIX.Agency}-${agency}`, prov);
    for (const c of profile.categories) this.rel('OF_TYPE', id, `${ID_PREFIX.ExploitationType}-${c}`, prov);
  }

  // ---- associates -----------------------------------------------------------------------------

  /**
   * Someone around an offender: a suspect who shares a phone, a car or a home with them, now and
   * then running a business that shares an address or phone with them but that no operation covers.
   */
  private associate(): void {
    if (this.offenders.length === 0) {
      const force = this.forces.draw(this.rng);
      this.offender('GB', force, this.localReport(force, WORLD_START + 100), { suspect: true });
      return;
    }
    const o = this.rng.pick(this.offenders);
    const force = this.forces.draw(this.rng);
    const r = this.localReport(this.rng.chance(0.7) ? force : this.rng.pick(['NCA', 'HOIE', 'HMRC', 'GLAA']), this.rng.int(WORLD_START, WORLD_END));
    const nat = this.rng.chance(0.7) ? o.nationality : 'GB';
    const p = this.person(nat, this.rng.chance(0.3) ? 'FEMALE' : 'MALE', this.rng.int(1960, 2004), r, ['Suspect']);
    this.rel('ASSOCIATE_OF', p.id, o.id, this.fact(r), { kind: this.weighted(ASSOCIATIONS) });
    const link = this.rng.int(0, 3);
    if (link === 0) this.hold(p.id, o.phones[0]!, r);
    else if (link === 1 && o.vehicle) this.hold(p.id, o.vehicle, r);
    else if (link === 2) this.rel('RESIDES_AT', p.id, o.address, this.fact(r));
    else this.phone(p.id, r);
    if (this.rng.chance(0.05)) {
      const id = this.id('Business');
      const prov = this.fact(r);
      this.node('Business', id, { name: `${this.rng.pick(['Quick', 'City', 'Best', 'Prime'])} ${this.rng.pick(['Car Wash', 'Nails', 'Lettings', 'Cleaning Services'])}`, type: this.rng.pick<BusinessType>(['CAR_WASH', 'NAIL_BAR', 'OTHER']) }, prov);
      this.rel('CONTROLS', p.id, id, prov);
      this.rel('LOCATED_AT', id, o.address, prov);
      this.hold(id, o.phones[0]!, r);
    }
  }
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
