import type { BusinessType, ControlMethodCode, ExploitationCategory, HandlePlatform, MoneyChannel, OffenceType, RecruitmentMethodCode, TransportMode } from '../../domain/vocabulary';

/**
 * The business models of the synthetic world's groups, read as a crime script (shared/DOMAIN.md):
 * recruitment, transport, control, exploitation and finance. Each stage shows in the graph: how
 * victims were recruited (USED_RECRUITMENT), the routes the group runs (OPERATES_ROUTE, HAS_STOP
 * with the mode of each leg), how they were controlled (USED_CONTROL), where they were exploited
 * (CONTROLS a Business, OCCURRED_AT, OF_TYPE) and where the money went (TRANSFERRED_TO between
 * accounts, some ISSUED_BY the origin country). The patterns follow published UK assessments
 * (NCA, Home Office typology 2017); every person, group and place in the world is made up.
 */

export const TYPOLOGY_CODES = [
  'RO_SEXUAL',
  'RO_LABOUR',
  'VN_CANNABIS',
  'VN_NAIL_BAR',
  'AL_SEXUAL',
  'AL_CANNABIS',
  'AL_LABOUR',
  'COUNTY_LINES',
  'UK_CSE',
  'DOMESTIC',
  'GENERIC_LABOUR',
  'GENERIC_SEXUAL',
  'GENERIC_CRIMINAL',
  'UNKNOWN',
] as const;
export type TypologyCode = (typeof TYPOLOGY_CODES)[number];

/** A route as its stops: [country (or HOME/COUNTY town for county lines), mode of the leg arriving there]. */
export type RouteTemplate = readonly (readonly [string, TransportMode | null])[];

export type Weighted<T> = readonly (readonly [T, number])[];

export interface Typology {
  code: TypologyCode;
  title: string;
  /** The group's nationality: a country code, or VICTIM (the victim's own, GB when unknown). */
  nationality: string;
  /** Median victims per group (the number is drawn with a long tail). */
  groupSize: number;
  /** Share of victims exploited by one person rather than a group. */
  loneShare: number;
  recruitment: Weighted<RecruitmentMethodCode>;
  controls: Weighted<ControlMethodCode>;
  offenceTypes: Weighted<OffenceType>;
  businesses: Weighted<BusinessType>;
  /** Victims live where they are exploited (grow houses, brothels). */
  liveOnSite: boolean;
  routes: readonly RouteTemplate[];
  /** Smuggling debt a victim owes, [min, max] in `currency`. */
  debt: readonly [number, number] | null;
  currency: string;
  money: Weighted<MoneyChannel>;
  /** Where earnings go: an IBAN country for accounts abroad, or null (cash, hawala). */
  remitCountry: string | null;
  /** Online platforms of recruiters and adverts. */
  platforms: readonly HandlePlatform[];
  /** Lead agency for operations against such groups, besides the local force. */
  nationalLead: string;
  description: string;
}

const RO_ROUTES: RouteTemplate[] = [
  [['RO', null], ['GB', 'FLIGHT']],
  [['RO', null], ['HU', 'COACH'], ['AT', 'COACH'], ['DE', 'COACH'], ['FR', 'COACH'], ['GB', 'FERRY']],
  [['RO', null], ['BE', 'COACH'], ['GB', 'COACH']],
];
const VN_ROUTES: RouteTemplate[] = [
  [['VN', null], ['RU', 'FLIGHT'], ['BY', 'LORRY'], ['PL', 'CAR'], ['DE', 'CAR'], ['FR', 'CAR'], ['GB', 'LORRY']],
  [['VN', null], ['CN', 'FLIGHT'], ['RU', 'TRAIN'], ['PL', 'LORRY'], ['DE', 'CAR'], ['BE', 'CAR'], ['GB', 'LORRY']],
  [['VN', null], ['RU', 'FLIGHT'], ['PL', 'CAR'], ['DE', 'CAR'], ['FR', 'CAR'], ['GB', 'SMALL_BOAT']],
];
const AL_ROUTES: RouteTemplate[] = [
  [['AL', null], ['IT', 'FERRY'], ['FR', 'CAR'], ['GB', 'SMALL_BOAT']],
  [['AL', null], ['BE', 'FLIGHT'], ['GB', 'LORRY']],
  [['AL', null], ['GR', 'CAR'], ['FR', 'FLIGHT'], ['GB', 'SMALL_BOAT']],
];
const COUNTY_ROUTES: RouteTemplate[] = [
  [['HOME', null], ['COUNTY', 'TRAIN']],
  [['HOME', null], ['COUNTY', 'CAR']],
];

