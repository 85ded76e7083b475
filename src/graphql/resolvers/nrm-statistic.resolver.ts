import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { EntityRecord } from '../../domain/entity-record';
import type { GraphQLContext } from '../context';
import { PoliceForce } from '../types/location.types';
import { NRMStatistic } from '../types/nrm-statistic.type';
import { relatedNode } from './relations';

@Resolver(() => NRMStatistic)
export class NrmStatisticResolver {
  @FieldResolver(() => [String])
  exploitationCategories(@Root() n: EntityRecord): string[] {
    return (n.exploitationCategories as string[] | undefined) ?? [];
  }

  @FieldResolver(() => [String])
  nationalityCodes(@Root() n: EntityRecord): string[] {
    return (n.nationalityCodes as string[] | undefined) ?? [];
  }

  @FieldResolver(() => PoliceForce, { nullable: true, description: 'The force whose referrals this cell counts (police table rows)' })
  policeForce(@Root() n: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return relatedNode(ctx, n.id, { type: 'REFERRED_BY_FORCE', direction: 'OUT', targets: ['PoliceForce'] });
  }
}
