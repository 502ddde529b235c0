// Mounts better-auth under /api/auth with what it lacks: every sign-in outcome in the access
// log, a per-account failure throttle, and Japanese problem+json errors.
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Deps, AppEnv } from '../../deps.js';
import { session, totpUsed } from '../../db/schema/index.js';
import { writeAudit, type AuditInput } from '../../lib/audit.js';
import { AppError, toProblem } from '../../lib/errors.js';
import { AUTH_ERROR_JA } from './auth-messages.js';
import { CLIENT_IP_HEADER } from './auth.js';
import { resolveActor } from './resolve-actor.js';
import { countRecentSignInFailures } from './sign-in-throttle.js';

const AUDITED: Record<string, string> = {
  '/sign-in/email': 'auth.sign_in',
  '/sign-out': 'auth.sign_out',
  '/two-factor/verify-totp': 'auth.two_factor_verify',
  '/two-factor/verify-backup-code': 'auth.two_factor_backup_code',
  '/two-factor/enable': 'auth.two_factor_enable',
  '/two-factor/disable': 'auth.two_factor_disable',
  '/two-factor/generate-backup-codes': 'auth.two_factor_backup_codes_regenerate',
  '/change-password': 'auth.change_password',
  '/revoke-session': 'auth.revoke_sessions',
  '/revoke-sessions': 'auth.revoke_sessions',
  '/revoke-other-sessions': 'auth.revoke_sessions',
};

/**
 * better-auth endpoints that would change accounts around our services: the admin plugin's
 * (create users, set roles and passwords, impersonate — without the access log, the password
 * policy or the two-factor requirement) and self-service profile edits (unlogged). Accounts
 * are managed through /api/admin and /api/me instead. Refused as FORBIDDEN, so each attempt is
 * in the access log as `access.denied`.
 */
const CLOSED: { path: RegExp; message: string }[] = [
  { path: /^\/admin(\/|$)/, message: 'アカウントの管理は管理 API（/api/admin）で行ってください。' },
  { path: /^\/update-user\/?$/, message: '氏名・表示言語の変更は PATCH /api/me で行ってください。' },
];

export function authRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.on(['GET', 'POST'], '/*', async (c) => {
    const sub = c.req.path.replace(/^\/api\/auth/, '');
    // Compared on a normalised path so `//Admin/…` cannot slip past.
    const normalised = sub.replace(/\/{2,}/g, '/').toLowerCase();
    const closed = CLOSED.find((x) => x.path.test(normalised));
    if (closed) {
      // Attribute the denial (logged by the error handler) to the caller when signed in.
      const who = await resolveActor(deps, c.req.raw.headers, c.get('audit')).catch(() => null);
      if (who) c.set('audit', who.actor.audit);
      throw new AppError('FORBIDDEN', closed.message);
    }
    const action = AUDITED[sub];
    const audit = c.get('audit');
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, c.get('clientIp'));

    let email: string | undefined;
    if (sub === '/sign-in/email' && c.req.method === 'POST') {
      const body = (await c.req.raw
        .clone()
        .json()
        .catch(() => null)) as { email?: unknown } | null;
      if (body && typeof body.email === 'string') email = body.email.trim().toLowerCase().slice(0, 254);
      if (email) {
        const failures = await countRecentSignInFailures(deps.db, email);
        if (failures >= deps.env.accountMaxFailuresPerHour) {
          await writeAudit(deps.db, audit, {
            action: 'auth.sign_in',
            outcome: 'denied',
            entityType: 'account',
            entityId: email,
            details: { reason: 'account_throttled', failuresLastHour: failures },
          });
          // Same answer whether or not the account exists.
          throw new AppError('RATE_LIMITED', 'ログインの失敗が続いたため、このアカウントへのログインを一時的に制限しています。1時間ほどしてからやり直してください。', {
            headers: { 'Retry-After': '3600' },
          });
        }
      }
    }

    // Keep a copy of the body for the replay check: the handler consumes the original.
    const totpBody = sub === '/two-factor/verify-totp' ? await c.req.raw.clone().text() : null;
    const response = await deps.auth.handler(new Request(c.req.raw, { headers }));

    if (action && c.req.method === 'POST') {
      const json = (await response
        .clone()
        .json()
        .catch(() => null)) as { user?: { id?: string; email?: string }; twoFactorRedirect?: boolean; code?: string } | null;
      const ok = response.status < 400;
      const entry: AuditInput = {
        action,
        outcome: ok ? 'success' : response.status === 401 || response.status === 400 ? 'failure' : 'denied',
        entityType: 'account',
        entityId: email ?? json?.user?.email ?? audit.label ?? null,
        details: {
          status: response.status,
          ...(json?.code ? { code: json.code } : {}),
          ...(json?.twoFactorRedirect ? { twoFactor: 'pending' } : {}),
        },
      };
      const userId = json?.user?.id ?? audit.userId ?? null;
      await writeAudit(deps.db, { ...audit, userId, label: email ?? json?.user?.email ?? audit.label }, entry);
    }

    if (sub === '/two-factor/verify-totp' && response.status === 200) {
      const replay = await rejectReplayedTotp(deps, totpBody ?? '', response);
      if (replay) return replay;
    }
    if (response.status >= 400) return toProblemResponse(response, c.get('requestId'));
    return response;
  });

  return app;
}

