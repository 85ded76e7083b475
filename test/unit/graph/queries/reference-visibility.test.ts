import { visible } from '../../../../src/graph/queries/access';
import { importedReferralsQuery } from '../../../../src/graph/queries/analytics/imported-referrals.query';
import { liveOperationsQuery } from '../../../../src/graph/queries/analytics/monthly.query';
import { regionTotalsQuery } from '../../../../src/graph/queries/analytics/regional-risk.query';
import { duplicateCandidatesQuery } from '../../../../src/graph/queries/network/duplicates.query';

/**
 * Reference nodes (countries, forces) cannot be given restricted handling through the API or an
 * import, so no integration test can hide one; these statements are checked as text instead:
 * every node and relationship their patterns bind by name, reference nodes included, is tested
 * with visible(), so a force or country that ever is restricted neither groups nor scores.
 */

/** The names a pattern binds: `(name:Label` and `[name:TYPE`. */
function bound(cypher: string): string[] {
  return [...new Set([...cypher.matchAll(/[([]([A-Za-z_]\w*):[A-Z]/g)].map((m) => m[1]!))];
}

describe('statements that reach reference nodes test them for visibility', () => {
  it.each([
    ['live operations by force', liveOperationsQuery('2024-01-01', '2024-01-31').cypher],
    ['regions’ totals', regionTotalsQuery('2024-01-01', '2024-12-31').cypher],
    ['imported referrals by force', importedReferralsQuery(['2024Q1']).cypher],
    ['duplicate candidates (nationalities)', duplicateCandidatesQuery({ ids: null, groupId: null, minScore: 0.5, limit: 100, weights: {}, nameFold: {} }).cypher],
  ])('%s', (_name, cypher) => {
    const names = bound(cypher);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((v) => !cypher.includes(visible(v)))).toEqual([]);
  });
});
