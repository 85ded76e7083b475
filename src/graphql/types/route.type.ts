import { Field, Float, ObjectType } from 'type-graphql';

import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'An ordered chain of places victims travelled through, with a transport mode per leg' })
export class Route extends Node {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Float, { nullable: true, description: 'Typical cost of the journey to the victim' })
  cost!: number | null;

  @Field(() => Float, { nullable: true, description: 'Typical debt imposed for the journey' })
  debt!: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of cost and debt' })
  currency!: string | null;
}
