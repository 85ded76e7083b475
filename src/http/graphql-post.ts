import type { IncomingMessage, ServerResponse } from 'node:http';

import type { HttpHandler, HttpRequest, HttpResponse, Next } from './request-state';

/**
 * POST /graphql, the route nearly every request takes, runs its middlewares on node's own request
 * and response, without express. Measured (bench/README.md, 2026-12-02), express's handling of a
 * request (its router, and the request and response objects it re-prototypes, which slows node's
 * own HTTP code on them) cost about 0.1 ms of CPU per request, a tenth of what a person's profile
 * costs the service in all. Every other request (GraphQL over GET and the workbench, preflights,
 * /exports, health, a path spelled otherwise, such as `/graphql/`) still goes to express, which
 * runs the same middlewares for /graphql in the same order (app.ts).
 */
export function isGraphQLPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return (query === -1 ? url : url.slice(0, query)) === '/graphql';
}

export type HttpErrorHandler = (err: { status?: number; type?: string }, req: HttpRequest, res: HttpResponse, next: Next) => void;

/**
 * Runs handlers in order as express does: each goes on with `next()`; `next(err)`, a throw or a
 * rejected promise skips to `onError` (every such error: the error handler logs one that comes
 * after the answer began, and cuts the connection). The last handler answers; should one still
 * call `next()`, that is an error of this service (500), as no route is left to answer. Unlike
 * express, a handler's second `next()` runs nothing more, and `next('route')` is an error.
 */
export function handlerChain(handlers: readonly HttpHandler[], onError: HttpErrorHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (request, response) => {
    const req = request as HttpRequest;
    const res = response as HttpResponse;
    const fail = (err: unknown) => {
      try {
        onError((err ?? new Error('a handler failed without an error')) as { status?: number; type?: string }, req, res, () => undefined);
      } catch {
        // The error handler itself failed: nothing can be said to the client any more.
        res.destroy();
      }
    };
    const run = (i: number): void => {
      const handler = handlers[i];
      if (!handler) return fail(new Error('no handler answered POST /graphql'));
      let called = false;
      const next: Next = (err) => {
        if (called) return;
        called = true;
        if (err) return fail(err);
        run(i + 1);
      };
      try {
        const done = handler(req, res, next);
        if (done) done.catch(fail);
      } catch (e) {
        fail(e);
      }
    };
    run(0);
  };
}
