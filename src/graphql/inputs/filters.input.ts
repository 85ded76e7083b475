import { GraphQLDateTime } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';

import {
  AgeGroupEnum,
  BusinessTypeEnum,
  ExploitationCategoryEnum,
  ExploitationTypeCodeEnum,
  FirstResponderTypeEnum,
  GenderEnum,
  GroupRoleEnum,
  HandlingCodeEnum,
  NrmDecisionEnum,
  OperationStatusEnum,
  PersonRoleEnum,
  ThreatLevelEnum,
  TransportModeEnum,
} from '../enums';

@InputType({ description: 'All given conditions must hold; a list matches any of its values' })
export class PersonFilter {
  @Field(() => [PersonRoleEnum], { nullable: true })
  roles?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO country codes of nationality' })
  nationalities?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Part of a name or alias, any case' })
  name?: string | null;

  @Field(() => [GenderEnum], { nullable: true })
  gender?: string[] | null;

  @Field(() => [AgeGroupEnum], { nullable: true })
  ageGroups?: string[] | null;

  @Field(() => Int, { nullable: true })
  birthYearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  birthYearTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Member of this group' })
  groupId?: string | null;

  @Field(() => [GroupRoleEnum], { nullable: true, description: 'Member of a group in one of these roles' })
  groupRoles?: string[] | null;

  @Field(() => [ExploitationTypeCodeEnum], { nullable: true, description: 'Victim or perpetrator of an exploitation of these types (a category includes its offence types)' })
  exploitationTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Police force codes: lives there, or exploited or was exploited there' })
  forceAreas?: string[] | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  recordedFrom?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  recordedTo?: Date | null;
}

@InputType()
export class GroupFilter {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ThreatLevelEnum], { nullable: true })
  threatLevels?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Has a member of one of these nationalities' })
  memberNationalities?: string[] | null;

  @Field(() => [ExploitationTypeCodeEnum], { nullable: true })
  exploitationTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Exploits in these police force areas' })
  forceAreas?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: targeted by some operation; false: by none' })
  targetedByOperation?: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  recordedFrom?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  recordedTo?: Date | null;
}

@InputType()
export class OperationFilter {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [OperationStatusEnum], { nullable: true })
  statuses?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Lead agency codes' })
  leadAgencies?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Police force or region codes' })
  forceAreas?: string[] | null;

  @Field(() => [ExploitationCategoryEnum], { nullable: true })
  crimeTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startedTo?: string | null;
}

@InputType()
export class BusinessFilter {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [BusinessTypeEnum], { nullable: true })
  types?: string[] | null;

  @Field(() => [String], { nullable: true })
  forceAreas?: string[] | null;

  @Field(() => String, { nullable: true })
  controlledByGroup?: string | null;

  @Field(() => Boolean, { nullable: true })
  targetedByOperation?: boolean | null;
}

@InputType()
export class RouteFilter {
  @Field(() => String, { nullable: true, description: 'ISO code of the first stop' })
  originCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO code of the last stop' })
  destinationCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO code of any stop' })
  viaCountry?: string | null;

  @Field(() => [TransportModeEnum], { nullable: true })
  modes?: string[] | null;
}

@InputType()
export class ExploitationFilter {
  @Field(() => [ExploitationTypeCodeEnum], { nullable: true })
  types?: string[] | null;

  @Field(() => [String], { nullable: true })
  forceAreas?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Started on or after (YYYY-MM-DD)' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Started on or before (YYYY-MM-DD)' })
  to?: string | null;

  @Field(() => [String], { nullable: true })
  victimNationalities?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Perpetrated by this group' })
  groupId?: string | null;
}

@InputType()
export class NrmReferralFilter {
  @Field(() => String, { nullable: true })
  from?: string | null;

  @Field(() => String, { nullable: true })
  to?: string | null;

  @Field(() => [FirstResponderTypeEnum], { nullable: true })
  firstResponderTypes?: string[] | null;

  @Field(() => [NrmDecisionEnum], { nullable: true })
  rgDecisions?: string[] | null;

  @Field(() => [NrmDecisionEnum], { nullable: true })
  cgDecisions?: string[] | null;

  @Field(() => [String], { nullable: true })
  forceAreas?: string[] | null;
}

@InputType({ description: 'NRM statistics cells: all given conditions hold; a list matches any of its values' })
export class NrmStatisticFilter {
  @Field(() => [String], { nullable: true, description: 'Periods such as 2023Q1' })
  periods?: string[] | null;

  @Field(() => [Int], { nullable: true })
  years?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'Q1, Q2, Q3 or Q4' })
  quarters?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Police force codes (rows of the police table)' })
  forceCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'First responder types as the statistics name them: Police, Government agency, Local Authority, NGO and third sector' })
  responderTypes?: string[] | null;

  @Field(() => [String], { nullable: true })
  responders?: string[] | null;

  @Field(() => [ExploitationCategoryEnum], { nullable: true, description: 'Cells whose exploitation includes one of these' })
  exploitationCategories?: string[] | null;

  @Field(() => [AgeGroupEnum], { nullable: true })
  ageGroups?: string[] | null;

  @Field(() => [GenderEnum], { nullable: true })
  genders?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO country codes of nationality' })
  nationalityCodes?: string[] | null;
}

@InputType()
export class AddressFilter {
  @Field(() => String, { nullable: true })
  postcodePrefix?: string | null;

  @Field(() => [String], { nullable: true })
  forceAreas?: string[] | null;

  @Field(() => String, { nullable: true })
  townId?: string | null;
}

@InputType({ description: 'For reference data: name part or codes' })
export class NamedFilter {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  codes?: string[] | null;
}

@InputType()
export class ReportFilter {
  @Field(() => [String], { nullable: true })
  agencies?: string[] | null;

  @Field(() => [HandlingCodeEnum], { nullable: true })
  handling?: string[] | null;

  @Field(() => String, { nullable: true })
  from?: string | null;

  @Field(() => String, { nullable: true })
  to?: string | null;
}

@InputType()
export class IdentifierFilter {
  @Field(() => String, { nullable: true, description: 'The value as typed; it is normalised before matching' })
  value?: string | null;
}
