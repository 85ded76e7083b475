import { NRM_NATIONALITY_STATUSES } from '../../domain/nrm-statistic';

/**
 * Nationality values of the source data, mapped to ISO 3166-1 alpha-2 codes (the Country nodes
 * of migration 0003; Kosovo is XK, as the NRM statistics use it).
 *
 * NRM statistics write a nationality as an adjective ("Albanian", "UK", "Citizen of the Dominican
 * Republic"), a dual nationality as two of them in a row ("Albanian Greek", "Sudanese South
 * Sudanese"), and "Unknown" for a part not known ("Afghan Unknown"), with small inconsistencies
 * between quarters ("Congolese (Drc)", "Congolese Drc ", "UKrainian", "Citizen of Guinea Bissau").
 * CTDC writes ISO alpha-2 codes, with "Missing" and "Unknown" (shared/data/ctdc/README.md).
 */

/**
 * KNOWN: every part maps to a country. PARTLY_UNKNOWN: some part does, another is unknown or
 * stateless. UNKNOWN / STATELESS: no country. TOTAL: the statistics' all-nationalities row.
 */
export const NATIONALITY_STATUSES = [...NRM_NATIONALITY_STATUSES, 'TOTAL'] as const;
export type NationalityStatus = (typeof NATIONALITY_STATUSES)[number];

export interface NationalityMapping {
  /** ISO alpha-2 codes in the order the source lists them; empty for UNKNOWN, STATELESS, TOTAL. */
  codes: string[];
  status: NationalityStatus;
}

/** The adjectives and "Citizen of ..." phrases of the NRM statistics (and a few synonyms). */
const NRM_ADJECTIVES: Readonly<Record<string, string>> = {
  Afghan: 'AF',
  Albanian: 'AL',
  Algerian: 'DZ',
  American: 'US',
  Andorran: 'AD',
  Angolan: 'AO',
  Anguillan: 'AI',
  Argentine: 'AR',
  Armenian: 'AM',
  Australian: 'AU',
  Austrian: 'AT',
  Bahraini: 'BH',
  Bangladeshi: 'BD',
  Barbadian: 'BB',
  Belarusian: 'BY',
  Belgian: 'BE',
  Belizean: 'BZ',
  Beninese: 'BJ',
  Bermudian: 'BM',
  Bolivian: 'BO',
  Botswanan: 'BW',
  Brazilian: 'BR',
  British: 'GB',
  'British Virgin Islander': 'VG',
  Bruneian: 'BN',
  Bulgarian: 'BG',
  Burkinan: 'BF',
  Burmese: 'MM',
  Burundian: 'BI',
  Cambodian: 'KH',
  Cameroonian: 'CM',
  Canadian: 'CA',
  'Cape Verdean': 'CV',
  'Cayman Islander': 'KY',
  'Central African': 'CF',
  Chadian: 'TD',
  Chilean: 'CL',
  Chinese: 'CN',
  'Citizen of Antigua and Barbuda': 'AG',
  'Citizen of Bosnia and Herzegovina': 'BA',
  'Citizen of Guinea-Bissau': 'GW',
  'Citizen of Seychelles': 'SC',
  'Citizen of the Dominican Republic': 'DO',
  Colombian: 'CO',
  Comoran: 'KM',
  'Congolese (Congo)': 'CG',
  'Congolese (DRC)': 'CD',
  'Costa Rican': 'CR',
  Croatian: 'HR',
  Cuban: 'CU',
  Cypriot: 'CY',
  Czech: 'CZ',
  Danish: 'DK',
  Dominican: 'DM',
  Dutch: 'NL',
  'East Timorese': 'TL',
  Ecuadorean: 'EC',
  Egyptian: 'EG',
  Emirati: 'AE',
  'Equatorial Guinean': 'GQ',
  Eritrean: 'ER',
  Estonian: 'EE',
  Ethiopian: 'ET',
  Fijian: 'FJ',
  Filipino: 'PH',
  Finnish: 'FI',
  French: 'FR',
  Gambian: 'GM',
  Georgian: 'GE',
  German: 'DE',
  Ghanaian: 'GH',
  Greek: 'GR',
  Grenadian: 'GD',
  Guatemalan: 'GT',
  Guinean: 'GN',
  Guyanese: 'GY',
  Haitian: 'HT',
  Honduran: 'HN',
  'Hong Konger': 'HK',
  Hungarian: 'HU',
  Indian: 'IN',
  Indonesian: 'ID',
  Iranian: 'IR',
  Iraqi: 'IQ',
  Irish: 'IE',
  Israeli: 'IL',
  Italian: 'IT',
  Ivorian: 'CI',
  Jamaican: 'JM',
  Japanese: 'JP',
  Jordanian: 'JO',
  Kazakh: 'KZ',
  Kenyan: 'KE',
  Kittitian: 'KN',
  Kosovan: 'XK',
  Kuwaiti: 'KW',
  Kyrgyz: 'KG',
  Lao: 'LA',
  Latvian: 'LV',
  Lebanese: 'LB',
  Liberian: 'LR',
  Libyan: 'LY',
  Lithuanian: 'LT',
  Macedonian: 'MK',
  Malawian: 'MW',
  Malaysian: 'MY',
  Malian: 'ML',
  Mauritanian: 'MR',
  Mauritian: 'MU',
  Mexican: 'MX',
  Moldovan: 'MD',
  Mongolian: 'MN',
  Montenegrin: 'ME',
  Montserratian: 'MS',
  Moroccan: 'MA',
  Mozambican: 'MZ',
  Namibian: 'NA',
  Nepalese: 'NP',
  'New Zealander': 'NZ',
  Nicaraguan: 'NI',
  Nigerian: 'NG',
  Nigerien: 'NE',
  Norwegian: 'NO',
  Pakistani: 'PK',
  Palestinian: 'PS',
  Panamanian: 'PA',
  'Papua New Guinean': 'PG',
  Peruvian: 'PE',
  Polish: 'PL',
  Portuguese: 'PT',
  Qatari: 'QA',
  Romanian: 'RO',
  Russian: 'RU',
  Rwandan: 'RW',
  Salvadorean: 'SV',
  'Saudi Arabian': 'SA',
  Senegalese: 'SN',
  Serbian: 'RS',
  'Sierra Leonean': 'SL',
  Singaporean: 'SG',
  Slovak: 'SK',
  Slovenian: 'SI',
  Somali: 'SO',
  'South African': 'ZA',
  'South Korean': 'KR',
  'South Sudanese': 'SS',
  Spanish: 'ES',
  'Sri Lankan': 'LK',
  'St Lucian': 'LC',
  Sudanese: 'SD',
  Swazi: 'SZ',
  Swedish: 'SE',
  Swiss: 'CH',
  Syrian: 'SY',
  Taiwanese: 'TW',
  Tajik: 'TJ',
  Tanzanian: 'TZ',
  Thai: 'TH',
  Togolese: 'TG',
  Trinidadian: 'TT',
  Tunisian: 'TN',
  Turkish: 'TR',
  Turkmen: 'TM',
  UK: 'GB',
  Ugandan: 'UG',
  Ukrainian: 'UA',
  Uzbek: 'UZ',
  Venezuelan: 'VE',
  Vietnamese: 'VN',
  Vincentian: 'VC',
  Yemeni: 'YE',
  Zambian: 'ZM',
  Zimbabwean: 'ZW',
};

