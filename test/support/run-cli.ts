import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './temp-dir';

const ROOT = path.join(__dirname, '..', '..');

/** The environment a CLI child process runs with: the run's Neo4j, test mode, its own data folder. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const uri = process.env.MSHT_TEST_NEO4J_URI;
  if (!uri) throw new Error('no test Neo4j: run integration tests through jest (global setup starts one)');
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEO4J_URI: uri,
    MSHT_MODE: 'test',
    MSHT_DATA_DIR: tempDir('msht-cli-'),
    LOG_LEVEL: 'warn',
    MSHT_QUERY_TIMEOUT_MS: '600000',
    MSHT_IMPORT_TIMEOUT_MS: '600000',
    ...extra,
  };
}

/** Starts `msht <args>` from the sources (ts-node, types not checked) as a child process. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = cliEnv()): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'test', 'support', 'cli.ts'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return collect(spawnCli(args, env));
}
