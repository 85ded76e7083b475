import { testToken, type TokenOptions } from './tokens';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } & Record<string, unknown>;
  text: string;
}

/** One request to the service as a client would send it; the body parsed when it is JSON. */
export async function rawRequest(url: string, init: RequestInit & { token?: TokenOptions }): Promise<RawResponse> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${await testToken(init.token)}`);
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  let body: RawResponse['body'] = {};
  try {
    body = JSON.parse(text) as RawResponse['body'];
  } catch {
    // not JSON: the test looks at `text`
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** A JSON POST of a GraphQL request with a token for these roles. */
export function postGraphQL(url: string, token: TokenOptions | undefined, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(url, { method: 'POST', token, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
}

/** The error codes of a response, in order. */
export function codes(r: RawResponse): string[] {
  return (r.body.errors ?? []).map((e) => String(e.extensions?.code));
}
