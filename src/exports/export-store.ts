import fs from 'node:fs';
import path from 'node:path';

import type { DownloadAccess } from './download-access';
import type { ExportFile } from './export-package';

/**
 * Export files kept for download (GET /exports/:id) under MSHT_DATA_DIR/exports, owner-only
 * (0600), with a small record of who made each, when, and what a reader must be cleared for
 * (download-access.ts). Files older than the retention are removed whenever a new export is stored.
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

  find(exportId: string): StoredExport | null {
    if (!ID.test(exportId)) return null;
    const file = path.join(this.dir, `${exportId}.json`);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StoredExport) : null;
  }

  open(exportId: string): fs.ReadStream {
    return fs.createReadStream(path.join(this.dir, `${exportId}.bin`));
  }

  private prune(now: Date): void {
    for (const f of fs.readdirSync(this.dir)) {
      if (!f.endsWith('.json')) continue;
      const meta = JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf8')) as StoredExport;
      if (now.getTime() - Date.parse(meta.createdAt) > this.retentionMs) {
        fs.rmSync(path.join(this.dir, f), { force: true });
        fs.rmSync(path.join(this.dir, `${meta.exportId}.bin`), { force: true });
      }
    }
  }
}
