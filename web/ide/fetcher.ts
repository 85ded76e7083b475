import type { GraphiQLProps } from 'graphiql';

import type { TokenStore } from '../shared/token';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * GraphiQL's fetcher: JSON over POST to the service, with the page's token unless the headers
 * editor gives an Authorization header of its own.
 */
export function createFetcher(endpoint: string, tokens: TokenStore): Fetcher {
  return async (params, opts) => {
    const own = (opts?.headers ?? {}) as Record<string, string>;
    const hasAuth = Object.keys(own).some((k) => k.toLowerCase() === 'authorization');
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(hasAuth ? {} : tokens.authorization()), ...own },
      body: JSON.stringify(params),
    });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 300)}` }] };
    }
  };
}
