import type { Logger } from './logging/logger';
import { monthlyInsight, regionalRisk, type InsightDeps } from './analytics/insights';

/**
 * Runs the heaviest analytics once, as the service starts serving: the monthly picture of the
 * current month and regional risk over the last twelve months. After a start, Neo4j has planned
 * none of their statements, compiled none of its runtime for them and read none of their pages:
 * at `large` the first monthly picture took 4 to 5 s and the second under 1 s, for any month,
 * since the statements are the same for every month (README.md#warm-up). The warm-up pays that
 * once, in the background; requests are served meanwhile and share Neo4j with it.
 *
 * It reads with the caller given (the system graph at start-up), writes nothing and is not
 * audited (it is no one's request). A failure is logged and changes nothing: the first analyst
 * then pays the cold start, as without it. Resolves to whether it finished.
 */
export async function warmUp(d: InsightDeps, now: Date, log: Logger): Promise<boolean> {
  const started = Date.now();
  const yearBefore = new Date(now);
  yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
  try {
    await monthlyInsight(d, now.toISOString().slice(0, 7));
    await regionalRisk(d, { from: yearBefore.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) });
    log.info({ ms: Date.now() - started }, 'warm-up done: the monthly picture and regional risk have run once');
    return true;
  } catch (e) {
    log.warn({ err: e, ms: Date.now() - started }, 'warm-up stopped; the first analytics request will be slower');
    return false;
  }
}
