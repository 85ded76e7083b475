import { Field, Float, ID, Int, ObjectType, type ClassType } from 'type-graphql';

import { AssociationKindEnum, GroupRoleEnum, MoneyChannelEnum, RelationshipTypeEnum, TransportModeEnum } from '../enums';
import type { AssociationKind, GroupRole, MoneyChannel, TransportMode } from '../../domain/vocabulary';
import type { RelationshipType } from '../../domain/graph-model';
import { Identifier } from './identifier.types';
import { Location } from './location.types';
import { Node } from './node.interface';
import { OrganisedCrimeGroup } from './organised-crime-group.type';
import { PageInfo } from './page-info.type';
import { Person } from './person.type';
import { Provenance } from './provenance.type';

/**
 * Relationship fields return edges: the far node plus the relationship's own properties and
 * provenance, so a link's source and grading are visible, not only the node it leads to.
 */
@ObjectType({ description: 'Fields every relationship edge has' })
export abstract class RelEdge {
  @Field({ description: 'Pass as `after` to page on' })
  cursor!: string;

  @Field(() => ID, { description: 'The relationship id' })
  linkId!: string;

  @Field(() => RelationshipTypeEnum)
  type!: RelationshipType;

  @Field(() => Provenance, { description: 'The source of this link' })
  provenance!: Provenance;

  @Field(() => String, { nullable: true, description: 'Start of the period the link covers (YYYY-MM-DD)' })
  since!: string | null;

  @Field(() => String, { nullable: true, description: 'End of the period the link covers (YYYY-MM-DD)' })
  until!: string | null;
}

/** A connection of relationship edges, with a lazily counted total. */
export function EdgeConnection<E extends object, N extends object>(EdgeClass: ClassType<E>, NodeClass: ClassType<N> | Function, name: string) {
  @ObjectType(`${name}Connection`)
  class EdgeConnectionClass {
    @Field(() => [EdgeClass])
    edges!: E[];

    @Field(() => [NodeClass], { description: 'The far nodes of `edges`' })
    nodes!: N[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return EdgeConnectionClass;
}

@ObjectType({ description: "A person's membership of a group" })
export class MembershipEdge extends RelEdge {
  @Field(() => OrganisedCrimeGroup)
  node!: object;

  @Field(() => GroupRoleEnum, { nullable: true })
  role!: GroupRole | null;
}

@ObjectType({ description: 'A member of a group, with their role' })
export class MemberEdge extends RelEdge {
  @Field(() => Person)
  node!: object;

  @Field(() => GroupRoleEnum, { nullable: true })
  role!: GroupRole | null;
}

@ObjectType({ description: 'An identifier held or used' })
export class IdentifierEdge extends RelEdge {
  @Field(() => Identifier)
  node!: object;
}

@ObjectType({ description: 'A known association between two people' })
export class AssociateEdge extends RelEdge {
  @Field(() => Person)
  node!: object;

  @Field(() => AssociationKindEnum, { nullable: true })
  kind!: AssociationKind | null;
}

@ObjectType({ description: 'A money flow to or from the node' })
export class TransferEdge extends RelEdge {
  @Field(() => Node, { description: 'The other account or person' })
  node!: object;

  @Field(() => Float, { nullable: true })
  amount!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => String, { nullable: true })
  date!: string | null;

  @Field(() => MoneyChannelEnum, { nullable: true })
  channel!: MoneyChannel | null;

  @Field({ description: 'OUT: money sent to `node`; IN: received from it' })
  direction!: string;
}

@ObjectType({ description: 'A journey on a route' })
export class TravelEdge extends RelEdge {
  @Field(() => Node, { description: 'The route (from a person) or the traveller (from a route)' })
  node!: object;

  @Field(() => String, { nullable: true })
  date!: string | null;

  @Field(() => Float, { nullable: true })
  debt!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;
}

@ObjectType({ description: 'A stop on a route, in order; `mode` is how the leg arriving here was travelled' })
export class RouteStop {
  @Field(() => Int)
  order!: number;

  @Field(() => TransportModeEnum, { nullable: true })
  mode!: TransportMode | null;

  @Field(() => Location)
  place!: object;

  @Field(() => Provenance)
  provenance!: Provenance;
}

@ObjectType({ description: 'A generic link to any node' })
export class LinkEdge extends RelEdge {
  @Field(() => Node)
  node!: object;

  @Field({ description: 'OUT or IN, seen from the parent' })
  direction!: string;
}

export const MembershipConnection = EdgeConnection(MembershipEdge, OrganisedCrimeGroup, 'Membership');
export const MemberConnection = EdgeConnection(MemberEdge, Person, 'Member');
export const IdentifierEdgeConnection = EdgeConnection(IdentifierEdge, Identifier, 'IdentifierLink');
export const AssociateConnection = EdgeConnection(AssociateEdge, Person, 'Associate');
export const TransferConnection = EdgeConnection(TransferEdge, Node, 'Transfer');
export const TravelConnection = EdgeConnection(TravelEdge, Node, 'Travel');
export const LinkConnection = EdgeConnection(LinkEdge, Node, 'Link');
