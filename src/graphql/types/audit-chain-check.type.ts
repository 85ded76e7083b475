import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The audit hash chain re-computed, whole or a range of it' })
export class AuditChainCheck {
  @Field({ description: 'Every event matches its hash and links to the one before' })
  ok!: boolean;

  @Field(() => Int, { description: 'Events found intact before the first break (all those checked when ok)' })
  checked!: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'The first seq whose content or link does not hold' })
  firstBrokenSeq!: number | null;
}
