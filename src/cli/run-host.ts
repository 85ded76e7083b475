import os from 'node:os';

import type { RunHost } from '../ingestion/run-import';

/** This process as an import run's owner: its host and pid, and how to tell whether a pid lives. */
export function thisHost(): RunHost {
  return {
    host: os.hostname(),
    pid: process.pid,
    isAlive: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (e) {
        // EPERM: the process exists but belongs to someone else.
        return (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  };
}
