import { Field, ObjectType } from 'type-graphql';

import { Node } from './node.interface';

@ObjectType({ implements: Node, description: 'An agency or police force that provides intelligence or leads operations' })
export class Agency extends Node {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  kind!: string | null;
}

@ObjectType({ implements: Node, description: 'Where facts come from: every node and relationship cites one' })
export class IntelligenceReport extends Node {
  @Field()
  reference!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  reportedOn!: string | null;
}

@ObjectType({ implements: Node, description: 'A statistics category of exploitation, or a Home Office offence type within one' })
export class ExploitationType extends Node {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'CATEGORY or OFFENCE_TYPE' })
  kind!: string | null;
}

@ObjectType({ implements: Node, description: 'A means of control' })
export class ControlMethod extends Node {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType({ implements: Node, description: 'A recruitment method' })
export class RecruitmentMethod extends Node {
  @Field()
  code!: string;

  @Field()
  name!: string;
}
