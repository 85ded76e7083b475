import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

import { PageInfo } from './page-info.type';

/**
 * A page of nodes (`Connection(Person)` makes `PersonConnection`). `totalCount` is resolved
 * lazily: counted in the database only when the query asks for it.
 */
export function Connection<T extends object>(NodeClass: ClassType<T>, name: string = NodeClass.name) {
  @ObjectType(`${name}Edge`)
  class EdgeClass {
    @Field(() => NodeClass)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeClass])
    edges!: EdgeClass[];

    @Field(() => [NodeClass], { description: 'The nodes of `edges`, for callers that need no cursors' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // A promise, from a getter (resolvers/connection.ts): it keeps type-graphql's resolver, since
    // a field read without one (graphql/schema.ts) is taken as it is, unawaited, when compiled.
    @Field(() => Int, { description: 'All matching rows the caller may see, counted in the database', simple: false })
    totalCount!: number;
  }
  return ConnectionClass;
}
