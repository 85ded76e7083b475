/**
 * Controlled vocabularies. Those with their own nodes in the graph (exploitation types, control
 * and recruitment methods) are loaded by migration 0006 with ids `<prefix>-<code>`; the others
 * are property values checked on write. GraphQL exposes each list as an enum.
 * Sources: ../../../shared/DOMAIN.md; the UK NRM statistics categories; the Home Office typology
 * (Cooper, Hesketh, Ellis and Fair, "A typology of modern slavery offences in the UK", Home Office
 * Research Report 93, 2017); CTDC's means-of-control and recruiter-relation fields.
 */

/** The four categories of the UK statistics, plus organ harvesting and unknown. */
export const EXPLOITATION_CATEGORIES = ['LABOUR', 'SEXUAL', 'CRIMINAL', 'DOMESTIC_SERVITUDE', 'ORGAN_HARVESTING', 'UNKNOWN'] as const;
export type ExploitationCategory = (typeof EXPLOITATION_CATEGORIES)[number];

/** Display names of the categories, as the NRM statistics word them. */
export const EXPLOITATION_CATEGORY_NAMES: Record<ExploitationCategory, string> = {
  LABOUR: 'Labour exploitation',
  SEXUAL: 'Sexual exploitation',
  CRIMINAL: 'Criminal exploitation',
  DOMESTIC_SERVITUDE: 'Domestic servitude',
  ORGAN_HARVESTING: 'Organ harvesting',
  UNKNOWN: 'Not specified or unknown',
};

/** The Home Office typology: 17 offence types, each within one category. */
export const OFFENCE_TYPES = [
  { code: 'LABOUR_FOR_OFFENDERS', category: 'LABOUR', name: 'Labour exploitation: victims work for offenders' },
  { code: 'LABOUR_FOR_OTHERS', category: 'LABOUR', name: 'Labour exploitation: victims work for someone other than offenders' },
  { code: 'LABOUR_FOR_OFFENDERS_AND_OTHERS', category: 'LABOUR', name: 'Labour exploitation: victims work for offenders and for others' },
  { code: 'DOMESTIC_BY_PARTNER', category: 'DOMESTIC_SERVITUDE', name: 'Domestic servitude: exploited by a partner' },
  { code: 'DOMESTIC_BY_RELATIVES', category: 'DOMESTIC_SERVITUDE', name: 'Domestic servitude: exploited by relatives' },
  { code: 'DOMESTIC_UNRELATED', category: 'DOMESTIC_SERVITUDE', name: 'Domestic servitude: exploitation of unrelated victims' },
  { code: 'CSE_GROUP', category: 'SEXUAL', name: 'Child sexual exploitation: group exploitation' },
  { code: 'CSE_SINGLE', category: 'SEXUAL', name: 'Child sexual exploitation: single exploiter' },
  { code: 'SEX_WORK_FIXED_LOCATION', category: 'SEXUAL', name: 'Forced sex work in a fixed location' },
  { code: 'SEX_WORK_CHANGING_LOCATION', category: 'SEXUAL', name: 'Forced sex work in changing locations' },
  { code: 'SEXUAL_GRATIFICATION', category: 'SEXUAL', name: 'Trafficking for personal sexual gratification' },
  { code: 'GANG_CRIMINALITY', category: 'CRIMINAL', name: 'Forced gang-related criminality (including county lines)' },
  { code: 'ILLEGAL_ACTIVITIES', category: 'CRIMINAL', name: 'Forced labour in illegal activities (e.g. cannabis cultivation)' },
  { code: 'ACQUISITIVE_CRIME', category: 'CRIMINAL', name: 'Forced acquisitive crime' },
  { code: 'BEGGING', category: 'CRIMINAL', name: 'Forced begging' },
  { code: 'SHAM_MARRIAGE', category: 'CRIMINAL', name: 'Trafficking for forced sham marriage' },
  { code: 'FINANCIAL_FRAUD', category: 'CRIMINAL', name: 'Financial fraud (including benefit fraud)' },
] as const satisfies readonly { code: string; category: ExploitationCategory; name: string }[];
export type OffenceType = (typeof OFFENCE_TYPES)[number]['code'];

/** Every ExploitationType node code: the categories and the finer offence types. */
export const EXPLOITATION_TYPE_CODES = [...EXPLOITATION_CATEGORIES, ...OFFENCE_TYPES.map((t) => t.code)] as const;
export type ExploitationTypeCode = ExploitationCategory | OffenceType;

