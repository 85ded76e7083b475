import { Field, Int, ObjectType } from 'type-graphql';

import type { AgeGroup, Gender } from '../../domain/person';
import type { ExploitationCategory } from '../../domain/vocabulary';
import { AgeGroupEnum, ExploitationCategoryEnum, GenderEnum } from '../enums';
import { Node } from './node.interface';

@ObjectType({
  implements: Node,
  description:
    'One cell of the Home Office NRM quarterly statistics: referrals by one first responder, of one exploitation type, age group, gender and nationality in one quarter. Cells never overlap: sum `people` over any selection.',
})
export class NRMStatistic extends Node {
  @Field(() => Int)
  year!: number;

  @Field({ description: 'Q1 to Q4' })
  quarter!: string;

  @Field({ description: 'Year and quarter, e.g. 2023Q1' })
  period!: string;

  @Field({ description: 'As the statistics name it: Police, Government agency, Local Authority, NGO and third sector' })
  responderType!: string;

  @Field()
  responder!: string;

  @Field(() => String, { nullable: true, description: 'The police force code, when the responder is a force' })
  forceCode!: string | null;

  @Field({ description: "The statistics' exploitation level, e.g. Labour & Criminal" })
  exploitationLevel!: string;

  @Field(() => [ExploitationCategoryEnum])
  exploitationCategories!: ExploitationCategory[];

  @Field(() => AgeGroupEnum)
  ageGroup!: AgeGroup;

  @Field(() => GenderEnum)
  gender!: Gender;

  @Field({ description: "The statistics' nationality value as written, e.g. Albanian Greek" })
  nationality!: string;

  @Field(() => [String], { description: 'ISO codes of the nationality; empty when not known' })
  nationalityCodes!: string[];

  @Field({ description: 'KNOWN, PARTLY_UNKNOWN, UNKNOWN or STATELESS' })
  nationalityStatus!: string;

  @Field(() => Int, { description: 'Referrals counted in this cell' })
  people!: number;

  @Field(() => String, { nullable: true })
  sourceFile!: string | null;
}
