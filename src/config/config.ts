import path from 'node:path';

import { isLoopbackHost } from '../util/loopback';
import { bytes } from './env-parsers';
import { VARIABLES, type VariableName, type VariableSpec } from './variables';

type Parsed<K extends VariableName> = (typeof VARIABLES)[K] extends VariableSpec<infer T> ? T : never;
type Raw = { [K in VariableName]: (typeof VARIABLES)[K] extends { default: string } ? Parsed<K> : Parsed<K> | undefined };

export type Mode = Parsed<'MSHT_MODE'>;

export interface EmbeddedNeo4jConfig {
  /** The store folder (one launcher process per folder). */
  homeDir: string;
  boltHost: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  txTimeoutSeconds: number;
  /** The most memory one transaction may use (a size like 256m); unset or "0": no limit of its own, Neo4j's default. */
  txMemoryMax?: string;
  startTimeoutMs: number;
}

export interface Neo4jConfig {
  /** Absent: start the embedded launcher and connect to it. */
  uri?: string;
  user: string;
  password?: string;
  database: string;
  queryTimeoutMs: number;
  /** An import's transaction (importBatch's one, or each batch of a staged import). */
  importTimeoutMs: number;
  retryMs: number;
  connectTimeoutMs: number;
  embedded: EmbeddedNeo4jConfig;
}

export interface AuthConfig {
  jwtSecret?: string;
  jwksFile?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

/** Bounds every traversal obeys (analytics/bounds.ts clamps requests to them). */
export interface TraversalLimits {
  maxDepth: number;
  nodeBudget: number;
  maxPathHops: number;
  timeoutMs: number;
  /** Pairs a whole-graph duplicate search scores exactly, at least its limit (analytics/network.ts). */
  duplicatePairs: number;
}

/** What the server refuses before anything runs (README#query-limits). */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  defaultListSize: number;
}

export interface SecurityConfig {
  limits: QueryLimits;
  /** Token bucket per subject; perMinute 0 turns it off. */
  rateLimit: { perMinute: number; burst: number };
  trustedDocuments: { enabled: boolean; file?: string };
  audit: { flushMs: number };
}

/** The browser workbench (README#workbench): the GraphQL IDE and the link chart. */
export interface WorkbenchConfig {
  enabled: boolean;
  /** Development and test only: pages opened from loopback get a short-lived token. */
  devToken: boolean;
  devRole: Parsed<'MSHT_WORKBENCH_DEV_ROLE'>;
}

export interface Config {
  mode: Mode;
  traversal: TraversalLimits;
  security: SecurityConfig;
  auth: AuthConfig;
  /** Absent in development: made once and kept in dataDir/secrets. */
  pseudonymKey?: string;
  http: { host: string; port: number; /** bytes */ bodyLimit: number; corsOrigins: string[] };
  logLevel: Parsed<'LOG_LEVEL'>;
  dataDir: string;
  neo4j: Neo4jConfig;
  migrateOnStart: boolean;
  workbench: WorkbenchConfig;
  /** Load the small synthetic world at start-up into an empty graph (README.md#seeding-a-world). */
  seedOnEmpty: boolean;
  /** Runs of a query text through graphql-js before it is compiled (http/compiled-executor.ts). */
  compileAfterRuns: number;
  /** Run the heaviest analytics once when serving starts (app-warm-up.ts). */
  warmUp: boolean;
}

/** Start-up stops with this when a variable is wrong; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

function readAll(env: NodeJS.ProcessEnv): Raw {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(VARIABLES) as [VariableName, VariableSpec<unknown>][]) {
    const given = env[name];
    const raw = given !== undefined && given !== '' ? given : spec.default;
    if (raw === undefined) {
      out[name] = undefined;
      continue;
    }
    try {
      out[name] = spec.parse(raw);
    } catch (e) {
      throw new ConfigError(name, (e as Error).message);
    }
  }
  return out as Raw;
}

/** An https URL, or http to a loopback host (an identity provider's sidecar on this machine). */
function secureJwksUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && isLoopbackHost(u.hostname);
}

