import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs with request ids; never log request bodies (they may hold client data). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'tsunagu' }, redact: ['req.headers.cookie', 'req.headers.authorization'] });
}
