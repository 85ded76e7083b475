import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CTDC_COLUMNS } from '../../../src/ingestion/ctdc/ctdc-row';
import { planFiles } from '../../../src/ingestion/plan-files';
import { prepareImport } from '../../../src/ingestion/prepare-import';
import { runStagedImport, type ImportSummary } from '../../../src/ingestion/run-import';
import { NRM_POLICE_FORCE_FILE, NRM_TOTAL, readNrmQuarterly } from '../../../src/ingestion/reference/nrm-files';
import { sharedDataDir } from '../../../src/ingestion/reference/shared-data';
import { POLICE_FORCES } from '../../../src/domain/reference/police-forces';
import { resetGraph } from '../../support/reset-graph';
import { startTestService } from '../../support/test-service';
import { testGraph, type TestGraph } from '../../support/test-graph';

const host = { host: 'test', pid: process.pid, isAlive: () => true };

async function importFiles(t: TestGraph, format: 'ctdc' | 'nrm', files: string[]): Promise<ImportSummary> {
  const now = new Date();
  const { plan, sha256 } = planFiles(format, files, { now });
  const prepared = await prepareImport(t.system, plan, now);
  if (!prepared.ok) throw new Error(prepared.bad.slice(0, 5).map((b) => `${b.file}:${b.line}: ${b.reason}`).join('\n'));
  return runStagedImport(t.system, prepared.prepared, { batchSize: 10_000, sha256, runHost: host });
}