/** Words that stand for no country, and what they mean. */
const NRM_NON_COUNTRY: Readonly<Record<string, 'UNKNOWN' | 'STATELESS'>> = {
  Unknown: 'UNKNOWN',
  'Not specified or unknown': 'UNKNOWN',
  'Not known': 'UNKNOWN',
  'Not specified': 'UNKNOWN',
  Stateless: 'STATELESS',
};

const NRM_TOTAL = 'Total';

/**
 * Case, parentheses, hyphens and spacing do not tell NRM nationality words apart:
 * "Congolese (Drc)", "Congolese Drc " and "Congolese (DRC)" are one value.
 */
function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[()]/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Part = { code: string } | { none: 'UNKNOWN' | 'STATELESS' };

const PHRASES: ReadonlyMap<string, Part> = new Map<string, Part>([
  ...Object.entries(NRM_ADJECTIVES).map(([k, code]) => [normalise(k), { code }] as const),
  ...Object.entries(NRM_NON_COUNTRY).map(([k, none]) => [normalise(k), { none }] as const),
]);
const LONGEST_PHRASE = Math.max(...[...PHRASES.keys()].map((k) => k.split(' ').length));

/**
 * Splits a normalised value into known phrases, longest first at each position ("south sudanese
 * sudanese" -> "south sudanese" + "sudanese"). Undefined when some word is left over.
 */
function splitPhrases(words: string[]): Part[] | undefined {
  const parts: Part[] = [];
  let i = 0;
  while (i < words.length) {
    let found: Part | undefined;
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n >= 1 && !found; n--) {
      found = PHRASES.get(words.slice(i, i + n).join(' '));
      if (found) i += n;
    }
    if (!found) return undefined;
    parts.push(found);
  }
  return parts;
}

/**
 * The countries an NRM `Nationality` value names, or undefined when it is not one we know (an
 * importer must then stop and name the value: a silent fallback would skew the statistics).
 */
export function mapNrmNationality(value: string): NationalityMapping | undefined {
  const key = normalise(value);
  if (key === normalise(NRM_TOTAL)) return { codes: [], status: 'TOTAL' };
  if (key === '') return undefined;
  const parts = splitPhrases(key.split(' '));
  if (!parts) return undefined;
  const codes = [...new Set(parts.flatMap((p) => ('code' in p ? [p.code] : [])))];
  const nones = parts.flatMap((p) => ('none' in p ? [p.none] : []));
  if (codes.length === 0) return { codes, status: nones.includes('STATELESS') ? 'STATELESS' : 'UNKNOWN' };
  return { codes, status: nones.length > 0 ? 'PARTLY_UNKNOWN' : 'KNOWN' };
}

/** CTDC's words for a country not recorded (`Missing` was CTDC's -99) or not known (`Unknown` was ZZ). */
const CTDC_NOT_KNOWN = new Set(['', 'MISSING', 'UNKNOWN', 'ZZ', '-99']);

/**
 * A CTDC `citizenship` or `CountryOfExploitation` value: an ISO alpha-2 code, or no country
 * (UNKNOWN) for Missing / Unknown / empty. Undefined for anything else.
 */
export function mapCtdcCountry(value: string): NationalityMapping | undefined {
  const v = value.trim().toUpperCase();
  if (CTDC_NOT_KNOWN.has(v)) return { codes: [], status: 'UNKNOWN' };
  // Raw CTDC releases have Y1 where the copy in shared/data has LT (its README: the cleaning that
  // produced it turned Y1 into LT); read a raw release the same way.
  if (v === 'Y1') return { codes: ['LT'], status: 'KNOWN' };
  if (/^[A-Z]{2}$/.test(v)) return { codes: [v], status: 'KNOWN' };
  return undefined;
}

/** Every ISO code the NRM mapping can produce (tests check each is a Country of migration 0003). */
export const NRM_NATIONALITY_CODES: readonly string[] = [...new Set(Object.values(NRM_ADJECTIVES))].sort();
