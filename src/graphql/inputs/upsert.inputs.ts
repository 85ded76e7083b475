import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

import type { LinkSet, UpsertRequest } from '../../graph/entity.writer';
import { ID_PREFIX } from '../../domain/ids';
import { handlePlatform, normaliseIdentifier, phoneCountry } from '../../domain/identifiers';
import type { IdentifierLabel } from '../../domain/graph-model';
import { personBirthRules } from '../../domain/person-rules';
import { ROLE_LABEL, PERSON_ROLES, type PersonRole } from '../../domain/person';
import { countryCode } from '../../domain/validation';
import { badInput } from '../../errors/app-error';
import {
  AgeGroupEnum,
  BusinessTypeEnum,
  ControlMethodCodeEnum,
  DocumentTypeEnum,
  ExploitationCategoryEnum,
  ExploitationTypeCodeEnum,
  FirstResponderTypeEnum,
  GenderEnum,
  HandlePlatformEnum,
  HandlingCodeEnum,
  IdentifierKindEnum,
  IntelGradeEnum,
  NrmDecisionEnum,
  OperationStatusEnum,
  PersonRoleEnum,
  RecruitmentMethodCodeEnum,
  ThreatLevelEnum,
  TransportModeEnum,
  UkHandlingEnum,
} from '../enums';
import { ProvenanceInput } from './provenance.input';

/** The given (not undefined) fields of an input, by name. */
function given(input: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (input as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

const refId = (label: keyof typeof ID_PREFIX, code: string) => `${ID_PREFIX[label]}-${code}`;

/** A to-one link given as one value: undefined leaves it, null clears it, a value sets it. */
function one(v: string | null | undefined, map: (v: string) => string = (x) => x): string[] | null | undefined {
  return v === undefined || v === null ? v : [map(v)];
}

function links(set: Omit<LinkSet, 'ids'>, ids: readonly string[] | null | undefined): LinkSet[] {
  return ids === undefined ? [] : [{ ...set, ids: ids ?? [] }];
}

@InputType({ description: 'Create a person (no id, or a new id) or update one (its id): omitted fields stay as they are, null clears' })
export class PersonInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Required on create' })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth?: string | null;

  @Field(() => Int, { nullable: true })
  birthYear?: number | null;

  @Field(() => GenderEnum, { nullable: true })
  gender?: string | null;

  @Field(() => AgeGroupEnum, { nullable: true, description: 'Victims: age group at exploitation' })
  ageGroup?: string | null;

  @Field(() => [PersonRoleEnum], { nullable: true, description: 'When given, the person holds exactly these roles' })
  roles?: PersonRole[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO country codes; when given, exactly these nationalities' })
  nationalities?: string[] | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: PersonInput, today: Date): UpsertRequest {
    const derived = personBirthRules(i, today);
    const roles = i.roles ?? undefined;
    return {
      label: 'Person',
      id: i.id,
      props: { ...given(i, ['name', 'aliases', 'dateOfBirth', 'birthYear', 'gender', 'ageGroup']), ...derived },
      addLabels: roles?.map((r) => ROLE_LABEL[r]),
      removeLabels: roles ? PERSON_ROLES.filter((r) => !roles.includes(r)).map((r) => ROLE_LABEL[r]) : undefined,
      links: links(
        { type: 'NATIONAL_OF', direction: 'OUT', targetLabels: ['Country'], field: 'input.nationalities' },
        i.nationalities?.map((c, n) => refId('Country', countryCode(`input.nationalities[${n}]`, c))),
      ),
      provenance: i.provenance,
    };
  }
}

@InputType()
export class OrganisedCrimeGroupInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  reference?: string | null;

  @Field(() => ThreatLevelEnum, { nullable: true })
  threatLevel?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: OrganisedCrimeGroupInput): UpsertRequest {
    return { label: 'OrganisedCrimeGroup', id: i.id, props: given(i, ['name', 'aliases', 'reference', 'threatLevel', 'description']), provenance: i.provenance };
  }
}

@InputType()
export class TownInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the police force area the town is in' })
  forceCode?: string | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: TownInput): UpsertRequest {
    return {
      label: 'Town',
      id: i.id,
      props: given(i, ['name']),
      addLabels: ['Location'],
      links: links({ type: 'PART_OF', direction: 'OUT', targetLabels: ['PoliceForce'], field: 'input.forceCode' }, one(i.forceCode, (c) => refId('PoliceForce', c.trim().toUpperCase()))),
      provenance: i.provenance,
    };
  }
}

