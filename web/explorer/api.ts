import { GraphQLClient } from 'graphql-request';

import { getSdk, type ChartSubgraphFragment } from '../../src/sdk/generated';
import type { WorkbenchPageConfig } from '../shared/page-config';
import type { TokenStore } from '../shared/token';

export type ChartSubgraph = ChartSubgraphFragment;
export type ChartNode = ChartSubgraph['nodes'][number];
export type ChartEdge = ChartSubgraph['edges'][number];
export type ChartProvenance = ChartNode['provenance'];

/** A GraphQL error's message and code, as the page shows it. */
export function describeError(e: unknown): string {
  const errors = (e as { response?: { errors?: { message: string; extensions?: { code?: string } }[] } }).response?.errors;
  if (errors?.length) return errors.map((x) => `${x.message}${x.extensions?.code ? ` (${x.extensions.code})` : ''}`).join('; ');
  return e instanceof Error ? e.message : String(e);
}

/**
 * The link chart's calls: the generated SDK's named operations (schema/operations/workbench.graphql
 * and search.graphql) over the public API, with the page's token; the export mutation, which the
 * SDK has only once the schema does, as a plain request built from what the server reported.
 */
export function createApi(config: WorkbenchPageConfig, tokens: TokenStore) {
  const endpoint = new URL(config.endpoint, location.href).toString();
  const sdk = getSdk(new GraphQLClient(endpoint, { headers: () => tokens.authorization() }));

  async function exportSubgraph(nodeIds: string[], purpose: string, format: string): Promise<{ downloadUrl: string }> {
    const cap = config.capabilities.export;
    if (!cap) throw new Error('this service has no export mutation');
    const document = `mutation WorkbenchExport($input: ${cap.inputType}) { exportSubgraph(input: $input) { downloadUrl } }`;
    const input = { nodeIds, recipient: { kind: 'EUROPOL', name: 'Europol' }, purpose, [cap.formatField]: cap.formatsIsList ? [format] : format };
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...tokens.authorization() },
      body: JSON.stringify({ query: document, variables: { input }, operationName: 'WorkbenchExport' }),
    });
    const body = (await res.json()) as { data?: { exportSubgraph?: { downloadUrl: string } }; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length || !body.data?.exportSubgraph) throw Object.assign(new Error('export refused'), { response: { errors: body.errors } });
    return body.data.exportSubgraph;
  }

  /** Downloads a file the service made, with the same token (a plain link would carry none). */
  async function download(url: string, fallbackName: string): Promise<void> {
    const res = await fetch(new URL(url, location.href).toString(), { headers: tokens.authorization() });
    if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
    const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    const href = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }

  return { sdk, exportSubgraph, download };
}

export type Api = ReturnType<typeof createApi>;
