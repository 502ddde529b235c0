// Configuration is read once, here, and validated: a wrong value stops the boot with a message
// that names the variable (STYLE.md habit 1). Nothing else reads process.env.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().default(fallback);

export const ROLES_REQUIRING_2FA_DEFAULT = 'admin,official,coordinator,consultant,provider_staff';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional().default('development'),
  PORT: int(3000, 0, 65535),
  HOST: z.string().optional().default('127.0.0.1'),
  BASE_URL: z.url().optional(),
  /** Extra origins allowed to make cookie-authenticated requests (comma-separated). */
  TRUSTED_ORIGINS: z.string().optional().default(''),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'postgres:// で始まる接続文字列を指定してください')
    .optional(),
  DATA_DIR: z.string().optional().default('data'),
  TSUNAGU_DEMO: z.enum(['1', '0']).optional(),
  TSUNAGU_SECRET: z.string().min(32, '32文字以上のランダムな文字列を指定してください').optional(),
  SESSION_IDLE_MINUTES: int(30, 1, 24 * 60),
  SESSION_MAX_HOURS: int(12, 1, 24 * 30),
  REQUIRE_2FA: bool(true),
  REQUIRE_2FA_ROLES: z.string().optional().default(ROLES_REQUIRING_2FA_DEFAULT),
  /** Failed sign-ins per account per hour before the account is throttled (issue: at most 100). */
  AUTH_ACCOUNT_MAX_FAILURES_PER_HOUR: int(20, 1, 100),
  AUTH_IP_MAX_SIGNIN_PER_MINUTE: int(10, 1, 1000),
  AUTH_IP_MAX_2FA_PER_MINUTE: int(10, 1, 1000),
  /** Behind a reverse proxy, take the client address from X-Forwarded-For. */
  TRUST_PROXY: bool(false),
  BODY_LIMIT_BYTES: int(1024 * 1024, 1024, 100 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  WEB_DIST_DIR: z.string().optional().default('dist/web'),
  /** Largest event material (資料) upload; the upload route alone gets a body limit this size. */
  MATERIAL_MAX_BYTES: int(10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  /** Where event materials are kept: `database` (bytea, in backups) or `directory` (files under MATERIAL_DIR). */
  MATERIAL_STORAGE: z.enum(['database', 'directory']).optional().default('database'),
  /** Directory for MATERIAL_STORAGE=directory; default DATA_DIR/materials. */
  MATERIAL_DIR: z.string().optional(),
  /** Outgoing mail: smtp[s]://user:pass@host:port, or the SMTP_HOST… variables. Unset = outbox only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp:// または smtps:// で始まる URL を指定してください')
    .optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: int(587, 1, 65535),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: bool(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  /** Sender, e.g. `つなぐ <noreply@example.jp>`; required when SMTP is configured. */
  SMTP_FROM: z.string().optional(),
  /** Seconds between mailer runs; 0 = off (default off under NODE_ENV=test). */
  MAIL_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
  /** Attempts per e-mail before it is marked failed (backoff doubles from 1 minute, capped at 6 hours). */
  MAIL_MAX_ATTEMPTS: int(8, 1, 50),
  /** Hours before an event at which registered participants are reminded; 0 = no reminders. */
  EVENT_REMINDER_HOURS: int(24, 0, 24 * 14),
  /** Seconds between event-reminder sweeps; 0 = off (default off under NODE_ENV=test). */
  EVENT_REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
  /** Public forms (registration, survey answers): submissions per IP address per 10 minutes. */
  PUBLIC_FORM_MAX_PER_10_MINUTES: int(20, 1, 10_000),
  /** Referral offers: business days to answer, then to escalate to the area's coordinators, then to expire (after the answer date). */
  REFERRAL_REPLY_BUSINESS_DAYS: int(3, 1, 30),
  REFERRAL_ESCALATE_AFTER_BUSINESS_DAYS: int(2, 0, 30),
  REFERRAL_EXPIRE_AFTER_BUSINESS_DAYS: int(5, 1, 60),
  /** Seconds between reminder/escalation sweeps; 0 = off (default off under NODE_ENV=test). */
  REFERRAL_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
  /** Directory: a vacancy counts for `vacancy=true` only if confirmed within this many days. */
  DIRECTORY_VACANCY_FRESH_DAYS: int(14, 1, 365),
  /** Directory: a listing not confirmed or changed for this many days is flagged stale. */
  DIRECTORY_STALE_DAYS: int(30, 1, 3650),
  /** Directory: counts and facets are exact up to this many matches (decision 006). */
  DIRECTORY_COUNT_CAP: int(3_000, 100, 10_000_000),
  /** Directory: largest WAM NET CSV upload accepted by the admin endpoint (bytes). */
  WAM_UPLOAD_MAX_BYTES: int(64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  /** Seconds between evacuation-plan ticks (review reminders, runtime recompute); 0 = off (default off under NODE_ENV=test). */
  EVACUATION_TICK_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
  /** Analytics: counts of clients below this are shown as "<N" outside the clients' own city (issue #8: 5). */
  ANALYTICS_SUPPRESS_BELOW: int(5, 2, 100),
  /** Analytics: seconds between checks that this month's snapshot exists; 0 = off (default off under NODE_ENV=test). */
  ANALYTICS_SNAPSHOT_TICK_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
});

export type Env = ReturnType<typeof buildEnv>;

export class EnvError extends Error {}

/** Parses and completes the configuration. Throws EnvError naming each wrong variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`設定（環境変数）に誤りがあります:\n${lines.join('\n')}`);
  }
  return buildEnv(parsed.data);
}

function buildEnv(e: z.infer<typeof EnvSchema>) {
  const embedded = !e.DATABASE_URL;
  // Demo mode waives 2FA for demo accounts; it is the default only for the embedded database.
  const demo = e.TSUNAGU_DEMO ? e.TSUNAGU_DEMO === '1' : embedded;
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  if (e.REFERRAL_EXPIRE_AFTER_BUSINESS_DAYS <= e.REFERRAL_ESCALATE_AFTER_BUSINESS_DAYS) {
    throw new EnvError(
      '設定（環境変数）に誤りがあります:\n  REFERRAL_EXPIRE_AFTER_BUSINESS_DAYS: REFERRAL_ESCALATE_AFTER_BUSINESS_DAYS より大きい値にしてください（期限切れの前にコーディネーターへ知らせるため）',
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const secret = e.TSUNAGU_SECRET ?? (embedded ? readOrCreateLocalSecret(dataDir) : undefined);
  if (!secret) {
    throw new EnvError(
      '設定（環境変数）に誤りがあります:\n  TSUNAGU_SECRET: DATABASE_URL を使う場合は 32 文字以上の秘密鍵を指定してください（例: openssl rand -hex 32）',
    );
  }
  const smtpFrom = e.SMTP_FROM?.trim();
  const smtpConfigured = Boolean(e.SMTP_URL || e.SMTP_HOST);
  if (smtpConfigured && !smtpFrom) {
    throw new EnvError('設定（環境変数）に誤りがあります:\n  SMTP_FROM: SMTP を使う場合は差出人（例: つなぐ <noreply@example.jp>）を指定してください');
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    trustedOrigins: [baseUrl, ...e.TRUSTED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean)],
    databaseUrl: e.DATABASE_URL,
    embedded,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    demo,
    secret,
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3600 * 1000,
    require2fa: e.REQUIRE_2FA,
    rolesRequiring2fa: e.REQUIRE_2FA_ROLES.split(',').map((s) => s.trim()).filter(Boolean),
    accountMaxFailuresPerHour: e.AUTH_ACCOUNT_MAX_FAILURES_PER_HOUR,
    ipMaxSignInPerMinute: e.AUTH_IP_MAX_SIGNIN_PER_MINUTE,
    ipMax2faPerMinute: e.AUTH_IP_MAX_2FA_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    materialMaxBytes: e.MATERIAL_MAX_BYTES,
    materialStorage: e.MATERIAL_STORAGE,
    materialDir: path.resolve(e.MATERIAL_DIR ?? path.join(dataDir, 'materials')),
    /** null = no SMTP: e-mails stay in the outbox (logged once at boot). */
    smtp: smtpConfigured
      ? {
          url: e.SMTP_URL,
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          user: e.SMTP_USER,
          pass: e.SMTP_PASS,
          from: smtpFrom!,
        }
      : null,
    mailSweepSeconds: e.MAIL_SWEEP_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 30),
    mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
    eventReminderHours: e.EVENT_REMINDER_HOURS,
    eventReminderSweepSeconds: e.EVENT_REMINDER_SWEEP_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 600),
    publicFormMaxPer10Minutes: e.PUBLIC_FORM_MAX_PER_10_MINUTES,
    referralReplyBusinessDays: e.REFERRAL_REPLY_BUSINESS_DAYS,
    referralEscalateAfterBusinessDays: e.REFERRAL_ESCALATE_AFTER_BUSINESS_DAYS,
    referralExpireAfterBusinessDays: e.REFERRAL_EXPIRE_AFTER_BUSINESS_DAYS,
    referralSweepSeconds: e.REFERRAL_SWEEP_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 60),
    directory: {
      vacancyFreshDays: e.DIRECTORY_VACANCY_FRESH_DAYS,
      staleDays: e.DIRECTORY_STALE_DAYS,
      countCap: e.DIRECTORY_COUNT_CAP,
      embedded,
      wamUploadMaxBytes: e.WAM_UPLOAD_MAX_BYTES,
    },
    evacuationTickSeconds: e.EVACUATION_TICK_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 3600),
    analytics: {
      suppressBelow: e.ANALYTICS_SUPPRESS_BELOW,
      snapshotTickSeconds: e.ANALYTICS_SNAPSHOT_TICK_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 3600),
      vacancyFreshDays: e.DIRECTORY_VACANCY_FRESH_DAYS,
    },
  };
}

/** The embedded database keeps its signing secret beside the data, created on first start. */
function readOrCreateLocalSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
