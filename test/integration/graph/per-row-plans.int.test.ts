import type { Driver } from 'neo4j-driver';

import { newPeopleQuery } from '../../../src/graph/queries/analytics/monthly.query';
import { bulkNodesQuery, bulkRelsQuery } from '../../../src/graph/queries/bulk-write.query';
import { restoreRelsQuery } from '../../../src/graph/queries/import-run.query';
import { mergeRecordQuery } from '../../../src/graph/queries/merge.query';
import { sharedIdentifiersQuery } from '../../../src/graph/queries/network/shared-identifiers.query';
import { unlinkQuery } from '../../../src/graph/queries/write.query';
import type { CypherQuery } from '../../../src/graph/query';
import { planDriver, planOf } from '../../support/query-plan';

/**
 * The plans Neo4j makes for look-ups that run once per row (or per merge), where a plan that reads
 * more than the row needs grows with the data: each of these was found reading every backup of a
 * run, every link of a country or every earlier event for each row, at seconds to minutes a
 * statement (README.md#measured-throughput); and a read that started from every person of a role
 * when asked about a few. EXPLAIN only: nothing is run, and nothing is timed.
 */
describe('per-row look-ups are planned on the index that names the row', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = planDriver();
  });
  afterAll(() => driver.close());

  const plan = (q: CypherQuery) => planOf(driver, q);

  it("an updating import finds each item's backup on the run-and-item index, never by the run alone", async () => {
    const row = { id: 'per-x', props: { name: 'X' }, dates: {}, prov: { reportId: 'rep-x', agency: 'A', recordedAt: '2024-01-01T00:00:00Z', gradeSource: 2, gradeIntel: 'B', ukHandling: 'P', handling: 'H1', consent: false } };
    const nodes = await plan(bulkNodesQuery('Person', 'upsert', [row], 'run-x'));
    expect(nodes.filter((o) => o.includes('ImportBackup(__run, __of)')).length).toBeGreaterThanOrEqual(2);
    const rels = await plan(bulkRelsQuery('MEMBER_OF', 'upsert', [{ from: 'per-x', to: 'ocg-x', props: {}, dates: {}, prov: row.prov }], 'run-x'));
    expect(rels.filter((o) => o.includes('ImportBackup(__run, __relId)')).length).toBeGreaterThanOrEqual(2);
    // Never by the run alone, and never a scan of the whole index (planned on a cold graph, a named index was scanned for each row).
    for (const ops of [nodes, rels]) expect(ops.filter((o) => /ImportBackup\(__run\)/.test(o) || (/IndexScan/.test(o) && o.includes('ImportBackup')))).toEqual([]);
  });

  it('a rollback finds each relationship it restores by its element id, not among all the links of its end', async () => {
    const ops = await plan(restoreRelsQuery('run-x'));
    expect(ops.some((o) => /RelationshipByElementIdSeek/.test(o) && o.includes('b.__relId'))).toBe(true);
    expect(ops.filter((o) => /^Expand\(All\)/.test(o) && o.includes('found'))).toEqual([]);
  });

  it('an unlink finds the links between its two ends, not among all the links into one', async () => {
    const ops = await plan(unlinkQuery('NATIONAL_OF', 'per-x', 'country-GB', {}));
    expect(ops.some((o) => /^(Optional)?Expand\(Into\)/.test(o))).toBe(true);
    expect(ops.filter((o) => /Expand\(All\)|HashJoin/.test(o))).toEqual([]);
  });

  it("the monthly picture tests a person's earlier events from the person, not from the date index", async () => {
    const ops = await plan(newPeopleQuery('2024-01-01', '2024-01-31'));
    // The month's own events (`e`) may come from the date index, once; the earlier events (`b`, per person) never do.
    expect(ops.filter((o) => /Index/.test(o) && o.includes('b:Exploitation'))).toEqual([]);
  });

  it("a merge's record is found by its id on an index", async () => {
    const ops = await plan(mergeRecordQuery('merge-x'));
    expect(ops.some((o) => /NodeUniqueIndexSeek/.test(o) && o.includes('MergeRecord(id)'))).toBe(true);
    expect(ops.filter((o) => /LabelScan/.test(o))).toEqual([]);
  });

  it('shared identifiers of people asked for by id start from those people, not from everyone of the counterpart role', async () => {
    const ops = await plan(sharedIdentifiersQuery({ ids: ['per-x', 'per-y'], subjectTypes: ['Person'], counterpartRoles: ['Offender'], viaTypes: null, untargetedOnly: false, limit: 100 }));
    expect(ops.some((o) => /NodeUniqueIndexSeek/.test(o) && o.includes('x:Entity(id)'))).toBe(true);
    expect(ops.filter((o) => /LabelScan|AllNodesScan/.test(o))).toEqual([]);
  });
});
