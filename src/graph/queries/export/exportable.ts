import { visible } from '../access';

/**
 * The dissemination rule, as Cypher (README#exports): an item may leave the service when its
 * Europol handling is H0 or H1 and its UK handling is P, or when the provider's consent to
 * disseminate it is recorded on it (`consent`). H2, H3 and UK-C items without consent stay.
 * Applied in the query that collects an export, never by filtering text afterwards.
 */
export function exportable(v: string): string {
  return `((${v}.handling IN ['H0', 'H1'] AND ${v}.ukHandling = 'P') OR ${v}.consent = true)`;
}

/** An item the caller may see and that may leave: what an export is given. */
export function shareable(v: string): string {
  return `(${visible(v)} AND ${exportable(v)})`;
}

/** Why an item may not leave, as the manifest counts it (worst reason first). */
export function leftOutReason(v: string): string {
  return `CASE
    WHEN ${v}.handling = 'H3' THEN "H3 material without the provider's consent"
    WHEN ${v}.handling = 'H2' THEN "H2 material without the provider's consent"
    ELSE "UK handling code C without the provider's consent" END`;
}
