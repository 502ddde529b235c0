// PostgreSQL going away must not take the app down: requests fail cleanly with 503
// DATABASE_UNAVAILABLE (or succeed on a fresh connection), the health check says so, and the
// app recovers by itself when the database is back. PostgreSQL only: PGlite lives in-process.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../lib/db-errors.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';

interface Health {
  status: string;
  database: { reachable: boolean; latencyMs: number | null };
}

const onPostgres = process.env.TEST_DB === 'pg';

describe.skipIf(!onPostgres)('PostgreSQL outage', () => {
  let t: TestApp;
  let admin: TestClient;
  let script: TestClient;
  /** A connection outside the app's pool: to the test database, and to the server's default one. */
  let own: pg.Client;
  let server: pg.Client;
  let dbName: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.signedIn(['admin'])).client;
    const { token } = await readJson<{ token: string }>(await admin.post('/api/me/tokens', { name: 'outage' }), 201);
    script = t.client();
    script.bearer = token;
    dbName = new URL(t.database.url!).pathname.slice(1);
    own = new pg.Client({ connectionString: t.database.url });
    own.on('error', () => undefined); // terminated along with the app's connections in the second test
    await own.connect();
    server = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await server.connect();
  });
  afterAll(async () => {
    await server?.query(`alter database ${dbName} allow_connections true`).catch(() => undefined);
    await own?.end().catch(() => undefined);
    await server?.end().catch(() => undefined);
    await t?.close();
  });

  /** Ends every connection of the app's pool, as a PostgreSQL restart would. */
  const terminateAppConnections = (via: pg.Client) =>
    via.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [dbName]);

  /** Any answer but a crash: success on a new connection, or a clean 503 problem. */
  async function expectCleanAnswer(res: Response) {
    if (res.status === 200) return;
    const p = await readProblem(res, 503);
    expect(p.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBe('5');
  }

  it('survives its connections being terminated and carries on with new ones', async () => {
    // Fill the pool with idle connections first, so there is something to terminate.
    await Promise.all(Array.from({ length: 5 }, () => admin.get('/api/admin/users?limit=1')));
    const killed = await terminateAppConnections(own);
    expect(killed.rowCount).toBeGreaterThan(0);
    // Let the pool notice the dead idle connections, then hit it while some may still be dead.
    const [health, ...others] = await Promise.all([t.client().get('/api/health'), admin.get('/api/me'), script.get('/api/admin/users?limit=1'), admin.get('/api/admin/offices')]);
    if (health!.status !== 200) expect(await readJson<Health>(health!, 503)).toMatchObject({ database: { reachable: false } });
    for (const res of others) await expectCleanAnswer(res);
    // After that, everything works again without a restart.
    expect((await readJson<Health>(await t.client().get('/api/health'))).database.reachable).toBe(true);
    expect((await admin.get('/api/admin/users?limit=1')).status).toBe(200);
    expect((await admin.post('/api/admin/organizations', { name: '再接続後', nameKana: 'さいせつぞくご' })).status).toBe(201);
  });

  it('survives losing a connection in the middle of a transaction', async () => {
    const failed = await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await terminateAppConnections(own);
        await new Promise((r) => setTimeout(r, 200)); // the connection's error arrives while no query runs
        await tx.execute(sql`select 1`);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isDatabaseUnavailable(failed)).toBe(true);
    expect((await admin.get('/api/admin/users?limit=1')).status).toBe(200);
  });

  it('answers 503 while the database refuses connections, and recovers when it accepts them again', async () => {
    try {
      await server.query(`alter database ${dbName} allow_connections false`);
      await terminateAppConnections(server);

      const health = await t.client().get('/api/health');
      expect(health.status).toBe(503);
      expect(await readJson<Health>(health, 503)).toMatchObject({ status: 'degraded', database: { reachable: false, latencyMs: null } });

      for (const res of [await admin.get('/api/admin/users'), await script.get('/api/admin/users'), await admin.post('/api/admin/organizations', { name: '停止中', nameKana: 'ていしちゅう' })]) {
        const p = await readProblem(res, 503);
        expect(p.code).toBe('DATABASE_UNAVAILABLE');
        expect(p.detail).toContain('データベースに接続できません');
        expect(res.headers.get('retry-after')).toBe('5');
      }
      // Sign-in, which better-auth handles itself, fails cleanly too.
      const signIn = await t.client().post('/api/auth/sign-in/email', { email: 'nobody@test.tsunagu.example', password: 'whatever-123' });
      expect(signIn.status).toBeGreaterThanOrEqual(500);
      expect(signIn.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await server.query(`alter database ${dbName} allow_connections true`);
    }
    expect((await readJson<Health>(await t.client().get('/api/health'))).status).toBe('ok');
    expect((await admin.get('/api/admin/users?limit=1')).status).toBe(200);
    expect((await script.get('/api/me')).status).toBe(200);
  });
});
