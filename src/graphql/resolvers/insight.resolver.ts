import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import {
  businessModel,
  businessModels,
  compareBusinessModels,
  monthlyInsight,
  regionalRisk,
  routePatterns,
  trends,
  type InsightDeps,
} from '../../analytics/insights';
import type { TrendGroup, TrendInterval, TrendMeasure } from '../../graph/queries/analytics/trends.query';
import type { GraphQLContext } from '../context';
import { ExploitationTypeCodeEnum } from '../enums';
import {
  BusinessModel,
  BusinessModelComparison,
  MonthlyInsight,
  RegionalRisk,
  RoutePattern,
  TrendGroupEnum,
  TrendIntervalEnum,
  TrendMeasureEnum,
  TrendSeries,
} from '../types/insight.types';
import { OrganisedCrimeGroup } from '../types/organised-crime-group.type';

function deps(ctx: GraphQLContext): InsightDeps {
  return { graph: ctx.graph, limits: ctx.limits };
}

@Resolver(() => BusinessModel)
export class BusinessModelResolver {
  @FieldResolver(() => OrganisedCrimeGroup, { nullable: true })
  group(@Root() m: { groupId: string }, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.nodeById.load(m.groupId);
  }
}

@Resolver()
export class InsightResolver {
  @Query(() => BusinessModel, { nullable: true, description: "A group's crime script: recruitment, transport, control, exploitation, finance, people; its typology; what is unknown" })
  businessModel(@Arg('groupId', () => ID) groupId: string, @Ctx() ctx: GraphQLContext) {
    return businessModel(deps(ctx), groupId);
  }

  @Query(() => [BusinessModel], { description: 'Business models of many groups side by side: by origin country, exploitation type or force area, or by ids' })
  businessModels(
    @Arg('originCountry', () => String, { nullable: true }) originCountry: string | null,
    @Arg('exploitationType', () => ExploitationTypeCodeEnum, { nullable: true }) exploitationType: string | null,
    @Arg('forceArea', () => String, { nullable: true }) forceArea: string | null,
    @Arg('groupIds', () => [ID], { nullable: true }) groupIds: string[] | null,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return businessModels(deps(ctx), { originCountry, exploitationType, forceArea, groupIds, limit });
  }

  @Query(() => BusinessModelComparison, { nullable: true, description: 'Two groups compared stage by stage' })
  compareBusinessModels(@Arg('a', () => ID) a: string, @Arg('b', () => ID) b: string, @Ctx() ctx: GraphQLContext) {
    return compareBusinessModels(deps(ctx), a, b);
  }

  @Query(() => [RoutePattern], { description: 'Route patterns as ordered country sequences, with victims, modes per leg, typical debt and time span' })
  routes(
    @Arg('origin', () => String, { nullable: true, description: 'ISO code of the first country' }) origin: string | null,
    @Arg('destination', () => String, { nullable: true, description: 'ISO code of the last country' }) destination: string | null,
    @Arg('since', () => String, { nullable: true }) since: string | null,
    @Arg('until', () => String, { nullable: true }) until: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return routePatterns(deps(ctx), { origin, destination, since, until, limit });
  }

  @Query(() => [TrendSeries], { description: 'Time series of a measure, grouped, by month, quarter or year, with the change from the previous period' })
  trends(
    @Arg('measure', () => TrendMeasureEnum) measure: TrendMeasure,
    @Arg('groupBy', () => TrendGroupEnum, { defaultValue: 'NONE' }) groupBy: TrendGroup,
    @Arg('interval', () => TrendIntervalEnum, { defaultValue: 'MONTH' }) interval: TrendInterval,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return trends(deps(ctx), { measure, groupBy, interval, from, to });
  }

  @Query(() => RegionalRisk, { description: 'For every force and regional unit: victims, NRM referrals, offenders, groups, live operations, a risk score with its formula, and the gaps' })
  regionalRisk(@Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: GraphQLContext) {
    return regionalRisk(deps(ctx), { from, to });
  }

  @Query(() => MonthlyInsight, { description: 'The national monthly picture (month as YYYY-MM)' })
  monthlyInsight(@Arg('month') month: string, @Ctx() ctx: GraphQLContext) {
    return monthlyInsight(deps(ctx), month);
  }
}
