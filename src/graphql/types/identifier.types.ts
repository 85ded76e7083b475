import { Field, InterfaceType, ObjectType } from 'type-graphql';

import { entityLabel, type EntityRecord } from '../../domain/entity-record';
import type { IdentifierLabel } from '../../domain/graph-model';
import type { DocumentType, HandlePlatform } from '../../domain/vocabulary';
import { DocumentTypeEnum, HandlePlatformEnum, IdentifierKindEnum } from '../enums';
import { Node } from './node.interface';

@InterfaceType('Identifier', {
  implements: Node,
  description: "What links people in practice. `value` is normalised (phones E.164, registrations without spaces...). The value of an identifier a victim holds is withheld from callers without victim-data rights.",
  resolveType: (value: EntityRecord) => entityLabel(value),
})
export abstract class Identifier extends Node {
  @Field(() => String, { nullable: true })
  value!: string | null;

  @Field(() => IdentifierKindEnum)
  kind!: IdentifierLabel;

  @Field()
  redacted!: boolean;
}

@ObjectType({ implements: [Node, Identifier] })
export class Phone extends Identifier {
  @Field(() => String, { nullable: true, description: 'ISO country of the number, where it can be told' })
  countryCode!: string | null;
}

@ObjectType({ implements: [Node, Identifier] })
export class Vehicle extends Identifier {
  @Field(() => String, { nullable: true })
  make!: string | null;

  @Field(() => String, { nullable: true })
  model!: string | null;

  @Field(() => String, { nullable: true })
  colour!: string | null;
}

@ObjectType({ implements: [Node, Identifier], description: 'A bank account: IBAN, or UK sort code:account number' })
export class BankAccount extends Identifier {
  @Field(() => String, { nullable: true })
  bank!: string | null;
}

@ObjectType({ implements: [Node, Identifier] })
export class TravelDocument extends Identifier {
  @Field(() => DocumentTypeEnum, { nullable: true })
  documentType!: DocumentType | null;

  @Field(() => String, { nullable: true })
  expiryDate!: string | null;
}

@ObjectType({ implements: [Node, Identifier] })
export class EmailAddress extends Identifier {}

@ObjectType({ implements: [Node, Identifier], description: 'A social media or messaging handle, stored as PLATFORM:handle' })
export class OnlineHandle extends Identifier {
  @Field(() => HandlePlatformEnum, { nullable: true })
  platform!: HandlePlatform | null;
}