export const TYPOLOGIES: Readonly<Record<TypologyCode, Typology>> = {
  RO_SEXUAL: {
    code: 'RO_SEXUAL',
    title: 'Romanian sexual exploitation',
    nationality: 'RO',
    groupSize: 6,
    loneShare: 0.1,
    recruitment: [['ROMANCE', 6], ['DECEPTIVE_JOB_OFFER', 2], ['ONLINE', 2]],
    controls: [['PSYCHOLOGICAL_ABUSE', 5], ['TAKES_EARNINGS', 6], ['THREATS', 4], ['FALSE_PROMISES', 4], ['VIOLENCE', 2], ['ISOLATION', 2]],
    offenceTypes: [['SEX_WORK_FIXED_LOCATION', 5], ['SEX_WORK_CHANGING_LOCATION', 5]],
    businesses: [['BROTHEL', 1]],
    liveOnSite: true,
    routes: RO_ROUTES,
    debt: [100, 600],
    currency: 'EUR',
    money: [['MONEY_SERVICE_BUSINESS', 6], ['BANK_TRANSFER', 3], ['PAYMENT_APP', 1]],
    remitCountry: 'RO',
    platforms: ['ADULTWORK', 'FACEBOOK', 'WHATSAPP'],
    nationalLead: 'NCA',
    description:
      'Recruitment: romance ("loverboy") and online contact in Romania. Transport: low-cost flights or coaches. Control: psychological abuse, threats, earnings taken. Exploitation: residential brothels and adult-services adverts, moving between towns. Finance: earnings sent to Romania through money service businesses and bank transfers.',
  },
  RO_LABOUR: {
    code: 'RO_LABOUR',
    title: 'Romanian labour exploitation',
    nationality: 'RO',
    groupSize: 10,
    loneShare: 0.05,
    recruitment: [['DECEPTIVE_JOB_OFFER', 7], ['FAMILY_OR_COMMUNITY', 2], ['ONLINE', 1]],
    controls: [['TAKES_EARNINGS', 6], ['RESTRICTS_FINANCIAL_ACCESS', 5], ['EXCESSIVE_HOURS', 5], ['DEBT_BONDAGE', 3], ['FALSE_PROMISES', 4], ['DOCUMENT_REMOVAL', 2]],
    offenceTypes: [['LABOUR_FOR_OFFENDERS', 5], ['LABOUR_FOR_OTHERS', 3], ['LABOUR_FOR_OFFENDERS_AND_OTHERS', 2]],
    businesses: [['CAR_WASH', 5], ['FARM', 3], ['FACTORY', 1], ['AGENCY', 1]],
    liveOnSite: false,
    routes: RO_ROUTES,
    debt: [100, 800],
    currency: 'EUR',
    money: [['BANK_TRANSFER', 5], ['MONEY_SERVICE_BUSINESS', 4], ['CASH', 1]],
    remitCountry: 'RO',
    platforms: ['FACEBOOK', 'WHATSAPP'],
    nationalLead: 'GLAA',
    description:
      'Recruitment: job offers in Romania for well-paid work. Transport: coaches or flights, fares advanced as debt. Control: wages paid into accounts the group controls, excessive hours, cramped housing. Exploitation: hand car washes, farms and packing plants, some through a labour agency. Finance: wages drained from victims\' accounts and sent to Romania.',
  },
  VN_CANNABIS: {
    code: 'VN_CANNABIS',
    title: 'Vietnamese cannabis cultivation',
    nationality: 'VN',
    groupSize: 5,
    loneShare: 0.02,
    recruitment: [['DEBT', 6], ['FAMILY_OR_COMMUNITY', 3], ['DECEPTIVE_JOB_OFFER', 1]],
    controls: [['DEBT_BONDAGE', 8], ['THREATS', 5], ['ISOLATION', 6], ['DOCUMENT_REMOVAL', 3], ['THREAT_OF_LAW_ENFORCEMENT', 3]],
    offenceTypes: [['ILLEGAL_ACTIVITIES', 1]],
    businesses: [['CANNABIS_GROW', 1]],
    liveOnSite: true,
    routes: VN_ROUTES,
    debt: [15000, 40000],
    currency: 'GBP',
    money: [['CASH_COURIER', 4], ['HAWALA', 3], ['PAYMENT_APP', 2], ['MONEY_SERVICE_BUSINESS', 1]],
    remitCountry: null,
    platforms: ['ZALO', 'FACEBOOK', 'TELEGRAM'],
    nationalLead: 'NCA',
    description:
      'Recruitment: smuggling for a debt of tens of thousands of pounds, often arranged through family or community. Transport: flights to Russia or China, overland through eastern and western Europe, then lorry or small boat across the Channel. Control: debt bondage, isolation, threats to family at home. Exploitation: gardening cannabis in rented houses. Finance: cash couriers and underground banking back to Viet Nam.',
  },
  VN_NAIL_BAR: {
    code: 'VN_NAIL_BAR',
    title: 'Vietnamese nail bars',
    nationality: 'VN',
    groupSize: 6,
    loneShare: 0.05,
    recruitment: [['DEBT', 5], ['FAMILY_OR_COMMUNITY', 4], ['DECEPTIVE_JOB_OFFER', 1]],
    controls: [['DEBT_BONDAGE', 7], ['EXCESSIVE_HOURS', 6], ['TAKES_EARNINGS', 5], ['ISOLATION', 3], ['THREAT_OF_LAW_ENFORCEMENT', 3]],
    offenceTypes: [['LABOUR_FOR_OFFENDERS', 1]],
    businesses: [['NAIL_BAR', 1]],
    liveOnSite: false,
    routes: VN_ROUTES,
    debt: [15000, 35000],
    currency: 'GBP',
    money: [['CASH_COURIER', 3], ['HAWALA', 3], ['BANK_TRANSFER', 2], ['PAYMENT_APP', 2]],
    remitCountry: null,
    platforms: ['ZALO', 'FACEBOOK'],
    nationalLead: 'NCA',
    description:
      'Recruitment: smuggling debt and community ties. Transport: overland through Russia or China and western Europe, then lorry or small boat. Control: debt bondage, long hours, wages withheld. Exploitation: nail bars run by the group, staff moved between shops. Finance: cash and underground banking to Viet Nam.',
  },
  AL_SEXUAL: {
    code: 'AL_SEXUAL',
    title: 'Albanian sexual exploitation',
    nationality: 'AL',
    groupSize: 5,
    loneShare: 0.1,
    recruitment: [['ROMANCE', 4], ['DEBT', 3], ['ONLINE', 2], ['DECEPTIVE_JOB_OFFER', 1]],
    controls: [['THREATS', 6], ['VIOLENCE', 4], ['DEBT_BONDAGE', 4], ['TAKES_EARNINGS', 5], ['ISOLATION', 3]],
    offenceTypes: [['SEX_WORK_FIXED_LOCATION', 6], ['SEX_WORK_CHANGING_LOCATION', 4]],
    businesses: [['BROTHEL', 1]],
    liveOnSite: true,
    routes: AL_ROUTES,
    debt: [5000, 15000],
    currency: 'GBP',
    money: [['CASH_COURIER', 5], ['CRYPTO', 2], ['BANK_TRANSFER', 3]],
    remitCountry: 'AL',
    platforms: ['INSTAGRAM', 'SNAPCHAT', 'ADULTWORK', 'WHATSAPP'],
    nationalLead: 'NCA',
    description:
      'Recruitment: romance, debt and online contact. Transport: ferries and flights to western Europe, then small boat or lorry. Control: threats, violence and a debt for the journey. Exploitation: pop-up brothels in rented flats. Finance: cash couriers, crypto and transfers to Albania.',
  },
  AL_CANNABIS: {
    code: 'AL_CANNABIS',
    title: 'Albanian cannabis cultivation',
    nationality: 'AL',
    groupSize: 6,
    loneShare: 0.03,
    recruitment: [['DEBT', 6], ['DECEPTIVE_JOB_OFFER', 2], ['ONLINE', 2]],
    controls: [['DEBT_BONDAGE', 7], ['THREATS', 6], ['VIOLENCE', 3], ['ISOLATION', 5]],
    offenceTypes: [['ILLEGAL_ACTIVITIES', 1]],
    businesses: [['CANNABIS_GROW', 1]],
    liveOnSite: true,
    routes: AL_ROUTES,
    debt: [10000, 20000],
    currency: 'GBP',
    money: [['CASH_COURIER', 6], ['CRYPTO', 2], ['BANK_TRANSFER', 2]],
    remitCountry: 'AL',
    platforms: ['TIKTOK', 'SNAPCHAT', 'TELEGRAM'],
    nationalLead: 'NCA',
    description:
      'Recruitment: smuggling on credit, advertised on social media. Transport: through Italy or Belgium and France, then small boat. Control: the smuggling debt, threats to family, violence. Exploitation: gardening cannabis in rented houses and industrial units. Finance: cash couriers and crypto to Albania.',
  },
  AL_LABOUR: {
    code: 'AL_LABOUR',
    title: 'Albanian labour exploitation',
    nationality: 'AL',
    groupSize: 7,
    loneShare: 0.05,
    recruitment: [['DEBT', 4], ['DECEPTIVE_JOB_OFFER', 4], ['FAMILY_OR_COMMUNITY', 2]],
    controls: [['DEBT_BONDAGE', 6], ['TAKES_EARNINGS', 5], ['EXCESSIVE_HOURS', 4], ['THREATS', 3]],
    offenceTypes: [['LABOUR_FOR_OFFENDERS', 5], ['LABOUR_FOR_OTHERS', 3]],
    businesses: [['CAR_WASH', 6], ['CONSTRUCTION', 4]],
    liveOnSite: false,
    routes: AL_ROUTES,
    debt: [8000, 18000],
    currency: 'GBP',
    money: [['CASH_COURIER', 5], ['BANK_TRANSFER', 3], ['CASH', 2]],
    remitCountry: 'AL',
    platforms: ['FACEBOOK', 'TIKTOK'],
    nationalLead: 'GLAA',
    description:
      'Recruitment: smuggling debt and job offers. Transport: western Europe, then small boat. Control: the debt, wages taken. Exploitation: car washes and building sites. Finance: cash couriers and transfers to Albania.',
  },
  COUNTY_LINES: {
    code: 'COUNTY_LINES',
    title: 'County lines',
    nationality: 'GB',
    groupSize: 6,
    loneShare: 0.05,
    recruitment: [['FRIEND', 5], ['ONLINE', 3], ['DEBT', 2]],
    controls: [['THREATS', 6], ['VIOLENCE', 5], ['DEBT_BONDAGE', 3], ['SUBSTANCES', 3], ['PSYCHOLOGICAL_ABUSE', 3]],
    offenceTypes: [['GANG_CRIMINALITY', 1]],
    businesses: [],
    liveOnSite: true,
    routes: COUNTY_ROUTES,
    debt: null,
    currency: 'GBP',
    money: [['CASH', 6], ['PAYMENT_APP', 3], ['BANK_TRANSFER', 1]],
    remitCountry: null,
    platforms: ['SNAPCHAT', 'INSTAGRAM', 'TELEGRAM'],
    nationalLead: 'NCA',
    description:
      'Recruitment: children and vulnerable adults befriended or groomed online, sometimes trapped by a staged debt. Transport: trains and cars from a city to county towns. Control: threats, violence, manufactured debt. Exploitation: selling drugs from a "deal line" phone the group controls, from cuckooed homes. Finance: cash and payment apps, runners\' accounts used to move money.',
  },
  UK_CSE: {
    code: 'UK_CSE',
    title: 'Child sexual exploitation',
    nationality: 'GB',
    groupSize: 4,
    loneShare: 0.4,
    recruitment: [['ROMANCE', 4], ['ONLINE', 4], ['FRIEND', 2]],
    controls: [['SEXUAL_ABUSE', 6], ['SUBSTANCES', 4], ['PSYCHOLOGICAL_ABUSE', 5], ['THREATS', 3], ['ISOLATION', 2]],
    offenceTypes: [['CSE_GROUP', 6], ['CSE_SINGLE', 4]],
    businesses: [['TAKEAWAY', 1]],
    liveOnSite: false,
    routes: [],
    debt: null,
    currency: 'GBP',
    money: [['CASH', 1]],
    remitCountry: null,
    platforms: ['SNAPCHAT', 'INSTAGRAM', 'TIKTOK'],
    nationalLead: 'NCA',
    description:
      'Recruitment: grooming in person or online, gifts, a "boyfriend". Control: sexual abuse, alcohol and drugs, threats. Exploitation: in cars, flats and around late-night venues, victims passed between men.',
  },
  DOMESTIC: {
    code: 'DOMESTIC',
    title: 'Domestic servitude',
    nationality: 'VICTIM',
    groupSize: 2,
    loneShare: 0.85,
    recruitment: [['FAMILY_OR_COMMUNITY', 6], ['DECEPTIVE_JOB_OFFER', 3], ['ROMANCE', 1]],
    controls: [['ISOLATION', 6], ['EXCESSIVE_HOURS', 5], ['WITHHOLDS_NECESSITIES', 3], ['DOCUMENT_REMOVAL', 4], ['THREAT_OF_LAW_ENFORCEMENT', 3], ['PSYCHOLOGICAL_ABUSE', 4]],
    offenceTypes: [['DOMESTIC_BY_RELATIVES', 4], ['DOMESTIC_BY_PARTNER', 3], ['DOMESTIC_UNRELATED', 3]],
    businesses: [],
    liveOnSite: true,
    routes: [],
    debt: null,
    currency: 'GBP',
    money: [['BANK_TRANSFER', 1]],
    remitCountry: null,
    platforms: ['WHATSAPP'],
    nationalLead: 'HOIE',
    description: 'Recruitment: through family, a marriage or a job as a maid. Control: isolation, documents held, threats of deportation. Exploitation: unpaid housework and care in a private home.',
  },
  GENERIC_LABOUR: {
    code: 'GENERIC_LABOUR',
    title: 'Labour exploitation',
    nationality: 'VICTIM',
    groupSize: 6,
    loneShare: 0.2,
    recruitment: [['DECEPTIVE_JOB_OFFER', 6], ['FRIEND', 2], ['FAMILY_OR_COMMUNITY', 1], ['UNKNOWN', 1]],
    controls: [['TAKES_EARNINGS', 5], ['EXCESSIVE_HOURS', 5], ['DEBT_BONDAGE', 4], ['DOCUMENT_REMOVAL', 3], ['THREAT_OF_LAW_ENFORCEMENT', 3], ['FALSE_PROMISES', 3]],
    offenceTypes: [['LABOUR_FOR_OTHERS', 4], ['LABOUR_FOR_OFFENDERS', 3], ['LABOUR_FOR_OFFENDERS_AND_OTHERS', 3]],
    businesses: [['FACTORY', 3], ['FARM', 3], ['CONSTRUCTION', 2], ['HOSPITALITY', 2], ['TAKEAWAY', 2], ['AGENCY', 2], ['CAR_WASH', 1]],
    liveOnSite: false,
    routes: [[['ORIGIN', null], ['GB', 'FLIGHT']]],
    debt: [500, 5000],
    currency: 'GBP',
    money: [['BANK_TRANSFER', 5], ['MONEY_SERVICE_BUSINESS', 3], ['CASH', 2]],
    remitCountry: null,
    platforms: ['FACEBOOK', 'WHATSAPP'],
    nationalLead: 'GLAA',
    description: 'Recruitment: job offers abroad or on arrival, visa sponsorship. Transport: flights on work or study visas. Control: fees and debts, wages withheld, documents held. Exploitation: factories, farms, care, hospitality and building sites.',
  },
  GENERIC_SEXUAL: {
    code: 'GENERIC_SEXUAL',
    title: 'Sexual exploitation',
    nationality: 'VICTIM',
    groupSize: 4,
    loneShare: 0.3,
    recruitment: [['ROMANCE', 4], ['DECEPTIVE_JOB_OFFER', 3], ['ONLINE', 3]],
    controls: [['TAKES_EARNINGS', 5], ['THREATS', 4], ['PSYCHOLOGICAL_ABUSE', 4], ['VIOLENCE', 3], ['SUBSTANCES', 2]],
    offenceTypes: [['SEX_WORK_FIXED_LOCATION', 4], ['SEX_WORK_CHANGING_LOCATION', 4], ['SEXUAL_GRATIFICATION', 2]],
    businesses: [['BROTHEL', 3], ['HOSPITALITY', 1]],
    liveOnSite: true,
    routes: [[['ORIGIN', null], ['GB', 'FLIGHT']]],
    debt: [1000, 10000],
    currency: 'GBP',
    money: [['CASH', 4], ['BANK_TRANSFER', 3], ['MONEY_SERVICE_BUSINESS', 3]],
    remitCountry: null,
    platforms: ['ADULTWORK', 'INSTAGRAM', 'WHATSAPP'],
    nationalLead: 'NCA',
    description: 'Recruitment: false job offers and relationships. Transport: flights. Control: earnings taken, threats. Exploitation: brothels and escort work.',
  },
  GENERIC_CRIMINAL: {
    code: 'GENERIC_CRIMINAL',
    title: 'Criminal exploitation',
    nationality: 'VICTIM',
    groupSize: 5,
    loneShare: 0.25,
    recruitment: [['FRIEND', 4], ['DEBT', 3], ['DECEPTIVE_JOB_OFFER', 2], ['UNKNOWN', 1]],
    controls: [['THREATS', 5], ['DEBT_BONDAGE', 4], ['VIOLENCE', 3], ['SUBSTANCES', 2], ['TAKES_EARNINGS', 3]],
    offenceTypes: [['ACQUISITIVE_CRIME', 3], ['BEGGING', 2], ['FINANCIAL_FRAUD', 2], ['ILLEGAL_ACTIVITIES', 3]],
    businesses: [],
    liveOnSite: false,
    routes: [[['ORIGIN', null], ['GB', 'FLIGHT']]],
    debt: [1000, 8000],
    currency: 'GBP',
    money: [['CASH', 5], ['BANK_TRANSFER', 3], ['PAYMENT_APP', 2]],
    remitCountry: null,
    platforms: ['TELEGRAM', 'WHATSAPP'],
    nationalLead: 'NCA',
    description: 'Recruitment: friends and debts. Control: threats and debts. Exploitation: shoplifting, begging, benefit fraud and drug cultivation.',
  },
  UNKNOWN: {
    code: 'UNKNOWN',
    title: 'Exploitation of an unknown kind',
    nationality: 'VICTIM',
    groupSize: 3,
    loneShare: 0.8,
    recruitment: [['UNKNOWN', 1]],
    controls: [['OTHER', 1]],
    offenceTypes: [],
    businesses: [],
    liveOnSite: false,
    routes: [],
    debt: null,
    currency: 'GBP',
    money: [['CASH', 1]],
    remitCountry: null,
    platforms: ['WHATSAPP'],
    nationalLead: 'NCA',
    description: 'Referred without the kind of exploitation recorded.',
  },
};

