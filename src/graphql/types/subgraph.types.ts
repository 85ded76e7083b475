import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { TRUNCATION_REASONS, type TruncationReason } from '../../domain/subgraph';
import type { NodeLabel, RelationshipType } from '../../domain/graph-model';
import { enumOf, NodeTypeEnum, PersonRoleEnum, RelationshipTypeEnum } from '../enums';
import { Node } from './node.interface';
import { Person } from './person.type';
import { Provenance } from './provenance.type';

export const TruncationReasonEnum = enumOf(TRUNCATION_REASONS);
registerEnumType(TruncationReasonEnum, { name: 'TruncationReason', description: 'Which budget stopped a traversal early' });

@ObjectType({ description: 'A node as a link chart draws it' })
export class GraphNode {
  @Field(() => ID)
  id!: string;

  @Field(() => NodeTypeEnum)
  type!: NodeLabel;

  @Field({ description: 'What to write under the icon: a name, a victim pseudonym, an identifier value' })
  label!: string;

  @Field(() => [PersonRoleEnum])
  roles!: string[];

  @Field(() => GraphQLJSONObject, { description: 'The key properties (dates as ISO strings)' })
  properties!: Record<string, unknown>;

  @Field(() => Provenance)
  provenance!: Provenance;

  @Field()
  redacted!: boolean;

  @Field(() => Node, { nullable: true, description: 'The full typed node' })
  node!: object | null;
}

@ObjectType({ description: 'A link as a link chart draws it; links are directed from source to target' })
export class GraphEdge {
  @Field(() => ID)
  id!: string;

  @Field(() => RelationshipTypeEnum)
  type!: RelationshipType;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => GraphQLJSONObject)
  properties!: Record<string, unknown>;

  @Field(() => Provenance)
  provenance!: Provenance;

  @Field(() => String, { nullable: true, description: 'Start of the time the link covers (a date or period start)' })
  from!: string | null;

  @Field(() => String, { nullable: true })
  to!: string | null;
}

@ObjectType({ description: 'Typed nodes and edges, ready to draw, and whether a budget cut it short' })
export class Subgraph {
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field()
  truncated!: boolean;

  @Field(() => TruncationReasonEnum, { nullable: true })
  truncatedBy!: TruncationReason | null;
}

@ObjectType()
export class Path {
  @Field(() => Int)
  hops!: number;

  @Field(() => [ID], { description: 'Node ids in order, from the start to the end' })
  nodeIds!: string[];

  @Field(() => Subgraph)
  subgraph!: Subgraph;
}

@ObjectType()
export class ConnectingNetwork {
  @Field(() => Subgraph, { description: 'The union of one shortest path per pair' })
  subgraph!: Subgraph;

  @Field(() => [[ID]], { description: 'Pairs with no path within maxHops' })
  unconnected!: string[][];
}

@ObjectType({ description: 'Two entities linked through the same identifier or address' })
export class SharedIdentifierLink {
  @Field(() => Node)
  subject!: object;

  @Field(() => Node)
  counterpart!: object;

  @Field(() => Node, { description: 'The phone, vehicle, account, document, email, handle or address they share' })
  via!: object;

  @Field(() => Provenance, { description: "Source of the subject's link" })
  subjectLink!: Provenance;

  @Field(() => Provenance, { description: "Source of the counterpart's link" })
  counterpartLink!: Provenance;
}

@ObjectType()
export class SharedIdentifiers {
  @Field(() => [SharedIdentifierLink])
  links!: SharedIdentifierLink[];

  @Field(() => Subgraph)
  subgraph!: Subgraph;
}

@ObjectType({ description: 'A reason to think two records are one person' })
export class DuplicateEvidence {
  @Field()
  kind!: string;

  @Field(() => Float)
  weight!: number;

  @Field()
  detail!: string;

  @Field(() => ID, { nullable: true, description: 'The shared identifier or address' })
  sharedId!: string | null;
}

@ObjectType({ description: 'Two person records that are probably the same person' })
export class DuplicateCandidate {
  @Field(() => Person, { nullable: true })
  a!: object | null;