export const CONTROL_METHODS = [
  { code: 'DEBT_BONDAGE', name: 'Debt bondage' },
  { code: 'TAKES_EARNINGS', name: 'Takes earnings' },
  { code: 'RESTRICTS_FINANCIAL_ACCESS', name: 'Restricts access to money' },
  { code: 'THREATS', name: 'Threats (to the victim or family)' },
  { code: 'PSYCHOLOGICAL_ABUSE', name: 'Psychological abuse' },
  { code: 'VIOLENCE', name: 'Physical violence' },
  { code: 'SEXUAL_ABUSE', name: 'Sexual abuse' },
  { code: 'FALSE_PROMISES', name: 'False promises' },
  { code: 'SUBSTANCES', name: 'Substance dependency' },
  { code: 'ISOLATION', name: 'Isolation, restricted movement' },
  { code: 'RESTRICTS_MEDICAL_CARE', name: 'Restricts medical care' },
  { code: 'EXCESSIVE_HOURS', name: 'Excessive working hours' },
  { code: 'USES_CHILDREN', name: "Uses the victim's children" },
  { code: 'THREAT_OF_LAW_ENFORCEMENT', name: 'Threat of law enforcement or deportation' },
  { code: 'WITHHOLDS_NECESSITIES', name: 'Withholds necessities' },
  { code: 'DOCUMENT_REMOVAL', name: 'Removes identity or travel documents' },
  { code: 'OTHER', name: 'Other means of control' },
] as const;
export type ControlMethodCode = (typeof CONTROL_METHODS)[number]['code'];

export const RECRUITMENT_METHODS = [
  { code: 'DECEPTIVE_JOB_OFFER', name: 'Deceptive job offer' },
  { code: 'ROMANCE', name: 'Romance ("loverboy"), intimate partner' },
  { code: 'FAMILY_OR_COMMUNITY', name: 'Family or community ties' },
  { code: 'FRIEND', name: 'Friend or acquaintance' },
  { code: 'DEBT', name: 'Debt (smuggling or other)' },
  { code: 'ABDUCTION', name: 'Abduction' },
  { code: 'ONLINE', name: 'Online or social media' },
  { code: 'OTHER', name: 'Other' },
  { code: 'UNKNOWN', name: 'Unknown' },
] as const;
export type RecruitmentMethodCode = (typeof RECRUITMENT_METHODS)[number]['code'];

export const BUSINESS_TYPES = ['NAIL_BAR', 'CAR_WASH', 'CANNABIS_GROW', 'AGENCY', 'TAKEAWAY', 'BROTHEL', 'FARM', 'FACTORY', 'CONSTRUCTION', 'HOSPITALITY', 'OTHER'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export const TRANSPORT_MODES = ['FLIGHT', 'COACH', 'LORRY', 'SMALL_BOAT', 'CAR', 'TRAIN', 'FERRY', 'ON_FOOT', 'OTHER', 'UNKNOWN'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const GROUP_ROLES = ['LEADER', 'RECRUITER', 'TRANSPORTER', 'CONTROLLER', 'MONEY_HANDLER', 'ENABLER', 'MEMBER'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const THREAT_LEVELS = ['LOW', 'MODERATE', 'SIGNIFICANT', 'HIGH'] as const;
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

export const OPERATION_STATUSES = ['LIVE', 'CLOSED'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const MONEY_CHANNELS = ['BANK_TRANSFER', 'MONEY_SERVICE_BUSINESS', 'CASH', 'CASH_COURIER', 'CRYPTO', 'HAWALA', 'PAYMENT_APP', 'OTHER'] as const;
export type MoneyChannel = (typeof MONEY_CHANNELS)[number];

export const NRM_DECISIONS = ['POSITIVE', 'NEGATIVE', 'PENDING', 'WITHDRAWN'] as const;
export type NrmDecision = (typeof NRM_DECISIONS)[number];

export const FIRST_RESPONDER_TYPES = ['POLICE', 'GOVERNMENT_AGENCY', 'LOCAL_AUTHORITY', 'NGO', 'OTHER'] as const;
export type FirstResponderType = (typeof FIRST_RESPONDER_TYPES)[number];

export const ASSOCIATION_KINDS = ['FAMILY', 'PARTNER', 'ASSOCIATE', 'COMMUNICATION', 'EMPLOYMENT', 'OTHER'] as const;
export type AssociationKind = (typeof ASSOCIATION_KINDS)[number];

export const DOCUMENT_TYPES = ['PASSPORT', 'ID_CARD', 'RESIDENCE_PERMIT', 'VISA', 'DRIVING_LICENCE', 'OTHER'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const HANDLE_PLATFORMS = ['FACEBOOK', 'INSTAGRAM', 'WHATSAPP', 'TELEGRAM', 'VIBER', 'ZALO', 'SNAPCHAT', 'TIKTOK', 'ADULTWORK', 'OTHER'] as const;
export type HandlePlatform = (typeof HANDLE_PLATFORMS)[number];

/**
 * Forms an exploitation took, finer than its type and not always one of our categories: the
 * sectors of labour and the kinds of sexual exploitation CTDC records, and forms with no category
 * of their own (forced marriage, forced military service). Stored as a list on Exploitation.
 */
export const EXPLOITATION_FORMS = [
  'AGRICULTURE',
  'AQUAFARMING',
  'BEGGING',
  'CONSTRUCTION',
  'DOMESTIC_WORK',
  'HOSPITALITY',
  'ILLICIT_ACTIVITIES',
  'MANUFACTURING',
  'MINING_OR_DRILLING',
  'PEDDLING',
  'TRANSPORTATION',
  'OTHER_LABOUR',
  'PROSTITUTION',
  'PORNOGRAPHY',
  'REMOTE_INTERACTIVE_SERVICES',
  'PRIVATE_SEXUAL_SERVICES',
  'FORCED_MARRIAGE',
  'FORCED_MILITARY',
  'OTHER',
] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];
