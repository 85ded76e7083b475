import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Writable } from 'node:stream';

import { warmUp } from '../../../src/app-warm-up';
import { systemGraph } from '../../../src/graph/system-graph';
import { createLogger } from '../../../src/logging/logger';
import { buildTwoGroups } from '../../fixtures/two-groups';
import { resetGraph } from '../../support/reset-graph';
import { countData } from '../../support/test-graph';
import { startTestService, type TestService } from '../../support/test-service';
import { tempDir } from '../../support/temp-dir';

const root = path.join(__dirname, '..', '..', '..');

function capturedLog(): { log: ReturnType<typeof createLogger>; messages: () => { level: string; msg: string }[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').trim().split('\n'));
      done();
    },
  });
  return { log: createLogger('info', stream), messages: () => lines.map((l) => JSON.parse(l) as { level: string; msg: string }) };
}

/**
 * The start-up warm-up (app-warm-up.ts): it runs the monthly picture and regional risk
 * once, writes nothing, and `msht serve` starts it once serving.
 */
describe('the warm-up', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
    await resetGraph(svc.graph);
    await buildTwoGroups(await svc.sdk({ roles: ['INGEST'], clearance: 'H3', ukConditional: true }));
  });
  afterAll(() => svc.close());

  // The graph's own data (the audit trail grows apart, with the requests that built the fixture).
  const counts = () => countData(svc.graph);

  it('runs the heaviest analytics once, reads only, and logs its time', async () => {
    const before = await counts();
    const { log, messages } = capturedLog();
    const ok = await warmUp({ graph: systemGraph(svc.graph, 'warm-up'), limits: svc.config.traversal }, new Date('2024-06-15T08:00:00Z'), log);
    expect(ok).toBe(true);
    expect(await counts()).toEqual(before);
    expect(messages()).toEqual([expect.objectContaining({ level: 'info', msg: 'warm-up done: the monthly picture and regional risk have run once' })]);
  });

  it('logs a failure and gives up, leaving the service as it was', async () => {
    const { log, messages } = capturedLog();
    // A graph whose reads fail, as they do when Neo4j is lost.
    const failing = systemGraph(svc.graph, 'warm-up');
    failing.read = () => Promise.reject(new Error('Neo4j went away'));
    expect(await warmUp({ graph: failing, limits: svc.config.traversal }, new Date(), log)).toBe(false);
    expect(messages()).toEqual([expect.objectContaining({ level: 'warn', msg: 'warm-up stopped; the first analytics request will be slower' })]);
  });

  it('is started by `msht serve` once it serves, and not with MSHT_WARM_UP=off', async () => {
    const serve = (env: Record<string, string>) =>
      new Promise<string[]>((resolve, reject) => {
        const dataDir = tempDir('msht-warm-up-');
        const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', `require('./src/cli/main').main(['serve'])`], {
          cwd: root,
          env: { ...process.env, MSHT_MODE: 'test', NEO4J_URI: process.env.MSHT_TEST_NEO4J_URI!, PORT: '0', LOG_LEVEL: 'info', MSHT_DATA_DIR: dataDir, ...env },
        });
        const seen: string[] = [];
        const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
        readline.createInterface({ input: child.stdout }).on('line', (line) => {
          const msg = (JSON.parse(line) as { msg: string }).msg;
          seen.push(msg);
          // Serving, then (with the warm-up) its end; without it, a moment after serving.
          if (msg.startsWith('warm-up')) child.kill('SIGTERM');
          if (msg === 'msht-graph serving GraphQL' && env.MSHT_WARM_UP === 'off') setTimeout(() => child.kill('SIGTERM'), 2000);
        });
        child.on('error', reject);
        child.on('exit', () => {
          clearTimeout(timer);
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve(seen);
        });
      });
    const on = await serve({});
    expect(on.indexOf('warm-up done: the monthly picture and regional risk have run once')).toBeGreaterThan(on.indexOf('msht-graph serving GraphQL'));
    expect(on).toContain('msht-graph serving GraphQL');
    const off = await serve({ MSHT_WARM_UP: 'off' });
    expect(off).toContain('msht-graph serving GraphQL');
    expect(off.filter((m) => m.startsWith('warm-up'))).toEqual([]);
  }, 120_000);
});
