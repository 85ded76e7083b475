import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';

import { entityLabel, type EntityRecord } from '../../domain/entity-record';
import type { IdentifierLabel } from '../../domain/graph-model';
import type { GraphQLContext } from '../context';
import { IdentifierKindEnum } from '../enums';
import { RelationArgs } from '../inputs/relation.args';
import { BankAccount, Identifier, TravelDocument } from '../types/identifier.types';
import { Country } from '../types/location.types';
import { LinkConnection, TransferConnection } from '../types/relationship-edges';
import { relatedNode, relationConnection } from './relations';

@Resolver(() => Identifier)
export class IdentifierResolver {
  @FieldResolver(() => IdentifierKindEnum)
  kind(@Root() i: EntityRecord): IdentifierLabel {
    return entityLabel(i) as IdentifierLabel;
  }

  @FieldResolver(() => Boolean)
  redacted(@Root() i: EntityRecord): boolean {
    return i.__redacted;
  }

  @FieldResolver(() => LinkConnection, { description: 'People, businesses and groups that hold or use it' })
  holders(@Root() i: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, i.id, { type: 'HAS_IDENTIFIER', direction: 'IN' }, args, info);
  }
}

@Resolver(() => BankAccount)
export class BankAccountResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The country the account is held in' })
  country(@Root() a: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return relatedNode(ctx, a.id, { type: 'ISSUED_BY', direction: 'OUT', targets: ['Country'] });
  }

  @FieldResolver(() => TransferConnection, { description: 'Money sent from or received into this account' })
  transfers(@Root() a: EntityRecord, @Args() args: RelationArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, a.id, { type: 'TRANSFERRED_TO', direction: 'BOTH' }, args, info);
  }
}

@Resolver(() => TravelDocument)
export class TravelDocumentResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The issuing country' })
  issuingCountry(@Root() d: EntityRecord, @Ctx() ctx: GraphQLContext) {
    return relatedNode(ctx, d.id, { type: 'ISSUED_BY', direction: 'OUT', targets: ['Country'] });
  }
}
