import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { Logger } from '../../logging/logger';
import { projectRoot } from '../../util/project-root';

export interface LauncherPaths {
  dir: string;
  jar: string;
  plugins: string;
}

export function launcherPaths(): LauncherPaths {
  const dir = path.join(projectRoot(), 'neo4j', 'launcher');
  return {
    dir,
    jar: path.join(dir, 'target', 'msht-neo4j-launcher.jar'),
    plugins: path.join(dir, 'target', 'plugins'),
  };
}

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** True when the jar is missing or older than the pom or the Java sources. */
export function launcherNeedsBuild(paths: LauncherPaths = launcherPaths()): boolean {
  if (!fs.existsSync(paths.jar) || !fs.existsSync(path.join(paths.dir, 'target', 'lib'))) return true;
  const built = fs.statSync(paths.jar).mtimeMs;
  return newestMtime(path.join(paths.dir, 'pom.xml')) > built || newestMtime(path.join(paths.dir, 'src')) > built;
}

/**
 * Builds the launcher with Maven (downloads Neo4j from Maven Central the first time, about
 * 130 MB). Output is drained into the log so a slow first build shows progress.
 */
export async function buildLauncher(log: Logger, paths: LauncherPaths = launcherPaths()): Promise<void> {
  log.info({ dir: paths.dir }, 'building the embedded Neo4j launcher with Maven (first run downloads Neo4j, about 130 MB)');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('mvn', ['-B', '-q', '-Dmaven.wagon.http.retryHandler.count=3', 'package'], {
      cwd: paths.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 30) tail.shift();
        log.debug({ maven: line }, 'maven');
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) =>
      reject(new Error(`cannot run Maven (mvn) to build the embedded Neo4j launcher: ${e.message}. Install Maven and Java 17+, or set NEO4J_URI to use an existing Neo4j.`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Maven build of neo4j/launcher failed (exit ${code}):\n${tail.join('\n')}`)),
    );
  });
}
