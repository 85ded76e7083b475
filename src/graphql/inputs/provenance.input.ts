import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';

import { HandlingCodeEnum, IntelGradeEnum, UkHandlingEnum } from '../enums';
import type { HandlingCode, IntelGrade, UkHandling } from '../../domain/provenance';

@InputType({ description: "A fact's source. Grading and handling default to the cited report's; give them only where this fact differs." })
export class ProvenanceInput {
  @Field(() => ID, { description: 'An existing IntelligenceReport' })
  reportId!: string;

  @Field(() => Int, { nullable: true })
  gradeSource?: number | null;

  @Field(() => IntelGradeEnum, { nullable: true })
  gradeIntel?: IntelGrade | null;

  @Field(() => UkHandlingEnum, { nullable: true, description: "Stricter than the report's (C for a P report) or the same; never looser" })
  ukHandling?: UkHandling | null;

  @Field(() => HandlingCodeEnum, { nullable: true, description: "Stricter than the report's (a higher code) or the same; never looser: a fact is never shared more widely than its source" })
  handling?: HandlingCode | null;

  @Field(() => Boolean, { nullable: true })
  consent?: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the fact was recorded (default: now)' })
  recordedAt?: Date | null;
}
