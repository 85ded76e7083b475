import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class RelationArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Edges per page, 1 to 1000' })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
