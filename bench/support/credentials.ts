import { randomBytes } from 'node:crypto';

import { signToken } from '../../src/auth/authenticator';
import { FULL_CLEARANCE } from '../systems/clearance';

/**
 * Fresh secrets for the systems under test (their environment, with Neo4j's address) and the
 * bearer token every request carries: an analyst cleared for everything (systems/clearance.ts).
 */
export async function benchCredentials(neo4jUri: string): Promise<{ env: Record<string, string>; token: string }> {
  const secret = randomBytes(32).toString('hex');
  const env = { BENCH_NEO4J_URI: neo4jUri, BENCH_JWT_SECRET: secret, BENCH_PSEUDONYM_KEY: randomBytes(32).toString('hex') };
  const token = await signToken(secret, { issuer: 'msht-graph', audience: 'msht-graph' }, {
    subject: 'bench-analyst',
    agency: 'NCA',
    roles: [...FULL_CLEARANCE.roles],
    clearance: FULL_CLEARANCE.clearance,
    ukConditional: FULL_CLEARANCE.ukConditional,
    expiresIn: '24h',
  });
  return { env, token };
}
