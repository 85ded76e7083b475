import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout. Fields that may carry secrets or personal data are redacted
 * here once, whichever module logs them.
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
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
