import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { provenanceOf, type EntityRecord } from '../../domain/entity-record';
import { withGrading } from '../../domain/provenance';
import { badInput } from '../../errors/app-error';
import type { GraphQLContext } from '../context';
import { Node } from '../types/node.interface';
import { Provenance } from '../types/provenance.type';

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by id (null when absent or not visible to you)' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<EntityRecord | null> {
    return ctx.loaders.nodeById.load(id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Entities by id, in the order asked (null where absent or not visible)' })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphQLContext): Promise<(EntityRecord | null)[]> {
    if (ids.length > 1000) throw badInput('ids', 'at most 1000 ids at once');
    const rows = await ctx.loaders.nodeById.loadMany(ids);
    for (const r of rows) if (r instanceof Error) throw r;
    return rows as (EntityRecord | null)[];
  }

  @FieldResolver(() => Provenance)
  provenance(@Root() node: EntityRecord): Provenance {
    return withGrading(provenanceOf(node));
  }
}
