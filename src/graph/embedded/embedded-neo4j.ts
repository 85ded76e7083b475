import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';

import type { EmbeddedNeo4jConfig } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { buildLauncher, launcherNeedsBuild, launcherPaths } from './launcher-build';

export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  edition: string;
  apoc: boolean;
  pid: number;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

const READY = /^MSHT_NEO4J_READY (\S+) version=(\S+) edition=(\S+) apoc=(\S+)/;
const FAILED = /^MSHT_NEO4J_FAILED (.*)$/;

/** Which JVM flags the Neo4j 5.x server itself starts with; embedded on Java 17 works with them. */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
];

/**
 * Starts the embedded Neo4j launcher (building it first if needed), waits for its ready line,
 * keeps draining its output into the log, and stops it when this process exits. Its stdin stays
 * open: if this process dies without stopping it, the launcher sees end-of-input and shuts down,
 * so no orphan keeps the store lock or the port.
 */
export async function startEmbeddedNeo4j(cfg: EmbeddedNeo4jConfig, log: Logger): Promise<EmbeddedNeo4j> {
  const paths = launcherPaths();
  if (launcherNeedsBuild(paths)) await buildLauncher(log, paths);
  fs.mkdirSync(cfg.homeDir, { recursive: true });

  const args = [
    `-Xmx${cfg.heap}`,
    `-Xms${cfg.heap}`,
    ...JVM_FLAGS,
    '-jar',
    paths.jar,
    `--home=${cfg.homeDir}`,
    `--bolt=${cfg.boltHost}:${cfg.boltPort}`,
    `--pagecache=${cfg.pageCache}`,
    `--tx-timeout=${cfg.txTimeoutSeconds}s`,
    ...(cfg.txMemoryMax ? [`--tx-memory-max=${cfg.txMemoryMax}`] : []),
    `--plugins=${paths.plugins}`,
  ];
  log.info({ home: cfg.homeDir, bolt: `${cfg.boltHost}:${cfg.boltPort}`, heap: cfg.heap, pageCache: cfg.pageCache }, 'starting embedded Neo4j');
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };

  const ready = new Promise<EmbeddedNeo4j>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`embedded Neo4j did not report ready within ${cfg.startTimeoutMs / 1000} s (MSHT_NEO4J_START_TIMEOUT); last output:\n${tail.join('\n')}\nSee ${cfg.homeDir}/logs/debug.log`));
    }, cfg.startTimeoutMs);
    timer.unref();

    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      const ok = READY.exec(line);
      if (ok) {
        clearTimeout(timer);
        resolve({ uri: ok[1]!, version: ok[2]!, edition: ok[3]!, apoc: ok[4] === 'true', pid: child.pid!, stop: () => stopChild(child) });
        return;
      }
      const failed = FAILED.exec(line);
      if (failed) {
        clearTimeout(timer);
        reject(new Error(`embedded Neo4j failed to start: ${explain(failed[1]!, cfg)}`));
        return;
      }
      log.debug({ neo4j: line }, 'neo4j stdout');
    });
    // stderr is drained too: a full pipe would block Neo4j's logging.
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      remember(line);
      log.debug({ neo4j: line }, 'neo4j stderr');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start java for the embedded Neo4j: ${e.message}. Install Java 17+, or set NEO4J_URI.`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`embedded Neo4j exited before it was ready (code ${code}, signal ${signal}); last output:\n${tail.join('\n')}`));
    });
  });

  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', (code, signal) => {
    process.removeListener('exit', killOnExit);
    log.info({ code, signal }, 'embedded Neo4j stopped');
  });

  const db = await ready;
  log.info({ uri: db.uri, version: db.version, edition: db.edition, apoc: db.apoc, pid: db.pid }, 'embedded Neo4j ready');
  return db;
}

function explain(reason: string, cfg: EmbeddedNeo4jConfig): string {
  if (/FileLock|lock/i.test(reason)) {
    return `${reason}\nAnother Neo4j process already uses ${cfg.homeDir}: stop it, or set MSHT_DATA_DIR to another folder.`;
  }
  if (/Address already in use|BindException|bind/i.test(reason)) {
    return `${reason}\nPort ${cfg.boltPort} is taken: set MSHT_NEO4J_BOLT_PORT to a free port.`;
  }
  return reason;
}

function stopChild(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
