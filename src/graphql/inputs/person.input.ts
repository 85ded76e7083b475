import { Field, InputType, Int } from 'type-graphql';

import { AgeGroupEnum, GenderEnum, PersonRoleEnum } from '../enums';
import { ProvenanceInput } from './provenance.input';
import type { AgeGroup, Gender, PersonRole } from '../../domain/person';

@InputType()
export class CreatePersonInput {
  @Field()
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth?: string | null;

  @Field(() => Int, { nullable: true })
  birthYear?: number | null;

  @Field(() => GenderEnum, { nullable: true })
  gender?: Gender | null;

  @Field(() => [PersonRoleEnum], { nullable: true })
  roles?: PersonRole[] | null;

  @Field(() => AgeGroupEnum, { nullable: true })
  ageGroup?: AgeGroup | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes' })
  nationalities?: string[] | null;

  @Field(() => ProvenanceInput)
  provenance!: ProvenanceInput;
}
