import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { parseJsonExport } from '../../../src/exports/json-export';
import { buildTwoGroups, type TwoGroups } from '../../fixtures/two-groups';
import { resetGraph } from '../../support/reset-graph';
import { startTestService, type TestService } from '../../support/test-service';
import { testToken } from '../../support/tokens';
import { tempDir } from '../../support/temp-dir';

const root = path.join(__dirname, '..', '..', '..');

/** Runs the msht CLI from source, as `npx msht ...` would from the build. */
function msht(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', `require('./src/cli/main').main(process.argv.slice(1))`, '--', ...args], { cwd: root, env: { ...process.env, MSHT_MODE: 'test' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('msht export', () => {
  let svc: TestService;
  let w: TwoGroups;

  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    w = await buildTwoGroups(await svc.sdk({ roles: ['INGEST'], clearance: 'H3', ukConditional: true }));
  });
  afterAll(() => svc.close());

  it('exports from a running server through the SDK, downloads the file and checks its hash', async () => {
    const out = path.join(tempDir('msht-export-'), 'op.json');
    const token = await testToken({ roles: ['LIAISON'], clearance: 'H3', ukConditional: true, subject: 'cli-liaison' });
    const r = await msht(['export', '--url', svc.url, '--token', token, '--seed', w.operation, '--depth', '2', '--purpose', 'CLI test', '--format', 'JSON', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nodes, \d+ edges, package handling H\d\/[PC], content sha256 [0-9a-f]{64}/);
    const pkg = parseJsonExport(fs.readFileSync(out));
    expect(pkg.manifest).toMatchObject({ exportedBy: { subject: 'cli-liaison' }, recipient: { kind: 'EUROPOL' }, purpose: 'CLI test' });
    expect(pkg.subgraph.nodes.map((n) => n.id)).toContain(w.operation);
  });

  it('explains its usage when asked for nothing it can do', async () => {
    const r = await msht(['export', '--format', 'PDF']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/msht export --seed/);
  });
});