@InputType()
export class AddressInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  line1?: string | null;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => ID, { nullable: true, description: 'The town the address is in' })
  townId?: string | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: AddressInput): UpsertRequest {
    const props = given(i, ['line1', 'line2', 'postcode', 'latitude', 'longitude']);
    if (typeof props.postcode === 'string') props.postcode = props.postcode.trim().toUpperCase().replace(/\s+/g, ' ');
    return {
      label: 'Address',
      id: i.id,
      props,
      addLabels: ['Location'],
      links: links({ type: 'PART_OF', direction: 'OUT', targetLabels: ['Town'], field: 'input.townId' }, one(i.townId)),
      provenance: i.provenance,
    };
  }
}

@InputType()
export class BusinessInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => BusinessTypeEnum, { nullable: true })
  type?: string | null;

  @Field(() => String, { nullable: true })
  companyNumber?: string | null;

  @Field(() => ID, { nullable: true })
  addressId?: string | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: BusinessInput): UpsertRequest {
    return {
      label: 'Business',
      id: i.id,
      props: given(i, ['name', 'type', 'companyNumber']),
      links: links({ type: 'LOCATED_AT', direction: 'OUT', targetLabels: ['Address'], field: 'input.addressId' }, one(i.addressId)),
      provenance: i.provenance,
    };
  }
}

@InputType({ description: 'A stop: a country (by ISO code) or a town (by id), and how the leg arriving there was travelled' })
export class RouteStopInput {
  @Field(() => String, { nullable: true, description: 'ISO country code' })
  country?: string | null;

  @Field(() => ID, { nullable: true })
  townId?: string | null;

  @Field(() => TransportModeEnum, { nullable: true })
  mode?: string | null;
}

@InputType()
export class RouteInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Float, { nullable: true })
  cost?: number | null;

  @Field(() => Float, { nullable: true })
  debt?: number | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => [RouteStopInput], { nullable: true, description: 'When given, the stops in order (origin first); at least two' })
  stops?: RouteStopInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Groups that run the route' })
  operatorIds?: string[] | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: RouteInput): UpsertRequest {
    let orderedLinks: UpsertRequest['orderedLinks'];
    if (i.stops) {
      if (i.stops.length < 2) throw badInput('input.stops', 'a route needs at least an origin and a destination');
      orderedLinks = {
        type: 'HAS_STOP',
        targetLabels: ['Country', 'Town'],
        field: 'input.stops',
        items: i.stops.map((s, n) => {
          if (!!s.country === !!s.townId) throw badInput(`input.stops[${n}]`, 'give either country or townId');
          const id = s.country ? refId('Country', countryCode(`input.stops[${n}].country`, s.country)) : s.townId!;
          return { id, props: s.mode ? { mode: s.mode } : {} };
        }),
      };
    }
    return {
      label: 'Route',
      id: i.id,
      props: given(i, ['name', 'cost', 'debt', 'currency']),
      orderedLinks,
      links: links({ type: 'OPERATES_ROUTE', direction: 'IN', targetLabels: ['OrganisedCrimeGroup'], field: 'input.operatorIds' }, i.operatorIds),
      provenance: i.provenance,
    };
  }
}

@InputType()
export class OperationInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => OperationStatusEnum, { nullable: true })
  status?: string | null;

  @Field(() => String, { nullable: true })
  startDate?: string | null;

  @Field(() => String, { nullable: true })
  endDate?: string | null;

  @Field(() => Int, { nullable: true })
  arrests?: number | null;

  @Field(() => Int, { nullable: true })
  victimsSafeguarded?: number | null;

  @Field(() => [ExploitationCategoryEnum], { nullable: true })
  crimeTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Agency or force code of the lead' })
  leadAgency?: string | null;

  @Field(() => [String], { nullable: true, description: 'Police force codes the operation covers' })
  forceAreas?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'People, groups and businesses targeted' })
  targetIds?: string[] | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: OperationInput): UpsertRequest {
    return {
      label: 'Operation',
      id: i.id,
      props: given(i, ['name', 'status', 'startDate', 'endDate', 'arrests', 'victimsSafeguarded', 'crimeTypes']),
      links: [
        ...links({ type: 'LED_BY', direction: 'OUT', targetLabels: ['Agency'], field: 'input.leadAgency' }, one(i.leadAgency, (c) => refId('Agency', c.trim().toUpperCase()))),
        ...links({ type: 'IN_AREA', direction: 'OUT', targetLabels: ['PoliceForce'], field: 'input.forceAreas' }, i.forceAreas?.map((c) => refId('PoliceForce', c.trim().toUpperCase()))),
        ...links({ type: 'TARGETS', direction: 'OUT', targetLabels: ['Person', 'OrganisedCrimeGroup', 'Business'], field: 'input.targetIds' }, i.targetIds),
      ],
      provenance: i.provenance,
    };
  }
}

