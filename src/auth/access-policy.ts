import { HANDLING_CODES, type HandlingCode, type UkHandling } from '../domain/provenance';
import { hasRole, type Principal } from './principal';

/**
 * What a caller may see, reduced to the values the data layer puts into every Cypher query it
 * runs (graph/queries/access.ts). Pure: no I/O. See README#who-may-see-what.
 */
export interface AccessScope {
  /** Europol handling codes visible to the caller. */
  handling: HandlingCode[];
  /** UK handling codes visible to the caller. */
  ukHandling: UkHandling[];
  /** May see victims' names, dates of birth and identifier values. */
  victimData: boolean;
}

export function accessScope(p: Principal): AccessScope {
  const max = HANDLING_CODES.indexOf(p.clearance);
  return {
    handling: HANDLING_CODES.slice(0, max + 1),
    ukHandling: p.ukConditional ? ['P', 'C'] : ['P'],
    victimData: hasRole(p, 'VICTIM_DATA_OFFICER'),
  };
}

export function canWrite(p: Principal): boolean {
  return hasRole(p, 'INGEST', 'ADMIN');
}

/** The audit trail is read by supervisors and administrators only. */
export function canReadAudit(p: Principal): boolean {
  return hasRole(p, 'SUPERVISOR', 'ADMIN');
}

/**
 * Cleared for everything the graph may hold (H3, UK code C, victims' data): such an auditor reads
 * every request's variables and export manifests. Another sees who asked what when, but not those:
 * they name records, counts and handling that its clearance may not cover.
 */
export function clearedForEverything(p: Principal): boolean {
  const scope = accessScope(p);
  return scope.handling.length === HANDLING_CODES.length && scope.ukHandling.includes('C') && scope.victimData;
}
