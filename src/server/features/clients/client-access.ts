// withClientAccess: the only way services read or write a client's data.
//
// Inside the transaction the session runs as the `tsunagu_app` role with `tsunagu.user_id` set
// (both transaction-local), so PostgreSQL's row-level security (migration 0006) filters every
// client table to the clients whose team the user is on and to the scopes the guardian
// consented to — even for a query without a `where`. The helper also:
// - refuses an outsider with 404 (whether or not the client exists: ids reveal nothing) and a
//   team member outside the consented scope or team role with 403,
// - writes the denial to the access log with the client id (in its own transaction, since the
//   refused one rolls back),
// - writes the read or change itself to the access log, in the same transaction.
import { and, eq, isNull, or, sql, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { clientTeamMember } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { CONSENT_SCOPES, consentScopeLabel, hasScopes, type ConsentScope } from '../../../shared/domain/consent-scopes.js';
import type { TeamRole } from '../../../shared/contracts/clients.js';

export const APP_ROLE = 'tsunagu_app';

export interface ClientAccess {
  clientId: string;
  userId: string;
  scopes: ConsentScope[];
  teamRoles: TeamRole[];
}

export type AccessActor = Pick<Actor, 'userId' | 'officeIds' | 'audit' | 'name'>;

interface Denial {
  status: 'not_found' | 'forbidden';
  reason: string;
  message: string;
}

class AccessDenied extends Error {
  constructor(readonly denial: Denial) {
    super(denial.reason);
  }
}

/** Switches the open transaction to the app role acting for a user. */
export async function enterUserContext(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`select set_config('tsunagu.user_id', ${userId}, true), set_config('tsunagu.system', 'off', true)`);
  await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
}

/** System work (demo seed, scheduled jobs, creating a record before its team exists). */
export async function enterSystemContext(tx: Tx): Promise<void> {
  await tx.execute(sql`select set_config('tsunagu.user_id', '', true), set_config('tsunagu.system', 'on', true)`);
  await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
}

/**
 * Runs `fn` as system work inside the caller's open transaction, then returns the transaction
 * to the login role (the caller — e.g. the referral feature — continues in it). For seams that
 * write a client's rows before the acting user is on its team.
 */
export async function asSystemWithin<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const leave = async () => {
    await tx.execute(sql`select set_config('tsunagu.system', 'off', true)`);
    await tx.execute(sql.raw('reset role'));
  };
  await enterSystemContext(tx);
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    // After a failed statement the transaction is aborted and rolls back anyway; keep the
    // original error rather than "current transaction is aborted".
    await leave().catch(() => undefined);
    throw e;
  }
  await leave();
  return result;
}

/** Scopes and team roles of the user for one client, as the database sees them. */
export async function loadAccess(tx: Tx, actor: Pick<Actor, 'userId' | 'officeIds'>, clientId: string): Promise<ClientAccess> {
  const rows = (await tx.execute(sql`select scope from tsunagu_access() where client_id = ${clientId}`)) as unknown as { rows?: { scope: string }[] } | { scope: string }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  const scopes = CONSENT_SCOPES.filter((s) => list.some((r) => r.scope === s));
  const roles = scopes.length
    ? await tx
        .select({ role: clientTeamMember.role })
        .from(clientTeamMember)
        .where(
          and(
            eq(clientTeamMember.clientId, clientId),
            isNull(clientTeamMember.removedAt),
            or(
              eq(clientTeamMember.userId, actor.userId),
              actor.officeIds.length ? and(isNull(clientTeamMember.userId), inArray(clientTeamMember.officeId, actor.officeIds)) : sql`false`,
            ),
          ),
        )
    : [];
  return { clientId, userId: actor.userId, scopes, teamRoles: [...new Set(roles.map((r) => r.role as TeamRole))] };
}

export interface ClientAccessOptions {
  db: Db;
  actor: AccessActor;
  clientId: string;
  /** Scopes the operation needs (all of them). Empty = any consented scope. */
  scopes?: readonly ConsentScope[];
  /** Team roles allowed to do it (any of them). Omitted = any team member. */
  teamRoles?: readonly TeamRole[];
  /** Access-log entry for the read or change, e.g. `client.medical.read`. */
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

/**
 * Runs `fn` in a transaction as the user, after checking team membership, consent scopes and
 * team role, and logs the access with the client id.
 * @example await withClientAccess({ db, actor, clientId, scopes: ['medical'], action: 'client.medical.read' }, (tx) => tx.select().from(clientMedical))
 */
export async function withClientAccess<T>(opts: ClientAccessOptions, fn: (tx: Tx, access: ClientAccess) => Promise<T>): Promise<T> {
  try {
    return await opts.db.transaction(async (tx) => {
      await enterUserContext(tx, opts.actor.userId);
      const access = await loadAccess(tx, opts.actor, opts.clientId);
      const denial = judge(access, opts);
      if (denial) throw new AccessDenied(denial);
      await writeAudit(tx, opts.actor.audit, {
        action: opts.action,
        entityType: opts.entityType ?? 'client',
        entityId: opts.entityId ?? opts.clientId,
        clientId: opts.clientId,
        details: opts.details,
      });
      return fn(tx, access);
    });
  } catch (e) {
    if (!(e instanceof AccessDenied)) throw e;
    await logDenial(opts.db, opts.actor.audit, opts.clientId, opts.action, e.denial.reason);
    throw e.denial.status === 'not_found' ? new AppError('NOT_FOUND', e.denial.message) : new AppError('FORBIDDEN', e.denial.message);
  }
}

/** Runs `fn` as the user without a specific client (lists, dashboard): RLS filters rows. */
export async function withUserContext<T>(db: Db, actor: Pick<Actor, 'userId'>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterUserContext(tx, actor.userId);
    return fn(tx);
  });
}

export async function withSystemContext<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterSystemContext(tx);
    return fn(tx);
  });
}

function judge(access: ClientAccess, opts: ClientAccessOptions): Denial | null {
  if (access.scopes.length === 0) return { status: 'not_found', reason: 'not_on_team_or_no_consent', message: '利用者が見つかりません。' };
  const needed = opts.scopes ?? [];
  if (!hasScopes(access.scopes, needed)) {
    const missing = needed.filter((s) => !hasScopes(access.scopes, [s]));
    return {
      status: 'forbidden',
      reason: `scope_missing:${missing.join(',')}`,
      message: `保護者の同意の範囲外です（${missing.map(consentScopeLabel).join('、')}）。`,
    };
  }
  if (opts.teamRoles && !opts.teamRoles.some((r) => access.teamRoles.includes(r)))
    return { status: 'forbidden', reason: 'team_role', message: 'この操作はチームの担当相談支援専門員・コーディネーターが行います。' };
  return null;
}

export async function logDenial(db: Db, audit: AuditContext, clientId: string, attempted: string, reason: string) {
  await writeAudit(db, audit, {
    action: 'client.access_denied',
    outcome: 'denied',
    entityType: 'client',
    entityId: clientId,
    clientId,
    details: { attempted, reason },
  });
}

/** Optimistic concurrency: the version the user read must still be current. */
export function assertVersion(current: number, sent: number, what: string): void {
  if (current !== sent)
    throw new AppError('CONFLICT', `${what}は他の人が先に更新しました（あなたが見ていた版 ${sent}、現在の版 ${current}）。画面を更新して、変更内容を確認してからやり直してください。`);
}
