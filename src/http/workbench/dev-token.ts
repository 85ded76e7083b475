import { signToken } from '../../auth/authenticator';
import { isLoopbackHost } from '../../util/loopback';
import { ROLES, type Role } from '../../auth/principal';
import type { AuthConfig } from '../../config/config';

/** A development token lives this long; the page says when, and a reload gets a new one. */
export const DEV_TOKEN_LIFETIME_SECONDS = 3600;

/** The role a page asked for (`?role=`), or the configured default when absent or unknown. */
export function pickRole(asked: unknown, fallback: Role): Role {
  const r = typeof asked === 'string' ? asked.trim().toUpperCase().replace(/-/g, '_') : '';
  return (ROLES as readonly string[]).includes(r) ? (r as Role) : fallback;
}

/**
 * A request a browser on this machine made to this machine: its socket is loopback, it names a
 * loopback host (`Host`), and no proxy passed it on. Only such a page gets a development token.
 * The socket alone is not enough: a proxy on the same host makes every remote client look local,
 * and a web page whose name is re-pointed at 127.0.0.1 (DNS rebinding) reaches the port from
 * the developer's own browser, with its own host name.
 */
export function fromThisMachine(req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }): boolean {
  if (!isLoopback(req.socket.remoteAddress)) return false;
  if (['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'].some((h) => req.headers[h] !== undefined)) return false;
  const host = typeof req.headers.host === 'string' ? req.headers.host : '';
  const m = /^(.*?)(:\d+)?$/.exec(host);
  return m !== null && isLoopbackHost(m[1]!);
}

/** The socket address is this machine. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || isLoopbackHost(a);
}

/**
 * Signs a short-lived HS256 token for a workbench page in development or test, with the same
 * key and claims as `msht token` (supervisors and administrators cleared to H3, others to H1).
 */
export async function mintDevToken(secret: string, auth: Pick<AuthConfig, 'issuer' | 'audience'>, role: Role, now = Date.now()) {
  const token = await signToken(secret, auth, {
    subject: `workbench-${role.toLowerCase().replace(/_/g, '-')}`,
    agency: 'MSHT',
    roles: [role],
    clearance: role === 'ADMIN' || role === 'SUPERVISOR' ? 'H3' : 'H1',
    ukConditional: false,
    expiresIn: `${DEV_TOKEN_LIFETIME_SECONDS}s`,
  });
  return { token, role, expiresAt: new Date(now + DEV_TOKEN_LIFETIME_SECONDS * 1000).toISOString() };
}
