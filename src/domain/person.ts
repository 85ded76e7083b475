import type { PersonRoleLabel } from './graph-model';

export const GENDERS = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Gender = (typeof GENDERS)[number];

/** A person's roles in the picture; stored as labels (Offender, Suspect, Victim). */
export const PERSON_ROLES = ['OFFENDER', 'SUSPECT', 'VICTIM'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const ROLE_LABEL: Record<PersonRole, PersonRoleLabel> = { OFFENDER: 'Offender', SUSPECT: 'Suspect', VICTIM: 'Victim' };

export function rolesFromLabels(labels: readonly string[]): PersonRole[] {
  return PERSON_ROLES.filter((r) => labels.includes(ROLE_LABEL[r]));
}

/** Age at exploitation, as the NRM statistics group it. */
export const AGE_GROUPS = ['CHILD', 'ADULT', 'UNKNOWN'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
