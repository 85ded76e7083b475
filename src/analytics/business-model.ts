import { CONTROL_METHODS, EXPLOITATION_CATEGORIES, OFFENCE_TYPES, RECRUITMENT_METHODS, type ExploitationCategory } from '../domain/vocabulary';
import type { RawBusinessModel, Tally } from '../graph/business-model.reader';

/**
 * A group's business model read as a crime script (recruitment, transport, control,
 * exploitation, finance), with the people involved, the typology it fits, and the stages with
 * no data. Pure: built from the database's aggregations (graph/business-model.reader.ts).
 */
export interface StageItem {
  key: string;
  label: string;
  count: number;
  /** Ids of the records behind the count (exploitation events, people, businesses...). */
  recordIds: string[];
}

export interface RoutePattern {
  routeId: string;
  name: string | null;
  countries: string[];
  /** Mode of the leg arriving at each stop after the origin. */
  modes: (string | null)[];
  travellers: number;
  meanDebt: number | null;
  currency: string | null;
}

export interface MoneyFlow {
  country: string;
  channel: string;
  currency: string;
  transfers: number;
  total: number;
  recordIds: string[];
}

export interface BusinessModel {
  groupId: string;
  groupName: string;
  exploitationEvents: number;
  eventIds: string[];
  recruitment: StageItem[];
  transport: { routes: RoutePattern[]; documents: StageItem[] };
  control: StageItem[];
  exploitation: { types: StageItem[]; venues: StageItem[]; forceAreas: StageItem[] };
  finance: { flows: MoneyFlow[]; totals: { currency: string; total: number; transfers: number }[] };
  people: { victims: number; victimsByNationality: StageItem[]; victimsByAgeGroup: StageItem[]; victimsByGender: StageItem[]; membersByRole: StageItem[] };
  typology: { category: ExploitationCategory | null; offenceTypes: string[]; label: string };
  unknownStages: string[];
}

const NAMES: Record<string, string> = Object.fromEntries([
  ...OFFENCE_TYPES.map((t) => [t.code, t.name]),
  ...CONTROL_METHODS.map((t) => [t.code, t.name]),
  ...RECRUITMENT_METHODS.map((t) => [t.code, t.name]),
  ['LABOUR', 'Labour exploitation'],
  ['SEXUAL', 'Sexual exploitation'],
  ['CRIMINAL', 'Criminal exploitation'],
  ['DOMESTIC_SERVITUDE', 'Domestic servitude'],
  ['ORGAN_HARVESTING', 'Organ harvesting'],
]);

function items(t: Tally[]): StageItem[] {
  return t.map((x) => ({ key: x.key, label: NAMES[x.key] ?? x.key.replace(/_/g, ' ').toLowerCase(), count: x.count, recordIds: x.ids }));
}

/** The typology a group fits: its dominant category, and the offence types recorded within it. */
export function classify(types: StageItem[], venues: StageItem[]): BusinessModel['typology'] {
  const categories = types.filter((t) => (EXPLOITATION_CATEGORIES as readonly string[]).includes(t.key) && t.key !== 'UNKNOWN');
  const offences = types.filter((t) => OFFENCE_TYPES.some((o) => o.code === t.key));
  const byCategory = new Map<string, number>();
  for (const c of categories) byCategory.set(c.key, (byCategory.get(c.key) ?? 0) + c.count);
  for (const o of offences) {
    const cat = OFFENCE_TYPES.find((x) => x.code === o.key)!.category;
    if (!byCategory.has(cat)) byCategory.set(cat, o.count);
  }
  const top = [...byCategory.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!top) return { category: null, offenceTypes: [], label: 'Unknown: no exploitation recorded' };
  const category = top[0] as ExploitationCategory;
  const within = offences.filter((o) => OFFENCE_TYPES.find((x) => x.code === o.key)!.category === category).map((o) => o.key);
  const venue = venues[0] ? ` (${venues[0].label})` : '';
  const label = within.length ? `${NAMES[within[0]!]}${venue}` : `${NAMES[category]}${venue}`;
  return { category, offenceTypes: within, label };
}

