import { Field, ObjectType } from 'type-graphql';

import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'A country (ISO 3166-1); reference data' })
export class Country extends Node {
  @Field({ description: 'ISO 3166-1 alpha-2 code' })
  code!: string;

  @Field()
  name!: string;
}
