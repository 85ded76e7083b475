import { Field, ObjectType } from 'type-graphql';

import { BusinessTypeEnum } from '../enums';
import { Node } from './node.interface';
import type { BusinessType } from '../../domain/vocabulary';

@ObjectType({ implements: Node, description: 'A venue or company used for exploitation or as a front' })
export class Business extends Node {
  @Field()
  name!: string;

  @Field(() => BusinessTypeEnum)
  type!: BusinessType;

  @Field(() => String, { nullable: true })
  companyNumber!: string | null;
}
