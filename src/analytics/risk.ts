import type { RawForceRisk, RawRegionTotals } from '../graph/insight.reader';

/**
 * Regional risk (pure). The score is a weighted sum of each component divided by its largest
 * value across areas, so 100 means "highest on every component":
 *   score = 100 * (0.35 V/Vmax + 0.25 N/Nmax + 0.20 O/Omax + 0.20 G/Gmax)
 * with V victims, N NRM referrals (graph records plus imported statistics), O offenders and
 * G groups. Live operations do not lower the score; they define the gap: an area is a gap when
 * its victims are in the top quarter of areas with any victims and it has at most one live
 * operation, or more than 10 victims per live operation.
 */
export const RISK_WEIGHTS = { victims: 0.35, referrals: 0.25, offenders: 0.2, groups: 0.2 } as const;
export const RISK_FORMULA = 'score = 100 * (0.35*victims/maxVictims + 0.25*nrmReferrals/maxNrmReferrals + 0.20*offenders/maxOffenders + 0.20*groups/maxGroups)';
export const GAP_RULE = 'gap = victims in the top quarter of areas with victims and at most 1 live operation, or more than 10 victims per live operation';

export interface RiskComponents {
  victims: number;
  referrals: number;
  offenders: number;
  groups: number;
  liveOperations: number;
}

export interface AreaRisk extends RiskComponents {
  code: string;
  name: string;
  score: number;
  /** Each component's share of the score (weight × normalised value × 100). */
  contributions: { victims: number; referrals: number; offenders: number; groups: number };
  victimsPerLiveOperation: number | null;
  gap: boolean;
  gapReason: string | null;
}

export function scoreAreas(areas: (RiskComponents & { code: string; name: string })[]): AreaRisk[] {
  const max = (k: keyof RiskComponents) => Math.max(1, ...areas.map((a) => a[k]));
  const mv = max('victims');
  const mn = max('referrals');
  const mo = max('offenders');
  const mg = max('groups');
  const withVictims = areas.map((a) => a.victims).filter((v) => v > 0).sort((a, b) => a - b);
  const q3 = withVictims.length ? withVictims[Math.floor(withVictims.length * 0.75)]! : Infinity;
  return areas
    .map((a) => {
      const contributions = {
        victims: round(100 * RISK_WEIGHTS.victims * (a.victims / mv)),
        referrals: round(100 * RISK_WEIGHTS.referrals * (a.referrals / mn)),
        offenders: round(100 * RISK_WEIGHTS.offenders * (a.offenders / mo)),
        groups: round(100 * RISK_WEIGHTS.groups * (a.groups / mg)),
      };
      const score = round(contributions.victims + contributions.referrals + contributions.offenders + contributions.groups);
      const perOp = a.liveOperations > 0 ? round(a.victims / a.liveOperations) : null;
      let gapReason: string | null = null;
      if (a.victims > 0 && a.victims >= q3 && a.liveOperations <= 1) gapReason = `${a.victims} victims (top quarter) and ${a.liveOperations} live operation${a.liveOperations === 1 ? '' : 's'}`;
      else if (perOp !== null && perOp > 10) gapReason = `${perOp} victims per live operation`;
      return { ...a, score, contributions, victimsPerLiveOperation: perOp, gap: gapReason !== null, gapReason };
    })
    .sort((x, y) => y.score - x.score || x.code.localeCompare(y.code));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The regions (ROCU areas) with their components: victims, offenders, groups, graph referrals and
 * live operations as the graph counts them per region (each item once in a region, however many
 * of its forces it is recorded in, items recorded in the region itself among them), and the
 * imported statistics' referrals of its forces added. Every region a force counts under is
 * listed (UNKNOWN for forces without a visible region), and any other region with something of
 * its own.
 */
export function byRegion(forces: (RawForceRisk & { referralsTotal: number })[], totals: RawRegionTotals): (RiskComponents & { code: string; name: string })[] {
  const regions = new Map<string, RiskComponents & { code: string; name: string }>();
  const known = new Map(totals.regions.map((r) => [r.code, r]));
  const region = (code: string) => {
    let r = regions.get(code);
    if (!r) {
      const k = known.get(code);
      r = { code, name: k?.rocu ? `${k.name} (${k.rocu})` : (k?.name ?? code), victims: 0, referrals: 0, offenders: 0, groups: 0, liveOperations: 0 };
      regions.set(code, r);
    }
    return r;
  };
  for (const f of forces) region(f.regionCode ?? 'UNKNOWN').referrals += f.referralsTotal - f.referrals;
  for (const p of totals.people) Object.assign(region(p.region), { victims: p.victims, offenders: p.offenders, groups: p.groups });
  for (const n of totals.referrals) region(n.region).referrals += n.referrals;
  for (const o of totals.operations) region(o.region).liveOperations = o.operations;
  return [...regions.values()];
}
