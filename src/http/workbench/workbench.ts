import fs from 'node:fs';
import path from 'node:path';

import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { GraphQLSchema } from 'graphql';

import { ROLES } from '../../auth/principal';
import type { AuthConfig, Mode, WorkbenchConfig } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { projectRoot } from '../../util/project-root';
import { workbenchCapabilities } from './capabilities';
import { fromThisMachine, mintDevToken, pickRole } from './dev-token';
import { loadExampleLibrary, type ExampleLibrary } from './example-library';
import type { PageAuth, WorkbenchPageConfig } from './page-config';
import { renderWorkbenchPage, setWorkbenchHeaders } from './workbench-page';

export interface WorkbenchDeps {
  mode: Mode;
  workbench: WorkbenchConfig;
  auth: Pick<AuthConfig, 'issuer' | 'audience'>;
  /** The HS256 key the service verifies tokens with, where it holds one. */
  devTokenSecret?: string;
  /** The schema the service serves: which optional features the pages may offer. */
  schema: GraphQLSchema;
  log: Logger;
  /** Built pages (default: dist/web, written by `npm run build`). */
  assetsDir?: string;
  /** Default: read from schema/operations once, now. */
  examples?: ExampleLibrary;
}

/** The built assets: dist/web under the project root (the build writes manifest.json last). */
export function defaultAssetsDir(): string {
  return path.join(projectRoot(), 'dist', 'web');
}

/** A browser asking for a page: HTML preferred to JSON (curl's `*\/*` and API clients are not). */
function wantsHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * The browser workbench (README#workbench): `GET /graphql` from a browser and `/playground` serve
 * the GraphQL IDE, `/explorer` the link chart, `/assets/` their bundles. Every other request to
 * /graphql, including GraphQL over GET from API clients, goes on to Apollo. Mount before it.
 */
export function workbenchRoutes(deps: WorkbenchDeps): Router {
  const router = express.Router();
  const assetsDir = deps.assetsDir ?? defaultAssetsDir();
  const examples = deps.examples ?? loadExampleLibrary();
  for (const problem of examples.problems) deps.log.warn({ problem }, 'workbench: an operation file could not be read');
  const capabilities = workbenchCapabilities(deps.schema);
  const built = () => fs.existsSync(path.join(assetsDir, 'manifest.json'));
  if (!built()) deps.log.warn({ assetsDir }, 'workbench: the pages are not built (run `npm run build`); they answer 503 until then');

  const pageAuth = async (req: Request): Promise<PageAuth> => {
    if (deps.mode === 'production') return { kind: 'prompt', reason: 'production: paste a token from your identity provider' };
    if (!deps.workbench.devToken) return { kind: 'prompt', reason: 'development tokens are off (MSHT_WORKBENCH_DEV_TOKEN)' };
    if (!deps.devTokenSecret) return { kind: 'prompt', reason: 'the service verifies tokens with a JWKS: paste a token' };
    if (!fromThisMachine(req)) return { kind: 'prompt', reason: 'development tokens are given only to pages opened on this machine, at localhost, without a proxy' };
    const minted = await mintDevToken(deps.devTokenSecret, deps.auth, pickRole(req.query.role, deps.workbench.devRole));
    return { kind: 'dev-token', ...minted, roles: ROLES };
  };

  const page = (kind: WorkbenchPageConfig['page'], title: string) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      setWorkbenchHeaders(res, { page: true });
      if (!built()) {
        res.status(503).type('text/plain').send('The workbench pages are not built: run `npm run build` (it bundles web/ into dist/web).\n');
        return;
      }
      const config: WorkbenchPageConfig = {
        page: kind,
        endpoint: '/graphql',
        mode: deps.mode,
        introspection: deps.mode !== 'production',
        auth: await pageAuth(req),
        capabilities,
        examples: kind === 'ide' ? examples : undefined,
      };
      res.status(200).type('html').send(renderWorkbenchPage(title, config));
    } catch (e) {
      next(e);
    }
  };

  const ide = page('ide', 'msht-graph · GraphQL IDE');
  router.get('/graphql', (req, res, next) => (wantsHtml(req) ? ide(req, res, next) : next()));
  router.get('/playground', ide);
  router.get('/explorer', page('explorer', 'msht-graph · link chart'));
  router.use(
    '/assets',
    express.static(assetsDir, {
      index: false,
      setHeaders: (res) => {
        setWorkbenchHeaders(res as unknown as Response, { page: false });
        res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  router.use('/assets', (_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('Not found\n');
  });
  return router;
}
