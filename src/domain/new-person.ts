import type { Gender, AgeGroup, PersonRole } from './person';
import { countryCode, intInRange, isoDate, notInFuture, optionalText, requiredText, textList } from './validation';
import { badInput } from '../errors/app-error';

/** A person as a writer takes it: checked and normalised. */
export interface PersonFields {
  name: string;
  aliases: string[];
  dateOfBirth: string | null;
  birthYear: number | null;
  gender: Gender | null;
  ageGroup: AgeGroup | null;
  roles: PersonRole[];
  nationalities: string[];
}

export interface PersonFieldsInput {
  name?: string | null;
  aliases?: string[] | null;
  dateOfBirth?: string | null;
  birthYear?: number | null;
  gender?: Gender | null;
  ageGroup?: AgeGroup | null;
  roles?: PersonRole[] | null;
  nationalities?: string[] | null;
}

/**
 * Checks a person's fields (field paths under `prefix`) and derives the birth year from the date
 * of birth. Throws BAD_USER_INPUT naming the first bad field.
 */
export function checkPersonFields(input: PersonFieldsInput, today: Date, prefix = 'input'): PersonFields {
  const name = requiredText(`${prefix}.name`, input.name, 200);
  const dateOfBirth = isoDate(`${prefix}.dateOfBirth`, input.dateOfBirth);
  notInFuture(`${prefix}.dateOfBirth`, dateOfBirth, today);
  if (dateOfBirth !== null && dateOfBirth < '1900-01-01') throw badInput(`${prefix}.dateOfBirth`, 'must be after 1900');
  let birthYear = intInRange(`${prefix}.birthYear`, input.birthYear, 1900, today.getUTCFullYear());
  if (dateOfBirth !== null) {
    const fromDate = Number(dateOfBirth.slice(0, 4));
    if (birthYear !== null && birthYear !== fromDate) throw badInput(`${prefix}.birthYear`, `does not match dateOfBirth (${dateOfBirth})`);
    birthYear = fromDate;
  }
  const roles = [...new Set(input.roles ?? [])];
  return {
    name,
    aliases: textList(`${prefix}.aliases`, input.aliases, 200),
    dateOfBirth,
    birthYear,
    gender: input.gender ?? null,
    ageGroup: input.ageGroup ?? null,
    roles,
    nationalities: [...new Set((input.nationalities ?? []).map((c, i) => countryCode(`${prefix}.nationalities[${i}]`, c)))],
  };
}

export { optionalText };
