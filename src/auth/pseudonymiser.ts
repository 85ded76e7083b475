import { createHmac } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Stable pseudonyms for victims: a keyed hash of the record id, so the same victim always gets the
 * same reference inside the service, and a different one for each export recipient (the
 * audience), so two partners cannot join their copies. Exported links get ids the same way
 * (`linkId`): a link's id would otherwise be the same in every copy and tie a victim's
 * pseudonyms in two partners' copies together.
 */
export class Pseudonymiser {
  constructor(private readonly key: string) {}

  of(id: string, audience = 'internal'): string {
    return `V-${this.token([audience, id], 8)}`;
  }

  /**
   * A link's id for one recipient, from what identifies the link (its type, ends and key
   * properties; exports/link-ids.ts): `L-` and 16 characters (80 bits), so the ids of one export
   * do not collide by chance.
   */
  linkId(identity: string, audience: string): string {
    return `L-${this.token(['link', audience, identity], 16)}`;
  }

  /** `length` characters (at most 32) of the keyed hash of `parts`. */
  private token(parts: readonly string[], length: number): string {
    const digest = createHmac('sha256', this.key).update(parts.join('\u0000')).digest();
    let s = '';
    for (let i = 0; i < length; i++) s += ALPHABET[digest[i]! % 32];
    return s;
  }
}
