/**
 * Recognising dates and date-times written as text (ISO 8601 profiles that Neo4j's `date()` and
 * `datetime()` read). Our properties carry Neo4j DATE values as "YYYY-MM-DD" strings and
 * DATETIME values as ISO strings (graph/records.ts), so the Cypher script turns such text back
 * into temporal values, and the JSON reader checks the fields that must hold them.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && realDate(m[1]!, m[2]!, m[3]!);
}

/** A date-time with seconds optional, fractions optional and a zone (Z or ±hh:mm) required. */
export function isIsoDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m || !realDate(m[1]!, m[2]!, m[3]!)) return false;
  const [h, min, sec, oh, om] = [m[4], m[5], m[6] ?? '0', m[7] ?? '0', m[8] ?? '0'].map(Number) as [number, number, number, number, number];
  return h <= 23 && min <= 59 && sec <= 59 && oh <= 18 && om <= 59;
}

/** A UTC instant exactly as Date.prototype.toISOString writes it. */
export function isIsoInstant(s: string): boolean {
  return INSTANT.test(s) && isIsoDateTime(s);
}

function realDate(y: string, m: string, d: string): boolean {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  const t = new Date(Date.UTC(yy, mm - 1, dd));
  t.setUTCFullYear(yy); // Date.UTC maps years 0-99 to 1900-1999
  return t.getUTCFullYear() === yy && t.getUTCMonth() === mm - 1 && t.getUTCDate() === dd;
}