/**
 * A TOTP code is accepted once per account: a second successful use within its window (a
 * replay) has its new session deleted and answers 401.
 */
async function rejectReplayedTotp(deps: Deps, requestBody: string, response: Response): Promise<Response | null> {
  let body: { code?: unknown } | null = null;
  try {
    body = JSON.parse(requestBody) as { code?: unknown };
  } catch {
    return null;
  }
  const json = (await response
    .clone()
    .json()
    .catch(() => null)) as { token?: string; user?: { id?: string } } | null;
  const userId = json?.user?.id;
  if (!userId || typeof body?.code !== 'string') return null;
  const codeHash = createHash('sha256').update(`${userId}:${body.code}`).digest('hex');
  const fresh = await deps.db.transaction(async (tx) => {
    await tx.delete(totpUsed).where(and(eq(totpUsed.userId, userId), lt(totpUsed.usedAt, new Date(Date.now() - 5 * 60_000))));
    return tx.insert(totpUsed).values({ userId, codeHash, usedAt: new Date() }).onConflictDoNothing().returning({ userId: totpUsed.userId });
  });
  if (fresh.length > 0) return null;
  if (json?.token) await deps.db.delete(session).where(eq(session.token, json.token));
  await writeAudit(deps.db, { userId }, { action: 'auth.two_factor_replay', outcome: 'denied', entityType: 'user', entityId: userId });
  const err = new AppError('UNAUTHENTICATED', 'この確認コードはすでに使われています。認証アプリに次のコードが表示されてから入力してください。');
  const headers = new Headers({ 'content-type': 'application/problem+json; charset=utf-8' });
  for (const cookie of response.headers.getSetCookie()) {
    // Expire whatever session cookie better-auth just set.
    const name = cookie.split('=')[0];
    headers.append('set-cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  }
  return new Response(JSON.stringify(toProblem(err)), { status: 401, headers });
}

async function toProblemResponse(response: Response, requestId: string): Promise<Response> {
  const json = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: string; message?: string } | null;
  const mapped = json?.code ? AUTH_ERROR_JA[json.code] : undefined;
  const err =
    response.status === 429
      ? new AppError('RATE_LIMITED')
      : mapped
        ? new AppError(mapped.code, json?.code === 'PASSWORD_POLICY' && json.message ? json.message : mapped.message)
        : new AppError(response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST', json?.message);
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/problem+json; charset=utf-8');
  headers.delete('content-length');
  const body = { ...toProblem(err, requestId), status: response.status, ...(json?.code ? { authCode: json.code } : {}) };
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
