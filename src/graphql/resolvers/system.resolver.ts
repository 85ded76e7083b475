import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';

import { readDatabaseInfo } from '../../graph/system.reader';
import type { GraphQLContext } from '../context';
import { AccessRoleEnum, HandlingCodeEnum } from '../enums';
import type { HandlingCode } from '../../domain/provenance';
import type { Role } from '../../auth/principal';

@ObjectType({ description: 'The graph database behind the service' })
class DatabaseInfo {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field()
  edition!: string;
}

@ObjectType({ description: 'Who the service takes you for' })
class Viewer {
  @Field()
  subject!: string;

  @Field()
  agency!: string;

  @Field(() => [AccessRoleEnum])
  roles!: Role[];

  @Field(() => HandlingCodeEnum)
  clearance!: HandlingCode;

  @Field({ description: 'Cleared for UK handling code C' })
  ukConditional!: boolean;
}

@Resolver()
export class SystemResolver {
  @Query(() => DatabaseInfo, { description: 'Name, version and edition of the Neo4j the service uses' })
  database(@Ctx() ctx: GraphQLContext): Promise<DatabaseInfo> {
    return readDatabaseInfo(ctx.graph);
  }

  @Query(() => Viewer)
  viewer(@Ctx() ctx: GraphQLContext): Viewer {
    return { ...ctx.principal };
  }
}
