// One database handle for both targets: embedded PGlite (default, file-backed under data/) and
// server PostgreSQL (DATABASE_URL, node-postgres pool). Everything above this file sees `Db`.
import v8 from 'node:v8';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A service function accepts either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  pglite?: PGlite;
  pool?: pg.Pool;
  /** Runs a trivial query; throws when the database cannot be reached. */
  ping(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; `undefined` with no url = in memory. */
  dataDir?: string;
  /** PGlite: start from a dumped data directory (fast fresh test databases). */
  loadDataDir?: Blob | File;
  poolMax?: number;
  onPoolError?: (err: Error) => void;
}

/**
 * Compile the embedded engine (PGlite's WebAssembly) fully optimised instead of tiering up as it
 * runs. V8 starts WebAssembly in its baseline compiler (Liftoff) and optimises only functions it
 * finds hot; in a database engine most code paths stay baseline for a long time, at ~2× the cost
 * (a directory count: 6.6 → 3.8 ms median, p95 18 → 6 ms; docs/performance.md). Costs ~2.5 s
 * once per process, when the first PGlite opens. Call before the first openDatabase() in
 * long-running processes (server, long CLI commands, benches, generators); tests skip it (each
 * worker would pay the compile), and so do short CLI commands.
 */
export function optimizeEmbeddedEngine(): void {
  v8.setFlagsFromString('--no-liftoff');
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.url ? openPostgres(opts) : openPglite(opts);
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  if (opts.dataDir) mkdirSync(path.dirname(opts.dataDir), { recursive: true }); // PGlite does not create parents
  const pglite = await PGlite.create(opts.dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    loadDataDir: opts.loadDataDir,
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite,
    ping: async () => {
      await pglite.query('select 1');
    },
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(opts: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    // Sessions always in UTC so that SQL-side date arithmetic does not depend on the server.
    options: '-c timezone=UTC',
  });
  // Without a listener, an idle client losing its connection (PostgreSQL restart) would
  // crash the process with an unhandled 'error' event. Requests fail cleanly instead.
  pool.on('error', (err) => opts.onPoolError?.(err));
  // The pool only listens while a client is idle. A client checked out for a transaction that
  // loses its connection between two queries would emit an unhandled 'error' and end the
  // process; with this listener, the transaction's next query fails instead (→ 503).
  pool.on('connect', (client) => client.on('error', (err) => opts.onPoolError?.(err)));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    ping: async () => {
      await pool.query('select 1');
    },
    migrate: async () => {
      // Several app instances may start at once: one migrates, the others wait on the lock.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(742617000)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('select pg_advisory_unlock(742617000)').catch(() => undefined);
        client.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}
