import { parsePhoneNumberFromString } from 'libphonenumber-js';

import { badInput } from '../errors/app-error';
import type { IdentifierLabel } from './graph-model';
import { HANDLE_PLATFORMS } from './vocabulary';

/**
 * Identifier values are stored normalised (the natural key, unique per kind), so that the same
 * phone typed two ways is one node and links people as it does in practice.
 */
export function normaliseIdentifier(kind: IdentifierLabel, raw: string, field: string, defaultCountry = 'GB'): string {
  const v = raw.trim();
  if (!v) throw badInput(field, 'must not be blank');
  if (v.length > 200) throw badInput(field, 'must be at most 200 characters');
  switch (kind) {
    case 'Phone': {
      const p = parsePhoneNumberFromString(v, defaultCountry as never);
      if (!p || !p.isPossible()) throw badInput(field, `is not a possible phone number: "${v}"`);
      return p.number; // E.164
    }
    case 'Vehicle': {
      const reg = v.toUpperCase().replace(/[\s-]/g, '');
      if (!/^[A-Z0-9]{2,12}$/.test(reg)) throw badInput(field, `is not a vehicle registration: "${v}"`);
      return reg;
    }
    case 'BankAccount': {
      const compact = v.toUpperCase().replace(/[\s-]/g, '');
      if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) {
        if (!ibanChecksumOk(compact)) throw badInput(field, `has a bad IBAN checksum: "${v}"`);
        return compact;
      }
      const uk = /^(\d{6})[:/]?(\d{8})$/.exec(v.replace(/[\s-]/g, ''));
      if (uk) return `${uk[1]}:${uk[2]}`;
      throw badInput(field, `must be an IBAN or a UK sort code and account number (123456:12345678), got "${v}"`);
    }
    case 'TravelDocument': {
      const doc = v.toUpperCase().replace(/[\s-]/g, '');
      if (!/^[A-Z0-9<]{5,20}$/.test(doc)) throw badInput(field, `is not a document number: "${v}"`);
      return doc;
    }
    case 'EmailAddress': {
      const e = v.toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw badInput(field, `is not an email address: "${v}"`);
      return e;
    }
    case 'OnlineHandle': {
      const m = /^([A-Za-z_]+):\s*@?(\S+)$/.exec(v);
      if (!m || !(HANDLE_PLATFORMS as readonly string[]).includes(m[1]!.toUpperCase())) {
        throw badInput(field, `must be PLATFORM:handle with PLATFORM one of ${HANDLE_PLATFORMS.join(', ')}, got "${v}"`);
      }
      return `${m[1]!.toUpperCase()}:${m[2]!.toLowerCase()}`;
    }
  }
}

function ibanChecksumOk(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const d = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of d) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem === 1;
}

/**
 * A handle's platform: its normalised value's (`TELEGRAM:abc` is TELEGRAM), as the API derives it.
 * One given beside the value (an import's cell or property) must be the same.
 */
export function handlePlatform(value: string, given?: unknown, field = 'platform'): string {
  const platform = value.split(':')[0]!;
  if (given !== undefined && given !== platform) throw badInput(field, `a handle's platform is its value's (${platform}), not ${JSON.stringify(given)}`);
  return platform;
}

/**
 * The country a normalised phone number belongs to, where it can be told: the country of its
 * numbering range, or, for a number in no range assigned today (a UK 076 pager number, a range
 * opened since the metadata was cut), the main country of its calling code (+44 is GB), which is
 * what an analyst reading the number would say too.
 */
export function phoneCountry(e164: string): string | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.country ?? parsed?.getPossibleCountries()[0] ?? null;
}
