import { Field, ID, InterfaceType } from 'type-graphql';

import { entityLabel, type EntityRecord } from '../../domain/entity-record';
import { Provenance } from './provenance.type';

/**
 * Anything with an id in the graph. GraphQL type names equal node labels, so a record's label
 * names its type.
 */
@InterfaceType('Node', {
  description: 'An entity in the graph, found by `node(id)` or `nodes(ids)`',
  resolveType: (value: EntityRecord) => entityLabel(value),
})
export abstract class Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Provenance, { description: 'Where this fact came from: report, agency, date, grading and handling code' })
  provenance!: Provenance;
}
