import fs from 'node:fs';

import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';

import type { AuthConfig } from '../config/config';
import { HANDLING_CODES, type HandlingCode } from '../domain/provenance';
import { AppError } from '../errors/app-error';
import { ROLES, type Principal, type Role } from './principal';

const HS_ALGS = ['HS256'];
const ASYM_ALGS = ['RS256', 'ES256'];

export interface KeySource {
  /** HS256 secret (development keeps one in the data folder). */
  secret?: string;
  jwksFile?: string;
  jwksUrl?: string;
}

export interface VerifiedCacheOptions {
  /** Tokens remembered at most (the oldest is forgotten first). */
  size?: number;
  /** How long a verification is reused, at most (never past the token's own expiry), ms. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Verifies bearer tokens with fixed algorithms, issuer, audience and expiry, and turns their
 * claims into a Principal. Any failure is UNAUTHENTICATED with a message that does not say
 * which check failed beyond what helps an honest client (expired vs invalid).
 *
 * A client sends the same token with every request, and checking its signature (WebCrypto HMAC
 * or RSA) is a large share of a small request's cost. So a token that verified is remembered,
 * byte for byte, for at most `ttlMs` (a minute) and never past its `exp`: a key rotated out of a
 * JWKS stops being honoured within the minute, an expired token at once. Only tokens that passed
 * every check are remembered; a different string (another token, a tampered one) is verified in
 * full.
 */
export class Authenticator {
  private readonly secret?: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;
  private readonly verified = new Map<string, { principal: Principal; until: number }>();
  private readonly cacheSize: number;
  private readonly cacheTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly cfg: Pick<AuthConfig, 'issuer' | 'audience'>,
    keys: KeySource,
    cache: VerifiedCacheOptions = {},
  ) {
    this.cacheSize = cache.size ?? 10_000;
    this.cacheTtlMs = cache.ttlMs ?? 60_000;
    this.now = cache.now ?? Date.now;
    if (keys.secret) this.secret = new TextEncoder().encode(keys.secret);
    if (keys.jwksFile) this.jwks = createLocalJWKSet(JSON.parse(fs.readFileSync(keys.jwksFile, 'utf8')));
    else if (keys.jwksUrl) this.jwks = createRemoteJWKSet(new URL(keys.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 });
    if (!this.secret && !this.jwks) throw new Error('Authenticator needs a secret or a JWKS');
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw unauthenticated('a bearer token is required (Authorization: Bearer <token>)');
    const m = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!m) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const token = m[1]!;
    const known = this.verified.get(token);
    if (known) {
      if (this.now() < known.until) return { ...known.principal, roles: [...known.principal.roles] };
      this.verified.delete(token);
    }
    let payload: JWTPayload;
    try {
      const opts = { issuer: this.cfg.issuer, audience: this.cfg.audience, requiredClaims: ['exp', 'sub'] };
      if (this.jwks && !this.secret) {
        payload = (await jwtVerify(token, this.jwks, { ...opts, algorithms: ASYM_ALGS })).payload;
      } else if (this.secret && !this.jwks) {
        payload = (await jwtVerify(token, this.secret, { ...opts, algorithms: HS_ALGS })).payload;
      } else {
        const alg = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')).alg as string;
        payload = HS_ALGS.includes(alg)
          ? (await jwtVerify(token, this.secret!, { ...opts, algorithms: HS_ALGS })).payload
          : (await jwtVerify(token, this.jwks!, { ...opts, algorithms: ASYM_ALGS })).payload;
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw unauthenticated(code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid');
    }
    const principal = principalFromClaims(payload);
    this.remember(token, principal, (payload.exp ?? 0) * 1000);
    return principal;
  }

  private remember(token: string, principal: Principal, expiresAt: number): void {
    if (this.cacheSize <= 0 || this.cacheTtlMs <= 0) return;
    if (this.verified.size >= this.cacheSize) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal: { ...principal, roles: [...principal.roles] }, until: Math.min(expiresAt, this.now() + this.cacheTtlMs) });
  }
}

function unauthenticated(message: string): AppError {
  return new AppError('UNAUTHENTICATED', message);
}

/** Claims: `sub`, `agency`, `roles` (list), `clearance` (H0-H3), `ukc` (cleared for UK handling C). */
export function principalFromClaims(c: JWTPayload): Principal {
  const roles = Array.isArray(c.roles) ? (c.roles.filter((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r)) as Role[]) : [];
  if (typeof c.sub !== 'string' || !c.sub) throw unauthenticated('the token has no subject');
  if (typeof c.agency !== 'string' || !c.agency) throw unauthenticated('the token has no agency claim');
  if (roles.length === 0) throw unauthenticated('the token carries no known role');
  const clearance = typeof c.clearance === 'string' && (HANDLING_CODES as readonly string[]).includes(c.clearance) ? (c.clearance as HandlingCode) : 'H0';
  return { subject: c.sub, agency: c.agency, roles, clearance, ukConditional: c.ukc === true };
}

export interface TokenRequest {
  subject: string;
  agency: string;
  roles: Role[];
  clearance: HandlingCode;
  ukConditional: boolean;
  /** Lifetime, e.g. "8h". */
  expiresIn: string;
}

/** Signs an HS256 token (development and tests; production tokens come from the identity provider). */
export function signToken(secret: string, cfg: Pick<AuthConfig, 'issuer' | 'audience'>, t: TokenRequest): Promise<string> {
  return new SignJWT({ agency: t.agency, roles: t.roles, clearance: t.clearance, ukc: t.ukConditional })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(t.subject)
    .setIssuer(cfg.issuer)
    .setAudience(cfg.audience)
    .setIssuedAt()
    .setExpirationTime(t.expiresIn)
    .sign(new TextEncoder().encode(secret));
}
