import type { NextFunction, Request, Response, Router } from 'express';
import express from 'express';

import { mayDownload } from '../exports/download-access';
import type { ExportStore } from '../exports/export-store';
import { sendError } from './send-error';
import './request-state';

/**
 * GET /exports/:exportId streams a stored export file (large exports do not have to fit in a
 * GraphQL response). Same authentication as /graphql, mounted after it. The subject who made the
 * export, or a supervisor/admin, may fetch it, and only when the caller's clearance covers what
 * the package holds (its handling code, UK code C, un-pseudonymised victim data: mayDownload in
 * exports/download-access.ts); an export stored without that record is for its creator only.
 * Anyone else gets the same 404 as for an unknown id. The download is audited like any request.
 */
export function exportDownloadRoute(store: ExportStore): Router {
  const r = express.Router();
  r.get('/:exportId', (req: Request, res: Response, next: NextFunction) => {
    const exportId = String(req.params.exportId);
    // Named before the check, so a refused attempt says which export it asked for. A HEAD (which
    // express routes here) sends no file: it is recorded under its own name, with no download.
    const head = req.method === 'HEAD';
    req.audit.request({ operationName: head ? 'exportHeaders' : 'downloadExport', documentHash: null, variables: { exportId } });
    const meta = store.find(exportId);
    const p = req.principal;
    if (!meta || !p || !mayDownload(meta, p)) {
      sendError(res, 404, 'MSHT_NOT_FOUND', 'no such export (or not yours)');
      return;
    }
    if (!head) {
      req.audit.attachExport({ exportId: meta.exportId, download: true, sha256: meta.sha256, filename: meta.filename });
      req.audit.addRecords(meta.records ?? 0);
    }
    res.setHeader('Content-Type', meta.mediaType);
    res.setHeader('Content-Length', String(meta.size));
    res.setHeader('Content-Disposition', `attachment; filename="${meta.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('X-Content-SHA256', meta.sha256);
    res.setHeader('Cache-Control', 'no-store');
    // A read that fails before the headers went out is answered 500 by the error handler; one that
    // fails after them cuts the connection there (http-errors.ts), and is recorded as the service's failure.
    store.open(meta.exportId).on('error', next).pipe(res);
  });
  return r;
}
