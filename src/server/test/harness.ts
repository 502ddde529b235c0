// Integration-test world: a fresh database per test file (PGlite or PostgreSQL, chosen by the
// vitest project), the real app listening on a loopback port, HTTP clients with cookie jars,
// and typed factories with random names (STYLE.md habit 7). Tests never use the demo seed.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { and, asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { generate } from 'otplib';
import { inject } from 'vitest';
import type { Role } from '../../shared/contracts/auth.js';
import { openDatabase, type Database } from '../db/client.js';
import { loadEnv } from '../env.js';
import { startServer, type Running } from '../boot.js';
import { createUser } from '../features/admin/users.js';
import { createOffice } from '../features/admin/offices.js';
import { seedMunicipalities } from '../demo/seed-demo.js';
import { createLogger } from '../lib/logger.js';
import { auditEvent } from '../db/schema/index.js';

export const TEST_PASSWORD = 'correct-horse-battery-9';

export interface TestDatabase extends Database {
  drop(): Promise<void>;
  /** PostgreSQL: a URL to this very database (for tests that need a second connection). */
  url?: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB === 'pg') {
    const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    // Named after the run's template (tsunagu_tpl_<pid>) so the run's teardown finds only its own.
    const name = `${inject('pgTemplate').replace('tsunagu_tpl_', 'tsunagu_t_')}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    const db = await openDatabase({ url: u.toString(), poolMax: 5 });
    return {
      ...db,
      url: u.toString(),
      drop: async () => {
        await db.close().catch(() => undefined);
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  const db = await openDatabase({ loadDataDir: new Blob([dump]) });
  return { ...db, drop: () => db.close() };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface TestApp {
  url: string;
  running: Running;
  database: TestDatabase;
  db: Database['db'];
  /** A client with an empty cookie jar. */
  client(): TestClient;
  /** Creates a user through the real service (argon2 hash, audit row) and returns its login. */
  createUser(opts?: { roles?: Role[]; email?: string; name?: string; municipalityCode?: string | null; officeIds?: string[] }): Promise<{ id: string; email: string; password: string }>;
  createOffice(opts?: { name?: string; municipalityCode?: string; sector?: 'medical' | 'welfare' | 'administration' | 'education' }): Promise<{ id: string; name: string }>;
  /** Access-log rows matching every given field (details matched by JSON containment), oldest first. */
  auditRows(filter: { action?: string; entityType?: string; entityId?: string; actorUserId?: string; details?: Record<string, unknown> }): Promise<(typeof auditEvent.$inferSelect)[]>;
  /** Signs in with password (and TOTP when given a secret) and returns the signed-in client. */
  signIn(email: string, password?: string, totpSecret?: string): Promise<TestClient>;
  /** Creates a user and returns a signed-in client for it. */
  signedIn(roles: Role[], extra?: { municipalityCode?: string | null; officeIds?: string[] }): Promise<{ client: TestClient; user: { id: string; email: string; password: string } }>;
  close(): Promise<void>;
}

export async function startTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const port = await freePort();
  // An empty web directory: API tests need no build, and serveStatic warns about a missing one.
  mkdirSync('tmp/no-web-build', { recursive: true });
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: `http://127.0.0.1:${port}`,
    TSUNAGU_SECRET: randomBytes(32).toString('hex'),
    TSUNAGU_DEMO: '0',
    REQUIRE_2FA: '0',
    // Every test request comes from 127.0.0.1; tests of the limits set their own values.
    AUTH_IP_MAX_SIGNIN_PER_MINUTE: '1000',
    AUTH_IP_MAX_2FA_PER_MINUTE: '1000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WEB_DIST_DIR: 'tmp/no-web-build',
    ...envOverrides,
  });
  await seedMunicipalities(database.db);
  const running = await startServer(env, { database, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  const url = running.url.replace('localhost', '127.0.0.1');
  const audit = { label: 'test:factory' };

  const app: TestApp = {
    url,
    running,
    database,
    db: database.db,
    client: () => new TestClient(url),
    async createUser(opts = {}) {
      const email = opts.email ?? `u-${randomUUID().slice(0, 8)}@test.tsunagu.example`;
      const u = await createUser({
        db: database.db,
        audit,
        input: {
          email,
          name: opts.name ?? `テスト ${email.slice(2, 8)}`,
          password: TEST_PASSWORD,
          roles: opts.roles ?? ['consultant'],
          municipalityCode: opts.municipalityCode === undefined ? '12207' : opts.municipalityCode,
          officeIds: opts.officeIds ?? [],
        },
      });
      return { id: u.id, email: u.email, password: TEST_PASSWORD };
    },
    async createOffice(opts = {}) {
      const o = await createOffice({
        db: database.db,
        audit,
        input: {
          name: opts.name ?? `テスト事業所 ${randomUUID().slice(0, 6)}`,
          nameKana: 'てすとじぎょうしょ',
          sector: opts.sector ?? 'welfare',
          municipalityCode: opts.municipalityCode ?? '12207',
        },
      });
      return { id: o.id, name: o.name };
    },
    async auditRows(f) {
      return database.db
        .select()
        .from(auditEvent)
        .where(
          and(
            f.action ? eq(auditEvent.action, f.action) : undefined,
            f.entityType ? eq(auditEvent.entityType, f.entityType) : undefined,
            f.entityId ? eq(auditEvent.entityId, f.entityId) : undefined,
            f.actorUserId ? eq(auditEvent.actorUserId, f.actorUserId) : undefined,
            f.details ? sql`${auditEvent.details} @> ${JSON.stringify(f.details)}::jsonb` : undefined,
          ),
        )
        .orderBy(asc(auditEvent.id));
    },
    async signIn(email, password = TEST_PASSWORD, totpSecret) {
      const c = new TestClient(url);
      const res = await c.post('/api/auth/sign-in/email', { email, password });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { twoFactorRedirect?: boolean };
      if (body.twoFactorRedirect) {
        if (!totpSecret) throw new Error('2FA required but no secret given');
        const v = await c.post('/api/auth/two-factor/verify-totp', { code: await nextTotp(totpSecret) });
        if (v.status !== 200) throw new Error(`verify-totp failed: ${v.status} ${await v.text()}`);
      }
      return c;
    },
    async signedIn(roles, extra = {}) {
      const user = await app.createUser({ roles, ...extra });
      return { client: await app.signIn(user.email), user };
    },
    async close() {
      await running.close();
      await database.drop();
    },
  };
  return app;
}

/**
 * A valid code that differs from the current one (next 30 s step; the server accepts ±1 step),
 * so signing in right after enrolling is not mistaken for a replay of the enrolment code.
 */
export const nextTotp = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

/** Enrols TOTP for a signed-in client through the real endpoints; returns the base32 secret. */
export async function enrollTotp(client: TestClient, password = TEST_PASSWORD): Promise<{ secret: string; backupCodes: string[] }> {
  const res = await client.post('/api/auth/two-factor/enable', { password });
  if (res.status !== 200) throw new Error(`enable failed: ${res.status} ${await res.text()}`);
  const { totpURI, backupCodes } = (await res.json()) as { totpURI: string; backupCodes: string[] };
  const secret = new URL(totpURI).searchParams.get('secret')!;
  const v = await client.post('/api/auth/two-factor/verify-totp', { code: await generate({ secret }) });
  if (v.status !== 200) throw new Error(`verify failed: ${v.status} ${await v.text()}`);
  return { secret, backupCodes };
}

/** fetch with a cookie jar; writes carry our Origin like a browser on our own page would. */
export class TestClient {
  cookies = new Map<string, string>();
  bearer?: string;
  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit & { json?: unknown; origin?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (this.bearer) headers.set('authorization', `Bearer ${this.bearer}`);
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && init.origin !== null && !headers.has('origin')) headers.set('origin', init.origin ?? this.baseUrl);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await fetch(this.baseUrl + path, { ...init, method, headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  get(path: string, init: RequestInit = {}) {
    return this.request(path, { ...init, method: 'GET' });
  }
  post(path: string, json?: unknown, init: RequestInit & { origin?: string | null } = {}) {
    return this.request(path, { ...init, method: 'POST', json });
  }
  patch(path: string, json?: unknown, init: RequestInit & { origin?: string | null } = {}) {
    return this.request(path, { ...init, method: 'PATCH', json });
  }
  put(path: string, json?: unknown, init: RequestInit & { origin?: string | null } = {}) {
    return this.request(path, { ...init, method: 'PUT', json });
  }
  delete(path: string, init: RequestInit & { origin?: string | null } = {}) {
    return this.request(path, { ...init, method: 'DELETE' });
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; label?: string; message: string }[];
  requestId?: string;
}

/** Reads an error answer, checking it is application/problem+json with the given status. */
export async function readProblem(res: Response, status: number): Promise<ProblemBody> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) throw new Error(`not problem+json: ${res.headers.get('content-type')} ${text}`);
  const body = JSON.parse(text) as ProblemBody;
  if (body.status !== status) throw new Error(`problem.status ${body.status} ≠ ${status}`);
  return body;
}

/** Reads a JSON answer with the given status (the body is in the error message otherwise). */
export async function readJson<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

// Unvoiced hiragana in 50音 order: code-point order equals reading order in every collation.
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ';

/** A random reading (よみ) of the given length, for factories that sort by reading. */
export function randomKana(length = 6): string {
  const bytes = randomBytes(length);
  return [...bytes].map((b) => KANA[b % KANA.length]).join('');
}

/**
 * Edits the access log as only someone with the table owner's rights could: with the
 * append-only trigger switched off. Runs `check` against the tampered log, then puts the rows
 * back exactly as they were, so the chain verifies again for the next test.
 */
export async function tamperWithAuditLog(db: Database['db'], statement: string, check: () => Promise<void>): Promise<void> {
  const before = await db.select().from(auditEvent).orderBy(asc(auditEvent.id));
  const withoutTrigger = async (fn: () => Promise<unknown>) => {
    await db.execute(sql.raw('alter table audit_event disable trigger audit_event_no_update'));
    try {
      await fn();
    } finally {
      await db.execute(sql.raw('alter table audit_event enable trigger audit_event_no_update'));
    }
  };
  await withoutTrigger(() => db.execute(sql.raw(statement)));
  try {
    await check();
  } finally {
    await withoutTrigger(async () => {
      await db.delete(auditEvent);
      if (before.length) await db.insert(auditEvent).values(before);
    });
  }
}
