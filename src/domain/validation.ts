import { badInput } from '../errors/app-error';

/**
 * Input checks shared by every writer. Each throws BAD_USER_INPUT naming the field (a path such as
 * `input.dateOfBirth`), before anything is written.
 */
export function requiredText(field: string, value: string | null | undefined, max = 500): string {
  const v = (value ?? '').trim();
  if (!v) throw badInput(field, 'is required and must not be blank');
  if (v.length > max) throw badInput(field, `must be at most ${max} characters`);
  return v;
}

export function optionalText(field: string, value: string | null | undefined, max = 500): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (!v) return null;
  if (v.length > max) throw badInput(field, `must be at most ${max} characters`);
  return v;
}

export function textList(field: string, values: readonly string[] | null | undefined, max = 500): string[] {
  if (!values) return [];
  const out: string[] = [];
  values.forEach((v, i) => {
    if (typeof v !== 'string') throw badInput(`${field}[${i}]`, 'must be text');
    const t = optionalText(`${field}[${i}]`, v, max);
    if (t === null) throw badInput(`${field}[${i}]`, 'must not be blank');
    if (!out.includes(t)) out.push(t);
  });
  return out;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
export function isoDate(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // A file's value may be of any JSON type: a list would pass the pattern (exec makes it text).
  if (typeof value !== 'string') throw badInput(field, 'must be a date YYYY-MM-DD');
  const m = DATE.exec(value);
  if (!m) throw badInput(field, `must be a date YYYY-MM-DD, got "${value}"`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw badInput(field, `is not a real date: "${value}"`);
  }
  return value;
}

export function notInFuture(field: string, date: string | null, today: Date): void {
  if (date !== null && date > today.toISOString().slice(0, 10)) throw badInput(field, `must not be in the future, got ${date}`);
}

/** `from` must not be after `to` (both optional). */
export function dateOrder(fromField: string, from: string | null, toField: string, to: string | null): void {
  if (from !== null && to !== null && from > to) throw badInput(toField, `must not be before ${fromField} (${from} > ${to})`);
}

export function intInRange(field: string, value: number | null | undefined, min: number, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

export function nonNegative(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) throw badInput(field, `must be zero or more, got ${value}`);
  return value;
}

export function countryCode(field: string, value: string): string {
  const v = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(v)) throw badInput(field, `must be an ISO 3166-1 alpha-2 country code, got "${value}"`);
  return v;
}
