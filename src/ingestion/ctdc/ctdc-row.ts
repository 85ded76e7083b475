import type { AgeGroup, Gender } from '../../domain/person';
import type { ControlMethodCode, ExploitationForm, ExploitationTypeCode, RecruitmentMethodCode } from '../../domain/vocabulary';
import { mapCtdcCountry } from '../reference/nationalities';

/**
 * One row of the CTDC k-anonymised global victim dataset (shared/data/ctdc/README.md), read into
 * our vocabularies. An empty cell is CTDC's "not recorded" and stays missing: no property, no
 * link, never a guessed value. `0` is "recorded as no" and `1` "recorded as yes"; only a yes makes
 * a link. Any other value is refused, naming the column.
 */

export const CTDC_COLUMNS = [
  'yearOfRegistration', 'Datasource', 'gender', 'ageBroad', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry', 'citizenship',
  'meansOfControlDebtBondage', 'meansOfControlTakesEarnings', 'meansOfControlRestrictsFinancialAccess', 'meansOfControlThreats',
  'meansOfControlPsychologicalAbuse', 'meansOfControlPhysicalAbuse', 'meansOfControlSexualAbuse', 'meansOfControlFalsePromises',
  'meansOfControlPsychoactiveSubstances', 'meansOfControlRestrictsMovement', 'meansOfControlRestrictsMedicalCare',
  'meansOfControlExcessiveWorkingHours', 'meansOfControlUsesChildren', 'meansOfControlThreatOfLawEnforcement',
  'meansOfControlWithholdsNecessities', 'meansOfControlWithholdsDocuments', 'meansOfControlOther', 'meansOfControlNotSpecified',
  'isForcedLabour', 'isSexualExploit', 'isOtherExploit', 'isSexAndLabour', 'isForcedMarriage', 'isForcedMilitary', 'isOrganRemoval',
  'typeOfLabourAgriculture', 'typeOfLabourAquafarming', 'typeOfLabourBegging', 'typeOfLabourConstruction', 'typeOfLabourDomesticWork',
  'typeOfLabourHospitality', 'typeOfLabourIllicitActivities', 'typeOfLabourManufacturing', 'typeOfLabourMiningOrDrilling',
  'typeOfLabourPeddling', 'typeOfLabourTransportation', 'typeOfLabourOther', 'typeOfLabourNotSpecified', 'typeOfSexProstitution',
  'typeOfSexPornography', 'typeOfSexRemoteInteractiveServices', 'typeOfSexPrivateSexualServices', 'isAbduction',
  'RecruiterRelationship', 'CountryOfExploitation', 'recruiterRelationIntimatePartner', 'recruiterRelationFriend',
  'recruiterRelationFamily', 'recruiterRelationOther', 'recruiterRelationUnknown',
] as const;
export type CtdcColumn = (typeof CTDC_COLUMNS)[number];
export type CtdcRecord = Record<CtdcColumn, string>;

/** CTDC's means-of-control flags and our control methods (the vocabulary follows CTDC's list). */
export const CTDC_CONTROL: readonly (readonly [CtdcColumn, ControlMethodCode])[] = [
  ['meansOfControlDebtBondage', 'DEBT_BONDAGE'],
  ['meansOfControlTakesEarnings', 'TAKES_EARNINGS'],
  ['meansOfControlRestrictsFinancialAccess', 'RESTRICTS_FINANCIAL_ACCESS'],
  ['meansOfControlThreats', 'THREATS'],
  ['meansOfControlPsychologicalAbuse', 'PSYCHOLOGICAL_ABUSE'],
  ['meansOfControlPhysicalAbuse', 'VIOLENCE'],
  ['meansOfControlSexualAbuse', 'SEXUAL_ABUSE'],
  ['meansOfControlFalsePromises', 'FALSE_PROMISES'],
  ['meansOfControlPsychoactiveSubstances', 'SUBSTANCES'],
  ['meansOfControlRestrictsMovement', 'ISOLATION'],
  ['meansOfControlRestrictsMedicalCare', 'RESTRICTS_MEDICAL_CARE'],
  ['meansOfControlExcessiveWorkingHours', 'EXCESSIVE_HOURS'],
  ['meansOfControlUsesChildren', 'USES_CHILDREN'],
  ['meansOfControlThreatOfLawEnforcement', 'THREAT_OF_LAW_ENFORCEMENT'],
  ['meansOfControlWithholdsNecessities', 'WITHHOLDS_NECESSITIES'],
  ['meansOfControlWithholdsDocuments', 'DOCUMENT_REMOVAL'],
  ['meansOfControlOther', 'OTHER'],
];