export function toBusinessModel(raw: RawBusinessModel): BusinessModel {
  const types = items(raw.exploitationTypes);
  const venues = items(raw.venues);
  const totals = new Map<string, { currency: string; total: number; transfers: number }>();
  for (const f of raw.flows) {
    const t = totals.get(f.currency) ?? { currency: f.currency, total: 0, transfers: 0 };
    t.total += f.total;
    t.transfers += f.transfers;
    totals.set(f.currency, t);
  }
  const model: BusinessModel = {
    groupId: raw.groupId,
    groupName: raw.name,
    exploitationEvents: raw.events,
    eventIds: raw.eventIds,
    recruitment: items(raw.recruitment),
    transport: {
      routes: raw.routes.map((r) => ({
        routeId: r.id,
        name: r.name,
        countries: r.countries,
        modes: r.modes.slice(1),
        travellers: r.travellers,
        meanDebt: r.meanDebt ?? r.debt ?? null,
        currency: r.currency,
      })),
      documents: items(raw.documents).map((d) => ({ ...d, label: d.key.replace(':', ' issued by ') })),
    },
    control: items(raw.control),
    exploitation: { types, venues, forceAreas: items(raw.forceAreas) },
    finance: {
      flows: raw.flows.map((f) => ({ ...f, recordIds: f.ids })),
      totals: [...totals.values()].sort((a, b) => b.total - a.total),
    },
    people: {
      victims: raw.victimCount,
      victimsByNationality: items(raw.victimNationalities),
      victimsByAgeGroup: items(raw.victimAgeGroups),
      victimsByGender: items(raw.victimGenders),
      membersByRole: items(raw.membersByRole),
    },
    typology: classify(types, venues),
    unknownStages: [],
  };
  const stages: [string, boolean][] = [
    ['RECRUITMENT', model.recruitment.length > 0],
    ['TRANSPORT', model.transport.routes.length > 0 || model.transport.documents.length > 0],
    ['CONTROL', model.control.length > 0],
    ['EXPLOITATION', types.length > 0 || venues.length > 0],
    ['FINANCE', model.finance.flows.length > 0],
  ];
  model.unknownStages = stages.filter(([, known]) => !known).map(([s]) => s);
  return model;
}

export interface StageComparison {
  stage: string;
  onlyA: string[];
  onlyB: string[];
  both: string[];
}

/** Two groups side by side, stage by stage: what each has that the other does not. */
export function compareModels(a: BusinessModel, b: BusinessModel): StageComparison[] {
  const keys = (m: BusinessModel): Record<string, string[]> => ({
    RECRUITMENT: m.recruitment.map((i) => i.key),
    TRANSPORT: m.transport.routes.map((r) => r.countries.join('>')),
    TRANSPORT_MODES: [...new Set(m.transport.routes.flatMap((r) => r.modes.filter((x): x is string => !!x)))],
    CONTROL: m.control.map((i) => i.key),
    EXPLOITATION: m.exploitation.types.map((i) => i.key),
    VENUES: m.exploitation.venues.map((i) => i.key),
    FORCE_AREAS: m.exploitation.forceAreas.map((i) => i.key),
    FINANCE: [...new Set(m.finance.flows.map((f) => `${f.country}:${f.channel}`))],
    VICTIM_NATIONALITIES: m.people.victimsByNationality.map((i) => i.key),
  });
  const ka = keys(a);
  const kb = keys(b);
  return Object.keys(ka).map((stage) => ({
    stage,
    onlyA: ka[stage]!.filter((x) => !kb[stage]!.includes(x)),
    onlyB: kb[stage]!.filter((x) => !ka[stage]!.includes(x)),
    both: ka[stage]!.filter((x) => kb[stage]!.includes(x)),
  }));
}
