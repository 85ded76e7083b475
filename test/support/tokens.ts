import { signToken } from '../../src/auth/authenticator';
import type { Role } from '../../src/auth/principal';
import type { HandlingCode } from '../../src/domain/provenance';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const TEST_AUTH = { issuer: 'msht-graph', audience: 'msht-graph' };

export interface TokenOptions {
  roles: Role[];
  clearance?: HandlingCode;
  ukConditional?: boolean;
  subject?: string;
  agency?: string;
  expiresIn?: string;
}

export function testToken(o: TokenOptions): Promise<string> {
  return signToken(TEST_JWT_SECRET, TEST_AUTH, {
    subject: o.subject ?? `test-${o.roles[0]!.toLowerCase()}`,
    agency: o.agency ?? 'NCA',
    roles: o.roles,
    clearance: o.clearance ?? 'H1',
    ukConditional: o.ukConditional ?? false,
    expiresIn: o.expiresIn ?? '1h',
  });
}
