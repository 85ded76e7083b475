import type { HandlingCode } from '../domain/provenance';

/** Roles a caller may hold (JWT claim `roles`). See README#roles. */
export const ROLES = ['ANALYST', 'VICTIM_DATA_OFFICER', 'LIAISON', 'INGEST', 'SUPERVISOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: from a verified token, or the built-in principal of a CLI command. */
export interface Principal {
  subject: string;
  agency: string;
  roles: Role[];
  /** Highest Europol handling code the caller may see (H0 < H1 < H2 < H3). */
  clearance: HandlingCode;
  /** Cleared for UK handling code C (sharing with conditions) as well as P. */
  ukConditional: boolean;
}

export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}

/** The principal CLI commands (migrate, seed, import) run as: sees and writes everything. */
export const SYSTEM_PRINCIPAL: Principal = {
  subject: 'system',
  agency: 'MSHT',
  roles: ['ADMIN', 'INGEST', 'VICTIM_DATA_OFFICER', 'SUPERVISOR', 'LIAISON', 'ANALYST'],
  clearance: 'H3',
  ukConditional: true,
};
