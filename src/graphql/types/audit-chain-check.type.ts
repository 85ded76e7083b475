import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The audit hash chain re-computed from its first event' })
export class AuditChainCheck {
  @Field({ description: 'Every event matches its hash and links to the one before' })
  ok!: boolean;

  @Field(() => Int, { description: 'Events found intact before the first break (all of them when ok)' })
  checked!: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'The first seq whose content or link does not hold' })
  firstBrokenSeq!: number | null;
}
