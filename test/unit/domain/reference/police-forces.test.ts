import fs from 'node:fs';
import path from 'node:path';

import { ID_PATTERN, ID_PREFIX } from '../../../../src/domain/ids';
import { POLICE_FORCES, POLICE_FORCE_CODES, findPoliceForce, policeForceByCode, type PoliceForce } from '../../../../src/domain/reference/police-forces';
import { REGIONS, REGION_CODES, regionByCode, regionByRocuName, type Region } from '../../../../src/domain/reference/regions';

const forces = POLICE_FORCES as readonly PoliceForce[];
const regions = REGIONS as readonly Region[];

/** Agency codes migration 0005 already uses: a force or ROCU code must not take one. */
function nationalAgencyCodes(): string[] {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'neo4j', 'migrations', '0005-agencies.cypher'), 'utf8');
  return [...text.matchAll(/\{code: '([A-Z]+)'/g)].map((m) => m[1]!);
}

describe('POLICE_FORCES', () => {
  it('lists the 43 territorial forces of England and Wales, BTP, Police Scotland and PSNI', () => {
    expect(forces).toHaveLength(46);
    const territorial = forces.filter((f) => f.nation === 'ENGLAND' || f.nation === 'WALES');
    expect(territorial).toHaveLength(43);
    expect(territorial.filter((f) => f.nation === 'WALES').map((f) => f.code).sort()).toEqual(['DPP', 'GWENT', 'NWP', 'SWP']);
    expect(['BTP', 'PSCOT', 'PSNI'].map((c) => policeForceByCode(c as 'BTP').name)).toEqual([
      'British Transport Police',
      'Police Scotland',
      'Police Service of Northern Ireland',
    ]);
  });

  it('gives each force a unique code of uppercase letters, not used by another agency, and a valid id', () => {
    expect(new Set(POLICE_FORCE_CODES).size).toBe(46);
    const taken = [...nationalAgencyCodes(), ...regions.flatMap((r) => (r.rocu ? [r.rocu.short] : []))];
    expect(taken.length).toBeGreaterThan(10);
    for (const f of forces) {
      expect(f.code).toMatch(/^[A-Z]{2,10}$/);
      expect(taken).not.toContain(f.code);
      expect(`${ID_PREFIX.PoliceForce}-${f.code}`).toMatch(ID_PATTERN);
      expect(`${ID_PREFIX.Agency}-${f.code}`).toMatch(ID_PATTERN);
    }
    expect(new Set(forces.flatMap((f) => [f.name, ...f.aliases])).size).toBe(forces.reduce((n, f) => n + 1 + f.aliases.length, 0));
  });

  it('puts every force in a region and every region has a force', () => {
    for (const f of forces) expect(REGION_CODES).toContain(f.region);
    for (const r of regions) expect(forces.filter((f) => f.region === r.code).length).toBeGreaterThan(0);
    expect(forces.filter((f) => f.region === 'LONDON').map((f) => f.code)).toEqual(['MPS', 'COLP']);
    // ROCU membership, not geography: Kent is in ERSOU, North Wales in the North West ROCU.
    expect(regionByCode(policeForceByCode('KENT').region).rocu?.short).toBe('ERSOU');
    expect(regionByCode(policeForceByCode('NWP').region).rocu?.short).toBe('NWROCU');
  });
});

describe('findPoliceForce', () => {
  it('finds every force by its code, NRM name and aliases', () => {
    for (const f of forces) {
      for (const n of [f.code, f.name, ...f.aliases, f.name.toUpperCase()]) expect(findPoliceForce(n)?.code).toBe(f.code);
    }
  });

  it('reads "&" as "and" and accepts the place name alone', () => {
    expect(findPoliceForce('Devon and Cornwall Police')?.code).toBe('DCP');
    expect(findPoliceForce('Avon & Somerset Police')?.code).toBe('ASC');
    expect(findPoliceForce('West Yorkshire')?.code).toBe('WYP');
    expect(findPoliceForce('  greater   manchester ')?.code).toBe('GMP');
    expect(findPoliceForce('Metropolitan Police')?.code).toBe('MPS');
  });

  it('finds nothing for a name that is no force', () => {
    expect(findPoliceForce('Tarian ROCU')).toBeUndefined();
    expect(findPoliceForce('Police total')).toBeUndefined();
    expect(findPoliceForce('')).toBeUndefined();
  });
});

describe('REGIONS', () => {
  it('has unique codes with valid ids, one per ROCU area plus London, Scotland, Northern Ireland and National', () => {
    expect(new Set(REGION_CODES).size).toBe(REGIONS.length);
    for (const r of regions) expect(`${ID_PREFIX.Region}-${r.code}`).toMatch(ID_PATTERN);
    expect(regions.filter((r) => r.rocu).map((r) => r.rocu!.short)).toEqual(['NERSOU', 'NWROCU', 'YHROCU', 'EMSOU', 'WMROCU', 'ERSOU', 'SEROCU', 'SWROCU', 'TARIAN']);
    expect(regionByCode('NATIONAL').nation).toBeNull();
  });

  it('finds a region by the ROCU names the NRM police statistics use', () => {
    expect(regionByRocuName('Eastern Region Special Operations Unit')?.code).toBe('EASTERN');
    expect(regionByRocuName('North West Regional Organised Crime Unit')?.code).toBe('NORTH_WEST');
    expect(regionByRocuName('South West Regional Organised Crime Unit')?.code).toBe('SOUTH_WEST');
    expect(regionByRocuName('Tarian ROCU')?.code).toBe('WALES');
    expect(regionByRocuName('West Midlands Regional Organised Crime Unit')?.code).toBe('WEST_MIDLANDS');
    expect(regionByRocuName('titan')?.code).toBe('NORTH_WEST');
    expect(regionByRocuName('Metropolitan Police Service')).toBeUndefined();
  });
});
