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
});
