import type { Nation, RegionCode } from './regions';

/**
 * The 46 UK police forces that refer potential victims into the NRM: the 43 territorial forces of
 * England and Wales, British Transport Police, Police Scotland and the Police Service of Northern
 * Ireland. `name` is exactly the `First responder` value of the NRM police statistics
 * (shared/data/nrm/nrm_referrals_police_force_2022Q2_2023Q4.csv); `code` is our short stable key
 * (uppercase letters; never reused); `region` is the policing region, i.e. the ROCU area
 * (./regions.ts), which for Kent and North Wales differs from the geographic one.
 * Loaded as PoliceForce nodes, each with an Agency of the same code, by migration 0007.
 */
export interface PoliceForce {
  code: string;
  name: string;
  /** Other names in use: older names, "Police" for "Constabulary", "and" for "&". */
  aliases: readonly string[];
  region: RegionCode;
  /** The nation the force area lies in; null for British Transport Police (England, Wales and Scotland). */
  nation: Nation | null;
}

export const POLICE_FORCES = [
  // North East (NERSOU)
  { code: 'CLEV', name: 'Cleveland Police', aliases: [], region: 'NORTH_EAST', nation: 'ENGLAND' },
  { code: 'DURHAM', name: 'Durham Constabulary', aliases: ['Durham Police'], region: 'NORTH_EAST', nation: 'ENGLAND' },
  { code: 'NORTHUMB', name: 'Northumbria Police', aliases: [], region: 'NORTH_EAST', nation: 'ENGLAND' },
  // North West (NWROCU), with North Wales
  { code: 'CHES', name: 'Cheshire Constabulary', aliases: ['Cheshire Police'], region: 'NORTH_WEST', nation: 'ENGLAND' },
  { code: 'CUMB', name: 'Cumbria Constabulary', aliases: ['Cumbria Police'], region: 'NORTH_WEST', nation: 'ENGLAND' },
  { code: 'GMP', name: 'Greater Manchester Police', aliases: [], region: 'NORTH_WEST', nation: 'ENGLAND' },
  { code: 'LANCS', name: 'Lancashire Constabulary', aliases: ['Lancashire Police'], region: 'NORTH_WEST', nation: 'ENGLAND' },
  { code: 'MERSEY', name: 'Merseyside Police', aliases: [], region: 'NORTH_WEST', nation: 'ENGLAND' },
  { code: 'NWP', name: 'North Wales Police', aliases: ['Heddlu Gogledd Cymru'], region: 'NORTH_WEST', nation: 'WALES' },
  // Yorkshire and the Humber (YHROCU)
  { code: 'HUMBS', name: 'Humberside Police', aliases: [], region: 'YORKSHIRE_HUMBER', nation: 'ENGLAND' },
  { code: 'NYP', name: 'North Yorkshire Police', aliases: [], region: 'YORKSHIRE_HUMBER', nation: 'ENGLAND' },
  { code: 'SYP', name: 'South Yorkshire Police', aliases: [], region: 'YORKSHIRE_HUMBER', nation: 'ENGLAND' },
  { code: 'WYP', name: 'West Yorkshire Police', aliases: [], region: 'YORKSHIRE_HUMBER', nation: 'ENGLAND' },
  // East Midlands (EMSOU)
  { code: 'DERBYS', name: 'Derbyshire Constabulary', aliases: ['Derbyshire Police'], region: 'EAST_MIDLANDS', nation: 'ENGLAND' },
  { code: 'LEICS', name: 'Leicestershire Police', aliases: [], region: 'EAST_MIDLANDS', nation: 'ENGLAND' },
  { code: 'LINCS', name: 'Lincolnshire Police', aliases: [], region: 'EAST_MIDLANDS', nation: 'ENGLAND' },
  { code: 'NORTHANTS', name: 'Northamptonshire Police', aliases: [], region: 'EAST_MIDLANDS', nation: 'ENGLAND' },
  { code: 'NOTTS', name: 'Nottinghamshire Police', aliases: [], region: 'EAST_MIDLANDS', nation: 'ENGLAND' },
  // West Midlands (WMROCU)
  { code: 'STAFFS', name: 'Staffordshire Police', aliases: [], region: 'WEST_MIDLANDS', nation: 'ENGLAND' },
  { code: 'WARKS', name: 'Warwickshire Police', aliases: [], region: 'WEST_MIDLANDS', nation: 'ENGLAND' },
  { code: 'WMERC', name: 'West Mercia Police', aliases: [], region: 'WEST_MIDLANDS', nation: 'ENGLAND' },
  { code: 'WMP', name: 'West Midlands Police', aliases: [], region: 'WEST_MIDLANDS', nation: 'ENGLAND' },
  // Eastern (ERSOU), with Kent
  { code: 'BEDS', name: 'Bedfordshire Police', aliases: [], region: 'EASTERN', nation: 'ENGLAND' },
  { code: 'CAMBS', name: 'Cambridgeshire Constabulary', aliases: ['Cambridgeshire Police'], region: 'EASTERN', nation: 'ENGLAND' },
  { code: 'ESSEX', name: 'Essex Police', aliases: [], region: 'EASTERN', nation: 'ENGLAND' },
  { code: 'HERTS', name: 'Hertfordshire Constabulary', aliases: ['Hertfordshire Police'], region: 'EASTERN', nation: 'ENGLAND' },
  { code: 'KENT', name: 'Kent Police', aliases: [], region: 'EASTERN', nation: 'ENGLAND' },
  { code: 'NORF', name: 'Norfolk Constabulary', aliases: ['Norfolk Police'], region: 'EASTERN', nation: 'ENGLAND' },
  { code: 'SUFF', name: 'Suffolk Constabulary', aliases: ['Suffolk Police'], region: 'EASTERN', nation: 'ENGLAND' },
  // South East (SEROCU)
  { code: 'HANTS', name: 'Hampshire Constabulary', aliases: ['Hampshire and Isle of Wight Constabulary', 'Hampshire Police'], region: 'SOUTH_EAST', nation: 'ENGLAND' },
  { code: 'SURREY', name: 'Surrey Police', aliases: [], region: 'SOUTH_EAST', nation: 'ENGLAND' },
  { code: 'SUSSEX', name: 'Sussex Police', aliases: [], region: 'SOUTH_EAST', nation: 'ENGLAND' },
  { code: 'TVP', name: 'Thames Valley Police', aliases: [], region: 'SOUTH_EAST', nation: 'ENGLAND' },
  // South West (SWROCU)
  { code: 'ASC', name: 'Avon and Somerset Constabulary', aliases: ['Avon and Somerset Police'], region: 'SOUTH_WEST', nation: 'ENGLAND' },
  { code: 'DCP', name: 'Devon & Cornwall Police', aliases: [], region: 'SOUTH_WEST', nation: 'ENGLAND' },
  { code: 'DORSET', name: 'Dorset Police', aliases: [], region: 'SOUTH_WEST', nation: 'ENGLAND' },
  { code: 'GLOS', name: 'Gloucestershire Constabulary', aliases: ['Gloucestershire Police'], region: 'SOUTH_WEST', nation: 'ENGLAND' },
  { code: 'WILTS', name: 'Wiltshire Police', aliases: [], region: 'SOUTH_WEST', nation: 'ENGLAND' },
  // London
  { code: 'MPS', name: 'Metropolitan Police Service', aliases: ['Metropolitan Police', 'Met Police', 'The Met'], region: 'LONDON', nation: 'ENGLAND' },
  { code: 'COLP', name: 'City of London Police', aliases: [], region: 'LONDON', nation: 'ENGLAND' },
  // Wales (Tarian ROCU)
  { code: 'DPP', name: 'Dyfed-Powys Police', aliases: ['Heddlu Dyfed-Powys'], region: 'WALES', nation: 'WALES' },
  { code: 'GWENT', name: 'Gwent Police', aliases: ['Heddlu Gwent'], region: 'WALES', nation: 'WALES' },
  { code: 'SWP', name: 'South Wales Police', aliases: ['Heddlu De Cymru'], region: 'WALES', nation: 'WALES' },
  // Scotland, Northern Ireland, and the railways
  { code: 'PSCOT', name: 'Police Scotland', aliases: ['Police Service of Scotland'], region: 'SCOTLAND', nation: 'SCOTLAND' },
  { code: 'PSNI', name: 'Police Service of Northern Ireland', aliases: [], region: 'NORTHERN_IRELAND', nation: 'NORTHERN_IRELAND' },
  { code: 'BTP', name: 'British Transport Police', aliases: [], region: 'NATIONAL', nation: null },
] as const satisfies readonly PoliceForce[];

