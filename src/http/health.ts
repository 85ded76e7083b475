import type { Request, Response, Router } from 'express';
import express from 'express';

import type { Readiness } from '../app-readiness';

/**
 * `/healthz`: the process is alive (no dependency checked). `/readyz`: Neo4j answers and every
 * migration is applied; 503 with the reason otherwise.
 */
export function healthRoutes(readiness: Readiness): Router {
  const r = express.Router();
  r.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  r.get('/readyz', async (_req: Request, res: Response) => {
    const state = await readiness.check();
    res.status(state.ready ? 200 : 503).json(state);
  });
  return r;
}
