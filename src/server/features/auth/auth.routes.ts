// Mounts better-auth under /api/auth with what it lacks: every sign-in outcome in the access
// log, a per-account failure throttle, and Japanese problem+json errors.
import { Hono } from 'hono';
import type { Deps, AppEnv } from '../../deps.js';
import { writeAudit, type AuditInput } from '../../lib/audit.js';
import { AppError, toProblem } from '../../lib/errors.js';
import { AUTH_ERROR_JA } from './auth-messages.js';
import { CLIENT_IP_HEADER } from './auth.js';
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
  '/revoke-sessions': 'auth.revoke_sessions',
  '/revoke-other-sessions': 'auth.revoke_sessions',
};

export function authRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.on(['GET', 'POST'], '/*', async (c) => {
    const sub = c.req.path.replace(/^\/api\/auth/, '');
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

    if (response.status >= 400) return toProblemResponse(response, c.get('requestId'));
    return response;
  });

  return app;
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