export type PoliceForceCode = (typeof POLICE_FORCES)[number]['code'];
export const POLICE_FORCE_CODES: readonly PoliceForceCode[] = POLICE_FORCES.map((f) => f.code);

export function policeForceByCode(code: PoliceForceCode): PoliceForce {
  return POLICE_FORCES.find((f) => f.code === code)!;
}

/** Case, "&"/"and", punctuation and spacing do not tell names apart. */
function nameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The place part of a force name: "West Yorkshire Police" -> "west yorkshire". */
function placeKey(s: string): string {
  return nameKey(s).replace(/ (police service|police|constabulary)$/, '');
}

const BY_KEY: ReadonlyMap<string, PoliceForce> = new Map(
  (POLICE_FORCES as readonly PoliceForce[]).flatMap((f) => [
    [nameKey(f.code), f] as const,
    ...[f.name, ...f.aliases].flatMap((n) => [[nameKey(n), f] as const, [placeKey(n), f] as const]),
  ]),
);

/**
 * The force a free-text name refers to: its code, NRM name, an alias, or the place part of any
 * of these ("West Yorkshire", "Avon & Somerset Police"). Undefined when nothing matches.
 */
export function findPoliceForce(name: string): PoliceForce | undefined {
  return BY_KEY.get(nameKey(name)) ?? BY_KEY.get(placeKey(name));
}
