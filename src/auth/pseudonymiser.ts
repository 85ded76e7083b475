import { createHmac } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Stable pseudonyms for victims: a keyed hash of the record id, so the same victim always gets the
 * same reference inside the service, and a different one for each export recipient (the
 * audience), so two partners cannot join their copies.
 */
export class Pseudonymiser {
  constructor(private readonly key: string) {}

  of(id: string, audience = 'internal'): string {
    const mac = createHmac('sha256', this.key).update(audience).update('\u0000').update(id).digest();
    let s = '';
    for (let i = 0; i < 8; i++) s += ALPHABET[mac[i]! % 32];
    return `V-${s}`;
  }
}
