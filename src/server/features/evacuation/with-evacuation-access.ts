// withEvacuationAccess: the only way the evacuation services read or write a client's plan.
// Like withClientAccess (clients/client-access.ts) — one transaction as the `tsunagu_app` role
// naming the user, so row-level security (migration 0009) filters every row — with a second
// way in: an official of the client's city, while the guardian's consent to give the plan to
// that city is active (decision 012). Outsiders get 404 (ids reveal nothing), a team member
// or official outside what the operation needs 403; both are written to the access log with
// the client id, and the granted access is logged in the same transaction as the work.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { hasScopes } from '../../../shared/domain/consent-scopes.js';
import { enterUserContext, loadAccess, logDenial, type AccessActor, type ClientAccess } from '../clients/client-access.js';
import { rowsOf } from '../clients/sql-rows.js';
import { EVACUATION_EDITOR_ROLES, EVACUATION_MANAGER_ROLES, EVACUATION_SCOPES } from './evacuation-access.js';

/**
 * read    — open the plan, its versions, runtime, print it
 * edit    — save a new version (team: consultant, coordinator, medical)
 * manage  — record / revoke the guardian's consents to recipients (team: consultant, coordinator)
 * provide — give the plan to a consented recipient (team managers, or the city)
 * approve — approve a version (the city only)
 */
export type EvacuationNeed = 'read' | 'edit' | 'manage' | 'provide' | 'approve';

export interface EvacuationAccess {
  team: ClientAccess | null;
  /** The user is an official of the client's city and the guardian consented to giving the plan to the city. */
  city: boolean;
  via: 'team' | 'city';
  canEdit: boolean;
  canApprove: boolean;
}

export type EvacuationActor = AccessActor & { roles?: readonly string[] };

class Denied extends Error {
  constructor(
    readonly status: 'not_found' | 'forbidden',
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** True when the database's city rule (tsunagu_evacuation_city_ids) admits the user for this client. */
async function isCityFor(tx: Tx, clientId: string): Promise<boolean> {
  const rows = rowsOf<{ ok: boolean }>(await tx.execute(sql`select exists (select 1 from tsunagu_evacuation_city_ids() x where x = ${clientId}) as ok`));
  return rows[0]?.ok === true;
}

function judge(team: ClientAccess, city: boolean, need: EvacuationNeed): { access: Omit<EvacuationAccess, 'team' | 'city'> } | Denied {
  const onTeam = team.scopes.length > 0;
  const teamScoped = onTeam && hasScopes(team.scopes, EVACUATION_SCOPES);
  const hasRole = (roles: readonly string[]) => roles.some((r) => team.teamRoles.includes(r as never));
  const canEdit = teamScoped && hasRole(EVACUATION_EDITOR_ROLES);
  const canApprove = city;
  const via = teamScoped ? 'team' : 'city';
  if (!onTeam && !city) return new Denied('not_found', 'not_on_team_and_no_city_consent', '利用者が見つかりません。');
  const ok =
    need === 'read'
      ? teamScoped || city
      : need === 'edit'
        ? canEdit
        : need === 'manage'
          ? onTeam && hasRole(EVACUATION_MANAGER_ROLES)
          : need === 'provide'
            ? (teamScoped && hasRole(EVACUATION_MANAGER_ROLES)) || city
            : city;
  if (ok) return { access: { via, canEdit, canApprove } };
  if (need === 'approve') return new Denied('forbidden', 'not_city_official_with_consent', '承認できるのは、本人・保護者が市への提供に同意した、利用者の市区町村の担当職員です。');
  if (onTeam && !teamScoped && need !== 'manage')
    return new Denied('forbidden', 'scope_missing', '保護者の同意の範囲外です（個別避難計画には「支援計画」と「医療情報」の同意が必要です）。');
  if (need === 'edit') return new Denied('forbidden', 'team_role', '個別避難計画を編集できるのは、チームの相談支援専門員・コーディネーター・医療職です。');
  return new Denied('forbidden', 'team_role', 'この操作はチームの担当相談支援専門員・コーディネーターが行います。');
}

export interface EvacuationAccessOptions {
  db: Db;
  actor: EvacuationActor;
  clientId: string;
  need: EvacuationNeed;
  /** Access-log entry, e.g. `evacuation_plan.read`. */
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

/**
 * Runs `fn` in a transaction as the user, after checking the team or city rule for `need`,
 * and logs the access with the client id.
 * @example await withEvacuationAccess({ db, actor, clientId, need: 'read', action: 'evacuation_plan.read' }, (tx) => tx.select().from(evacuationPlan))
 */
export async function withEvacuationAccess<T>(opts: EvacuationAccessOptions, fn: (tx: Tx, access: EvacuationAccess) => Promise<T>): Promise<T> {
  try {
    return await opts.db.transaction(async (tx) => {
      await enterUserContext(tx, opts.actor.userId);
      const team = await loadAccess(tx, opts.actor, opts.clientId);
      // Officials only: the city rule needs the official role (checked again in SQL).
      const city = opts.actor.roles?.includes('official') ? await isCityFor(tx, opts.clientId) : false;
      const verdict = judge(team, city, opts.need);
      if (verdict instanceof Denied) throw verdict;
      await writeAudit(tx, opts.actor.audit, {
        action: opts.action,
        entityType: opts.entityType ?? 'evacuation_plan',
        entityId: opts.entityId ?? opts.clientId,
        clientId: opts.clientId,
        details: { ...opts.details, via: verdict.access.via },
      });
      return fn(tx, { team: team.scopes.length ? team : null, city, ...verdict.access });
    });
  } catch (e) {
    if (!(e instanceof Denied)) throw e;
    await logDenial(opts.db, opts.actor.audit, opts.clientId, opts.action, e.reason);
    throw new AppError(e.status === 'not_found' ? 'NOT_FOUND' : 'FORBIDDEN', e.message);
  }
}