/** Reads and checks the environment once; nothing else in the code reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = readAll(env);
  const dataDir = path.resolve(r.MSHT_DATA_DIR);
  if (r.MSHT_AUTH_JWT_SECRET !== undefined && r.MSHT_AUTH_JWT_SECRET.length < 32) {
    throw new ConfigError('MSHT_AUTH_JWT_SECRET', 'must be at least 32 characters');
  }
  if (r.MSHT_MODE === 'production') {
    if (!r.MSHT_AUTH_JWT_SECRET && !r.MSHT_AUTH_JWKS_FILE && !r.MSHT_AUTH_JWKS_URL) {
      throw new ConfigError('MSHT_AUTH_JWT_SECRET', 'is required in production (or MSHT_AUTH_JWKS_FILE / MSHT_AUTH_JWKS_URL): the service will not start without key configuration');
    }
    if (!r.MSHT_PSEUDONYM_KEY) throw new ConfigError('MSHT_PSEUDONYM_KEY', 'is required in production (victim pseudonyms must stay stable)');
    // A partner holding exported pseudonyms could otherwise try keys offline and tie them back to records.
    if (r.MSHT_PSEUDONYM_KEY.length < 32) throw new ConfigError('MSHT_PSEUDONYM_KEY', 'must be at least 32 characters in production');
  }
  if (r.MSHT_AUTH_JWKS_URL !== undefined && !secureJwksUrl(r.MSHT_AUTH_JWKS_URL)) {
    // Whoever could answer a plain-HTTP fetch of the keys could sign any token.
    throw new ConfigError('MSHT_AUTH_JWKS_URL', 'must be an https:// URL (http:// only on a loopback host)');
  }
  if (r.NEO4J_PASSWORD !== undefined && r.NEO4J_URI === undefined) {
    throw new ConfigError('NEO4J_PASSWORD', 'is set but NEO4J_URI is not (the embedded Neo4j runs without authentication on loopback)');
  }
  return {
    mode: r.MSHT_MODE,
    traversal: { maxDepth: r.MSHT_MAX_TRAVERSAL_DEPTH, nodeBudget: r.MSHT_NODE_BUDGET, maxPathHops: r.MSHT_MAX_PATH_HOPS, timeoutMs: r.MSHT_TRAVERSAL_TIMEOUT_MS, duplicatePairs: r.MSHT_DUPLICATE_PAIRS },
    security: {
      limits: {
        maxDepth: r.MSHT_MAX_DEPTH,
        maxAliases: r.MSHT_MAX_ALIASES,
        maxDirectives: r.MSHT_MAX_DIRECTIVES,
        maxTokens: r.MSHT_MAX_TOKENS,
        maxCost: r.MSHT_MAX_COST,
        defaultListSize: r.MSHT_DEFAULT_LIST_SIZE,
      },
      rateLimit: { perMinute: r.MSHT_RATE_LIMIT_PER_MINUTE, burst: r.MSHT_RATE_LIMIT_BURST },
      trustedDocuments: { enabled: r.MSHT_TRUSTED_DOCUMENTS, file: r.MSHT_TRUSTED_DOCUMENTS_FILE },
      audit: { flushMs: r.MSHT_AUDIT_FLUSH_MS },
    },
    auth: {
      jwtSecret: r.MSHT_AUTH_JWT_SECRET,
      jwksFile: r.MSHT_AUTH_JWKS_FILE,
      jwksUrl: r.MSHT_AUTH_JWKS_URL,
      issuer: r.MSHT_AUTH_ISSUER,
      audience: r.MSHT_AUTH_AUDIENCE,
    },
    pseudonymKey: r.MSHT_PSEUDONYM_KEY,
    http: { host: r.HOST, port: r.PORT, bodyLimit: r.MSHT_BODY_LIMIT, corsOrigins: r.MSHT_CORS_ORIGINS },
    logLevel: r.LOG_LEVEL,
    dataDir,
    migrateOnStart: r.MSHT_MIGRATE_ON_START,
    // Production never mints a token, whatever MSHT_WORKBENCH_DEV_TOKEN says.
    workbench: { enabled: r.MSHT_WORKBENCH, devToken: r.MSHT_WORKBENCH_DEV_TOKEN && r.MSHT_MODE !== 'production', devRole: r.MSHT_WORKBENCH_DEV_ROLE },
    seedOnEmpty: r.MSHT_SEED_ON_EMPTY ?? r.MSHT_MODE === 'development',
    compileAfterRuns: r.MSHT_COMPILE_AFTER_RUNS,
    warmUp: r.MSHT_WARM_UP,
    neo4j: {
      uri: r.NEO4J_URI,
      user: r.NEO4J_USER,
      password: r.NEO4J_PASSWORD,
      database: r.NEO4J_DATABASE,
      queryTimeoutMs: r.MSHT_QUERY_TIMEOUT_MS,
      importTimeoutMs: r.MSHT_IMPORT_TIMEOUT_MS,
      retryMs: r.MSHT_DB_RETRY_MS,
      connectTimeoutMs: r.MSHT_DB_CONNECT_TIMEOUT_MS,
      embedded: {
        homeDir: path.join(dataDir, 'neo4j'),
        boltHost: r.MSHT_NEO4J_BOLT_HOST,
        boltPort: r.MSHT_NEO4J_BOLT_PORT,
        heap: r.MSHT_NEO4J_HEAP,
        pageCache: r.MSHT_NEO4J_PAGECACHE,
        txTimeoutSeconds: r.MSHT_NEO4J_TX_TIMEOUT,
        txMemoryMax: r.MSHT_NEO4J_TX_MEMORY ?? defaultTxMemory(r.MSHT_NEO4J_HEAP),
        startTimeoutMs: r.MSHT_NEO4J_START_TIMEOUT * 1000,
      },
    },
  };
}

/**
 * The embedded Neo4j's cap on one transaction when none is set: a quarter of the heap. The pool
 * all transactions share is 70% of the heap, so two statements at their cap still leave about a
 * quarter of it to the others. At the default 1g heap that is 256m, under which every bench
 * workload of ours and every analytic ran at the bench's `large` world, and seeding and the
 * imports at `medium` (README, "Memory per transaction").
 */
export function defaultTxMemory(heap: string): string {
  return `${Math.max(1, Math.floor(bytes(heap) / 4 / 1024 ** 2))}m`;
}
