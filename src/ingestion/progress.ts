/**
 * How an import or a seed shows its progress: on a terminal, one line redrawn in place (a bar,
 * rows and relationships per second); anywhere else (a log file, CI), a plain line every few
 * seconds. The stream and the clock are given, so tests can watch it.
 */
export interface Progress {
  /** Starts a phase; `items` is the number of nodes and relationships to write (0 if unknown). */
  start(phase: string, totals: { items: number; rows: number }): void;
  /** Adds what a batch wrote. */
  advance(done: { nodes: number; relationships: number }): void;
  /** Ends the phase (the last figures stay on screen). */
  finish(): void;
}

export const SILENT_PROGRESS: Progress = { start: () => undefined, advance: () => undefined, finish: () => undefined };

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

export class StreamProgress implements Progress {
  private phase = '';
  private totals = { items: 0, rows: 0 };
  private nodes = 0;
  private rels = 0;
  private startedAt = 0;
  private lastDraw = 0;
  private readonly tty: boolean;

  constructor(
    private readonly out: ProgressStream,
    private readonly clock: () => number = Date.now,
    private readonly plainEveryMs = 5000,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  start(phase: string, totals: { items: number; rows: number }): void {
    this.phase = phase;
    this.totals = totals;
    this.nodes = 0;
    this.rels = 0;
    this.startedAt = this.clock();
    this.lastDraw = this.startedAt;
    if (!this.tty) this.out.write(`${phase}: ${totals.rows ? `${fmt(totals.rows)} rows, ` : ''}${totals.items ? `${fmt(totals.items)} items to write` : 'writing'}\n`);
  }

  advance(done: { nodes: number; relationships: number }): void {
    this.nodes += done.nodes;
    this.rels += done.relationships;
    const now = this.clock();
    if (this.tty) {
      if (now - this.lastDraw >= 100) this.draw(now);
    } else if (now - this.lastDraw >= this.plainEveryMs) {
      this.out.write(`${this.line(now)}\n`);
      this.lastDraw = now;
    }
  }

  finish(): void {
    const now = this.clock();
    if (this.tty) {
      this.draw(now);
      this.out.write('\n');
    } else this.out.write(`${this.line(now)} (done)\n`);
  }

  /** The figures as one line: share done, rows/s (rows in proportion to items), items and relationships/s. */
  line(now: number): string {
    const secs = Math.max((now - this.startedAt) / 1000, 0.001);
    const items = this.nodes + this.rels;
    const share = this.totals.items > 0 ? Math.min(1, items / this.totals.items) : 0;
    const rows = this.totals.rows * share;
    const parts = [
      `${this.phase}:`,
      this.totals.items > 0 ? `${(share * 100).toFixed(1)}%` : null,
      this.totals.rows > 0 ? `${fmt(rows)}/${fmt(this.totals.rows)} rows ${fmt(rows / secs)} rows/s` : null,
      `${fmt(this.nodes)} nodes, ${fmt(this.rels)} relationships ${fmt(this.rels / secs)} rels/s`,
      `${secs.toFixed(1)} s`,
    ];
    return parts.filter(Boolean).join('  ');
  }

  private draw(now: number): void {
    this.lastDraw = now;
    const width = 24;
    const share = this.totals.items > 0 ? Math.min(1, (this.nodes + this.rels) / this.totals.items) : 0;
    const filled = Math.round(share * width);
    const bar = `[${'='.repeat(filled)}${filled < width ? '>' : ''}${' '.repeat(Math.max(0, width - filled - 1))}]`;
    const text = `${bar} ${this.line(now)}`;
    const max = this.out.columns ?? 160;
    this.out.write(`\r${text.slice(0, max - 1).padEnd(Math.min(max - 1, text.length))}\x1b[K`);
  }
}
