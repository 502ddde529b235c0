import type { Database, Db } from './db/client.js';
import type { Env } from './env.js';
import type { Auth } from './features/auth/auth.js';
import type { Actor } from './lib/access.js';
import type { AuditContext } from './lib/audit.js';
import type { Logger } from './lib/logger.js';

/** What the app needs from the outside world; built in main.ts, or by tests. */
export interface Deps {
  env: Env;
  database: Database;
  db: Db;
  auth: Auth;
  logger: Logger;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    clientIp: string;
    /** Set by the authentication middleware on every protected route. */
    actor: Actor;
    audit: AuditContext;
  };
}
