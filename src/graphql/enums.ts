import { registerEnumType } from 'type-graphql';

import { NODE_LABELS, RELATIONSHIP_TYPE_NAMES, RELATIONSHIP_TYPES } from '../domain/graph-model';
import { AGE_GROUPS, GENDERS, PERSON_ROLES } from '../domain/person';
import { HANDLING_CODES, INTEL_GRADES, UK_HANDLING } from '../domain/provenance';
import { ROLES } from '../auth/principal';

/** A const list as the `{ VALUE: 'VALUE' }` object type-graphql registers as a GraphQL enum. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const HandlingCodeEnum = enumOf(HANDLING_CODES);
registerEnumType(HandlingCodeEnum, { name: 'HandlingCode', description: 'Europol handling code: H0 use to prevent and combat crime; H1 not in judicial proceedings without consent; H2 not to be disseminated without consent; H3 other restrictions' });

export const UkHandlingEnum = enumOf(UK_HANDLING);
registerEnumType(UkHandlingEnum, { name: 'UkHandling', description: 'UK 3x5x2 handling: P lawful sharing permitted; C lawful sharing permitted with conditions' });

export const IntelGradeEnum = enumOf(INTEL_GRADES);
registerEnumType(IntelGradeEnum, { name: 'IntelGrade', description: 'UK 3x5x2 intelligence assessment: A known directly; B indirectly, corroborated; C indirectly; D not known; E suspected false' });

export const GenderEnum = enumOf(GENDERS);
registerEnumType(GenderEnum, { name: 'Gender' });

export const PersonRoleEnum = enumOf(PERSON_ROLES);
registerEnumType(PersonRoleEnum, { name: 'PersonRole', description: 'A role a person holds in the picture; one person may hold several' });

export const AgeGroupEnum = enumOf(AGE_GROUPS);
registerEnumType(AgeGroupEnum, { name: 'AgeGroup', description: 'Age at exploitation as the NRM statistics group it' });

export const NodeTypeEnum = enumOf(NODE_LABELS);
registerEnumType(NodeTypeEnum, { name: 'NodeType', description: 'Every kind of entity in the graph' });

export const RelationshipTypeEnum = enumOf(RELATIONSHIP_TYPE_NAMES);
registerEnumType(RelationshipTypeEnum, {
  name: 'RelationshipType',
  description: 'Every kind of relationship in the graph',
  valuesConfig: Object.fromEntries(RELATIONSHIP_TYPE_NAMES.map((t) => [t, { description: RELATIONSHIP_TYPES[t].doc }])),
});

export const AccessRoleEnum = enumOf(ROLES);
registerEnumType(AccessRoleEnum, { name: 'AccessRole', description: 'Roles a caller may hold' });

export const SortDirectionEnum = enumOf(['ASC', 'DESC'] as const);
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });
