import { registerEnumType } from 'type-graphql';

import { IDENTIFIER_LABELS, NODE_LABELS, RELATIONSHIP_TYPE_NAMES, RELATIONSHIP_TYPES } from '../domain/graph-model';
import {
  ASSOCIATION_KINDS,
  BUSINESS_TYPES,
  CONTROL_METHODS,
  DOCUMENT_TYPES,
  EXPLOITATION_CATEGORIES,
  EXPLOITATION_TYPE_CODES,
  FIRST_RESPONDER_TYPES,
  GROUP_ROLES,
  HANDLE_PLATFORMS,
  MONEY_CHANNELS,
  NRM_DECISIONS,
  OFFENCE_TYPES,
  OPERATION_STATUSES,
  RECRUITMENT_METHODS,
  THREAT_LEVELS,
  TRANSPORT_MODES,
} from '../domain/vocabulary';
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

// Vocabularies (src/domain/vocabulary.ts).
export const ExploitationCategoryEnum = enumOf(EXPLOITATION_CATEGORIES);
registerEnumType(ExploitationCategoryEnum, { name: 'ExploitationCategory', description: 'The UK statistics categories of exploitation' });

export const ExploitationTypeCodeEnum = enumOf(EXPLOITATION_TYPE_CODES);
registerEnumType(ExploitationTypeCodeEnum, {
  name: 'ExploitationTypeCode',
  description: 'A statistics category or one of the 17 Home Office offence types (Cooper et al. 2017)',
  valuesConfig: Object.fromEntries(OFFENCE_TYPES.map((t) => [t.code, { description: t.name }])),
});

export const ControlMethodCodeEnum = enumOf(CONTROL_METHODS.map((c) => c.code));
registerEnumType(ControlMethodCodeEnum, { name: 'ControlMethodCode', valuesConfig: Object.fromEntries(CONTROL_METHODS.map((c) => [c.code, { description: c.name }])) });

export const RecruitmentMethodCodeEnum = enumOf(RECRUITMENT_METHODS.map((c) => c.code));
registerEnumType(RecruitmentMethodCodeEnum, { name: 'RecruitmentMethodCode', valuesConfig: Object.fromEntries(RECRUITMENT_METHODS.map((c) => [c.code, { description: c.name }])) });

export const BusinessTypeEnum = enumOf(BUSINESS_TYPES);
registerEnumType(BusinessTypeEnum, { name: 'BusinessType' });

export const TransportModeEnum = enumOf(TRANSPORT_MODES);
registerEnumType(TransportModeEnum, { name: 'TransportMode' });

export const GroupRoleEnum = enumOf(GROUP_ROLES);
registerEnumType(GroupRoleEnum, { name: 'GroupRole', description: "A person's role in an organised crime group" });

export const ThreatLevelEnum = enumOf(THREAT_LEVELS);
registerEnumType(ThreatLevelEnum, { name: 'ThreatLevel' });

export const OperationStatusEnum = enumOf(OPERATION_STATUSES);
registerEnumType(OperationStatusEnum, { name: 'OperationStatus' });

export const MoneyChannelEnum = enumOf(MONEY_CHANNELS);
registerEnumType(MoneyChannelEnum, { name: 'MoneyChannel' });

export const NrmDecisionEnum = enumOf(NRM_DECISIONS);
registerEnumType(NrmDecisionEnum, { name: 'NrmDecision' });

export const FirstResponderTypeEnum = enumOf(FIRST_RESPONDER_TYPES);
registerEnumType(FirstResponderTypeEnum, { name: 'FirstResponderType' });

export const AssociationKindEnum = enumOf(ASSOCIATION_KINDS);
registerEnumType(AssociationKindEnum, { name: 'AssociationKind' });

export const DocumentTypeEnum = enumOf(DOCUMENT_TYPES);
registerEnumType(DocumentTypeEnum, { name: 'DocumentType' });

export const HandlePlatformEnum = enumOf(HANDLE_PLATFORMS);
registerEnumType(HandlePlatformEnum, { name: 'HandlePlatform' });

export const IdentifierKindEnum = enumOf(IDENTIFIER_LABELS);
registerEnumType(IdentifierKindEnum, { name: 'IdentifierKind' });

export const DirectionEnum = enumOf(['OUT', 'IN', 'BOTH'] as const);
registerEnumType(DirectionEnum, { name: 'Direction', description: 'Which way a relationship is followed from a node' });
