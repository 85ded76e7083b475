import { victimHeld, visible } from '../access';

/**
 * The dissemination rule, as Cypher (README#exports): an item may leave the service when its
 * Europol handling is H0 or H1 and its UK handling is P, or when the provider's consent to
 * disseminate it is recorded on it (`consent`). H2, H3 and UK-C items without consent stay.
 * Applied in the query that collects an export, never by filtering text afterwards.
 */
export function exportable(v: string): string {
  return `((${v}.handling IN ['H0', 'H1'] AND ${v}.ukHandling = 'P') OR ${v}.consent = true)`;
}

/**
 * An identifier a victim holds only through what may not leave (the holding link, or the victim,
 * kept in the country), exported by a caller without victim-data rights. Its value is victim data,
 * so it would leave withheld (`redacted`), and the withholding itself would tell the partner that
 * some victim holds it: what the rule keeps in the country. Such an identifier is left out.
 */
export function heldThroughWithheld(v: string): string {
  return `(${v}:Identifier AND NOT $__victimData AND ${victimHeld(v)} AND NOT EXISTS { (${v})<-[__h:HAS_IDENTIFIER]-(__hv:Victim) WHERE ${visible('__h')} AND ${exportable('__h')} AND ${visible('__hv')} AND ${exportable('__hv')} })`;
}

/** A node that may leave: the rule above, and not an identifier held through what may not (heldThroughWithheld). */
export function exportableNode(v: string): string {
  return `(${exportable(v)} AND NOT ${heldThroughWithheld(v)})`;
}

/** The reason a node that may leave by its own handling is left out (heldThroughWithheld). */
export const HELD_THROUGH_WITHHELD = 'an identifier linked to material that may not leave';

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