/** Which typology a victim's exploitation falls under, from their nationality and categories. */
export function typologyFor(nationality: string | null, categories: readonly ExploitationCategory[]): TypologyCode {
  const has = (c: ExploitationCategory) => categories.includes(c);
  const primary: ExploitationCategory = has('SEXUAL') ? 'SEXUAL' : has('CRIMINAL') ? 'CRIMINAL' : has('DOMESTIC_SERVITUDE') ? 'DOMESTIC_SERVITUDE' : has('LABOUR') ? 'LABOUR' : has('ORGAN_HARVESTING') ? 'ORGAN_HARVESTING' : 'UNKNOWN';
  if (primary === 'UNKNOWN' || primary === 'ORGAN_HARVESTING') return 'UNKNOWN';
  if (primary === 'DOMESTIC_SERVITUDE') return 'DOMESTIC';
  switch (nationality) {
    case 'GB':
      return primary === 'CRIMINAL' ? 'COUNTY_LINES' : primary === 'SEXUAL' ? 'UK_CSE' : 'GENERIC_LABOUR';
    case 'RO':
      return primary === 'SEXUAL' ? 'RO_SEXUAL' : primary === 'LABOUR' ? 'RO_LABOUR' : 'GENERIC_CRIMINAL';
    case 'VN':
      return primary === 'CRIMINAL' ? 'VN_CANNABIS' : primary === 'LABOUR' ? 'VN_NAIL_BAR' : 'GENERIC_SEXUAL';
    case 'AL':
      return primary === 'SEXUAL' ? 'AL_SEXUAL' : primary === 'CRIMINAL' ? 'AL_CANNABIS' : 'AL_LABOUR';
    default:
      return primary === 'SEXUAL' ? 'GENERIC_SEXUAL' : primary === 'CRIMINAL' ? 'GENERIC_CRIMINAL' : 'GENERIC_LABOUR';
  }
}

