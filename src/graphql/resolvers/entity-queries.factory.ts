import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver, type ClassType } from 'type-graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { NodeLabel } from '../../domain/graph-model';
import { decodeCursor } from '../../graph/cursor';
import { readPage, readPageWithRelated } from '../../graph/list.reader';
import { readNodesWithRelated } from '../../graph/related.reader';
import type { ListFilter } from '../../graph/queries/list.query';
import { ParamBag } from '../../graph/queries/params';
import { sortSpec, type SortKey } from '../../graph/queries/sorts';
import type { GraphQLContext } from '../context';
import { SortDirectionEnum } from '../enums';
import { checkFirst, PageArgs } from '../inputs/page.args';
import { SortKeyEnum } from '../inputs/sort.args';
import { nodeKeys } from '../projection-keys';
import { plannedRelations, primeRelated } from '../relation-prefetch';
import { selects } from '../selection';
import { Connection } from '../types/connection';
import { toConnection } from './connection';

export interface EntityQueriesOptions<F extends object> {
  label: NodeLabel;
  Type: ClassType;
  Filter: ClassType<F>;
  /** Query names, e.g. `person` and `persons`. */
  one: string;
  many: string;
  description: string;
  /** Builds predicates over `n` (values in the bag), or those and joins; may normalise or check the filter first. */
  where: (filter: F, bag: ParamBag, ctx: GraphQLContext) => string[] | ListFilter;
}

/**
 * The two queries every entity kind has, made once here rather than copied per kind: by id, and
 * a filtered, sorted, keyset-paginated list whose total is counted in the database on demand.
 */
export function entityQueries<F extends object>(o: EntityQueriesOptions<F>) {
  const TypeConnection = Connection(o.Type);

  @Resolver()
  class EntityQueries {
    @Query(() => o.Type, { name: o.one, nullable: true, description: `A ${o.label} by id (null when absent or not visible to you)` })
    async one(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<EntityRecord | null> {
      const keys = nodeKeys(info);
      // Relationship fields selected on the node come in the node's own statement.
      const ahead = plannedRelations(info, [[]]);
      let n: EntityRecord | null;
      if (ahead.length > 0) {
        const read = await readNodesWithRelated(ctx.graph, [id], keys, ahead);
        primeRelated(ctx.loaders.related, ahead, [id], read.pages);
        n = read.nodes[0]!;
      } else {
        n = await ctx.loaders.nodeByIdWith(keys).load(id);
      }
      return n && n.__labels.includes(o.label) ? n : null;
    }

    @Query(() => TypeConnection, { name: o.many, description: o.description })
    async many(
      @Arg('filter', () => o.Filter, { nullable: true }) filter: F | null,
      @Arg('sort', () => SortKeyEnum, { defaultValue: 'ID' }) sort: SortKey,
      @Arg('direction', () => SortDirectionEnum, { defaultValue: 'ASC' }) direction: 'ASC' | 'DESC',
      @Args() { first, after }: PageArgs,
      @Ctx() ctx: GraphQLContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      const bag = new ParamBag();
      const built = filter ? o.where(filter, bag, ctx) : [];
      const spec = {
        label: o.label,
        ...(Array.isArray(built) ? { where: built } : built),
        bag,
        sort: sortSpec(sort, direction),
        first: checkFirst(first),
        after: after ? decodeCursor('after', after) : undefined,
        withCount: selects(info, 'totalCount'),
        keys: nodeKeys(info, [['nodes'], ['edges', 'node']]),
      };
      // Relationship fields selected on the page's nodes come in the page's own statement.
      const ahead = plannedRelations(info, [['nodes'], ['edges', 'node']]);
      if (ahead.length === 0) return toConnection(await readPage(ctx.graph, spec));
      const read = await readPageWithRelated(ctx.graph, spec, ahead);
      primeRelated(ctx.loaders.related, ahead, read.page.rows.map((r) => r.node.id), read.pages);
      return toConnection(read.page);
    }
  }
  Object.defineProperty(EntityQueries, 'name', { value: `${o.label}Queries` });
  return EntityQueries;
}
