import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { TREND_GROUPS, TREND_INTERVALS, TREND_MEASURES } from '../../graph/queries/analytics/trends.query';
import { enumOf, ExploitationCategoryEnum } from '../enums';
import { OrganisedCrimeGroup } from './organised-crime-group.type';

export const TrendMeasureEnum = enumOf(TREND_MEASURES);
registerEnumType(TrendMeasureEnum, { name: 'TrendMeasure', description: 'What a trend counts: victims and offenders by the start of their exploitation events, events, operations by start, NRM referrals by date' });
export const TrendGroupEnum = enumOf(TREND_GROUPS);
registerEnumType(TrendGroupEnum, { name: 'TrendGroup' });
export const TrendIntervalEnum = enumOf(TREND_INTERVALS);
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval' });

@ObjectType({ description: 'One count in a stage of a business model, with the records behind it' })
export class StageItem {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [ID], { description: 'Ids of the records behind the count (up to 100)' })
  recordIds!: string[];
}

@ObjectType()
export class RouteSummary {
  @Field(() => ID)
  routeId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => [String], { description: 'ISO codes of the countries in the order travelled' })
  countries!: string[];

  @Field(() => [String], { nullable: 'items', description: 'Mode of each leg' })
  modes!: (string | null)[];

  @Field(() => Int)
  travellers!: number;

  @Field(() => Float, { nullable: true })
  meanDebt!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;
}

@ObjectType()
export class TransportStage {
  @Field(() => [RouteSummary])
  routes!: RouteSummary[];

  @Field(() => [StageItem], { description: 'Travel documents held by victims and travellers, by type and issuing country' })
  documents!: StageItem[];
}

@ObjectType()
export class ExploitationStage {
  @Field(() => [StageItem], { description: 'Categories and Home Office offence types' })
  types!: StageItem[];

  @Field(() => [StageItem], { description: 'Business types where exploitation happened' })
  venues!: StageItem[];

  @Field(() => [StageItem])
  forceAreas!: StageItem[];
}

@ObjectType()
export class MoneyFlowSummary {
  @Field({ description: 'Country of the receiving account (UNKNOWN when not recorded)' })
  country!: string;

  @Field()
  channel!: string;

  @Field()
  currency!: string;

  @Field(() => Int)
  transfers!: number;

  @Field(() => Float)
  total!: number;

  @Field(() => [ID], { description: 'Relationship ids of the transfers' })
  recordIds!: string[];
}

@ObjectType()
export class CurrencyTotal {
  @Field()
  currency!: string;

  @Field(() => Float)
  total!: number;

  @Field(() => Int)
  transfers!: number;
}

@ObjectType()
export class FinanceStage {
  @Field(() => [MoneyFlowSummary])
  flows!: MoneyFlowSummary[];

  @Field(() => [CurrencyTotal])
  totals!: CurrencyTotal[];
}

@ObjectType()
export class PeopleStage {
  @Field(() => Int)
  victims!: number;

  @Field(() => [StageItem])
  victimsByNationality!: StageItem[];

  @Field(() => [StageItem])
  victimsByAgeGroup!: StageItem[];

  @Field(() => [StageItem])
  victimsByGender!: StageItem[];

  @Field(() => [StageItem])
  membersByRole!: StageItem[];
}

@ObjectType()
export class Typology {
  @Field(() => ExploitationCategoryEnum, { nullable: true })
  category!: string | null;

  @Field(() => [String], { description: 'Home Office offence types recorded within the category' })
  offenceTypes!: string[];

  @Field()
  label!: string;
}

@ObjectType({ description: "A group's crime script stage by stage, each count with the records behind it" })
export class BusinessModel {
  @Field(() => OrganisedCrimeGroup, { nullable: true })
  group!: object | null;

  @Field(() => ID)
  groupId!: string;

  @Field()
  groupName!: string;

  @Field(() => Int)
  exploitationEvents!: number;

  @Field(() => [ID])
  eventIds!: string[];

  @Field(() => [StageItem], { description: 'Recruitment methods' })
  recruitment!: StageItem[];

  @Field(() => TransportStage)
  transport!: TransportStage;

  @Field(() => [StageItem], { description: 'Means of control' })
  control!: StageItem[];

  @Field(() => ExploitationStage)
  exploitation!: ExploitationStage;

  @Field(() => FinanceStage)
  finance!: FinanceStage;

  @Field(() => PeopleStage)
  people!: PeopleStage;

  @Field(() => Typology)
  typology!: Typology;

  @Field(() => [String], { description: 'Stages with no data: what is unknown about this group' })
  unknownStages!: string[];
}

@ObjectType()
export class StageComparison {
  @Field()
  stage!: string;

  @Field(() => [String])
  onlyA!: string[];

  @Field(() => [String])
  onlyB!: string[];

  @Field(() => [String])
  both!: string[];
}

@ObjectType()
export class BusinessModelComparison {
  @Field(() => BusinessModel)
  a!: object;

  @Field(() => BusinessModel)
  b!: object;

  @Field(() => [StageComparison])
  stages!: StageComparison[];
}

@ObjectType({ description: 'Routes that follow the same country sequence' })
export class RoutePattern {
  @Field(() => [String], { description: 'ISO codes in the order travelled' })
  countries!: string[];

