// Who is calling: a personal API token or a better-auth session. Also enforces what
// better-auth does not: the absolute session lifetime, disabled accounts, required 2FA.
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { apiToken, officeMembership, session as sessionTable, user } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import type { AuditContext } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { acceptApiToken, apiTokenHash } from './api-tokens.js';
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
    const hash = bearer ? apiTokenHash(bearer) : null;
    // The token, its owner and the owner's offices in one prepared statement: this runs on every call.
    const [row] = hash ? await tokenLookup(deps.db).execute({ hash }) : [];
    if (!row || !(await acceptApiToken(deps.db, row.token))) throw new AppError('UNAUTHENTICATED', 'API トークンが無効です（失効・期限切れ・誤り）。');
    return resolutionOf(deps, row, 'token', audit);
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

/** The office ids of the selected user (a subquery: one statement per request). */
const officeIdsOf = sql<string[]>`array(select ${officeMembership.officeId} from ${officeMembership} where ${officeMembership.userId} = ${user.id})`;

/** The account columns a request needs (resolutionOf): not the whole row. */
const accountColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: user.banned,
  municipalityCode: user.municipalityCode,
  isDemo: user.isDemo,
  twoFactorEnabled: user.twoFactorEnabled,
  locale: user.locale,
  nameKana: user.nameKana,
};
type Account = { [K in keyof typeof accountColumns]: (typeof user.$inferSelect)[K] };

/**
 * The token lookup of every API-token call, prepared once per database handle (parsed and
 * planned once per connection instead of per call: ~0.5 ms a call on PGlite).
 */
const tokenLookups = new WeakMap<Deps['db'], ReturnType<typeof prepareTokenLookup>>();
const prepareTokenLookup = (db: Deps['db']) =>
  db
    .select({ token: { id: apiToken.id, revokedAt: apiToken.revokedAt, expiresAt: apiToken.expiresAt, lastUsedAt: apiToken.lastUsedAt }, u: accountColumns, officeIds: officeIdsOf })
    .from(apiToken)
    .innerJoin(user, eq(user.id, apiToken.userId))
    .where(eq(apiToken.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare('tsunagu_api_token_lookup');
function tokenLookup(db: Deps['db']) {
  let p = tokenLookups.get(db);
  if (!p) tokenLookups.set(db, (p = prepareTokenLookup(db)));
  return p;
}

async function loadResolution(deps: Deps, userId: string, via: Actor['via'], audit: AuditContext): Promise<Resolution> {
  // The account and its office memberships in one statement: this runs on every request.
  const [row] = await deps.db.select({ u: accountColumns, officeIds: officeIdsOf }).from(user).where(eq(user.id, userId)).limit(1);
  return resolutionOf(deps, row, via, audit);
}

function resolutionOf(deps: Deps, row: { u: Account; officeIds: string[] | null } | undefined, via: Actor['via'], audit: AuditContext): Resolution {
  const u = row?.u;
  if (!u || u.banned) throw new AppError('UNAUTHENTICATED', 'このアカウントは無効化されています。管理者に連絡してください。');
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
      officeIds: row.officeIds ?? [],
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
