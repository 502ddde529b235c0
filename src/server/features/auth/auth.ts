// better-auth configured for tsunagu: email + password (argon2id), TOTP two-factor with
// recovery codes, sessions in the database, per-IP rate limits. Sign-up is closed: accounts
// are created by an admin (features/admin) or the CLI.
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { admin, twoFactor } from 'better-auth/plugins';
import type { Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import type { Env } from '../../env.js';
import { checkPassword } from './password-policy.js';

/** The private header the server sets from the socket address; clients cannot spoof it. */
export const CLIENT_IP_HEADER = 'x-tsunagu-client-ip';

export function createAuth(db: Db, env: Env) {
  return betterAuth({
    appName: 'tsunagu',
    baseURL: env.baseUrl,
    basePath: '/api/auth',
    secret: env.secret,
    trustedOrigins: env.trustedOrigins,
    telemetry: { enabled: false },
    logger: { level: env.nodeEnv === 'test' ? 'error' : 'warn' },
    database: drizzleAdapter(db, {
      provider: 'pg',
      transaction: true,
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        twoFactor: schema.twoFactor,
        rateLimit: schema.rateLimit,
      },
    }),
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
      useSecureCookies: env.baseUrl.startsWith('https://'),
      // better-auth turns its Origin/CSRF checks off when NODE_ENV=test; keep them on so the
      // tests exercise what production runs.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: (pw) => hash(pw), verify: ({ hash: h, password }) => verify(h, password) },
    },
    user: {
      additionalFields: {
        nameKana: { type: 'string', required: false, input: false },
        municipalityCode: { type: 'string', required: false, input: false },
        locale: { type: 'string', required: false, defaultValue: 'ja', input: false },
        isDemo: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    session: {
      // Sliding expiry = the idle timeout; the absolute limit is checked in resolve-actor.ts.
      expiresIn: env.sessionIdleSeconds,
      updateAge: Math.min(60, env.sessionIdleSeconds),
      // No cookie cache: revocation and disabling must take effect on the next request.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 600,
      customRules: {
        '/sign-in/email': { window: 60, max: env.ipMaxSignInPerMinute },
        '/two-factor/verify-totp': { window: 60, max: env.ipMax2faPerMinute },
        '/two-factor/verify-backup-code': { window: 60, max: env.ipMax2faPerMinute },
        '/two-factor/enable': { window: 60, max: env.ipMax2faPerMinute },
        '/get-session': false,
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/change-password') {
          const reason = checkPassword(String(ctx.body?.newPassword ?? ''));
          if (reason) throw new APIError('BAD_REQUEST', { message: reason, code: 'PASSWORD_POLICY' });
        }
      }),
    },
    plugins: [
      twoFactor({ issuer: 'tsunagu つなぐ', backupCodeOptions: { amount: 10, length: 10 } }),
      admin({ defaultRole: 'viewer', adminRoles: ['admin'] }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
