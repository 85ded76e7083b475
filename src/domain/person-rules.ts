import { badInput } from '../errors/app-error';
import { isoDate } from './validation';

/** Why a birth year given alone is refused against the stored date (which it does not repeat). */
export const BIRTH_YEAR_DISAGREES = 'does not match the date of birth already recorded';

/**
 * A birth year given without a date of birth disagrees with the date of birth the graph keeps.
 * Not tested against a victim's for a writer without victim-data rights (`victimData` false): a
 * refusal would tell it the year it may not read, so it writes those fields blind.
 */
export function birthYearDisagrees(stored: { dateOfBirth: unknown; victim: boolean }, birthYear: unknown, victimData: boolean): boolean {
  if (stored.victim && !victimData) return false;
  return typeof stored.dateOfBirth === 'string' && typeof birthYear === 'number' && Number(stored.dateOfBirth.slice(0, 4)) !== birthYear;
}

/**
 * Rules for a person beyond the property table: a date of birth is after 1900 and not in the
 * future, and agrees with the birth year, which it fills in when absent.
 */
export function personBirthRules(input: { dateOfBirth?: string | null; birthYear?: number | null }, today: Date, prefix = 'input'): { birthYear?: number | null } {
  const dob = isoDate(`${prefix}.dateOfBirth`, input.dateOfBirth);
  if (dob === null) return {};
  if (dob < '1900-01-01') throw badInput(`${prefix}.dateOfBirth`, 'must be after 1900');
  if (dob > today.toISOString().slice(0, 10)) throw badInput(`${prefix}.dateOfBirth`, `must not be in the future, got ${dob}`);
  const year = Number(dob.slice(0, 4));
  if (input.birthYear !== undefined && input.birthYear !== null && input.birthYear !== year) {
    throw badInput(`${prefix}.birthYear`, `does not match dateOfBirth (${dob})`);
  }
  return { birthYear: year };
}