/** Smuggling routes by the region a group comes from (for the generic typologies). */
export function genericRoutes(origin: string): RouteTemplate[] {
  const horn = ['SD', 'ER', 'ET', 'SO', 'SS', 'TD'];
  const westAsia = ['IR', 'IQ', 'SY', 'AF', 'KW', 'PK'];
  if (horn.includes(origin)) {
    return [
      [[origin, null], ['LY', 'CAR'], ['IT', 'SMALL_BOAT'], ['FR', 'TRAIN'], ['GB', 'SMALL_BOAT']],
      [[origin, null], ['LY', 'CAR'], ['IT', 'SMALL_BOAT'], ['FR', 'TRAIN'], ['GB', 'LORRY']],
    ];
  }
  if (westAsia.includes(origin)) {
    return [
      [[origin, null], ['TR', 'ON_FOOT'], ['GR', 'SMALL_BOAT'], ['IT', 'LORRY'], ['FR', 'TRAIN'], ['GB', 'SMALL_BOAT']],
      [[origin, null], ['TR', 'CAR'], ['BG', 'ON_FOOT'], ['RS', 'CAR'], ['HU', 'CAR'], ['AT', 'CAR'], ['DE', 'TRAIN'], ['FR', 'CAR'], ['GB', 'SMALL_BOAT']],
    ];
  }
  return [[[origin, null], ['GB', 'FLIGHT']]];
}