@InputType({ description: 'An identifier is found (and updated) by its normalised value, or created' })
export class IdentifierInput {
  @Field(() => IdentifierKindEnum)
  kind!: IdentifierLabel;

  @Field({ description: 'As typed: a phone in any common format (UK by default), a registration, an IBAN or sortcode:account, a document number, an email, PLATFORM:handle' })
  value!: string;

  @Field(() => String, { nullable: true })
  make?: string | null;

  @Field(() => String, { nullable: true })
  model?: string | null;

  @Field(() => String, { nullable: true })
  colour?: string | null;

  @Field(() => String, { nullable: true })
  bank?: string | null;

  @Field(() => DocumentTypeEnum, { nullable: true })
  documentType?: string | null;

  @Field(() => String, { nullable: true })
  expiryDate?: string | null;

  @Field(() => HandlePlatformEnum, { nullable: true })
  platform?: string | null;

  @Field(() => String, { nullable: true, description: 'Accounts and documents: the ISO code of the issuing country' })
  country?: string | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: IdentifierInput): UpsertRequest {
    const value = normaliseIdentifier(i.kind, i.value, 'input.value');
    const allowed: Record<IdentifierLabel, string[]> = {
      Phone: [],
      Vehicle: ['make', 'model', 'colour'],
      BankAccount: ['bank'],
      TravelDocument: ['documentType', 'expiryDate'],
      EmailAddress: [],
      OnlineHandle: [],
    };
    const props = given(i, allowed[i.kind]);
    for (const k of ['make', 'model', 'colour', 'bank', 'documentType', 'expiryDate', 'platform', 'country']) {
      const v = (i as unknown as Record<string, unknown>)[k];
      if (v !== undefined && v !== null && !allowed[i.kind].includes(k) && !(k === 'country' && (i.kind === 'BankAccount' || i.kind === 'TravelDocument'))) {
        throw badInput(`input.${k}`, `does not apply to a ${i.kind}`);
      }
    }
    const derived: Record<string, unknown> = { value };
    if (i.kind === 'Phone') derived.countryCode = phoneCountry(value);
    if (i.kind === 'OnlineHandle') derived.platform = handlePlatform(value);
    return {
      label: i.kind,
      naturalKey: { key: 'value', value },
      props,
      derived,
      addLabels: ['Identifier'],
      links: links({ type: 'ISSUED_BY', direction: 'OUT', targetLabels: ['Country'], field: 'input.country' }, i.country ? [refId('Country', countryCode('input.country', i.country))] : undefined),
      provenance: i.provenance,
    };
  }
}

@InputType()
export class ExploitationInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  startDate?: string | null;

  @Field(() => String, { nullable: true })
  endDate?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ExploitationTypeCodeEnum], { nullable: true, description: 'Categories and/or offence types' })
  types?: string[] | null;

  @Field(() => [ControlMethodCodeEnum], { nullable: true })
  controlMethods?: string[] | null;

  @Field(() => [RecruitmentMethodCodeEnum], { nullable: true })
  recruitmentMethods?: string[] | null;

  @Field(() => [ID], { nullable: true })
  victimIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'People or groups who exploited' })
  perpetratorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Addresses, businesses, towns or countries where it happened' })
  locationIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Police force codes' })
  forceAreas?: string[] | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: ExploitationInput): UpsertRequest {
    return {
      label: 'Exploitation',
      id: i.id,
      props: given(i, ['startDate', 'endDate', 'description']),
      links: [
        ...links({ type: 'OF_TYPE', direction: 'OUT', targetLabels: ['ExploitationType'], field: 'input.types' }, i.types?.map((c) => refId('ExploitationType', c))),
        ...links({ type: 'USED_CONTROL', direction: 'OUT', targetLabels: ['ControlMethod'], field: 'input.controlMethods' }, i.controlMethods?.map((c) => refId('ControlMethod', c))),
        ...links({ type: 'USED_RECRUITMENT', direction: 'OUT', targetLabels: ['RecruitmentMethod'], field: 'input.recruitmentMethods' }, i.recruitmentMethods?.map((c) => refId('RecruitmentMethod', c))),
        ...links({ type: 'EXPLOITED', direction: 'OUT', targetLabels: ['Person'], field: 'input.victimIds' }, i.victimIds),
        ...links({ type: 'PERPETRATED', direction: 'IN', targetLabels: ['Person', 'OrganisedCrimeGroup'], field: 'input.perpetratorIds' }, i.perpetratorIds),
        ...links({ type: 'OCCURRED_AT', direction: 'OUT', targetLabels: ['Address', 'Business', 'Town', 'Country'], field: 'input.locationIds' }, i.locationIds),
        ...links({ type: 'IN_AREA', direction: 'OUT', targetLabels: ['PoliceForce'], field: 'input.forceAreas' }, i.forceAreas?.map((c) => refId('PoliceForce', c.trim().toUpperCase()))),
      ],
      provenance: i.provenance,
    };
  }
}