/**
 * Exploitation flags and the types they name. CTDC's forced labour and sexual exploitation are
 * our LABOUR and SEXUAL categories; domestic work, begging and illicit activities are the
 * statistics' DOMESTIC_SERVITUDE category and the typology's BEGGING and ILLEGAL_ACTIVITIES.
 * Forced marriage, forced military service and "other" have no type of ours: they are kept as
 * forms only.
 */
export const CTDC_TYPES: readonly (readonly [CtdcColumn, readonly ExploitationTypeCode[]])[] = [
  ['isForcedLabour', ['LABOUR']],
  ['isSexualExploit', ['SEXUAL']],
  ['isSexAndLabour', ['LABOUR', 'SEXUAL']],
  ['isOrganRemoval', ['ORGAN_HARVESTING']],
  ['typeOfLabourDomesticWork', ['DOMESTIC_SERVITUDE']],
  ['typeOfLabourBegging', ['BEGGING']],
  ['typeOfLabourIllicitActivities', ['ILLEGAL_ACTIVITIES']],
];

export const CTDC_FORMS: readonly (readonly [CtdcColumn, ExploitationForm])[] = [
  ['typeOfLabourAgriculture', 'AGRICULTURE'],
  ['typeOfLabourAquafarming', 'AQUAFARMING'],
  ['typeOfLabourBegging', 'BEGGING'],
  ['typeOfLabourConstruction', 'CONSTRUCTION'],
  ['typeOfLabourDomesticWork', 'DOMESTIC_WORK'],
  ['typeOfLabourHospitality', 'HOSPITALITY'],
  ['typeOfLabourIllicitActivities', 'ILLICIT_ACTIVITIES'],
  ['typeOfLabourManufacturing', 'MANUFACTURING'],
  ['typeOfLabourMiningOrDrilling', 'MINING_OR_DRILLING'],
  ['typeOfLabourPeddling', 'PEDDLING'],
  ['typeOfLabourTransportation', 'TRANSPORTATION'],
  ['typeOfLabourOther', 'OTHER_LABOUR'],
  ['typeOfSexProstitution', 'PROSTITUTION'],
  ['typeOfSexPornography', 'PORNOGRAPHY'],
  ['typeOfSexRemoteInteractiveServices', 'REMOTE_INTERACTIVE_SERVICES'],
  ['typeOfSexPrivateSexualServices', 'PRIVATE_SEXUAL_SERVICES'],
  ['isForcedMarriage', 'FORCED_MARRIAGE'],
  ['isForcedMilitary', 'FORCED_MILITARY'],
  ['isOtherExploit', 'OTHER'],
];

/** Recruiter relation flags; an abduction is its own way of recruiting. */
export const CTDC_RECRUITMENT: readonly (readonly [CtdcColumn, RecruitmentMethodCode])[] = [
  ['recruiterRelationIntimatePartner', 'ROMANCE'],
  ['recruiterRelationFriend', 'FRIEND'],
  ['recruiterRelationFamily', 'FAMILY_OR_COMMUNITY'],
  ['recruiterRelationOther', 'OTHER'],
  ['recruiterRelationUnknown', 'UNKNOWN'],
  ['isAbduction', 'ABDUCTION'],
];

const GENDERS: Record<string, Gender> = { Female: 'FEMALE', Male: 'MALE', Unknown: 'UNKNOWN' };
const MAJORITY: Record<string, AgeGroup> = { Adult: 'ADULT', Minor: 'CHILD', Unknown: 'UNKNOWN' };
const DATA_SOURCES = ['Case Management', 'Hotline'];
const AGE_BAND = /^(\d+)--(\d+)$|^(\d+)\+$/;

