import { parseArgs } from 'node:util';

import { signToken } from '../../auth/authenticator';
import { ROLES, type Role } from '../../auth/principal';
import { loadOrCreateSecret } from '../../auth/secrets';
import { loadConfig } from '../../config/config';
import { HANDLING_CODES, type HandlingCode } from '../../domain/provenance';

/** `msht token --role ANALYST ...`: prints a bearer token signed with the service's HS256 key. */
export async function tokenCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: {
    role: { type: 'string', multiple: true },
    agency: { type: 'string', default: 'MSHT' },
    clearance: { type: 'string' },
    ukc: { type: 'boolean', default: false },
    subject: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  } });
  const roles = (values.role ?? []).map((r) => r.toUpperCase().replace(/-/g, '_'));
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || bad.length > 0) {
    process.stderr.write(`--role must be one or more of ${ROLES.join(', ')}${bad.length ? ` (got ${bad.join(', ')})` : ''}\n`);
    return 2;
  }
  const clearance = (values.clearance ?? (roles.includes('ADMIN') || roles.includes('SUPERVISOR') ? 'H3' : 'H1')).toUpperCase();
  if (!(HANDLING_CODES as readonly string[]).includes(clearance)) {
    process.stderr.write(`--clearance must be one of ${HANDLING_CODES.join(', ')}\n`);
    return 2;
  }
  const config = loadConfig();
  const secret = config.auth.jwtSecret ?? (config.mode !== 'production' ? loadOrCreateSecret(config.dataDir, 'jwt-hs256') : undefined);
  if (!secret) {
    process.stderr.write('no HS256 key: set MSHT_AUTH_JWT_SECRET (production tokens come from your identity provider)\n');
    return 2;
  }
  const token = await signToken(secret, config.auth, {
    subject: values.subject ?? `dev-${roles[0]!.toLowerCase()}`,
    agency: values.agency!,
    roles: roles as Role[],
    clearance: clearance as HandlingCode,
    ukConditional: values.ukc!,
    expiresIn: values.expires!,
  });
  process.stdout.write(token + '\n');
  return 0;
}
