import { Field, ObjectType } from 'type-graphql';

import { FirstResponderTypeEnum, NrmDecisionEnum } from '../enums';
import { Node } from './node.interface';
import type { FirstResponderType, NrmDecision } from '../../domain/vocabulary';

@ObjectType({ implements: Node, description: 'A referral of a potential victim into the National Referral Mechanism' })
export class NRMReferral extends Node {
  @Field(() => String, { nullable: true })
  referredOn!: string | null;

  @Field(() => FirstResponderTypeEnum, { nullable: true })
  firstResponderType!: FirstResponderType | null;

  @Field(() => String, { nullable: true })
  firstResponder!: string | null;

  @Field(() => NrmDecisionEnum, { nullable: true, description: 'Reasonable-grounds decision' })
  rgDecision!: NrmDecision | null;

  @Field(() => String, { nullable: true })
  rgDate!: string | null;

  @Field(() => NrmDecisionEnum, { nullable: true, description: 'Conclusive-grounds decision' })
  cgDecision!: NrmDecision | null;

  @Field(() => String, { nullable: true })
  cgDate!: string | null;
}
