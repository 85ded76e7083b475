import { badInput } from '../errors/app-error';
import type { NodeLabel, RelationshipType } from './graph-model';
import { AGE_GROUPS, GENDERS } from './person';
import { PROVENANCE_KEYS } from './provenance';
import { dateOrder, intInRange, isoDate, nonNegative, optionalText, textList } from './validation';
import { NRM_NATIONALITY_STATUSES, QUARTERS } from './nrm-statistic';
import {
  ASSOCIATION_KINDS,
  BUSINESS_TYPES,
  DOCUMENT_TYPES,
  EXPLOITATION_CATEGORIES,
  EXPLOITATION_FORMS,
  FIRST_RESPONDER_TYPES,
  GROUP_ROLES,
  HANDLE_PLATFORMS,
  MONEY_CHANNELS,
  NRM_DECISIONS,
  OPERATION_STATUSES,
  THREAT_LEVELS,
  TRANSPORT_MODES,
} from './vocabulary';

/**
 * The stored properties of each entity and relationship: their kinds, limits and vocabularies.
 * Writers check input against these; property keys reach Cypher only from these tables.
 */
export type PropSpec =
  | { kind: 'text'; max?: number; required?: boolean }
  | { kind: 'textList'; max?: number }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[]; required?: boolean }
  | { kind: 'enumList'; values: readonly string[] }
  | { kind: 'currency' }
  | { kind: 'latitude' }
  | { kind: 'longitude' };

export type PropTable = Record<string, PropSpec>;

const text = (max = 500, required = false): PropSpec => ({ kind: 'text', max, required });
const en = (values: readonly string[], required = false): PropSpec => ({ kind: 'enum', values, required });
const date: PropSpec = { kind: 'date' };
const count: PropSpec = { kind: 'int', min: 0, max: 1_000_000 };

export const NODE_PROPS = {
  Person: {
    name: text(200, true),
    aliases: { kind: 'textList', max: 200 },
    dateOfBirth: date,
    birthYear: { kind: 'int', min: 1900, max: 2100 },
    gender: en(GENDERS),
    ageGroup: en(AGE_GROUPS),
    /** Age band as a source records it (CTDC: `0-8`, `9-17`, ... `48+`, `UNKNOWN`). */
    ageBand: text(20),
  },
  OrganisedCrimeGroup: { name: text(200, true), aliases: { kind: 'textList', max: 200 }, reference: text(100), threatLevel: en(THREAT_LEVELS), description: text(2000) },
  Town: { name: text(200, true) },
  Address: { line1: text(200), line2: text(200), postcode: text(12), latitude: { kind: 'latitude' }, longitude: { kind: 'longitude' } },
  Route: { name: text(200), cost: { kind: 'number' }, debt: { kind: 'number' }, currency: { kind: 'currency' } },
  Operation: {
    name: text(200, true),
    status: en(OPERATION_STATUSES, true),
    startDate: date,
    endDate: date,
    arrests: count,
    victimsSafeguarded: count,
    crimeTypes: { kind: 'enumList', values: EXPLOITATION_CATEGORIES },
  },
  Business: { name: text(200, true), type: en(BUSINESS_TYPES, true), companyNumber: text(20) },
  Phone: {},
  Vehicle: { make: text(60), model: text(60), colour: text(30) },
  BankAccount: { bank: text(120) },
  TravelDocument: { documentType: en(DOCUMENT_TYPES), expiryDate: date },
  EmailAddress: {},
  OnlineHandle: { platform: en(HANDLE_PLATFORMS) },
  Exploitation: {
    startDate: date,
    endDate: date,
    description: text(2000),
    /** The year a case was registered, where a source gives no dates (CTDC). */
    year: { kind: 'int', min: 1900, max: 2100 },
    /** Where the record came from within its source (CTDC: `Case Management` or `Hotline`). */
    dataSource: text(60),
    forms: { kind: 'enumList', values: EXPLOITATION_FORMS },
  },
  NRMReferral: {
    referredOn: date,
    firstResponderType: en(FIRST_RESPONDER_TYPES),
    firstResponder: text(200),
    rgDecision: en(NRM_DECISIONS),
    rgDate: date,
    cgDecision: en(NRM_DECISIONS),
    cgDate: date,
  },
  IntelligenceReport: { reference: text(100, true), title: text(300), reportedOn: date },
  NRMStatistic: {
    year: { kind: 'int', min: 2000, max: 2100 },
    quarter: en(QUARTERS, true),
    /** `2023Q1`: year and quarter as one sortable key. */
    period: text(6, true),
    responderType: text(100, true),
    responder: text(200, true),
    /** Code of the police force when the responder is one (police file rows). */
    forceCode: text(20),
    /** The statistics' own exploitation level, e.g. `Labour & Criminal`. */
    exploitationLevel: text(100, true),
    exploitationCategories: { kind: 'enumList', values: EXPLOITATION_CATEGORIES },
    ageGroup: en(AGE_GROUPS, true),
    gender: en(GENDERS, true),
    /** The statistics' nationality value as written (`Albanian Greek`). */
    nationality: text(200, true),
    nationalityCodes: { kind: 'textList', max: 2 },
    nationalityStatus: en(NRM_NATIONALITY_STATUSES, true),
    people: { kind: 'int', min: 0, max: 1_000_000 },
    /** The source table's file name. */
    sourceFile: text(200),
  },
} as const satisfies Partial<Record<NodeLabel, PropTable>>;

