import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** A system under test, running in a child process of its own (so it has its own memory figure). */
export interface SystemProcess {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const READY = /^BENCH_READY (\S+)/;

/**
 * Starts `script` (a bench/systems/*.ts file) with ts-node and waits for its BENCH_READY line.
 * Its output is kept (the last lines) to explain a failure; stderr is passed through.
 */
export function startSystem(name: string, script: string, env: Record<string, string>, timeoutMs = 300_000): Promise<SystemProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.resolve(__dirname, '..', 'systems', script)], {
    env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
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
