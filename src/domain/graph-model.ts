/**
 * The registry of node labels and relationship types: the only source of names that may appear in
 * Cypher text. GraphQL exposes them as enums, so a request cannot name anything else.
 * Why this shape: ../../README.md#the-graph-model.
 */

/** Entity labels: each node carries exactly one, plus `Entity` (and role labels on Person). */
export const NODE_LABELS = [
  'Person',
  'OrganisedCrimeGroup',
  'Country',
  'Region',
  'PoliceForce',
  'Town',
  'Address',
  'Route',
  'Operation',
  'Business',
  'Phone',
  'Vehicle',
  'BankAccount',
  'TravelDocument',
  'EmailAddress',
  'OnlineHandle',
  'Exploitation',
  'NRMReferral',
  'Agency',
  'IntelligenceReport',
  'ExploitationType',
  'ControlMethod',
  'RecruitmentMethod',
  'NRMStatistic',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Extra labels: `Entity` on every domain node; `Identifier` on the six identifier kinds;
 * `Location` on the hierarchy; `Reference` on shared vocabulary and gazetteer nodes (countries,
 * forces, exploitation types...), which traversals do not expand through unless asked. */
export const SUPER_LABELS = ['Entity', 'Identifier', 'Location', 'Reference'] as const;

/** Roles a Person may hold, as labels, any number at once. */
export const PERSON_ROLE_LABELS = ['Offender', 'Suspect', 'Victim'] as const;
export type PersonRoleLabel = (typeof PERSON_ROLE_LABELS)[number];

export const IDENTIFIER_LABELS = ['Phone', 'Vehicle', 'BankAccount', 'TravelDocument', 'EmailAddress', 'OnlineHandle'] as const satisfies readonly NodeLabel[];
export type IdentifierLabel = (typeof IDENTIFIER_LABELS)[number];

export const LOCATION_LABELS = ['Country', 'Region', 'PoliceForce', 'Town', 'Address'] as const satisfies readonly NodeLabel[];
export type LocationLabel = (typeof LOCATION_LABELS)[number];

export const REFERENCE_LABELS = ['Country', 'Region', 'PoliceForce', 'Agency', 'ExploitationType', 'ControlMethod', 'RecruitmentMethod'] as const satisfies readonly NodeLabel[];

/**
 * Bookkeeping labels, never entities: an `ImportRun` records one import or seed (file, hash,
 * status), an `ImportBackup` holds an item's values before a running import changed them, so
 * that an unfinished run can be rolled back (../../README.md#importing-data).
 */
export const IMPORT_RUN_LABEL = 'ImportRun';
export const IMPORT_BACKUP_LABEL = 'ImportBackup';

/**
 * Relationship types, with the labels at each end (from -> to). Every relationship carries
 * provenance like a node does.
 */
export const RELATIONSHIP_TYPES = {
  MEMBER_OF: { from: ['Person'], to: ['OrganisedCrimeGroup'], doc: 'membership, with role in the group and from/to dates' },
  NATIONAL_OF: { from: ['Person'], to: ['Country'], doc: 'a nationality' },
  HAS_IDENTIFIER: { from: ['Person', 'Business', 'OrganisedCrimeGroup'], to: [...IDENTIFIER_LABELS], doc: 'holds or uses a phone, vehicle, account, document, email or handle' },
  RESIDES_AT: { from: ['Person'], to: ['Address'], doc: 'lives or stays at an address' },
  LOCATED_AT: { from: ['Business'], to: ['Address'], doc: 'a business premises' },
  PART_OF: { from: ['Address', 'Town', 'PoliceForce', 'Region'], to: ['Town', 'PoliceForce', 'Region', 'Country'], doc: 'the location hierarchy, child to parent' },
  CONTROLS: { from: ['Person', 'OrganisedCrimeGroup'], to: ['Business'], doc: 'owns, runs or uses a business' },
  WORKS_AT: { from: ['Person'], to: ['Business'], doc: 'works (or is made to work) at a business' },
  ASSOCIATE_OF: { from: ['Person'], to: ['Person'], doc: 'a known association (family, partner, associate, communication)' },
  OPERATES_ROUTE: { from: ['OrganisedCrimeGroup'], to: ['Route'], doc: 'a group runs a route' },
  TRAVELLED: { from: ['Person'], to: ['Route'], doc: 'a person travelled a route (date, debt incurred)' },
  HAS_STOP: { from: ['Route'], to: ['Country', 'Town'], doc: 'an ordered stop on a route, with the transport mode of the leg that arrives there' },
  TARGETS: { from: ['Operation'], to: ['Person', 'OrganisedCrimeGroup', 'Business'], doc: 'an operation targets a person, group or business' },
  LED_BY: { from: ['Operation'], to: ['Agency'], doc: 'the lead agency or force of an operation' },
  IN_AREA: { from: ['Operation', 'Exploitation'], to: ['PoliceForce', 'Region'], doc: 'where an operation runs or an exploitation happened (force area or region)' },
  PERPETRATED: { from: ['Person', 'OrganisedCrimeGroup'], to: ['Exploitation'], doc: 'took part in an exploitation as exploiter' },
  EXPLOITED: { from: ['Exploitation'], to: ['Person'], doc: 'the victim of an exploitation' },
  OCCURRED_AT: { from: ['Exploitation'], to: ['Address', 'Business', 'Town', 'Country'], doc: 'where an exploitation took place' },
  OF_TYPE: { from: ['Exploitation', 'NRMReferral'], to: ['ExploitationType'], doc: 'exploitation type (statistical category or finer typology)' },
  SUBTYPE_OF: { from: ['ExploitationType'], to: ['ExploitationType'], doc: 'a Home Office offence type within its statistical category' },
  USED_CONTROL: { from: ['Exploitation'], to: ['ControlMethod'], doc: 'a means of control' },
  USED_RECRUITMENT: { from: ['Exploitation'], to: ['RecruitmentMethod'], doc: 'how the victim was recruited' },
  TRANSFERRED_TO: { from: ['BankAccount', 'Person'], to: ['BankAccount', 'Person'], doc: 'a money flow (amount, currency, date, channel)' },
  REFERRAL_OF: { from: ['NRMReferral'], to: ['Person'], doc: 'an NRM referral of a potential victim' },
  REFERRED_BY: { from: ['NRMReferral'], to: ['Agency'], doc: 'the first responder organisation' },
  ISSUED_BY: { from: ['IntelligenceReport', 'TravelDocument', 'BankAccount'], to: ['Agency', 'Country'], doc: 'issuer: the agency of a report, the country of a document or account' },
  REFERRED_BY_FORCE: { from: ['NRMStatistic'], to: ['PoliceForce'], doc: 'the police force whose referrals (as first responder) an NRM statistics row counts' },
} as const satisfies Record<string, { from: readonly NodeLabel[]; to: readonly NodeLabel[]; doc: string }>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

export function isNodeLabel(s: string): s is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(s);
}

export function isRelationshipType(s: string): s is RelationshipType {
  return Object.prototype.hasOwnProperty.call(RELATIONSHIP_TYPES, s);
}

/**
 * Labels of the service's own records, kept apart from the domain: never labelled `Entity`, so
 * no entity query can reach them. `AuditEvent`: one GraphQL request (README#audit-trail);
 * `AuditExport`: also on an event whose `export` is set (an export's manifest, or a download of
 * its file), so that an auditor finds them without reading the whole trail; `AuditChain`: the tip of the audit hash chain,
 * locked by each append; `AuditWriter`: what one service process last appended, so that an
 * append it runs again is not stored twice (graph/audit.writer.ts).
 */
export const AUDIT_LABELS = ['AuditEvent', 'AuditExport', 'AuditChain', 'AuditWriter'] as const;
export type AuditLabel = (typeof AUDIT_LABELS)[number];