  @Field(() => [[String]], { description: 'For each leg, the transport modes seen on it' })
  modesPerLeg!: string[][];

  @Field(() => Int)
  routes!: number;

  @Field(() => [ID])
  routeIds!: string[];

  @Field(() => Int, { description: 'Distinct people who travelled routes of this pattern in the window' })
  victims!: number;

  @Field(() => [ID])
  victimIds!: string[];

  @Field(() => [ID])
  groupIds!: string[];

  @Field(() => Float, { nullable: true })
  typicalDebt!: number | null;

  @Field(() => Float, { nullable: true })
  typicalCost!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => String, { nullable: true })
  firstTravelled!: string | null;

  @Field(() => String, { nullable: true })
  lastTravelled!: string | null;
}

@ObjectType()
export class TrendPoint {
  @Field({ description: '2024-03, 2024-Q1 or 2024' })
  period!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Int, { nullable: true, description: 'Change from the previous period' })
  change!: number | null;

  @Field(() => Float, { nullable: true, description: 'Relative change (0.25 = +25%)' })
  changeRatio!: number | null;

  @Field(() => [ID], { description: 'A sample of the records counted' })
  sampleIds!: string[];
}

@ObjectType()
export class TrendSeries {
  @Field({ description: 'The group: a category, ISO country, force or region code, age group, or ALL' })
  key!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => [TrendPoint])
  points!: TrendPoint[];
}

@ObjectType()
export class RiskContributions {
  @Field(() => Float)
  victims!: number;

  @Field(() => Float)
  referrals!: number;

  @Field(() => Float)
  offenders!: number;

  @Field(() => Float)
  groups!: number;
}

@ObjectType({ description: 'A force area or region: the components of its risk score, the score, and whether it is a gap' })
export class AreaRisk {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => RiskContributions)
  contributions!: RiskContributions;

  @Field(() => Int)
  victims!: number;

  @Field(() => Int, { description: 'NRM referrals used in the score (graph records plus imported statistics)' })
  referrals!: number;

  @Field(() => Int)
  offenders!: number;

  @Field(() => Int)
  groups!: number;

  @Field(() => Int)
  liveOperations!: number;

  @Field(() => Float, { nullable: true })
  victimsPerLiveOperation!: number | null;

  @Field()
  gap!: boolean;

  @Field(() => String, { nullable: true })
  gapReason!: string | null;
}

@ObjectType()
export class ForceRisk extends AreaRisk {
  @Field(() => String, {
    nullable: true,
    description:
      "The force's region (ROCU area): that of its most recently recorded PART_OF link the caller may see, ties to the first region code. A force linked to two regions is listed, and counted in regions' totals, under this one only",
  })
  regionCode!: string | null;

  @Field(() => String, { nullable: true })
  rocu!: string | null;

  @Field(() => Int, { description: 'NRM referrals recorded in the graph' })
  graphReferrals!: number;

  @Field(() => Int, { nullable: true, description: 'NRM referrals from the imported statistics (null when none imported)' })
  importedReferrals!: number | null;

  @Field(() => [ID])
  victimIds!: string[];

  @Field(() => [ID])
  groupIds!: string[];

  @Field(() => [ID])
  operationIds!: string[];
}

@ObjectType()
export class RegionalRisk {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field({ description: 'How the score is computed' })
  formula!: string;

  @Field()
  gapRule!: string;

  @Field()
  referralsSource!: string;

  @Field(() => [ForceRisk])
  forces!: object[];

  @Field(() => [AreaRisk], {
    description:
      "Regions (ROCU areas): what is recorded in their forces' areas (each force under its one region) or in the region itself, each victim, offender, group, referral and operation counted once in a region; the imported statistics' referrals of its forces added",
  })
  regions!: object[];

  @Field(() => [String], { description: 'Force codes flagged as gaps: many victims, few live operations' })
  gaps!: string[];
}

@ObjectType()
export class OperationCount {
  @Field({ description: 'The police force area (its code); for an operation in no force area, its region (a region code: the National policing region is NATIONAL); in neither, NATIONAL too' })
  force!: string;

  @Field()
  crimeType!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [ID])
  ids!: string[];
}

@ObjectType()
export class Change {
  @Field()
  dimension!: string;

  @Field()
  key!: string;

  @Field(() => Int)
  previous!: number;

  @Field(() => Int)
  current!: number;

  @Field(() => Int)
  change!: number;
}

@ObjectType({ description: 'The national monthly picture' })
export class MonthlyInsight {
  @Field()
  month!: string;

  @Field(() => [OperationCount], { description: 'Live operations by force and crime type' })
  liveOperations!: OperationCount[];

  @Field(() => Int)
  liveOperationsTotal!: number;

  @Field(() => Int)
  newVictims!: number;

  @Field(() => [ID])
  newVictimIds!: string[];

  @Field(() => Int)
  newOffenders!: number;

  @Field(() => [ID])
  newOffenderIds!: string[];

  @Field(() => Int)
  nrmReferrals!: number;

  @Field(() => [Change], { description: 'Victims by force, exploitation type and nationality: largest changes from the previous month' })
  biggestChanges!: Change[];

  @Field(() => [RoutePattern], { description: 'The busiest route patterns over the last three months' })
  topRoutes!: object[];
}