  @Field(() => Person, { nullable: true })
  b!: object | null;

  @Field(() => Float, { description: '0..1: 1 - product of (1 - weight) over the evidence' })
  score!: number;

  @Field(() => [DuplicateEvidence])
  evidence!: DuplicateEvidence[];

  @Field({
    description:
      'True when no pair left unscored could rank above this one. The scorer sees the pairs with the highest possible scores (MSHT_DUPLICATE_PAIRS of them, or the limit); one left out can reach at most the lowest of those, so a candidate scoring below that may have better pairs missing above it. Always true when every pair was scored.',
  })
  rankCertain!: boolean;
}

@ObjectType()
export class MergeResult {
  @Field(() => ID, { description: 'Pass to undoMerge to reverse it' })
  recordId!: string;

  @Field(() => ID)
  keptId!: string;

  @Field(() => ID)
  mergedId!: string;

  @Field(() => Int)
  relationshipsMoved!: number;
}

@ObjectType({ description: "A person's score on a measure and their place (1 = highest)" })
export class RankedPerson {
  @Field(() => ID)
  id!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Int)
  rank!: number;

  @Field(() => Person, { nullable: true })
  person!: object | null;
}

@ObjectType()
export class Communities {
  @Field(() => Float, { description: 'Modularity of the Louvain partition (as networkx computes it)' })
  modularity!: number;

  @Field(() => Int)
  count!: number;

  @Field(() => [[ID]], { description: 'The communities, largest first' })
  members!: string[][];
}

@ObjectType({ description: 'Brokered two-paths through a person, by Gould and Fernandez role' })
export class Broker {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The person's own group (nationality, OCG or country, as asked)" })
  group!: string;

  @Field(() => Int)
  coordinator!: number;

  @Field(() => Int)
  itinerant!: number;

  @Field(() => Int)
  gatekeeper!: number;

  @Field(() => Int)
  representative!: number;

  @Field(() => Int)
  liaison!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  rank!: number;

  @Field(() => Person, { nullable: true })
  person!: object | null;
}

@ObjectType({ description: 'The set of people whose removal most fragments the network' })
export class KeyPlayers {
  @Field(() => [ID])
  set!: string[];

  @Field(() => [Person], { nullable: 'items' })
  people!: (object | null)[];

  @Field(() => Float, { description: 'Fragmentation (Borgatti) before removal: 0 connected .. 1 all isolated' })
  fragmentationBefore!: number;

  @Field(() => Float)
  fragmentationAfter!: number;
}

@ObjectType()
export class PersonTie {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => Int, { description: 'How many things tie them (shared groups, events, identifiers, associations)' })
  weight!: number;

  @Field(() => [String], { description: 'GROUP, EVENT, IDENTIFIER, ASSOCIATE' })
  kinds!: string[];
}

@ObjectType({ description: 'Who holds a network together: centralities, clusters, brokers and key players on the person-to-person projection' })
export class NetworkMeasures {
  @Field(() => Int)
  people!: number;

  @Field(() => Int)
  ties!: number;

  @Field(() => [RankedPerson])
  degree!: object[];

  @Field(() => [RankedPerson])
  betweenness!: object[];

  @Field({ description: 'True when betweenness was estimated from a sample of 500 sources (large networks)' })
  betweennessSampled!: boolean;

  @Field(() => [RankedPerson])
  closeness!: object[];

  @Field(() => [RankedPerson])
  eigenvector!: object[];

  @Field(() => [RankedPerson])
  pagerank!: object[];

  @Field(() => Communities)
  communities!: Communities;

  @Field()
  brokerageBy!: string;

  @Field(() => [Broker])
  brokers!: object[];

  @Field(() => KeyPlayers, { nullable: true })
  keyPlayers!: object | null;

  @Field(() => [ID], { description: 'Every person in the projection' })
  personIds!: string[];

  @Field(() => [PersonTie], { description: 'The projection itself: person-to-person ties with their weight' })
  links!: PersonTie[];
}
