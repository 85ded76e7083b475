import { Field, Float, InterfaceType, ObjectType } from 'type-graphql';

import { entityLabel, type EntityRecord } from '../../domain/entity-record';
import { Node } from './node.interface';

/** The location hierarchy: Country > Region > PoliceForce > Town > Address. */
@InterfaceType('Location', {
  implements: Node,
  description: 'A place in the hierarchy Country > Region > PoliceForce > Town > Address',
  resolveType: (value: EntityRecord) => entityLabel(value),
})
export abstract class Location extends Node {
  @Field({ description: 'A name to show: country or force name, town, address line and postcode' })
  displayName!: string;
}

@ObjectType({ implements: [Node, Location], description: 'A country (ISO 3166-1); reference data' })
export class Country extends Location {
  @Field({ description: 'ISO 3166-1 alpha-2 code' })
  code!: string;

  @Field()
  name!: string;
}

@ObjectType({ implements: [Node, Location], description: 'A region of the UK and its regional organised crime unit (ROCU)' })
export class Region extends Location {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  rocu!: string | null;

  @Field(() => String, { nullable: true, description: 'ENGLAND, WALES, SCOTLAND or NORTHERN_IRELAND' })
  nation!: string | null;
}

@ObjectType({ implements: [Node, Location], description: 'A police force area' })
export class PoliceForce extends Location {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true })
  rocu!: string | null;
}

@ObjectType({ implements: [Node, Location] })
export class Town extends Location {
  @Field()
  name!: string;
}

@ObjectType({ implements: [Node, Location] })
export class Address extends Location {
  @Field(() => String, { nullable: true })
  line1!: string | null;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;
}

