// Who is calling: a personal API token or a better-auth session. Also enforces what
// better-auth does not: the absolute session lifetime, disabled accounts, required 2FA.
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { officeMembership, session as sessionTable, user } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import type { AuditContext } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { TOKEN_PREFIX, verifyApiToken } from './api-tokens.js';
import { parseRoles } from './roles.js';

export interface Resolution {
  actor: Actor;
  /** The account must enrol two-factor before using anything but its own settings. */
  twoFactorPending: boolean;
  twoFactorEnabled: boolean;
  isDemo: boolean;
  locale: 'ja' | 'en';
  nameKana: string | null;
}

/**
 * True when the request presents a token. It is judged by that token alone: a malformed
 * `Bearer` header is a 401, never a silent fall-back to a session cookie sent alongside.
 */
export const usesBearer = (headers: Headers): boolean => /^Bearer(\s|$)/i.test(headers.get('authorization') ?? '');

export async function resolveActor(deps: Deps, headers: Headers, audit: AuditContext): Promise<Resolution | null> {
  if (usesBearer(headers)) {
    const bearer = headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const userId = bearer?.startsWith(TOKEN_PREFIX) ? await verifyApiToken(deps.db, bearer) : null;
    if (!userId) throw new AppError('UNAUTHENTICATED', 'API トークンが無効です（失効・期限切れ・誤り）。');
    return loadResolution(deps, userId, 'token', audit);
  }
  const found = await deps.auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!found) return null;
  if (Date.now() - new Date(found.session.createdAt).getTime() > deps.env.sessionMaxMs) {
    await deps.db.delete(sessionTable).where(eq(sessionTable.id, found.session.id));
    throw new AppError(
      'UNAUTHENTICATED',
      `ログインから ${Math.round(deps.env.sessionMaxMs / 3600000)} 時間が経過したため、セッションを終了しました。もう一度ログインしてください。`,
    );
  }
  return loadResolution(deps, found.user.id, 'session', audit);
}

async function loadResolution(deps: Deps, userId: string, via: Actor['via'], audit: AuditContext): Promise<Resolution> {
  // The account and its office memberships in one statement: this runs on every request.
  const [row] = await deps.db
    .select({ u: user, officeIds: sql<string[]>`array(select ${officeMembership.officeId} from ${officeMembership} where ${officeMembership.userId} = ${user.id})` })
    .from(user)
    .where(eq(user.id, userId))
    .limit(1);
  const u = row?.u;
  if (!u || u.banned) throw new AppError('UNAUTHENTICATED', 'このアカウントは無効化されています。管理者に連絡してください。');
  const offices = (row.officeIds ?? []).map((officeId) => ({ officeId }));
  const roles = parseRoles(u.role);
  const required = deps.env.require2fa && roles.some((r) => deps.env.rolesRequiring2fa.includes(r));
  // Demo accounts may skip enrolment, and only while the deployment runs in demo mode.
  const waived = deps.env.demo && u.isDemo;
  return {
    actor: {
      userId: u.id,
      email: u.email,
      name: u.name,
      roles,
      municipalityCode: u.municipalityCode,
      officeIds: offices.map((o) => o.officeId),
      via,
      audit: { ...audit, userId: u.id, label: u.email },
    },
    twoFactorPending: required && !waived && !u.twoFactorEnabled,
    twoFactorEnabled: Boolean(u.twoFactorEnabled),
    isDemo: u.isDemo,
    locale: u.locale === 'en' ? 'en' : 'ja',
    nameKana: u.nameKana,
  };
}
