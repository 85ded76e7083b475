import { randomBytes } from 'node:crypto';

import type { NodeLabel } from './graph-model';

/** Id prefixes per label: ids are opaque, but the prefix tells a reader what kind of thing it is. */
export const ID_PREFIX: Record<NodeLabel, string> = {
  Person: 'per',
  OrganisedCrimeGroup: 'ocg',
  Country: 'country',
  Region: 'region',
  PoliceForce: 'force',
  Town: 'town',
  Address: 'addr',
  Route: 'route',
  Operation: 'op',
  Business: 'biz',
  Phone: 'phone',
  Vehicle: 'veh',
  BankAccount: 'acct',
  TravelDocument: 'doc',
  EmailAddress: 'email',
  OnlineHandle: 'handle',
  Exploitation: 'expl',
  NRMReferral: 'nrm',
  Agency: 'agency',
  IntelligenceReport: 'rep',
  ExploitationType: 'etype',
  ControlMethod: 'control',
  RecruitmentMethod: 'recruit',
  NRMStatistic: 'nrmstat',
};

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A new random id such as `per-8k2m4q7x9c1d`. */
export function newId(label: NodeLabel): string {
  const bytes = randomBytes(12);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % 32];
  return `${ID_PREFIX[label]}-${s}`;
}

/** The id starts with its kind's own prefix (`per-` for a Person): required of ids a caller gives a new record. */
export function hasOwnPrefix(label: NodeLabel, id: string): boolean {
  return id.startsWith(`${ID_PREFIX[label]}-`);
}

/** Reference ids carry their code, which may hold underscores (`etype-LABOUR_FOR_OFFENDERS`). */
export const ID_PATTERN = /^[a-z][a-z0-9]*-[A-Za-z0-9_.:-]{1,120}$/;
