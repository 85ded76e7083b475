import fs from 'node:fs';
import path from 'node:path';

import { csvRecords } from '../csv';

/**
 * The NRM quarterly statistics tables in shared/data/nrm (their README.md says where they come
 * from and how to read them): long tables of referrals by first responder, exploitation type, age
 * at exploitation, gender and nationality, each dimension with a `Total` level.
 */
export const NRM_FIRST_RESPONDER_FILE = 'nrm_referrals_by_first_responder_2022Q2_2023Q4.csv';
export const NRM_POLICE_FORCE_FILE = 'nrm_referrals_police_force_2022Q2_2023Q4.csv';
export const NRM_QUARTERLY_FILES = [NRM_FIRST_RESPONDER_FILE, NRM_POLICE_FORCE_FILE] as const;

const COLUMNS = ['Year', 'Quarter', 'First responder type', 'First responder', 'Exploitation type', 'Age at exploitation', 'Gender', 'Nationality', 'People'] as const;

/** The level that every dimension has for "all of them". */
export const NRM_TOTAL = 'Total';

export interface NrmRow {
  year: number;
  quarter: string;
  responderType: string;
  responder: string;
  exploitationType: string;
  ageGroup: string;
  gender: string;
  nationality: string;
  people: number;
}

/** Parses one quarterly table; fails on an unexpected header or a non-integer count. */
export function parseNrmQuarterly(text: string, source: string): NrmRow[] {
  return csvRecords(text, COLUMNS, source).map((r, n) => {
    const year = Number(r.Year);
    const people = Number(r.People);
    if (!Number.isInteger(year) || !Number.isInteger(people) || people < 0) {
      throw new Error(`${source}: row ${n + 2} has Year ${JSON.stringify(r.Year)} and People ${JSON.stringify(r.People)}`);
    }
    return {
      year,
      quarter: r.Quarter,
      responderType: r['First responder type'],
      responder: r['First responder'],
      exploitationType: r['Exploitation type'],
      ageGroup: r['Age at exploitation'],
      gender: r.Gender,
      nationality: r.Nationality,
      people,
    };
  });
}

export function readNrmQuarterly(nrmDir: string, file: (typeof NRM_QUARTERLY_FILES)[number]): NrmRow[] {
  const full = path.join(nrmDir, file);
  return parseNrmQuarterly(fs.readFileSync(full, 'utf8'), full);
}
