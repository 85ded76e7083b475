import { ascii } from './names';

/**
 * Identifier values for the synthetic world, each already in the normal form the graph stores
 * (src/domain/identifiers.ts) and unique within a world: the n-th value of a kind comes from n
 * through a bijection (multiplying by a number prime to the modulus), offset by the seed, so two
 * values never collide and neighbouring numbers do not look sequential. They have the right
 * shape (a UK mobile number, a UK registration, a sort code and account, an IBAN with a good
 * checksum, a passport number) and belong to nobody.
 */

/** n -> a distinct number below `mod` (a permutation, since `mul` is prime to `mod`). */
function spread(n: number, mod: number, mul: number, offset: number): number {
  return Number((BigInt(n) * BigInt(mul) + BigInt(offset)) % BigInt(mod));
}

const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXYZ';

function letters(x: number, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) {
    s = LETTERS[x % LETTERS.length] + s;
    x = Math.floor(x / LETTERS.length);
  }
  return s;
}

const pad = (x: number, width: number) => String(x).padStart(width, '0');

/** Country calling codes and how many national digits their mobile numbers have after the prefix. */
const MOBILE: Record<string, { cc: string; prefix: string; digits: number }> = {
  GB: { cc: '44', prefix: '7', digits: 9 },
  RO: { cc: '40', prefix: '7', digits: 8 },
  VN: { cc: '84', prefix: '9', digits: 8 },
  AL: { cc: '355', prefix: '6', digits: 8 },
};

export class IdentifierValues {
  private readonly counters = new Map<string, number>();

  constructor(private readonly seed: number) {}

  private next(kind: string): number {
    const n = this.counters.get(kind) ?? 0;
    this.counters.set(kind, n + 1);
    return n;
  }

  /** A mobile number in E.164; UK unless the country is one we model (RO, VN, AL). */
  phone(country = 'GB'): string {
    const m = MOBILE[country] ?? MOBILE.GB!;
    const mod = 10 ** m.digits;
    const x = spread(this.next(`phone-${m.cc}`), mod, 7_919_113, (this.seed * 104_729) % mod);
    return `+${m.cc}${m.prefix}${pad(x, m.digits)}`;
  }

  /** A UK registration in the current style (AB12CDE). */
  vehicle(): string {
    const x = spread(this.next('vehicle'), 24 ** 5 * 100, 1_000_003, (this.seed * 7_777) % (24 ** 5 * 100));
    const l = x % 24 ** 5;
    const d = Math.floor(x / 24 ** 5);
    const ls = letters(l, 5);
    return `${ls.slice(0, 2)}${pad(d, 2)}${ls.slice(2)}`;
  }

  /** A UK sort code and account number as stored: `123456:12345678`. */
  ukAccount(): string {
    const x = spread(this.next('uk-account'), 10 ** 14, 9_999_991, (this.seed * 1_234_567) % 10 ** 14);
    const s = pad(x, 14);
    return `${s.slice(0, 6)}:${s.slice(6)}`;
  }

  /** An IBAN of Romania or Albania with a valid checksum (ISO 13616, mod 97). */
  iban(country: 'RO' | 'AL'): string {
    const n = spread(this.next(`iban-${country}`), 10 ** 12, 4_999_963, (this.seed * 97_531) % 10 ** 12);
    const bban = country === 'RO' ? `${letters(n % 24 ** 4, 4)}${pad(n, 16)}` : `${pad(n % 10 ** 8, 8)}${pad(n, 16)}`;
    const check = 98 - mod97(`${bban}${country}00`);
    return `${country}${pad(check, 2)}${bban}`;
  }

  /** A passport number in the shape the country uses (each shape a bijection of the counter). */
  passport(country: string): string {
    const n = this.next(`passport-${country}`);
    switch (country) {
      case 'GB': {
        // Nine digits not starting 0: Romanian numbers start 05, and values are unique across countries.
        const x = spread(n, 4 * 10 ** 8, 3_999_971, (this.seed * 31_337) % (4 * 10 ** 8));
        return `${1 + Math.floor(x / 10 ** 8)}${pad(x % 10 ** 8, 8)}`;
      }
      case 'VN': {
        const x = spread(n, 24 * 10 ** 7, 3_999_971, (this.seed * 31_337) % (24 * 10 ** 7));
        return `C${pad(x % 10 ** 7, 7)}${letters(Math.floor(x / 10 ** 7), 1)}`;
      }
      case 'AL':
        return `BA${pad(spread(n, 10 ** 7, 3_999_971, (this.seed * 31_337) % 10 ** 7), 7)}`;
      case 'RO':
        return `05${pad(spread(n, 10 ** 7, 3_999_971, (this.seed * 31_337) % 10 ** 7), 7)}`;
      default:
        return `${country}${pad(spread(n, 10 ** 8, 3_999_971, (this.seed * 31_337) % 10 ** 8), 8)}`;
    }
  }

  /** An email made from a name, made unique by a number. */
  email(given: string, family: string): string {
    const n = this.next('email');
    const domain = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.co.uk', 'protonmail.com', 'mail.ru'][n % 6]!;
    return `${ascii(given)}.${ascii(family)}${n}`.toLowerCase().replace(/[^a-z0-9._-]/g, '') + `@${domain}`;
  }

  /** An online handle as stored: `PLATFORM:handle`. */
  handle(platform: string, given: string): string {
    const n = this.next('handle');
    return `${platform}:${ascii(given).toLowerCase().replace(/[^a-z0-9]/g, '') || 'user'}_${n.toString(36)}`;
  }
}

function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const d = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of d) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem;
}
