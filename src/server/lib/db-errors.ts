// Recognises "the database is not there right now" (restart, network) as opposed to a bug, so
// the API can answer 503 and recover by itself when PostgreSQL is back.
const UNAVAILABLE_CODES = new Set([
  // The network: refused, reset, unreachable, or the host name does not resolve (yet).
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  // PostgreSQL: admin shutdown / crash / cannot connect now, connection exceptions, too many connections.
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300',
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  // SQLSTATE 55000 is generic; only this message means "closed to connections" (ALLOW_CONNECTIONS false).
  /is not currently accepting connections/i,
];

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: string; message?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
    if (e.message && UNAVAILABLE_MESSAGES.some((re) => re.test(e!.message!))) return true;
  }
  return false;
}

/** PostgreSQL SQLSTATE of a (possibly wrapped) driver error. */
export function pgCode(err: unknown): string | undefined {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}
