import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { Readable } from 'node:stream';

import express from 'express';

import type { AuditEventInput } from '../../../src/auth/audit/audit-event';
import type { AuditLog } from '../../../src/auth/audit/audit-log';
import type { Principal } from '../../../src/auth/principal';
import type { ExportStore, StoredExport } from '../../../src/exports/export-store';
import { openAudit } from '../../../src/http/audit-requests';
import { exportDownloadRoute } from '../../../src/http/export-download';
import { httpErrorHandler } from '../../../src/http/http-errors';
import { requestId } from '../../../src/http/request-id';
import { createLogger } from '../../../src/logging/logger';

const principal: Principal = { subject: 'liaison-1', agency: 'NCA', roles: ['LIAISON'], clearance: 'H0', ukConditional: false };
const stored: StoredExport = {
  exportId: 'exp-00000000000000aa',
  filename: 'package.csv.zip',
  mediaType: 'application/zip',
  sha256: 'f'.repeat(64),
  size: 300_000,
  subject: principal.subject,
  createdAt: '2026-12-01T00:00:00.000Z',
  records: 42,
  access: { handling: 'H0', ukConditional: false, victimData: false },
};

/**
 * The download route with the layers around it in the service (request id, audit, the last error
 * handler) over a store whose file is given: what the audit trail records of a download whose
 * file cannot be read to its end. No database is involved.
 */
async function serve(file: () => Readable) {
  const recorded: AuditEventInput[] = [];
  const auditLog = { record: (e: AuditEventInput) => recorded.push(e), later: () => () => undefined } as unknown as AuditLog;
  const store = { find: (id: string) => (id === stored.exportId ? stored : null), open: file } as unknown as ExportStore;
  const app = express();
  app.use(requestId);
  app.use(
    '/exports',
    openAudit(auditLog),
    (req, _res, next) => {
      req.principal = principal;
      next();
    },
    exportDownloadRoute(store),
  );
  app.use(httpErrorHandler({ bodyLimit: 1000, log: createLogger('silent') }));
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/exports/${stored.exportId}`;
  return { url, recorded, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Waits until the audit event is recorded (the response's close comes after the client's end). */
async function eventOf(recorded: AuditEventInput[]): Promise<AuditEventInput> {
  for (let i = 0; i < 200 && recorded.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(recorded).toHaveLength(1);
  return recorded[0]!;
}

describe('downloading an export, as the audit trail records it', () => {
  it('records a download with the records the stored export holds', async () => {
    const svc = await serve(() => Readable.from([Buffer.alloc(stored.size, 0x20)]));
    try {
      const res = await fetch(svc.url);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(stored.size);
      expect(await eventOf(svc.recorded)).toMatchObject({ operationName: 'downloadExport', outcome: 'ok', httpStatus: 200, records: 42 });
    } finally {
      await svc.close();
    }
  });

  it('records a file that fails after the headers went out as the service’s failure, not the client leaving', async () => {
    const svc = await serve(() => {
      let sent = false;
      return new Readable({
        read() {
          if (sent) return this.destroy(new Error('EIO: i/o error, read'));
          sent = true;
          this.push(Buffer.alloc(100_000, 0x20));
        },
      });
    });
    try {
      const res = await fetch(svc.url);
      // The headers promised the whole file; the connection is cut before it.
      expect(res.status).toBe(200);
      await expect(res.arrayBuffer()).rejects.toThrow();
      const event = await eventOf(svc.recorded);
      expect(event).toMatchObject({ operationName: 'downloadExport', outcome: 'error', httpStatus: 500, errorCodes: ['INTERNAL_SERVER_ERROR'] });
      expect(JSON.parse(event.export!)).toMatchObject({ exportId: stored.exportId, download: true });
    } finally {
      await svc.close();
    }
  });

  it('answers a file that fails before anything was sent with a 500, recorded as such', async () => {
    const svc = await serve(() => new Readable({ read() { this.destroy(new Error('ENOENT: no such file')); } }));
    try {
      const res = await fetch(svc.url);
      expect(res.status).toBe(500);
      // Answered as an error, not as the file it meant to send.
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect([res.headers.get('content-disposition'), res.headers.get('x-content-sha256')]).toEqual([null, null]);
      expect(await res.json()).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(await eventOf(svc.recorded)).toMatchObject({ outcome: 'error', httpStatus: 500, errorCodes: ['INTERNAL_SERVER_ERROR'] });
    } finally {
      await svc.close();
    }
  });
});
