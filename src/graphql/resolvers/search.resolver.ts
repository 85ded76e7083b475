import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, Float, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';

import type { NodeLabel } from '../../domain/graph-model';
import { badInput } from '../../errors/app-error';
import { search, type SearchHit } from '../../graph/search.reader';
import type { GraphQLContext } from '../context';
import { NodeTypeEnum } from '../enums';
import { nodeKeys } from '../projection-keys';
import { Node } from '../types/node.interface';

@ObjectType({ description: 'A search result with its relevance' })
class SearchResult {
  @Field(() => Node)
  node!: object;

  @Field(() => Float, { description: 'Lucene relevance; higher is better' })
  score!: number;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchResult], {
    description: 'Full-text, typo-tolerant search across names, aliases, business names, identifier values and places, ranked by relevance',
  })
  search(
    @Arg('text') text: string,
    @Arg('types', () => [NodeTypeEnum], { nullable: true }) types: NodeLabel[] | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    if (text.length > 500) throw badInput('text', 'must be at most 500 characters');
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first', 'must be from 1 to 200');
    return search(ctx.graph, text, types, first, nodeKeys(info, [['node']]));
  }
}