export interface CtdcVictim {
  year: number | null;
  dataSource: string | null;
  gender: Gender | null;
  /** CTDC's age band at registration (`18-20`, `48+`, `UNKNOWN`). */
  ageBand: string | null;
  /** Age at exploitation (CTDC's majorityStatusAtExploit): adult, child or unknown. */
  ageGroup: AgeGroup | null;
  /** ISO code of citizenship; null when missing or unknown. */
  citizenship: string | null;
  exploitationCountry: string | null;
  types: ExploitationTypeCode[];
  forms: ExploitationForm[];
  controls: ControlMethodCode[];
  recruitment: RecruitmentMethodCode[];
}

class CellError extends Error {}

function flag(r: CtdcRecord, c: CtdcColumn): boolean | null {
  const v = r[c].trim();
  if (v === '') return null;
  if (v === '1') return true;
  if (v === '0') return false;
  throw new CellError(`${c}: must be 0, 1 or empty, got ${JSON.stringify(v)}`);
}

function oneOf<T>(r: CtdcRecord, c: CtdcColumn, map: Record<string, T>): T | null {
  const v = r[c].trim();
  if (v === '') return null;
  const m = map[v];
  if (m === undefined) throw new CellError(`${c}: must be one of ${Object.keys(map).join(', ')} or empty, got ${JSON.stringify(v)}`);
  return m;
}

function country(r: CtdcRecord, c: CtdcColumn): string | null {
  const m = mapCtdcCountry(r[c]);
  if (!m) throw new CellError(`${c}: must be an ISO 3166-1 alpha-2 code, Missing, Unknown or empty, got ${JSON.stringify(r[c])}`);
  return m.codes[0] ?? null;
}

function ageBand(v: string): string | null {
  const t = v.trim();
  if (t === '') return null;
  if (t === 'Unknown') return 'UNKNOWN';
  const m = AGE_BAND.exec(t);
  if (!m) throw new CellError(`ageBroad: must be a band such as 18--20 or 48+, Unknown or empty, got ${JSON.stringify(t)}`);
  return m[3] ? `${m[3]}+` : `${m[1]}-${m[2]}`;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Reads one row; throws an Error whose message names the column at fault. */
export function mapCtdcRow(r: CtdcRecord): CtdcVictim {
  const yearText = r.yearOfRegistration.trim();
  if (yearText !== '' && !/^(19|20)\d\d$/.test(yearText)) throw new CellError(`yearOfRegistration: must be a year, got ${JSON.stringify(yearText)}`);
  const ds = r.Datasource.trim();
  if (ds !== '' && !DATA_SOURCES.includes(ds)) throw new CellError(`Datasource: must be ${DATA_SOURCES.join(' or ')}, got ${JSON.stringify(ds)}`);
  const yes = (c: CtdcColumn) => flag(r, c) === true;
  // Every flag is read (and checked), whether or not it maps to anything.
  for (const c of CTDC_COLUMNS) if (/^(meansOf|is|typeOf|recruiterRelation)/.test(c)) flag(r, c);
  return {
    year: yearText === '' ? null : Number(yearText),
    dataSource: ds === '' ? null : ds,
    gender: oneOf(r, 'gender', GENDERS),
    ageBand: ageBand(r.ageBroad),
    ageGroup: oneOf(r, 'majorityStatusAtExploit', MAJORITY),
    citizenship: country(r, 'citizenship'),
    exploitationCountry: country(r, 'CountryOfExploitation'),
    types: unique(CTDC_TYPES.filter(([c]) => yes(c)).flatMap(([, t]) => t)),
    forms: CTDC_FORMS.filter(([c]) => yes(c)).map(([, f]) => f),
    controls: CTDC_CONTROL.filter(([c]) => yes(c)).map(([, m]) => m),
    recruitment: CTDC_RECRUITMENT.filter(([c]) => yes(c)).map(([, m]) => m),
  };
}
