import { HANDLING_CODES, UK_HANDLING } from '../../src/domain/provenance';

/**
 * The caller every system answers as: an analyst cleared for everything (Europol H0-H3, UK
 * handling C, victim data). Our service applies its access rules (handling codes, victim
 * redaction) for any caller; with this one they hide nothing, so the three systems answer the
 * same question. The limit's Cypher tests the same rule with these codes as parameters; the peer
 * has no access rules at all (see bench/README.md).
 */
export const FULL_CLEARANCE = {
  roles: ['ANALYST', 'VICTIM_DATA_OFFICER'] as const,
  clearance: 'H3' as const,
  ukConditional: true,
  handling: [...HANDLING_CODES],
  ukHandling: [...UK_HANDLING],
};