describe('importing the real CTDC and NRM files', () => {
  let t: TestGraph;
  const data = sharedDataDir();

  beforeAll(async () => {
    t = testGraph();
    await resetGraph(t.client);
  });
  afterAll(() => t.close());

  it('imports the CTDC file as exactly 47,102 victims, and a second import changes nothing', async () => {
    const file = path.join(data, 'ctdc', 'ctdc_global_dataset_2017_kanon.csv');
    const first = await importFiles(t, 'ctdc', [file]);
    expect(first.rows).toBe(47_102);
    expect(first.nodes.created).toBe(47_102 * 2 + 1);
    expect(first.runId).toMatch(/^imp-/);
    const [victims] = await t.client.read({ cypher: "MATCH (p:Person:Victim) WHERE p.agency = 'CTDC' RETURN count(p) AS n", params: {} });
    expect(victims!.n).toBe(47_102);
    const [female] = await t.client.read({ cypher: "MATCH (p:Person:Victim {gender: 'FEMALE'}) RETURN count(p) AS n", params: {} });
    expect(female!.n).toBe(33_850);
    // Missing stays missing: no age band where CTDC recorded none.
    const [noBand] = await t.client.read({ cypher: "MATCH (p:Person:Victim) WHERE p.agency = 'CTDC' AND p.ageBand IS NULL RETURN count(p) AS n", params: {} });
    expect(noBand!.n).toBe(11_819);

    const second = await importFiles(t, 'ctdc', [file]);
    expect(second.nodes).toEqual({ created: 0, updated: 0, unchanged: first.nodes.created });
    expect(second.relationships).toEqual({ created: 0, updated: 0, unchanged: first.relationships.created });
    expect(second.runId).toBeNull();
  }, 900_000);

  it('imports another CTDC-format file under an earlier one’s name as records of its own, never over the earlier victims', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msht-ctdc-'));
    try {
      const header = CTDC_COLUMNS.join(',');
      const row = (gender: string) => CTDC_COLUMNS.map((c) => (c === 'gender' ? gender : '')).join(',');
      const file = path.join(dir, 'victims.csv');
      fs.writeFileSync(file, `${header}\n${row('Female')}\n`);
      const first = await importFiles(t, 'ctdc', [file]);
      fs.writeFileSync(file, `${header}\n${row('Male')}\n${row('Male')}\n`);
      const second = await importFiles(t, 'ctdc', [file]);
      expect([first.nodes.created, second.nodes.created]).toEqual([1 + 1 * 2, 1 + 2 * 2]);
      const rows = await t.client.read({ cypher: "MATCH (p:Person:Victim) WHERE p.id STARTS WITH 'per-victims-' RETURN p.gender AS gender, count(*) AS n ORDER BY gender", params: {} });
      expect(rows).toEqual([
        { gender: 'FEMALE', n: 1 },
        { gender: 'MALE', n: 2 },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports the NRM tables so that referrals per force and quarter equal the police table', async () => {
    const s = await importFiles(t, 'nrm', [path.join(data, 'nrm')]);
    expect(s.rows).toBe(27_034 + 21_408);
    const rows = await t.client.read({
      cypher: `MATCH (s:NRMStatistic)-[:REFERRED_BY_FORCE]->(f:PoliceForce)
               RETURN f.code AS force, s.period AS period, sum(s.people) AS people`,
      params: {},
    });
    const got = new Map(rows.map((r) => [`${r.force}|${r.period}`, r.people as number]));
    // The police table's own totals: every dimension Total, per force and quarter.
    const expected = new Map<string, number>();
    for (const r of readNrmQuarterly(path.join(data, 'nrm'), NRM_POLICE_FORCE_FILE)) {
      const force = POLICE_FORCES.find((f) => f.name === r.responder);
      if (!force || [r.exploitationType, r.ageGroup, r.gender, r.nationality].some((d) => d !== NRM_TOTAL)) continue;
      expected.set(`${force.code}|${r.year}${r.quarter}`, r.people);
    }
    expect(expected.size).toBeGreaterThan(200);
    expect(got).toEqual(expected);
    // README check values for 2023.
    const year = await t.client.read({
      cypher: "MATCH (s:NRMStatistic) WHERE s.year = 2023 AND s.forceCode IN ['MPS', 'PSCOT', 'WYP'] RETURN s.forceCode AS f, sum(s.people) AS n ORDER BY n DESC",
      params: {},
    });
    expect(year.map((r) => [r.f, r.n])).toEqual([
      ['MPS', 670],
      ['PSCOT', 242],
      ['WYP', 236],
    ]);
    const [all] = await t.client.read({ cypher: 'MATCH (s:NRMStatistic) WHERE s.year = 2023 RETURN sum(s.people) AS n', params: {} });
    expect(all!.n).toBe(17_023);
  }, 600_000);

  it('feeds the imported referrals into regional risk, a quarter the window covers in part pro rata', async () => {
    const svc = await startTestService();
    try {
      const sdk = await svc.sdk({ roles: ['ANALYST'], clearance: 'H0' });
      const year = (await sdk.RegionalRisk({ from: '2023-01-01', to: '2023-12-31' })).regionalRisk;
      expect(year.referralsSource).toMatch(/imported NRM statistics .*2023Q1 to 2023Q4/);
      const met = year.forces.find((f) => f.code === 'MPS')!;
      expect(met.importedReferrals).toBe(670);
      expect(met.referrals).toBe(met.graphReferrals + 670);
      expect(year.forces.reduce((n, f) => n + (f.importedReferrals ?? 0), 0)).toBeGreaterThan(0);
      // 2023-01-01 to 2023-02-14: 45 of Q1's 90 days, so half of the Met's Q1 referrals.
      const [q1] = await t.client.read({ cypher: "MATCH (s:NRMStatistic {forceCode: 'MPS', period: '2023Q1'}) RETURN sum(s.people) AS n", params: {} });
      const half = (await sdk.RegionalRisk({ from: '2023-01-01', to: '2023-02-14' })).regionalRisk;
      expect(half.forces.find((f) => f.code === 'MPS')!.importedReferrals).toBe(Math.round((q1!.n as number) / 2));
      // A window the statistics do not cover: imported, but nothing in it.
      const old = (await sdk.RegionalRisk({ from: '1999-01-01', to: '1999-12-31' })).regionalRisk;
      expect(old.referralsSource).toMatch(/cover no quarter/);
      expect(old.forces.every((f) => f.importedReferrals === 0)).toBe(true);
    } finally {
      await svc.close();
    }
  }, 120_000);
});
