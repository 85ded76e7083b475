/**
 * An import run: one file (or set of files) written into the graph in many transactions, or one
 * seeded world. Its record, an `ImportRun` node, says what was written and how far it got, so
 * that an unfinished run can be told apart from a finished one and undone
 * (../../README.md#importing-data).
 *
 * RUNNING: writing; its created items carry `__importRun`. COMMITTED: every batch written; the
 * run marks are removed right after (`cleaned` true once done). ROLLING_BACK: being undone.
 * A rolled-back run leaves no record.
 */
export const RUN_STATUSES = ['RUNNING', 'COMMITTED', 'ROLLING_BACK'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_KINDS = ['IMPORT', 'SEED'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export interface ImportRun {
  id: string;
  kind: RunKind;
  format: string;
  /** The files as given (absolute paths), or the seed's scale and number. */
  source: string[];
  /** SHA-256 of the files' bytes, in order; for a seed, of its parameters. */
  sha256: string;
  status: RunStatus;
  cleaned: boolean;
  host: string;
  pid: number;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt?: Date | null;
  [counter: string]: unknown;
}

/** A run nobody is finishing: its process is gone (same host), or it has been silent too long. */
export function isAbandoned(run: Pick<ImportRun, 'status' | 'host' | 'pid' | 'heartbeatAt'>, now: Date, host: string, isAlive: (pid: number) => boolean, silentMs = 10 * 60_000): boolean {
  if (run.status === 'COMMITTED') return false;
  if (run.host === host) return !isAlive(run.pid);
  return now.getTime() - run.heartbeatAt.getTime() > silentMs;
}
