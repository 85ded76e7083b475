import { SignJWT } from 'jose';

import { Authenticator, signToken } from '../../../src/auth/authenticator';
import { AppError } from '../../../src/errors/app-error';

const cfg = { issuer: 'msht-graph', audience: 'msht-graph' };
const secret = 'unit-test-secret-unit-test-secret-0123';
const auth = new Authenticator(cfg, { secret });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
  return 'OK';
}

describe('Authenticator', () => {
  it('turns a valid token into a principal', async () => {
    const t = await signToken(secret, cfg, { subject: 'a1', agency: 'NCA', roles: ['ANALYST'], clearance: 'H2', ukConditional: true, expiresIn: '5m' });
    await expect(auth.verify(`Bearer ${t}`)).resolves.toEqual({ subject: 'a1', agency: 'NCA', roles: ['ANALYST'], clearance: 'H2', ukConditional: true });
  });

  it('refuses a missing, malformed, expired, foreign-signed or wrong-audience token', async () => {
    const expired = await signToken(secret, cfg, { subject: 'a', agency: 'NCA', roles: ['ANALYST'], clearance: 'H0', ukConditional: false, expiresIn: '-1m' });
    const foreign = await signToken('another-secret-another-secret-01234', cfg, { subject: 'a', agency: 'NCA', roles: ['ANALYST'], clearance: 'H0', ukConditional: false, expiresIn: '5m' });
    const otherAud = await signToken(secret, { ...cfg, audience: 'elsewhere' }, { subject: 'a', agency: 'NCA', roles: ['ANALYST'], clearance: 'H0', ukConditional: false, expiresIn: '5m' });
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.`;
    for (const header of [undefined, 'Basic abc', `Bearer ${expired}`, `Bearer ${foreign}`, `Bearer ${otherAud}`, `Bearer ${noneAlg}`]) {
      expect(await codeOf(auth.verify(header))).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a token without a known role or an agency', async () => {
    const t = await new SignJWT({ roles: ['GOD'], agency: 'NCA' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(cfg.issuer).setAudience(cfg.audience).setExpirationTime('5m').sign(new TextEncoder().encode(secret));
    expect(await codeOf(auth.verify(`Bearer ${t}`))).toBe('UNAUTHENTICATED');
  });

  describe('remembering verified tokens', () => {
    const claims = { subject: 'a1', agency: 'NCA', roles: ['ANALYST' as const], clearance: 'H2' as const, ukConditional: true };

    it('answers a repeated token with the same principal, as a copy of its own', async () => {
      const a = new Authenticator(cfg, { secret });
      const t = await signToken(secret, cfg, { ...claims, expiresIn: '5m' });
      const first = await a.verify(`Bearer ${t}`);
      first.roles.push('ADMIN');
      await expect(a.verify(`Bearer ${t}`)).resolves.toEqual({ subject: 'a1', agency: 'NCA', roles: ['ANALYST'], clearance: 'H2', ukConditional: true });
    });

    it('never honours a remembered token past its expiry', async () => {
      const a = new Authenticator(cfg, { secret });
      const exp = Math.floor(Date.now() / 1000) + 2;
      const t = await new SignJWT({ agency: 'NCA', roles: ['ANALYST'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('a1').setIssuer(cfg.issuer).setAudience(cfg.audience).setExpirationTime(exp).sign(new TextEncoder().encode(secret));
      expect(await codeOf(a.verify(`Bearer ${t}`))).toBe('OK');
      await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
      expect(await codeOf(a.verify(`Bearer ${t}`))).toBe('UNAUTHENTICATED');
    });

    it('verifies in full a token that differs from a remembered one', async () => {
      const a = new Authenticator(cfg, { secret });
      const t = await signToken(secret, cfg, { ...claims, expiresIn: '5m' });
      expect(await codeOf(a.verify(`Bearer ${t}`))).toBe('OK');
      const sig = t.slice(t.lastIndexOf('.') + 1);
      const tampered = `${t.slice(0, t.lastIndexOf('.') + 1)}${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      expect(await codeOf(a.verify(`Bearer ${tampered}`))).toBe('UNAUTHENTICATED');
      const claimsSwapped = `${t.split('.')[0]}.${Buffer.from(JSON.stringify({ sub: 'a1', agency: 'NCA', roles: ['ADMIN'], iss: cfg.issuer, aud: cfg.audience, exp: 9999999999 })).toString('base64url')}.${sig}`;
      expect(await codeOf(a.verify(`Bearer ${claimsSwapped}`))).toBe('UNAUTHENTICATED');
    });

    it('keeps answering right when remembered verifications expire or are forgotten', async () => {
      let now = Date.now();
      const a = new Authenticator(cfg, { secret }, { size: 1, ttlMs: 1000, now: () => now });
      const t1 = await signToken(secret, cfg, { ...claims, subject: 's1', expiresIn: '5m' });
      const t2 = await signToken(secret, cfg, { ...claims, subject: 's2', expiresIn: '5m' });
      expect((await a.verify(`Bearer ${t1}`)).subject).toBe('s1');
      expect((await a.verify(`Bearer ${t2}`)).subject).toBe('s2');
      now += 2000;
      expect((await a.verify(`Bearer ${t1}`)).subject).toBe('s1');
      expect((await a.verify(`Bearer ${t2}`)).subject).toBe('s2');
    });
  });
});
