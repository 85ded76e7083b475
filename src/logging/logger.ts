import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout. Fields that may carry secrets or personal data are redacted
 * here once, whichever module logs them; so are the values a Neo4j error quotes (`err`).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'msht-graph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'password', '*.password', 'token', '*.token', 'variables'],
        censor: '[redacted]',
      },
      serializers: { err: serializeError },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A run in single or double quotes: how Neo4j's messages quote a value (names are in backticks). */
const QUOTED = /'[^'\n]*'|"[^"\n]*"/g;

type DriverError = Error & { code?: string; gqlStatus?: string; cause?: unknown };
const isNeo4jError = (e: unknown): e is DriverError => e instanceof Error && e.name === 'Neo4jError';

/**
 * A Neo4j error as the log keeps it: its type, code, GQL status and message with every quoted
 * value replaced by `'…'`, and the same for every cause below it (the driver's GQLError carries
 * the same quoted values). Neo4j's messages quote what a statement was
 * given (the clashing value of a constraint, a text that would not parse as a date), and that can
 * be a victim's name. Its stack is the driver's, not ours, and repeats the message, so it is left
 * out; the request id in the same line finds the request. Other errors are logged as pino logs
 * them (message and stack).
 */
export function serializeError(e: unknown, belowNeo4j = false): unknown {
  if (!isNeo4jError(e) && !(belowNeo4j && e instanceof Error)) {
    return belowNeo4j ? String(e).replace(QUOTED, (q) => `${q[0]}…${q[0]}`) : pino.stdSerializers.err(e as Error);
  }
  const d = e as DriverError;
  return {
    type: d.name,
    code: d.code,
    gqlStatus: d.gqlStatus,
    message: d.message.replace(QUOTED, (q) => `${q[0]}…${q[0]}`),
    ...(d.cause !== undefined ? { cause: serializeError(d.cause, true) } : {}),
  };
}
