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

const isNeo4jError = (e: unknown): e is Error & { code?: string; gqlStatus?: string; cause?: unknown } => e instanceof Error && e.name === 'Neo4jError';

/**
 * A Neo4j error as the log keeps it: its type, code, GQL status and message with every quoted
 * value replaced by `'…'`, and the same for its cause. Neo4j's messages quote what a statement was
 * given (the clashing value of a constraint, a text that would not parse as a date), and that can
 * be a victim's name. Its stack is the driver's, not ours, and repeats the message, so it is left
 * out; the request id in the same line finds the request. Other errors are logged as pino logs
 * them (message and stack).
 */
export function serializeError(e: unknown): unknown {
  if (!isNeo4jError(e)) return pino.stdSerializers.err(e as Error);
  return {
    type: e.name,
    code: e.code,
    gqlStatus: e.gqlStatus,
    message: e.message.replace(QUOTED, (q) => `${q[0]}…${q[0]}`),
    ...(e.cause !== undefined ? { cause: serializeError(e.cause) } : {}),
  };
}
