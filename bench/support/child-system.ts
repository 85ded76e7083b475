import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.join(ROOT, '.bench-data', 'build');

/**
 * Compiles the systems (and src/) with tsc into .bench-data/build, so each runs as plain
 * JavaScript the way production runs `dist/`: no ts-node, whose source-map hook makes every
 * captured stack trace (the driver takes one per query) far dearer than in production.
 */
export function buildSystems(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'bench', 'tsconfig.systems.json')], { stdio: 'inherit' });
}

/** A system under test, running in a child process of its own (so it has its own memory figure). */
export interface SystemProcess {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const READY = /^BENCH_READY (\S+)/;

/**
 * Starts `script` (a bench/systems/*.ts file, compiled by buildSystems(), or into `buildDir`) and waits for its BENCH_READY line.
 * Its output is kept (the last lines) to explain a failure; stderr is passed through.
 */
export function startSystem(name: string, script: string, env: Record<string, string>, timeoutMs = 300_000, buildDir = BUILD): Promise<SystemProcess> {
  // BENCH_PROFILE_DIR: each system writes a V8 CPU profile there when it stops (chrome://inspect, speedscope).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(buildDir, 'bench', 'systems', script.replace(/\.ts$/, '.js'))], {
    // Every system runs as production runs (graphql-js, express and Apollo read NODE_ENV).
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    keep(line);
    process.stderr.write(`[${name}] ${line}\n`);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${tail.join('\n')}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${tail.join('\n')}`));
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = READY.exec(line);
      if (!m) return keep(line);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        name,
        url: m[1]!,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(force);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
