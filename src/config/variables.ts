import { ROLES } from '../auth/principal';
import { bool, byteSize, bytes, int, neo4jUri, oneOf, origins, str, type EnvParser } from './env-parsers';

export const MODES = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface VariableSpec<T> {
  parse: EnvParser<T>;
  /** The raw default; absent means the variable is optional and may be unset. */
  default?: string;
  /** Set when the value must never be logged or echoed. */
  secret?: boolean;
  doc: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function v<S extends VariableSpec<any>>(spec: S): S {
  return spec;
}

/**
 * Every environment variable the service reads. Nothing else in the code reads `process.env`.
 * The README's configuration table is checked against this list by a unit test.
 */
export const VARIABLES = {
  MSHT_MODE: v({ parse: oneOf(MODES), default: 'development', doc: 'development, production or test; production refuses to start without auth keys and turns introspection off' }),
  HOST: v({ parse: str, default: '127.0.0.1', doc: 'interface the HTTP server listens on' }),
  PORT: v({ parse: int(0, 65535), default: '4000', doc: 'HTTP port (0 picks a free one)' }),
  LOG_LEVEL: v({ parse: oneOf(LOG_LEVELS), default: 'info', doc: 'fatal, error, warn, info, debug, trace or silent; logs are JSON lines on stdout' }),
  MSHT_BODY_LIMIT: v({ parse: bytes, default: '1m', doc: 'largest request body accepted (e.g. 1m)' }),
  MSHT_CORS_ORIGINS: v({ parse: origins, default: '', doc: 'comma-separated browser origins allowed by CORS; empty allows same-origin only' }),
  MSHT_DATA_DIR: v({ parse: str, default: '.data', doc: 'folder for local state: the embedded Neo4j store and the development secrets' }),
  NEO4J_URI: v({ parse: neo4jUri, doc: 'use this Neo4j server or cluster (bolt:// or neo4j://) instead of the embedded one' }),
  NEO4J_USER: v({ parse: str, default: 'neo4j', doc: 'user for NEO4J_URI' }),
  NEO4J_PASSWORD: v({ parse: str, secret: true, doc: 'password for NEO4J_URI (unset: no authentication)' }),
  NEO4J_DATABASE: v({ parse: str, default: 'neo4j', doc: 'database name' }),
  MSHT_NEO4J_BOLT_HOST: v({ parse: str, default: '127.0.0.1', doc: 'embedded Neo4j: Bolt listen address (keep it on loopback)' }),
  MSHT_NEO4J_BOLT_PORT: v({ parse: int(1, 65535), default: '7687', doc: 'embedded Neo4j: Bolt port' }),
  MSHT_NEO4J_HEAP: v({ parse: byteSize, default: '1g', doc: 'embedded Neo4j: JVM heap (-Xmx)' }),
  MSHT_NEO4J_PAGECACHE: v({ parse: byteSize, default: '512m', doc: 'embedded Neo4j: page cache size' }),
  MSHT_NEO4J_TX_MEMORY: v({ parse: byteSize, doc: "embedded Neo4j: the most memory one transaction may use, so one heavy query fails alone with MSHT_QUERY_TOO_LARGE instead of starving the others (its pool for all transactions is 70% of the heap); unset: a quarter of MSHT_NEO4J_HEAP (256m at 1g); 0: no cap" }),
  MSHT_NEO4J_TX_TIMEOUT: v({ parse: int(1, 86_400), default: '300', doc: 'embedded Neo4j: server-side transaction timeout, seconds' }),
  MSHT_NEO4J_START_TIMEOUT: v({ parse: int(5, 1800), default: '180', doc: 'embedded Neo4j: seconds to wait for readiness (includes the first Maven build)' }),
  MSHT_QUERY_TIMEOUT_MS: v({ parse: int(100, 3_600_000), default: '30000', doc: 'per-transaction timeout the service asks Neo4j for, milliseconds' }),
  MSHT_IMPORT_TIMEOUT_MS: v({ parse: int(1000, 3_600_000), default: '120000', doc: 'per-transaction timeout of an import: the importBatch mutation (one transaction) and each batch of `msht import`, milliseconds (README#import-time)' }),
  MSHT_DB_RETRY_MS: v({ parse: int(0, 60_000), default: '2000', doc: 'how long a request retries transient Neo4j errors before answering SERVICE_UNAVAILABLE (MSHT_CONFLICT for a deadlock with another write), milliseconds, from the first failure' }),
  MSHT_DB_CONNECT_TIMEOUT_MS: v({ parse: int(100, 60_000), default: '2000', doc: 'Bolt connection timeout, milliseconds' }),
  MSHT_AUTH_JWT_SECRET: v({ parse: str, secret: true, doc: 'HS256 signing secret for bearer tokens (at least 32 characters); in development one is made and kept in MSHT_DATA_DIR/secrets' }),
  MSHT_AUTH_JWKS_FILE: v({ parse: str, doc: 'path of a JWKS file with the RS256/ES256 public keys that sign bearer tokens' }),
  MSHT_AUTH_JWKS_URL: v({ parse: str, doc: 'URL of a JWKS endpoint (RS256/ES256), fetched and cached; https (http only to a loopback host)' }),
  MSHT_AUTH_ISSUER: v({ parse: str, default: 'msht-graph', doc: 'required `iss` of bearer tokens' }),
  MSHT_AUTH_AUDIENCE: v({ parse: str, default: 'msht-graph', doc: 'required `aud` of bearer tokens' }),
  MSHT_PSEUDONYM_KEY: v({ parse: str, secret: true, doc: 'key for victim pseudonyms (keep it stable; at least 32 characters in production); in development one is made and kept in MSHT_DATA_DIR/secrets' }),
  MSHT_MAX_TRAVERSAL_DEPTH: v({ parse: int(1, 8), default: '6', doc: 'deepest neighbourhood a traversal expands (deeper requests stop there and say so)' }),
  MSHT_NODE_BUDGET: v({ parse: int(10, 100_000), default: '2000', doc: 'most nodes a traversal or network query returns' }),
  MSHT_MAX_PATH_HOPS: v({ parse: int(1, 12), default: '8', doc: 'longest path `paths` and `connectingNetwork` search' }),
  MSHT_DUPLICATE_PAIRS: v({ parse: int(1, 1_000_000), default: '20000', doc: 'how many of the most promising pairs a whole-graph `duplicateCandidates` scores exactly (at least its limit): more is exact more often, and slower (README#duplicate-candidates)' }),
  MSHT_TRAVERSAL_TIMEOUT_MS: v({ parse: int(100, 600_000), default: '10000', doc: 'time budget of one traversal or network query, milliseconds (then MSHT_QUERY_TIMEOUT)' }),
  MSHT_MIGRATE_ON_START: v({ parse: bool, default: 'true', doc: 'apply pending migrations at start-up' }),
  MSHT_MAX_DEPTH: v({ parse: int(1, 1000), default: '12', doc: 'deepest selection nesting a query may have (fragments followed; `ofType` in introspection not counted)' }),
  MSHT_MAX_ALIASES: v({ parse: int(0, 100_000), default: '50', doc: 'most aliases one operation may use, counting each fragment spread' }),
  MSHT_MAX_DIRECTIVES: v({ parse: int(0, 100_000), default: '50', doc: 'most directives one operation may use, counting each fragment spread' }),
  MSHT_MAX_TOKENS: v({ parse: int(100, 1_000_000), default: '10000', doc: 'most lexical tokens a document may have; the parser stops past it' }),
  MSHT_COMPILE_AFTER_RUNS: v({ parse: int(0, 1_000_000), default: '1', doc: 'runs of a query text through graphql-js before it is compiled to JavaScript (graphql-jit); 0 compiles it on its first run' }),
  MSHT_MAX_COST: v({ parse: int(1, 1_000_000_000), default: '50000', doc: 'highest estimated cost an operation may have (README#query-limits)' }),
  MSHT_DEFAULT_LIST_SIZE: v({ parse: int(1, 10_000), default: '10', doc: 'length the cost estimate assumes for a list field without a size argument' }),
  MSHT_RATE_LIMIT_PER_MINUTE: v({ parse: int(0, 1_000_000), default: '600', doc: 'GraphQL requests each subject may make per minute, on average (0 turns rate limiting off)' }),
  MSHT_RATE_LIMIT_BURST: v({ parse: int(1, 1_000_000), default: '120', doc: 'requests a subject may make at once before the per-minute rate applies' }),
  MSHT_TRUSTED_DOCUMENTS: v({ parse: bool, default: 'false', doc: 'accept only the operations listed in the trusted-documents manifest' }),
  MSHT_TRUSTED_DOCUMENTS_FILE: v({ parse: str, doc: 'the trusted-documents manifest (unset: schema/trusted-documents.json, generated from schema/operations)' }),
  MSHT_AUDIT_FLUSH_MS: v({ parse: int(10, 60_000), default: '200', doc: 'how often buffered audit events are written to Neo4j, milliseconds (also every 100 events)' }),
  MSHT_WORKBENCH: v({ parse: bool, default: 'on', doc: 'serve the browser workbench: the GraphQL IDE (`GET /graphql` from a browser, `/playground`) and the link chart (`/explorer`); off serves neither' }),
  MSHT_WORKBENCH_DEV_TOKEN: v({ parse: bool, default: 'on', doc: 'development and test modes: give the workbench pages, when opened from this machine, a short-lived token signed with the development key; off makes them ask, as production always does' }),
  MSHT_WORKBENCH_DEV_ROLE: v({ parse: oneOf(ROLES), default: 'ANALYST', doc: 'role of the development token the workbench pages get (a page may ask for another with `?role=`)' }),
  MSHT_WARM_UP: v({ parse: bool, default: 'on', doc: 'once serving, run the monthly picture and regional risk once in the background, so the first analyst after a start does not wait for cold caches (README#warm-up); off skips it' }),
  MSHT_SEED_ON_EMPTY: v({ parse: bool, doc: 'load the small synthetic world (seed 1) at start-up when the graph holds no data; unset: true in development, false in test and production' }),
} as const;

export type VariableName = keyof typeof VARIABLES;
