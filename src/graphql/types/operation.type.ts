import { Field, Int, ObjectType } from 'type-graphql';

import { ExploitationCategoryEnum, OperationStatusEnum } from '../enums';
import { Node } from './node.interface';
import type { ExploitationCategory, OperationStatus } from '../../domain/vocabulary';

@ObjectType({ implements: Node, description: 'A live or closed law-enforcement operation' })
export class Operation extends Node {
  @Field()
  name!: string;

  @Field(() => OperationStatusEnum)
  status!: OperationStatus;

  @Field(() => String, { nullable: true })
  startDate!: string | null;

  @Field(() => String, { nullable: true })
  endDate!: string | null;

  @Field(() => Int, { nullable: true })
  arrests!: number | null;

  @Field(() => Int, { nullable: true })
  victimsSafeguarded!: number | null;

  @Field(() => [ExploitationCategoryEnum], { description: 'The crime types the operation addresses' })
  crimeTypes!: ExploitationCategory[];
}
