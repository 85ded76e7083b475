import { graphqlParams } from '../audit-requests';
import type { HttpHandler, HttpResponse } from '../request-state';
import { sendError } from '../send-error';
import { documentHash } from './canonical-document';

/**
 * Trusted-documents mode (MSHT_TRUSTED_DOCUMENTS): only documents listed in the manifest run.
 * A request names one by `extensions.persistedQuery.sha256Hash` (Apollo then takes the text
 * from the manifest, see `manifestCache`) or sends the full document, accepted when its
 * canonical hash is listed. Anything else: 400 MSHT_UNTRUSTED_DOCUMENT, before parsing by Apollo.
 */
export function trustedDocuments(manifest: Map<string, string>, maxTokens: number): HttpHandler {
  return (req, res, next) => {
    const p = graphqlParams(req);
    const pq = (p.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
    if (typeof p.query === 'string' && p.query !== '') {
      const hash = documentHash(p.query, maxTokens);
      if (hash && manifest.has(hash)) {
        // Apollo checks a sent hash against the text byte for byte: hand it the listed text.
        if (pq !== undefined && req.method === 'POST') (req.body as { query: string }).query = manifest.get(hash)!;
        return next();
      }
      return refuse(res, 'the document is not in the trusted-documents manifest');
    }
    if (pq !== undefined) {
      if (typeof pq === 'string' && manifest.has(pq)) return next();
      return refuse(res, 'no trusted document has that hash');
    }
    // Neither a document nor a hash: Apollo answers the malformed request.
    next();
  };
}

function refuse(res: HttpResponse, message: string): void {
  sendError(res, 400, 'MSHT_UNTRUSTED_DOCUMENT', `${message}; this server runs only the operations listed in its manifest`);
}

/**
 * The manifest as Apollo's persisted-query cache: a hash resolves to its listed document, and
 * nothing can be added (Apollo's automatic persisted queries would otherwise register any
 * document a client sends with its hash).
 */
export function manifestCache(manifest: Map<string, string>) {
  const strip = (key: string) => key.replace(/^apq:/, '');
  return {
    get: async (key: string) => manifest.get(strip(key)),
    set: async () => undefined,
    delete: async () => undefined,
  };
}
