import { accessScope } from '../auth/access-policy';
import { hasRole, type Principal } from '../auth/principal';
import { IDENTIFIER_LABELS, type NodeLabel } from '../domain/graph-model';
import { HANDLING_CODES, mostRestrictive, type HandlingCode } from '../domain/provenance';
import type { ExportPackage } from './export-package';

/**
 * What a reader must be cleared for to download a stored export (GET /exports/:id), recorded with
 * the package when it is stored. A package holds what its creator could see, so a reader who
 * could not see all of it through the API may not read it in a file either.
 */
export interface DownloadAccess {
  /** The highest Europol handling code the package reveals. */
  handling: HandlingCode;
  /** The package reveals UK handling code C material. */
  ukConditional: boolean;
  /** The package holds victims' protected values that were not withheld (pseudonymised). */
  victimData: boolean;
}

/** What a download is checked against: who stored the export, and what reading it needs. */
export interface DownloadableExport {
  subject: string;
  /** Absent on exports stored before this was recorded: then only the creator may download. */
  access?: DownloadAccess | undefined;
}

const IDENTIFIERS: ReadonlySet<NodeLabel> = new Set(IDENTIFIER_LABELS);

/**
 * The clearance a package needs, from what it actually carries:
 * - the most restrictive handling among its items (the manifest's `packageHandling`);
 * - if the manifest counts items the handling rules left out, those counts reveal that such
 *   items exist: they were visible to the creator only, so the reader needs the creator's
 *   clearance (and UK C clearance, if the creator had it) as well;
 * - victim data: the creator could see victims' protected values (so nothing was withheld) and
 *   the package holds a victim or an identifier (whose value may be one a victim holds: the
 *   package alone cannot tell, so every identifier counts).
 */
export function downloadAccessOf(pkg: ExportPackage, creator: Principal): DownloadAccess {
  const { packageHandling, leftOut } = pkg.manifest;
  const countsHidden = leftOut.some((l) => l.nodes + l.edges > 0);
  const victimData =
    accessScope(creator).victimData && pkg.subgraph.nodes.some((n) => !n.redacted && (n.roles.includes('VICTIM') || IDENTIFIERS.has(n.type)));
  return {
    handling: countsHidden ? mostRestrictive([packageHandling.handling, creator.clearance]) : packageHandling.handling,
    ukConditional: packageHandling.ukHandling === 'C' || (countsHidden && creator.ukConditional),
    victimData,
  };
}

/**
 * Whether `p` may download the stored export: its creator, a supervisor or an administrator, and
 * in every case only when the caller's clearance covers the package (handling code, UK code C,
 * victim data): the same rule for the creator, whose token may carry less than when it exported.
 * An export stored without a (well-formed) record of its access is for its creator only.
 */
export function mayDownload(stored: DownloadableExport, p: Principal): boolean {
  const own = stored.subject === p.subject;
  const access = stored.access;
  if (!isDownloadAccess(access)) return own;
  if (!own && !hasRole(p, 'SUPERVISOR', 'ADMIN')) return false;
  return (
    HANDLING_CODES.indexOf(p.clearance) >= HANDLING_CODES.indexOf(access.handling) &&
    (!access.ukConditional || p.ukConditional) &&
    (!access.victimData || accessScope(p).victimData)
  );
}

/** The record as read back from disk: anything else (missing, altered, older) counts as absent. */
function isDownloadAccess(a: unknown): a is DownloadAccess {
  if (typeof a !== 'object' || a === null) return false;
  const r = a as Record<string, unknown>;
  return (HANDLING_CODES as readonly unknown[]).includes(r.handling) && typeof r.ukConditional === 'boolean' && typeof r.victimData === 'boolean';
}
