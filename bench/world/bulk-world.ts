import neo4j from 'neo4j-driver';

import { Rng } from './prng';

/**
 * A stand-in synthetic world written with bulk Cypher, for when `msht seed` (src/ingestion/seed)
 * is not available: groups with members, victims, phones, vehicles, accounts, documents,
 * addresses, businesses, exploitation events with their types, control and recruitment methods,
 * force areas, routes with ordered stops, money flows, NRM referrals, operations and
 * associations, each item with provenance copied from an intelligence report (a realistic spread
 * of handling codes). Deterministic for a seed. Written with CREATE into an empty graph (the
 * migrations' reference data only), in batches, nodes before the relationships that need them.
 */

export type RunCypher = (cypher: string, params: Record<string, unknown>) => Promise<unknown>;

interface NodeRow {
  id: string;
  props: Record<string, unknown>;
}
interface RelRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

type Prov = Record<string, unknown>;

const NATIONALITIES = [
  ['VN', 18],
  ['RO', 16],
  ['AL', 14],
  ['GB', 22],
  ['CN', 8],
  ['PL', 8],
  ['NG', 7],
  ['SK', 7],
] as const;
type Nat = (typeof NATIONALITIES)[number][0];

const NAMES: Record<Nat, { first: string[]; last: string[] }> = {
  VN: { first: ['Anh', 'Binh', 'Cuong', 'Duc', 'Hoa', 'Lan', 'Linh', 'Minh', 'Nam', 'Thao', 'Trang', 'Tuan', 'Van', 'Hung', 'Mai'], last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang', 'Bui', 'Do'] },
  RO: { first: ['Andrei', 'Elena', 'Ion', 'Maria', 'Marian', 'Mihai', 'Ioana', 'Florin', 'Adriana', 'Gabriel', 'Cristina', 'Vasile'], last: ['Popescu', 'Ionescu', 'Radu', 'Dumitru', 'Stan', 'Pop', 'Stoica', 'Munteanu', 'Lupu', 'Constantin'] },
  AL: { first: ['Arben', 'Besnik', 'Dritan', 'Elira', 'Fatmir', 'Gentian', 'Ilir', 'Klodian', 'Mirela', 'Rezart'], last: ['Hoxha', 'Shehu', 'Gashi', 'Krasniqi', 'Berisha', 'Leka', 'Dervishi', 'Kola', 'Marku', 'Bajrami'] },
  GB: { first: ['James', 'Oliver', 'Jack', 'Harry', 'Amelia', 'Olivia', 'Leah', 'Tyler', 'Kyle', 'Jordan', 'Chloe', 'Reece', 'Callum', 'Jade'], last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Walker', 'Wright', 'Clarke'] },
  CN: { first: ['Wei', 'Fang', 'Jing', 'Lei', 'Min', 'Ping', 'Xiu', 'Yan', 'Hui', 'Qiang'], last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'] },
  PL: { first: ['Piotr', 'Anna', 'Krzysztof', 'Tomasz', 'Agnieszka', 'Marek', 'Pawel', 'Katarzyna', 'Jan', 'Ewa'], last: ['Nowak', 'Kowalski', 'Wisniewski', 'Wojcik', 'Kaminski', 'Lewandowski', 'Zielinski', 'Szymanski'] },
  NG: { first: ['Chinedu', 'Blessing', 'Emeka', 'Ngozi', 'Tunde', 'Funmi', 'Ifeoma', 'Segun', 'Amaka', 'Uche'], last: ['Okafor', 'Adeyemi', 'Okonkwo', 'Eze', 'Balogun', 'Nwosu', 'Adebayo', 'Obi'] },
  SK: { first: ['Jozef', 'Maria', 'Peter', 'Zuzana', 'Milan', 'Lucia', 'Martin', 'Eva', 'Tomas', 'Jana'], last: ['Horvath', 'Kovac', 'Varga', 'Toth', 'Nagy', 'Balaz', 'Molnar', 'Lakatos'] },
};

interface Typology {
  category: string;
  offence: string;
  venue: string | null;
  recruitment: string[];
  control: string[];
}

const TYPOLOGIES: Record<Nat, Typology[]> = {
  VN: [
    { category: 'LABOUR', offence: 'LABOUR_FOR_OFFENDERS', venue: 'NAIL_BAR', recruitment: ['DEBT', 'DECEPTIVE_JOB_OFFER'], control: ['DEBT_BONDAGE', 'DOCUMENT_REMOVAL', 'ISOLATION'] },
    { category: 'CRIMINAL', offence: 'ILLEGAL_ACTIVITIES', venue: 'CANNABIS_GROW', recruitment: ['DEBT', 'FAMILY_OR_COMMUNITY'], control: ['DEBT_BONDAGE', 'THREATS', 'ISOLATION'] },
  ],
  RO: [
    { category: 'SEXUAL', offence: 'SEX_WORK_CHANGING_LOCATION', venue: 'BROTHEL', recruitment: ['ROMANCE', 'DECEPTIVE_JOB_OFFER'], control: ['TAKES_EARNINGS', 'THREATS', 'PSYCHOLOGICAL_ABUSE'] },
    { category: 'LABOUR', offence: 'LABOUR_FOR_OTHERS', venue: 'CAR_WASH', recruitment: ['DECEPTIVE_JOB_OFFER'], control: ['TAKES_EARNINGS', 'EXCESSIVE_HOURS', 'DOCUMENT_REMOVAL'] },
  ],
  AL: [
    { category: 'SEXUAL', offence: 'SEX_WORK_FIXED_LOCATION', venue: 'BROTHEL', recruitment: ['ROMANCE', 'ONLINE'], control: ['VIOLENCE', 'THREATS', 'TAKES_EARNINGS'] },
    { category: 'CRIMINAL', offence: 'ILLEGAL_ACTIVITIES', venue: 'CANNABIS_GROW', recruitment: ['DEBT', 'DECEPTIVE_JOB_OFFER'], control: ['DEBT_BONDAGE', 'THREATS'] },
  ],
  GB: [
    { category: 'CRIMINAL', offence: 'GANG_CRIMINALITY', venue: null, recruitment: ['FRIEND', 'ONLINE'], control: ['VIOLENCE', 'SUBSTANCES', 'THREATS'] },
    { category: 'SEXUAL', offence: 'CSE_GROUP', venue: 'TAKEAWAY', recruitment: ['ROMANCE', 'FRIEND'], control: ['SUBSTANCES', 'SEXUAL_ABUSE', 'ISOLATION'] },
  ],
  CN: [
    { category: 'SEXUAL', offence: 'SEX_WORK_FIXED_LOCATION', venue: 'BROTHEL', recruitment: ['DECEPTIVE_JOB_OFFER'], control: ['DEBT_BONDAGE', 'ISOLATION'] },
    { category: 'LABOUR', offence: 'LABOUR_FOR_OFFENDERS', venue: 'TAKEAWAY', recruitment: ['DEBT'], control: ['DEBT_BONDAGE', 'EXCESSIVE_HOURS'] },
  ],
  PL: [{ category: 'LABOUR', offence: 'LABOUR_FOR_OTHERS', venue: 'FARM', recruitment: ['DECEPTIVE_JOB_OFFER'], control: ['TAKES_EARNINGS', 'RESTRICTS_FINANCIAL_ACCESS', 'WITHHOLDS_NECESSITIES'] }],
  NG: [
    { category: 'SEXUAL', offence: 'SEX_WORK_FIXED_LOCATION', venue: 'BROTHEL', recruitment: ['DECEPTIVE_JOB_OFFER', 'FAMILY_OR_COMMUNITY'], control: ['DEBT_BONDAGE', 'THREATS', 'PSYCHOLOGICAL_ABUSE'] },
    { category: 'DOMESTIC_SERVITUDE', offence: 'DOMESTIC_UNRELATED', venue: null, recruitment: ['FAMILY_OR_COMMUNITY'], control: ['ISOLATION', 'DOCUMENT_REMOVAL'] },
  ],
  SK: [
    { category: 'LABOUR', offence: 'LABOUR_FOR_OFFENDERS', venue: 'FACTORY', recruitment: ['DECEPTIVE_JOB_OFFER'], control: ['TAKES_EARNINGS', 'RESTRICTS_FINANCIAL_ACCESS'] },
    { category: 'SEXUAL', offence: 'SEX_WORK_CHANGING_LOCATION', venue: 'BROTHEL', recruitment: ['ROMANCE'], control: ['TAKES_EARNINGS', 'VIOLENCE'] },
  ],
};

/** Routes to the UK: countries in order, the mode of the leg arriving at each. */
const ROUTES: Partial<Record<Nat, [string, string | null][]>> = {
  VN: [['VN', null], ['CN', 'FLIGHT'], ['RU', 'TRAIN'], ['PL', 'LORRY'], ['FR', 'LORRY'], ['GB', 'SMALL_BOAT']],
  RO: [['RO', null], ['HU', 'COACH'], ['AT', 'COACH'], ['DE', 'COACH'], ['FR', 'COACH'], ['GB', 'FERRY']],
  AL: [['AL', null], ['IT', 'FERRY'], ['FR', 'LORRY'], ['GB', 'SMALL_BOAT']],
  CN: [['CN', null], ['GB', 'FLIGHT']],
  PL: [['PL', null], ['DE', 'COACH'], ['GB', 'COACH']],
  NG: [['NG', null], ['IT', 'FLIGHT'], ['FR', 'TRAIN'], ['GB', 'LORRY']],
  SK: [['SK', null], ['CZ', 'COACH'], ['DE', 'COACH'], ['GB', 'COACH']],
};

const ROLES = [
  ['RECRUITER', 3],
  ['TRANSPORTER', 2],
  ['CONTROLLER', 3],
  ['MONEY_HANDLER', 1],
  ['ENABLER', 1],
  ['MEMBER', 2],
] as const;
const HANDLING = [
  ['H0', 55],
  ['H1', 28],
  ['H2', 12],
  ['H3', 5],
] as const;
const AGENCIES = ['NCA', 'GLAA', 'HOIE', 'BF', 'HMRC', 'EUROPOL'];
const CHANNELS = ['BANK_TRANSFER', 'MONEY_SERVICE_BUSINESS', 'CASH_COURIER', 'HAWALA', 'PAYMENT_APP'];
const CURRENCY: Record<Nat, string> = { VN: 'GBP', RO: 'RON', AL: 'EUR', GB: 'GBP', CN: 'GBP', PL: 'PLN', NG: 'GBP', SK: 'EUR' };

const START = Date.UTC(2021, 0, 1);
const DAYS = 4 * 365;
const date = (day: number) => {
  const d = new Date(START + day * 86_400_000);
  return new neo4j.types.Date(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};
const dateTime = (day: number) => {
  const d = new Date(START + day * 86_400_000);
  return neo4j.types.DateTime.fromStandardDate(d);
};
const pad = (n: number, w = 7) => n.toString().padStart(w, '0');

export interface BulkWorldSummary {
  persons: number;
  groups: number;
  nodes: number;
  relationships: number;
  seconds: number;
}

/** Writes the world; `persons` is approximate (whole groups). */
export async function writeBulkWorld(run: RunCypher, opts: { persons: number; seed: number; log?: (line: string) => void }): Promise<BulkWorldSummary> {
  const started = Date.now();
  const rng = new Rng(opts.seed);
  const nodes = new Map<string, NodeRow[]>();
  const rels = new Map<string, RelRow[]>();
  let buffered = 0;
  let nodeCount = 0;
  let relCount = 0;
  const counters = new Map<string, number>();
  const newId = (prefix: string) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}-w${pad(n)}`;
  };
  const node = (labels: string, id: string, props: Record<string, unknown>, prov: Prov) => {
    const rows = nodes.get(labels) ?? [];
    rows.push({ id, props: { ...prov, ...props, id } });
    nodes.set(labels, rows);
    buffered++;
  };
  const rel = (type: string, from: string, to: string, prov: Prov, props: Record<string, unknown> = {}) => {
    const rows = rels.get(type) ?? [];
    rows.push({ from, to, props: { ...prov, ...props } });
    rels.set(type, rows);
    buffered++;
  };
  const flush = async () => {
    for (const [labels, rows] of nodes) {
      for (let i = 0; i < rows.length; i += 10_000) {
        await run(`UNWIND $rows AS row CREATE (n:${labels}) SET n = row.props`, { rows: rows.slice(i, i + 10_000) });
      }
      nodeCount += rows.length;
    }
    nodes.clear();
    for (const [type, rows] of rels) {
      for (let i = 0; i < rows.length; i += 10_000) {
        await run(`UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`, {
          rows: rows.slice(i, i + 10_000),
        });
      }
      relCount += rows.length;
    }
    rels.clear();
    buffered = 0;
  };

  // Intelligence reports: every fact copies one report's grading and handling.
  const reports: Prov[] = [];
  const reportCount = Math.max(40, Math.round(opts.persons / 20));
  for (let i = 0; i < reportCount; i++) {
    const day = rng.int(0, DAYS - 1);
    const agency = rng.pick(AGENCIES);
    const id = newId('rep');
    const prov: Prov = {
      reportId: id,
      agency,
      recordedAt: dateTime(day),
      gradeSource: rng.weighted([[1, 30], [2, 55], [3, 15]] as const),
      gradeIntel: rng.weighted([['A', 10], ['B', 35], ['C', 35], ['D', 15], ['E', 5]] as const),
      ukHandling: rng.chance(0.1) ? 'C' : 'P',
      handling: rng.weighted(HANDLING),
      consent: rng.chance(0.2),
    };
    node('IntelligenceReport:Entity', id, { reference: `${agency}/${2021 + Math.floor(day / 365)}/${pad(i, 5)}`, reportedOn: date(day) }, prov);
    reports.push(prov);
  }
  const prov = () => rng.pick(reports);

  // Towns: a few per force area, each PART_OF its force.
  const forces = ['MPS', 'WMP', 'GMP', 'WYP', 'MERSEY', 'KENT', 'ESSEX', 'LANCS', 'NOTTS', 'SYP', 'HANTS', 'NORTHUMB', 'TVP', 'ASC', 'CAMBS', 'DERBYS', 'LEICS', 'STAFFS', 'SUSSEX', 'HERTS'];
  const towns: { id: string; force: string }[] = [];
  for (const f of forces) {
    for (let i = 0; i < 3; i++) {
      const id = newId('town');
      node('Town:Location:Entity', id, { name: `${f[0]}${f.slice(1).toLowerCase()} town ${i + 1}` }, prov());
      rel('PART_OF', id, `force-${f}`, prov());
      towns.push({ id, force: f });
    }
  }

  const counterparts: string[] = [];
  let persons = 0;
  let groups = 0;
  const personName = (nat: Nat) => `${rng.pick(NAMES[nat].first)} ${rng.pick(NAMES[nat].last)}`;
  const addPerson = (labels: string, nat: Nat, props: Record<string, unknown>) => {
    const id = newId('per');
    node(`Person:Entity${labels}`, id, { name: personName(nat), gender: rng.chance(0.5) ? 'MALE' : 'FEMALE', ...props }, prov());
    rel('NATIONAL_OF', id, `country-${nat}`, prov());
    if (nat !== 'GB' && rng.chance(0.08)) rel('NATIONAL_OF', id, 'country-GB', prov());
    persons++;
    return id;
  };
  const phone = (holder: string) => {
    const id = newId('phone');
    node('Phone:Identifier:Entity', id, { value: `+447700${pad(counters.get('phone')!, 7)}` }, prov());
    rel('HAS_IDENTIFIER', holder, id, prov(), { since: date(rng.int(0, DAYS - 400)) });
    return id;
  };

  while (persons < opts.persons) {
    groups++;
    const nat = rng.weighted(NATIONALITIES);
    const typology = rng.pick(TYPOLOGIES[nat]);
    const town = rng.pick(towns);
    const begun = rng.int(0, DAYS - 500);
    const gid = newId('ocg');
    const gProv = prov();
    node(
      'OrganisedCrimeGroup:Entity',
      gid,
      { name: `${rng.pick(NAMES[nat].last)} ${rng.pick(['network', 'family', 'crew', 'organisation'])} ${groups}`, reference: `OCG/${pad(groups, 6)}`, threatLevel: rng.pick(['LOW', 'MODERATE', 'SIGNIFICANT', 'HIGH']) },
      gProv,
    );
    const addresses: string[] = [];
    for (let i = rng.int(2, 4); i > 0; i--) {
      const id = newId('addr');
      node('Address:Location:Entity', id, { line1: `${rng.int(1, 200)} ${rng.pick(['High Street', 'Station Road', 'Church Lane', 'Park Avenue', 'Mill Road'])}`, postcode: `${town.force.slice(0, 2)}${rng.int(1, 20)} ${rng.int(1, 9)}${rng.pick(['AB', 'CD', 'EF', 'GH'])}` }, prov());
      rel('PART_OF', id, town.id, prov());
      addresses.push(id);
    }

    // Members: a leader and 4-13 others.
    const members: { id: string; role: string; phone: string; account?: string }[] = [];
    const size = rng.int(5, 14);
    for (let i = 0; i < size; i++) {
      const role = i === 0 ? 'LEADER' : rng.weighted(ROLES);
      const id = addPerson(rng.chance(0.8) ? ':Offender' : ':Suspect', nat, { birthYear: rng.int(1960, 2002) });
      rel('MEMBER_OF', id, gid, prov(), { role, since: date(begun + rng.int(0, 200)) });
      rel('RESIDES_AT', id, rng.pick(addresses), prov(), { since: date(begun) });
      const m: { id: string; role: string; phone: string; account?: string } = { id, role, phone: phone(id) };
      if (rng.chance(0.3)) phone(id);
      if (rng.chance(0.3)) {
        const v = newId('veh');
        node('Vehicle:Identifier:Entity', v, { value: `BW${pad(counters.get('veh')!, 6)}`, make: rng.pick(['Ford', 'VW', 'BMW', 'Toyota']) }, prov());
        rel('HAS_IDENTIFIER', id, v, prov());
      }
      if (role === 'LEADER' || role === 'MONEY_HANDLER') {
        const a = newId('acct');
        node('BankAccount:Identifier:Entity', a, { value: `GB00BENCH${pad(counters.get('acct')!, 8)}`, bank: rng.pick(['Barclays', 'HSBC', 'Lloyds', 'Monzo']) }, prov());
        rel('HAS_IDENTIFIER', id, a, prov());
        rel('ISSUED_BY', a, 'country-GB', prov());
        m.account = a;
      }
      members.push(m);
    }
    for (let i = 1; i < members.length; i++) {
      rel('ASSOCIATE_OF', members[i]!.id, members[rng.int(0, i - 1)]!.id, prov(), { kind: rng.pick(['ASSOCIATE', 'COMMUNICATION', 'FAMILY']) });
    }
    // Ties to earlier groups: shared phones and associations make one connected picture.
    if (counterparts.length > 0) {
      for (let i = rng.int(1, 3); i > 0; i--) {
        rel('ASSOCIATE_OF', rng.pick(members).id, rng.pick(counterparts), prov(), { kind: rng.pick(['ASSOCIATE', 'COMMUNICATION']) });
      }
      if (rng.chance(0.3)) rel('HAS_IDENTIFIER', rng.pick(counterparts), rng.pick(members).phone, prov());
    }
    for (const m of rng.sample(members, 2)) counterparts.push(m.id);

    // Businesses the group controls.
    const businesses: string[] = [];
    if (typology.venue) {
      for (let i = rng.int(1, 3); i > 0; i--) {
        const b = newId('biz');
        node('Business:Entity', b, { name: `${rng.pick(['Lucky', 'Star', 'Royal', 'Golden', 'City', 'Express'])} ${typology.venue.toLowerCase().replace('_', ' ')} ${counters.get('biz')}`, type: typology.venue }, prov());
        const addr = newId('addr');
        node('Address:Location:Entity', addr, { line1: `${rng.int(1, 300)} Market Street`, postcode: `${town.force.slice(0, 2)}${rng.int(1, 20)} ${rng.int(1, 9)}XY` }, prov());
        rel('PART_OF', addr, town.id, prov());
        rel('LOCATED_AT', b, addr, prov());
        rel('CONTROLS', gid, b, prov(), { since: date(begun) });
        if (rng.chance(0.5)) rel('CONTROLS', members[0]!.id, b, prov());
        if (rng.chance(0.4)) phone(b);
        businesses.push(b);
      }
    }
    const route = ROUTES[nat] && rng.chance(0.8) ? newId('route') : null;
    if (route) {
      const stops = ROUTES[nat]!;
      node('Route:Entity', route, { name: `${stops[0]![0]} to GB via ${stops.slice(1, -1).map((s) => s[0]).join(', ') || 'direct'}`, debt: rng.int(5, 40) * 1000, currency: 'GBP' }, prov());
      rel('OPERATES_ROUTE', gid, route, prov());
      stops.forEach(([c, mode], order) => rel('HAS_STOP', route, `country-${c}`, prov(), mode ? { order, mode } : { order }));
    }

    // Victims and what was done to them.
    const victims = rng.int(4, 20);
    for (let i = 0; i < victims; i++) {
      const vNat: Nat = rng.chance(0.8) ? nat : rng.weighted(NATIONALITIES);
      const child = typology.offence === 'GANG_CRIMINALITY' || typology.offence === 'CSE_GROUP' ? rng.chance(0.8) : rng.chance(0.1);
      const birthYear = child ? rng.int(2005, 2010) : rng.int(1970, 2003);
      const v = addPerson(':Victim', vNat, { birthYear, ageGroup: child ? 'CHILD' : 'ADULT' });
      rel('RESIDES_AT', v, rng.pick(addresses), prov());
      if (rng.chance(0.6)) {
        const p = phone(v);
        if (rng.chance(0.25)) rel('HAS_IDENTIFIER', rng.pick(members).id, p, prov());
      }
      if (vNat !== 'GB' && rng.chance(0.5)) {
        const d = newId('doc');
        node('TravelDocument:Identifier:Entity', d, { value: `P${vNat}${pad(counters.get('doc')!, 8)}`, documentType: 'PASSPORT' }, prov());
        rel('HAS_IDENTIFIER', v, d, prov());
        rel('ISSUED_BY', d, `country-${vNat}`, prov());
      }
      const day = Math.min(DAYS - 1, begun + rng.int(0, 700));
      if (route && vNat === nat) rel('TRAVELLED', v, route, prov(), { date: date(Math.max(0, day - rng.int(10, 90))), debt: rng.int(5, 40) * 1000, currency: 'GBP' });
      const business = businesses.length ? rng.pick(businesses) : null;
      if (business) rel('WORKS_AT', v, business, prov());
      const e = newId('expl');
      node('Exploitation:Entity', e, { startDate: date(day), ...(rng.chance(0.5) ? { endDate: date(Math.min(DAYS - 1, day + rng.int(30, 300))) } : {}) }, prov());
      rel('EXPLOITED', e, v, prov());
      rel('PERPETRATED', gid, e, prov());
      const perp = rng.pick(members);
      rel('PERPETRATED', perp.id, e, prov(), { role: perp.role });
      rel('OF_TYPE', e, `etype-${typology.category}`, prov());
      rel('OF_TYPE', e, `etype-${typology.offence}`, prov());
      for (const c of rng.sample(typology.control, rng.int(1, typology.control.length))) rel('USED_CONTROL', e, `control-${c}`, prov());
      rel('USED_RECRUITMENT', e, `recruit-${rng.pick(typology.recruitment)}`, prov());
      rel('IN_AREA', e, `force-${town.force}`, prov());
      rel('OCCURRED_AT', e, business ?? rng.pick(addresses), prov());
      if (rng.chance(0.7)) {
        const n = newId('nrm');
        node('NRMReferral:Entity', n, { referredOn: date(Math.min(DAYS - 1, day + rng.int(20, 200))), firstResponderType: rng.pick(['POLICE', 'LOCAL_AUTHORITY', 'NGO', 'GOVERNMENT_AGENCY']), rgDecision: rng.weighted([['POSITIVE', 85], ['NEGATIVE', 15]] as const) }, prov());
        rel('REFERRAL_OF', n, v, prov());
        rel('OF_TYPE', n, `etype-${typology.category}`, prov());
      }
    }

    // Money sent home from the group's accounts.
    for (const m of members) {
      if (!m.account) continue;
      for (let i = rng.int(1, 4); i > 0; i--) {
        const a = newId('acct');
        node('BankAccount:Identifier:Entity', a, { value: `${nat}00BENCH${pad(counters.get('acct')!, 8)}` }, prov());
        rel('ISSUED_BY', a, `country-${nat}`, prov());
        rel('TRANSFERRED_TO', m.account, a, prov(), { amount: rng.int(5, 200) * 50, currency: CURRENCY[nat], date: date(Math.min(DAYS - 1, begun + rng.int(30, 900))), channel: rng.pick(CHANNELS) });
      }
    }

    // Some groups are targeted by an operation.
    if (rng.chance(0.3)) {
      const op = newId('op');
      const live = rng.chance(0.5);
      node('Operation:Entity', op, { name: `Op ${rng.pick(['Anchor', 'Beacon', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbour'])} ${groups}`, status: live ? 'LIVE' : 'CLOSED', startDate: date(Math.min(DAYS - 1, begun + rng.int(100, 800))), crimeTypes: [typology.category] }, prov());
      rel('TARGETS', op, gid, prov(), { since: date(Math.min(DAYS - 1, begun + rng.int(100, 800))) });
      rel('TARGETS', op, members[0]!.id, prov());
      rel('IN_AREA', op, `force-${town.force}`, prov());
      rel('LED_BY', op, `agency-${rng.pick(['NCA', 'GLAA', 'HOIE'])}`, prov());
    }

    if (buffered >= 30_000) {
      await flush();
      opts.log?.(`  ${persons.toLocaleString('en-GB')} persons written`);
    }
  }
  await flush();
  return { persons, groups, nodes: nodeCount, relationships: relCount, seconds: (Date.now() - started) / 1000 };
}
