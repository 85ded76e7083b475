import fs from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../../util/project-root';

/**
 * The folder of third-party source data (`shared/data`: NRM statistics, CTDC), which every
 * developer and CI run has beside the project at `../shared`. A checkout in a nested folder (a
 * second work tree) finds it further up, so each ancestor's `shared/data` is tried in turn.
 * `MSHT_SHARED_DATA` names it outright (CI sets it for a clone made elsewhere; tests, benchmarks
 * and scripts read it, never the service). The data is read-only and never copied into the
 * project; we commit only what we derive from it. Throws, naming every place it looked, when
 * there is none.
 */
export function sharedDataDir(start: string = projectRoot(), named: string | null = process.env.MSHT_SHARED_DATA ?? null): string {
  if (named) return path.resolve(named);
  const tried: string[] = [];
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, '..', 'shared', 'data');
    tried.push(candidate);
    if (fs.existsSync(path.join(candidate, 'nrm')) || fs.existsSync(path.join(candidate, 'ctdc'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`the shared source data folder is missing: expected shared/data beside the project; looked in ${[...new Set(tried)].join(', ')}`);
}
