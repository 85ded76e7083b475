import type { SystemName } from '../harness/results';
import type { Workload } from '../workloads';
import type { SystemProcess } from './child-system';

/** How the bench talks to one system: the HTTP request for a workload's parameters, and its answer. */
export interface SystemClient {
  name: SystemName;
  origin: string;
  pid: number;
  headers: Record<string, string>;
  supports(w: Workload): boolean;
  request(w: Workload, p: unknown): { path: string; body: string };
  /** The normalised answer, or why the response is not one. */
  answer(w: Workload, p: unknown, status: number, body: string): { answer?: unknown; error?: string };
  /** A 200 response that is still a failure (GraphQL errors), for the load runs. */
  failed?: (body: string) => boolean;
}

const graphqlFailed = (body: string) => body.startsWith('{"errors"') || body.includes('"errors":[');

function graphqlAnswer(answer: (data: unknown, p: unknown) => unknown, p: unknown, status: number, body: string) {
  let json: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    json = JSON.parse(body);
  } catch {
    return { error: `HTTP ${status}, not JSON: ${body.slice(0, 200)}` };
  }
  if (status !== 200 || json.errors?.length) return { error: `HTTP ${status}: ${(json.errors ?? []).map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') || body.slice(0, 200)}` };
  return { answer: answer(json.data, p) };
}

export function clientFor(name: SystemName, proc: SystemProcess, token: string): SystemClient {
  const url = new URL(proc.url);
  const base = { name, origin: url.origin, pid: proc.pid };
  if (name === 'limit') {
    return {
      ...base,
      headers: {},
      supports: () => true,
      request: (w, p) => {
        const r = w.limit.request(p);
        return { path: `/${w.key}/${r.statement}`, body: JSON.stringify(r.params) };
      },
      answer: (w, p, status, body) => {
        if (status !== 200) return { error: `HTTP ${status}: ${body.slice(0, 300)}` };
        return { answer: w.limit.answer(JSON.parse(body), p) };
      },
    };
  }
  if (name === 'ours') {
    return {
      ...base,
      headers: { authorization: `Bearer ${token}` },
      supports: () => true,
      request: (w, p) => ({ path: url.pathname, body: JSON.stringify(w.ours.request(p)) }),
      answer: (w, p, status, body) => graphqlAnswer(w.ours.answer, p, status, body),
      failed: graphqlFailed,
    };
  }
  return {
    ...base,
    headers: { authorization: `Bearer ${token}` },
    supports: (w) => !!w.peer,
    request: (w, p) => ({ path: url.pathname, body: JSON.stringify(w.peer!.request(p)) }),
    answer: (w, p, status, body) => graphqlAnswer(w.peer!.answer, p, status, body),
    failed: graphqlFailed,
  };
}

/** One request, as the check sends it: the answer, and the Cypher count the system reported. */
export async function ask(c: SystemClient, w: Workload, p: unknown): Promise<{ answer?: unknown; error?: string; cypher: number | null; ms: number }> {
  const r = c.request(w, p);
  const started = performance.now();
  const res = await fetch(`${c.origin}${r.path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...c.headers }, body: r.body });
  const body = await res.text();
  const ms = performance.now() - started;
  const cypher = res.headers.get('x-cypher-queries');
  return { ...c.answer(w, p, res.status, body), cypher: cypher === null ? null : Number(cypher), ms };
}