export type WritableLabel = keyof typeof NODE_PROPS;

const identifierValue: PropTable = { value: text(200, true) };

/**
 * Properties a writer derives rather than takes from the table: an identifier's normalised
 * `value` (its natural key), a phone's country. Bulk writes check against NODE_PROPS plus these.
 */
export const DERIVED_PROPS: Partial<Record<WritableLabel, PropTable>> = {
  Phone: { ...identifierValue, countryCode: text(2) },
  Vehicle: identifierValue,
  BankAccount: identifierValue,
  TravelDocument: identifierValue,
  EmailAddress: identifierValue,
  OnlineHandle: identifierValue,
};

/** Everything stored on a node of this label besides id and provenance. */
export function storedProps(label: WritableLabel): PropTable {
  return { ...NODE_PROPS[label], ...(DERIVED_PROPS[label] ?? {}) };
}

export function isWritableLabel(label: string): label is WritableLabel {
  return Object.prototype.hasOwnProperty.call(NODE_PROPS, label);
}

/** Date pairs that must be in order (from, to). */
export const DATE_PAIRS: Partial<Record<string, [string, string][]>> = {
  Operation: [['startDate', 'endDate']],
  Exploitation: [['startDate', 'endDate']],
  NRMReferral: [
    ['referredOn', 'rgDate'],
    ['rgDate', 'cgDate'],
  ],
  __rel: [['since', 'until']],
};

const span: PropTable = { since: date, until: date };

export const REL_PROPS: Record<RelationshipType, PropTable> = {
  MEMBER_OF: { role: en(GROUP_ROLES), ...span },
  NATIONAL_OF: {},
  HAS_IDENTIFIER: span,
  RESIDES_AT: span,
  LOCATED_AT: span,
  PART_OF: {},
  CONTROLS: span,
  WORKS_AT: span,
  ASSOCIATE_OF: { kind: en(ASSOCIATION_KINDS), ...span },
  OPERATES_ROUTE: span,
  TRAVELLED: { date, debt: { kind: 'number' }, currency: { kind: 'currency' } },
  HAS_STOP: { order: { kind: 'int', min: 0, max: 100 }, mode: en(TRANSPORT_MODES) },
  TARGETS: { since: date },
  LED_BY: {},
  IN_AREA: {},
  PERPETRATED: { role: en(GROUP_ROLES) },
  EXPLOITED: {},
  OCCURRED_AT: {},
  OF_TYPE: {},
  SUBTYPE_OF: {},
  USED_CONTROL: {},
  USED_RECRUITMENT: {},
  TRANSFERRED_TO: { amount: { kind: 'number' }, currency: { kind: 'currency' }, date, channel: en(MONEY_CHANNELS) },
  REFERRAL_OF: {},
  REFERRED_BY: {},
  ISSUED_BY: {},
  REFERRED_BY_FORCE: {},
};

/** The required properties of a table that `props` does not hold (a record created from them would lack them). */
export function missingRequired(table: PropTable, props: Record<string, unknown>): string[] {
  return Object.entries(table)
    .filter(([key, spec]) => 'required' in spec && spec.required && (props[key] === undefined || props[key] === null))
    .map(([key]) => key);
}

/**
 * Checks the given properties against a table; `undefined` means "not given" (left out),
 * `null` means "clear it". Returns the normalised values; throws BAD_USER_INPUT naming the field.
 */
