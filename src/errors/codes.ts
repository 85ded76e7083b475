/**
 * Every error code the API can put in `extensions.code`, with its meaning and the HTTP status it
 * comes with (GraphQL execution errors travel with 200, as the GraphQL-over-HTTP spec says).
 * Codes are never reused: a retired code stays here, marked retired. The README's table of
 * codes is checked against this list by a unit test.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: { status: '200; 400 when variables do not match their types', doc: 'an argument or input field is invalid; `extensions.field` names it' },
  GRAPHQL_PARSE_FAILED: { status: '400', doc: 'the document is not valid GraphQL syntax' },
  GRAPHQL_VALIDATION_FAILED: { status: '400', doc: 'the document does not match the schema' },
  BAD_REQUEST: { status: '400', doc: 'the HTTP request itself is malformed' },
  UNAUTHENTICATED: { status: '401', doc: 'no valid bearer token' },
  FORBIDDEN: { status: '200', doc: 'the caller’s role does not allow this operation' },
  SERVICE_UNAVAILABLE: { status: '200', doc: 'Neo4j cannot be reached or is not ready; retry later' },
  INTERNAL_SERVER_ERROR: { status: '200', doc: 'an unexpected failure; the detail is in the log under the request id' },
  MSHT_NOT_FOUND: { status: '200', doc: 'no entity with that id (or none the caller may see)' },
  MSHT_CONFLICT: { status: '200', doc: 'the write conflicts with existing data (e.g. a natural key already used), or met another write of the same records at the same moment (a deadlock Neo4j broke; send it again)' },
  MSHT_QUERY_TIMEOUT: { status: '200', doc: 'the query ran past its time budget and was stopped' },
  MSHT_QUERY_TOO_LARGE: { status: '200', doc: 'the query needed more memory than Neo4j allows one transaction and was stopped; narrow it (fewer hops, a smaller limit or period)' },
  MSHT_QUERY_TOO_DEEP: { status: '400', doc: 'the operation nests selections deeper than MSHT_MAX_DEPTH; nothing ran' },
  MSHT_TOO_MANY_ALIASES: { status: '400', doc: 'the operation uses more aliases than MSHT_MAX_ALIASES; nothing ran' },
  MSHT_TOO_MANY_DIRECTIVES: { status: '400', doc: 'the operation uses more directives than MSHT_MAX_DIRECTIVES; nothing ran' },
  MSHT_TOO_MANY_TOKENS: { status: '400', doc: 'the document has more tokens than MSHT_MAX_TOKENS; it was not parsed' },
  MSHT_QUERY_TOO_COMPLEX: { status: '400', doc: 'the estimated cost exceeds MSHT_MAX_COST (`extensions.cost`, `extensions.maxCost`); ask for smaller pages; nothing ran' },
  MSHT_UNTRUSTED_DOCUMENT: { status: '400', doc: 'trusted-documents mode: the document (or its hash) is not in the manifest; nothing ran' },
  MSHT_RATE_LIMITED: { status: '429', doc: 'the subject sent requests faster than its rate limit; retry after the `Retry-After` seconds' },
  MSHT_BODY_TOO_LARGE: { status: '413', doc: 'the request body is larger than MSHT_BODY_LIMIT' },
  MSHT_NOT_CONVERGED: { status: '200', doc: 'an iterative network measure (eigenvector centrality, PageRank) did not converge within its iteration budget' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
