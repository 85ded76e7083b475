import { Field, Int, ObjectType } from 'type-graphql';

import { AgeGroupEnum, GenderEnum, PersonRoleEnum } from '../enums';
import { Node } from './node.interface';
import type { AgeGroup, Gender, PersonRole } from '../../domain/person';

@ObjectType({
  implements: Node,
  description:
    "A human being known to the picture, holding one or more roles. A victim's name, aliases and birth date are visible only to victim-data officers; others see `pseudonym` and `redacted: true`.",
})
export class Person extends Node {
  @Field({ description: 'The name, or the pseudonym where the caller may not see the name' })
  displayName!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => [String], { nullable: true })
  aliases!: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth!: string | null;

  @Field(() => Int, { nullable: true })
  birthYear!: number | null;

  @Field(() => GenderEnum, { nullable: true })
  gender!: Gender | null;

  @Field(() => [PersonRoleEnum])
  roles!: PersonRole[];

  @Field(() => AgeGroupEnum, { nullable: true, description: 'Victims: age group at exploitation' })
  ageGroup!: AgeGroup | null;

  @Field(() => String, { nullable: true, description: 'Victims: a stable pseudonymous reference' })
  pseudonym!: string | null;

  @Field({ description: 'True when protected fields were withheld from this caller' })
  redacted!: boolean;
}