export function checkProps(table: PropTable, input: Record<string, unknown>, prefix: string, today: Date, create: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!(key in table)) throw badInput(`${prefix}.${key}`, 'is not a property of this kind');
    if ((PROVENANCE_KEYS as readonly string[]).includes(key)) throw badInput(`${prefix}.${key}`, 'is provenance: give it in provenance');
  }
  for (const [key, spec] of Object.entries(table)) {
    const field = `${prefix}.${key}`;
    const value = input[key];
    if (value === undefined) {
      if (create && 'required' in spec && spec.required) throw badInput(field, 'is required');
      continue;
    }
    if (value === null) {
      if ('required' in spec && spec.required) throw badInput(field, 'is required and cannot be cleared');
      out[key] = null;
      continue;
    }
    out[key] = checkValue(spec, value, field, today);
  }
  return out;
}

function checkValue(spec: PropSpec, value: unknown, field: string, today: Date): unknown {
  switch (spec.kind) {
    case 'text': {
      if (typeof value !== 'string') throw badInput(field, 'must be text');
      const v = optionalText(field, value, spec.max);
      if (v === null && spec.required) throw badInput(field, 'is required and must not be blank');
      return v;
    }
    case 'textList':
      if (!Array.isArray(value)) throw badInput(field, 'must be a list of text');
      return textList(field, value as string[], spec.max);
    case 'int':
      return intInRange(field, value as number, spec.min, spec.max);
    case 'number':
      if (typeof value !== 'number') throw badInput(field, 'must be a number');
      return nonNegative(field, value);
    case 'date': {
      const d = isoDate(field, value as string);
      if (d !== null && d > `${today.getUTCFullYear() + 50}-12-31`) throw badInput(field, 'is too far in the future');
      return d;
    }
    case 'bool':
      if (typeof value !== 'boolean') throw badInput(field, 'must be true or false');
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) throw badInput(field, `must be one of ${spec.values.join(', ')}`);
      return value;
    case 'enumList': {
      if (!Array.isArray(value)) throw badInput(field, 'must be a list');
      value.forEach((v, i) => {
        if (!spec.values.includes(v as string)) throw badInput(`${field}[${i}]`, `must be one of ${spec.values.join(', ')}`);
      });
      return [...new Set(value as string[])];
    }
    case 'currency':
      if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value.trim().toUpperCase())) throw badInput(field, 'must be an ISO 4217 currency code such as GBP');
      return value.trim().toUpperCase();
    case 'latitude':
      if (typeof value !== 'number' || value < -90 || value > 90) throw badInput(field, 'must be a latitude from -90 to 90');
      return value;
    case 'longitude':
      if (typeof value !== 'number' || value < -180 || value > 180) throw badInput(field, 'must be a longitude from -180 to 180');
      return value;
  }
}

/** Checks the date pairs of a kind ("from" not after "to") on the merged old and new values. */
export function checkDatePairs(kind: string, merged: Record<string, unknown>, prefix: string): void {
  for (const [from, to] of DATE_PAIRS[kind] ?? []) {
    dateOrder(`${prefix}.${from}`, (merged[from] as string | null | undefined) ?? null, `${prefix}.${to}`, (merged[to] as string | null | undefined) ?? null);
  }
}

/** Keys of a table whose values are dates (stored as Neo4j DATE). */
export function dateKeys(table: PropTable): string[] {
  return Object.entries(table)
    .filter(([, s]) => s.kind === 'date')
    .map(([k]) => k);
}

/**
 * Every property key a node or relationship may carry: the property tables and derived keys,
 * provenance, natural keys (identifier values, codes, report references) and the reference data's
 * own keys (migrations 0003-0007). A projection that names its keys (graph/queries/projection.ts) may name
 * only these: the list is code, never a request.
 */
export const STORED_KEYS: ReadonlySet<string> = new Set([
  'id',
  ...Object.values(NODE_PROPS).flatMap((t) => Object.keys(t)),
  ...Object.values(DERIVED_PROPS).flatMap((t) => Object.keys(t ?? {})),
  ...Object.values(REL_PROPS).flatMap((t) => Object.keys(t)),
  ...PROVENANCE_KEYS,
  'value',
  'display',
  'code',
  'name',
  'aliases',
  'kind',
  'category',
  'nation',
  'rocu',
  'rocuShort',
]);