@InputType()
export class NrmReferralInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  referredOn?: string | null;

  @Field(() => FirstResponderTypeEnum, { nullable: true })
  firstResponderType?: string | null;

  @Field(() => String, { nullable: true })
  firstResponder?: string | null;

  @Field(() => NrmDecisionEnum, { nullable: true })
  rgDecision?: string | null;

  @Field(() => String, { nullable: true })
  rgDate?: string | null;

  @Field(() => NrmDecisionEnum, { nullable: true })
  cgDecision?: string | null;

  @Field(() => String, { nullable: true })
  cgDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person referred' })
  subjectId?: string | null;

  @Field(() => String, { nullable: true, description: 'Agency code of the first responder' })
  referredBy?: string | null;

  @Field(() => [ExploitationTypeCodeEnum], { nullable: true })
  exploitationTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Police force code' })
  forceArea?: string | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;

  static toRequest(i: NrmReferralInput): UpsertRequest {
    return {
      label: 'NRMReferral',
      id: i.id,
      props: given(i, ['referredOn', 'firstResponderType', 'firstResponder', 'rgDecision', 'rgDate', 'cgDecision', 'cgDate']),
      links: [
        ...links({ type: 'REFERRAL_OF', direction: 'OUT', targetLabels: ['Person'], field: 'input.subjectId' }, one(i.subjectId)),
        ...links({ type: 'REFERRED_BY', direction: 'OUT', targetLabels: ['Agency'], field: 'input.referredBy' }, one(i.referredBy, (c) => refId('Agency', c.trim().toUpperCase()))),
        ...links({ type: 'OF_TYPE', direction: 'OUT', targetLabels: ['ExploitationType'], field: 'input.exploitationTypes' }, i.exploitationTypes?.map((c) => refId('ExploitationType', c))),
        ...links({ type: 'IN_AREA', direction: 'OUT', targetLabels: ['PoliceForce'], field: 'input.forceArea' }, one(i.forceArea, (c) => refId('PoliceForce', c.trim().toUpperCase()))),
      ],
      provenance: i.provenance,
    };
  }
}

@InputType({ description: 'An intelligence report: its grading and handling are the defaults for the facts that cite it' })
export class IntelligenceReportInput {
  @Field({ description: 'The source reference, unique (the natural key)' })
  reference!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  reportedOn?: string | null;

  @Field({ description: 'Code of the providing agency' })
  agency!: string;

  @Field(() => Int)
  gradeSource!: number;

  @Field(() => IntelGradeEnum)
  gradeIntel!: string;

  @Field(() => UkHandlingEnum)
  ukHandling!: string;

  @Field(() => HandlingCodeEnum)
  handling!: string;

  @Field(() => Boolean, { nullable: true, description: "The provider's consent to disseminate restricted material is recorded" })
  consent?: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  recordedAt?: Date | null;
}

@InputType({ description: 'Properties of a link; which apply depends on its type (others are refused)' })
export class LinkPropertiesInput {
  @Field(() => String, { nullable: true, description: 'MEMBER_OF, PERPETRATED: GroupRole' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'ASSOCIATE_OF: AssociationKind' })
  kind?: string | null;

  @Field(() => String, { nullable: true })
  since?: string | null;

  @Field(() => String, { nullable: true })
  until?: string | null;

  @Field(() => String, { nullable: true, description: 'TRAVELLED, TRANSFERRED_TO' })
  date?: string | null;

  @Field(() => Float, { nullable: true, description: 'TRANSFERRED_TO' })
  amount?: number | null;

  @Field(() => String, { nullable: true, description: 'TRANSFERRED_TO, TRAVELLED' })
  currency?: string | null;

  @Field(() => String, { nullable: true, description: 'TRANSFERRED_TO: MoneyChannel' })
  channel?: string | null;

  @Field(() => Float, { nullable: true, description: 'TRAVELLED' })
  debt?: number | null;

  @Field(() => Int, { nullable: true, description: 'HAS_STOP' })
  order?: number | null;

  @Field(() => String, { nullable: true, description: 'HAS_STOP: TransportMode' })
  mode?: string | null;

  static toProps(p: LinkPropertiesInput | null | undefined): Record<string, unknown> {
    return p ? given(p, ['role', 'kind', 'since', 'until', 'date', 'amount', 'currency', 'channel', 'debt', 'order', 'mode']) : {};
  }
}
