// Boot sequence shared by `npm start`, the CLI and the end-to-end tests:
// config → database (lock for the embedded one) → migrations → reference/demo data → app.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { runCommand, COMMANDS } from '../cli/commands.js';
import { createApp } from './app.js';
import { openDatabase, type Database } from './db/client.js';
import { acquireLock } from './db/embedded-lock.js';
import type { Deps } from './deps.js';
import { isDatabaseEmpty, seedDemo, seedMunicipalities } from './demo/seed-demo.js';
import type { Env } from './env.js';
import { createAuth } from './features/auth/auth.js';
import { seedGlossary } from './features/glossary/glossary.js';
import { createLogger, type Logger } from './lib/logger.js';
import { referralConfigOf } from './features/referrals/referral-config.js';
import { startReferralScheduler } from './features/referrals/referral-jobs.js';
import { startEvacuationScheduler } from './features/evacuation/evacuation-jobs.js';
import { startEventReminderScheduler } from './features/events/event-reminders.js';
import { startMailer } from './features/notifications/mailer.js';
import { startAnalyticsScheduler } from './features/analytics/snapshots.js';

export async function openConfiguredDatabase(env: Env, logger?: Logger): Promise<Database> {
  return openDatabase({
    url: env.databaseUrl,
    dataDir: env.embedded ? env.pgliteDir : undefined,
    onPoolError: (err) => logger?.warn({ err: String(err) }, 'PostgreSQL connection lost; will reconnect on next query'),
  });
}

export interface Running {
  deps: Deps;
  server: ServerType;
  url: string;
  demoAccounts: { email: string; roles: string[]; note: string }[] | null;
  seeded: boolean;
  close(): Promise<void>;
}

export async function startServer(env: Env, opts: { database?: Database; logger?: Logger } = {}): Promise<Running> {
  const logger = opts.logger ?? createLogger(env.logLevel);
  const cliToken = randomBytes(24).toString('hex');
  const release = env.embedded && !opts.database ? acquireLock(env.dataDir, { kind: 'server' }) : () => undefined;
  let database: Database | undefined;
  try {
    database = opts.database ?? (await openConfiguredDatabase(env, logger));
    await database.migrate();
    await seedMunicipalities(database.db);
    // Reference content (医ケア「基本のキ」): loaded once into an empty glossary, demo or not.
    await seedGlossary(database.db);
    let demoAccounts: Running['demoAccounts'] = null;
    let seeded = false;
    if (env.demo) {
      const r = await seedDemo(database.db);
      demoAccounts = r.accounts;
      seeded = r.seeded;
    } else if (await isDatabaseEmpty(database.db)) {
      logger.warn('アカウントがありません。`npm run cli -- user:create --email … --name … --role admin` で管理者を作成してください。');
    }
    const deps: Deps = { env, database, db: database.db, auth: createAuth(database.db, env), logger };
    const app = createApp(deps);
    mountInternalCli(app, deps, cliToken);
    // Reminders / escalation / expiry of unanswered referral offers (decision 008).
    const stopReferrals = startReferralScheduler({ db: database.db, config: referralConfigOf(env), seconds: env.referralSweepSeconds, logger });
    // Evacuation plans: yearly review reminders, and stored runtimes recomputed when the model changes.
    const stopEvacuation = startEvacuationScheduler({ db: database.db, seconds: env.evacuationTickSeconds, logger });
    // Reminders to registered participants before an event (advisory lock, idempotent).
    const stopEventReminders = startEventReminderScheduler({ db: database.db, hours: env.eventReminderHours, seconds: env.eventReminderSweepSeconds, baseUrl: env.baseUrl, logger });
    // The outbox over SMTP when configured (otherwise e-mails stay in the outbox; logged once).
    const stopMailer = startMailer({ db: database.db, env, logger });
    // Council analytics: last month's and this month's snapshots (advisory lock, idempotent).
    const stopAnalytics = startAnalyticsScheduler({ db: database.db, config: env.analytics, logger });
    const stopScheduler = () => {
      stopReferrals();
      stopEvacuation();
      stopEventReminders();
      stopMailer();
      stopAnalytics();
    };

    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    const url = `http://${['0.0.0.0', '127.0.0.1', '::'].includes(env.host) ? 'localhost' : env.host}:${port}`;
    if (env.embedded && !opts.database) {
      // Tell CLI processes where to send commands while we hold the database.
      writeFileSync(path.join(env.dataDir, 'tsunagu.lock'), JSON.stringify({ pid: process.pid, kind: 'server', url, cliToken, startedAt: new Date().toISOString() }), { mode: 0o600 });
    }
    const db = database;
    return {
      deps,
      server,
      url,
      demoAccounts,
      seeded,
      close: async () => {
        stopScheduler();
        await new Promise<void>((r) => server.close(() => r()));
        if (!opts.database) await db.close();
        release();
      },
    };
  } catch (e) {
    if (!opts.database) await database?.close().catch(() => undefined);
    release();
    throw e;
  }
}

/**
 * POST /internal/cli — runs an admin command inside this process, for the CLI when the
 * embedded database is held by us. Loopback only, and only with the token from the lock file
 * (readable only by the user who started the server).
 */
function mountInternalCli(app: ReturnType<typeof createApp>, deps: Deps, token: string) {
  app.post('/internal/cli', async (c) => {
    const given = Buffer.from(c.req.header('x-tsunagu-cli-token') ?? '');
    const expected = Buffer.from(token);
    const ip = c.get('clientIp');
    const loopback = ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
    if (!loopback || given.length !== expected.length || !timingSafeEqual(given, expected)) return c.json({ error: 'forbidden' }, 403);
    const body = (await c.req.json().catch(() => null)) as { command?: string; args?: string[] } | null;
    if (!body?.command || !Array.isArray(body.args)) return c.json({ error: 'bad request' }, 400);
    const spec = COMMANDS[body.command];
    const out: string[] = [];
    const err: string[] = [];
    if (spec && !spec.viaServer) {
      return c.json({ code: 3, out, err: [`「${body.command}」はサーバーの起動中には実行できません。サーバーを停止（Ctrl+C）してから、もう一度実行してください。`] });
    }
    const code = await runCommand(body.command, body.args.map(String), {
      database: deps.database,
      env: deps.env,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return c.json({ code, out, err });
  });
}
