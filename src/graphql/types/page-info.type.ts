import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Keyset pagination state: pass `endCursor` as `after` for the next page' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
