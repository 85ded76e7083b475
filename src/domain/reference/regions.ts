/**
 * Policing regions of the UK, the level between Country GB and the police forces.
 *
 * In England and Wales a region is a regional organised crime unit's area (HMICFRS inspects
 * serious and organised crime by these ten regions: nine ROCUs plus London, where the Metropolitan
 * Police Service and City of London Police carry the regional function). Two forces sit in a ROCU
 * outside their geographic region: Kent is in the Eastern region (ERSOU), North Wales Police in
 * the North West (NWROCU). Scotland and Northern Ireland each have one force. `NATIONAL` holds
 * British Transport Police, which polices the railways of England, Wales and Scotland.
 *
 * ROCU names follow the NRM police statistics where they name the unit as a first responder
 * (../../../../shared/data/nrm/README.md); the others are the units' own names.
 * Loaded as Region nodes by migration 0007 (scripts/gen-geography-migration.ts).
 */

/** The nations of the UK (a force's or region's). */
export const NATIONS = ['ENGLAND', 'WALES', 'SCOTLAND', 'NORTHERN_IRELAND'] as const;
export type Nation = (typeof NATIONS)[number];

export interface Rocu {
  /** The unit's name, as the NRM statistics write it where they name it. */
  name: string;
  /** The unit's usual abbreviation. */
  short: string;
  /** Other names in use (former names, abbreviations). */
  aliases: readonly string[];
}

export interface Region {
  code: string;
  name: string;
  /** The nation the region lies in; null for the cross-border NATIONAL region. */
  nation: Nation | null;
  /** The region's organised crime unit; null where there is none (London, Scotland, Northern Ireland, National). */
  rocu: Rocu | null;
}

export const REGIONS = [
  { code: 'NORTH_EAST', name: 'North East', nation: 'ENGLAND', rocu: { name: 'North East Regional Special Operations Unit', short: 'NERSOU', aliases: [] } },
  {
    code: 'NORTH_WEST',
    name: 'North West',
    nation: 'ENGLAND',
    rocu: { name: 'North West Regional Organised Crime Unit', short: 'NWROCU', aliases: ['TITAN', 'Titan ROCU'] },
  },
  {
    code: 'YORKSHIRE_HUMBER',
    name: 'Yorkshire and the Humber',
    nation: 'ENGLAND',
    rocu: { name: 'Yorkshire and the Humber Regional Organised Crime Unit', short: 'YHROCU', aliases: [] },
  },
  { code: 'EAST_MIDLANDS', name: 'East Midlands', nation: 'ENGLAND', rocu: { name: 'East Midlands Special Operations Unit', short: 'EMSOU', aliases: [] } },
  {
    code: 'WEST_MIDLANDS',
    name: 'West Midlands',
    nation: 'ENGLAND',
    rocu: { name: 'West Midlands Regional Organised Crime Unit', short: 'WMROCU', aliases: ['ROCU West Midlands', 'Regional Organised Crime Unit for the West Midlands Region'] },
  },
  { code: 'EASTERN', name: 'Eastern', nation: 'ENGLAND', rocu: { name: 'Eastern Region Special Operations Unit', short: 'ERSOU', aliases: [] } },
  { code: 'SOUTH_EAST', name: 'South East', nation: 'ENGLAND', rocu: { name: 'South East Regional Organised Crime Unit', short: 'SEROCU', aliases: [] } },
  { code: 'SOUTH_WEST', name: 'South West', nation: 'ENGLAND', rocu: { name: 'South West Regional Organised Crime Unit', short: 'SWROCU', aliases: [] } },
  { code: 'LONDON', name: 'London', nation: 'ENGLAND', rocu: null },
  { code: 'WALES', name: 'Wales', nation: 'WALES', rocu: { name: 'Tarian ROCU', short: 'TARIAN', aliases: ['Tarian Regional Organised Crime Unit', 'Southern Wales ROCU'] } },
  { code: 'SCOTLAND', name: 'Scotland', nation: 'SCOTLAND', rocu: null },
  { code: 'NORTHERN_IRELAND', name: 'Northern Ireland', nation: 'NORTHERN_IRELAND', rocu: null },
  { code: 'NATIONAL', name: 'National', nation: null, rocu: null },
] as const satisfies readonly Region[];

export type RegionCode = (typeof REGIONS)[number]['code'];
export const REGION_CODES: readonly RegionCode[] = REGIONS.map((r) => r.code);

export function regionByCode(code: RegionCode): Region {
  return REGIONS.find((r) => r.code === code)!;
}

/** The region whose ROCU has this name, abbreviation or alias (case-insensitive), if any. */
export function regionByRocuName(name: string): Region | undefined {
  const key = name.trim().toLowerCase();
  return (REGIONS as readonly Region[]).find(
    (r) => r.rocu !== null && [r.rocu.name, r.rocu.short, ...r.rocu.aliases].some((n) => n.toLowerCase() === key),
  );
}
