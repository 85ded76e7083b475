import fs from 'node:fs';
import path from 'node:path';

import type { DownloadAccess } from './download-access';
import type { ExportFile } from './export-package';

/**
 * Export files kept for download (GET /exports/:id) under MSHT_DATA_DIR/exports, owner-only
 * (0600), with a small record of who made each, when, and what a reader must be cleared for
 * (download-access.ts). An export past the retention is never given out, and is removed when it is
 * asked for and whenever a new export is stored.
 */
export interface StoredExport {
  exportId: string;
  filename: string;
  mediaType: string;
  sha256: string;
  size: number;
  subject: string;
  createdAt: string;
  /** The records it holds (nodes and links), recorded in the audit trail with each download; absent on older exports. */
  records?: number;
  /** What reading it needs; absent on exports stored before it was recorded (creator only). */
  access?: DownloadAccess;
}

const ID = /^exp-[0-9a-f]{16}$/;

export class ExportStore {
  constructor(
    private readonly dir: string,
    private readonly retentionMs = 24 * 3600 * 1000,
  ) {}

  save(file: ExportFile, subject: string, now: Date, access: DownloadAccess): StoredExport {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.prune(now);
    const meta: StoredExport = {
      exportId: file.manifest.exportId,
      filename: file.filename,
      mediaType: file.mediaType,
      sha256: file.sha256,
      size: file.content.length,
      subject,
      createdAt: now.toISOString(),
      records: file.manifest.counts.nodes + file.manifest.counts.edges,
      access: { handling: access.handling, ukConditional: access.ukConditional, victimData: access.victimData },
    };
    fs.writeFileSync(path.join(this.dir, `${meta.exportId}.bin`), file.content, { mode: 0o600 });
    fs.writeFileSync(path.join(this.dir, `${meta.exportId}.json`), JSON.stringify(meta), { mode: 0o600 });
    return meta;
  }

  /**
   * The stored export, or null when there is none: past the retention counts as none (it is
   * removed here), whether or not an export has been stored since to prune it.
   */
  find(exportId: string, now: Date = new Date()): StoredExport | null {
    if (!ID.test(exportId)) return null;
    const meta = this.read(`${exportId}.json`);
    if (!meta) return null;
    if (this.expired(meta, now)) {
      this.remove(exportId);
      return null;
    }
    return meta;
  }

  open(exportId: string): fs.ReadStream {
    return fs.createReadStream(path.join(this.dir, `${exportId}.bin`));
  }

  /**
   * Removes every export past the retention. A file whose record cannot be read (cut short by a
   * crash, say) or that has no record goes by its own age, so that it never blocks a later export.
   */
  private prune(now: Date): void {
    const ids = new Set(fs.readdirSync(this.dir).flatMap((f) => /^(exp-[0-9a-f]{16})\.(?:json|bin)$/.exec(f)?.[1] ?? []));
    for (const id of ids) {
      const meta = this.read(`${id}.json`);
      if (meta ? this.expired(meta, now) : this.olderThanRetention(id, now)) this.remove(id);
    }
  }

  /** For files without a readable record: the newest of them is older than the retention. */
  private olderThanRetention(id: string, now: Date): boolean {
    const times = ['json', 'bin'].flatMap((ext) => fs.statSync(path.join(this.dir, `${id}.${ext}`), { throwIfNoEntry: false })?.mtimeMs ?? []);
    return times.length > 0 && now.getTime() - Math.max(...times) > this.retentionMs;
  }

  private read(file: string): StoredExport | null {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, file), 'utf8')) as StoredExport;
    } catch {
      return null;
    }
  }

  private expired(meta: StoredExport, now: Date): boolean {
    const created = Date.parse(meta.createdAt);
    return !Number.isFinite(created) || now.getTime() - created > this.retentionMs;
  }

  private remove(exportId: string): void {
    fs.rmSync(path.join(this.dir, `${exportId}.json`), { force: true });
    fs.rmSync(path.join(this.dir, `${exportId}.bin`), { force: true });
  }
}
