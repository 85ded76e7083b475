import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { HandlingCodeEnum, IntelGradeEnum, UkHandlingEnum } from '../enums';
import type { HandlingCode, IntelGrade, UkHandling } from '../../domain/provenance';

@ObjectType({ description: 'The source of a node or relationship: which report and agency, when, how graded, how it may be handled' })
export class Provenance {
  @Field(() => ID, { description: 'The IntelligenceReport the fact came from' })
  reportId!: string;

  @Field({ description: 'Code of the providing agency' })
  agency!: string;

  @Field(() => GraphQLDateTime)
  recordedAt!: Date;

  @Field(() => Int, { description: 'UK 3x5x2 source evaluation: 1 reliable, 2 untested, 3 not reliable' })
  gradeSource!: number;

  @Field(() => IntelGradeEnum)
  gradeIntel!: IntelGrade;

  @Field(() => UkHandlingEnum)
  ukHandling!: UkHandling;

  @Field(() => HandlingCodeEnum, { description: 'Europol handling code' })
  handling!: HandlingCode;

  @Field({ description: "The provider's consent to disseminate restricted (H2/H3, UK C) material is recorded" })
  consent!: boolean;

  @Field({ description: 'The 3x5x2 grading as quoted, e.g. "2BP"' })
  grading!: string;
}
