import type { IncomingMessage, ServerResponse } from 'node:http';

import type { RequestAudit } from '../auth/audit/request-audit';
import type { Principal } from '../auth/principal';

/**
 * What the /graphql middlewares learn about a request, in the order they run (app.ts): its id,
 * the audit handle, the body once read, then the caller once the token is verified. They run on
 * node's own request and response (POST /graphql does not pass through express: graphql-post.ts)
 * and on express's, which extend them.
 */
interface RequestState {
  requestId: string;
  audit: RequestAudit;
  principal?: Principal;
}

export interface HttpRequest extends IncomingMessage, RequestState {
  body?: unknown;
}

export type HttpResponse = ServerResponse<HttpRequest>;

/** Hands the request to the next handler, or an error to the error handler (as express's `next`). */
export type Next = (err?: unknown) => void;

/** A middleware that needs nothing of express: it runs under express and on the plain POST route alike. */
export type HttpHandler = (req: HttpRequest, res: HttpResponse, next: Next) => void | Promise<void>;

// Express's request carries the same, for the routes that stay on express (/exports, GET /graphql).
declare module 'express-serve-static-core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: it adds RequestState's fields
  interface Request extends RequestState {}
}
