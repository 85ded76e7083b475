import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';

import type { EntityRecord } from '../../domain/entity-record';
import { countryCode } from '../../domain/validation';
import { decodeCursor } from '../../graph/cursor';
import { readPage } from '../../graph/list.reader';
import { SORT_BY_ID } from '../../graph/queries/list.query';
import { ParamBag } from '../../graph/queries/params';
import type { GraphQLContext } from '../context';
import { checkFirst, PageArgs } from '../inputs/page.args';
import { Connection } from '../types/connection';
import { Country } from '../types/country.type';
import { toConnection } from './connection';

const CountryConnection = Connection(Country);

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'A country by ISO 3166-1 alpha-2 code' })
  async country(@Arg('code') code: string, @Ctx() ctx: GraphQLContext): Promise<EntityRecord | null> {
    return ctx.loaders.nodeById.load(`country-${countryCode('code', code)}`);
  }

  @Query(() => CountryConnection)
  async countries(@Args() { first, after }: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = await readPage(ctx.graph, {
      label: 'Country',
      where: [],
      bag: new ParamBag(),
      sort: SORT_BY_ID,
      first: checkFirst(first),
      after: after ? decodeCursor('after', after) : undefined,
    });
    return toConnection(page);
  }
}
