import { Field, ObjectType } from 'type-graphql';

import { ThreatLevelEnum } from '../enums';
import { Node } from './node.interface';
import type { ThreatLevel } from '../../domain/vocabulary';

@ObjectType({ implements: Node, description: 'An organised crime group: members, a business model and a footprint' })
export class OrganisedCrimeGroup extends Node {
  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'An external reference, e.g. the OCG mapping number' })
  reference!: string | null;

  @Field(() => ThreatLevelEnum, { nullable: true })
  threatLevel!: ThreatLevel | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
