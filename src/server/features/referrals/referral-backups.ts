// Coordinator backup on an assigned case, as a recorded relationship: who backs whom on which
// case, requested → accepted | declined, later ended. Accepting puts the coordinator on the
// client record's team; ending takes that membership away again (referral-handover.ts).
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { caseBackup, personProfile, referralCase, user } from '../../db/schema/index.js';
import { hasRole, type Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { parseRoles } from '../auth/roles.js';
import { caseLink, notifyReferral } from './referral-notify.js';
import { backupsOf, loadCase } from './referral-cases.js';
import { addBackupCoordinatorToClient, removeBackupCoordinatorFromClient } from './referral-handover.js';
import { canManageCase } from './referrals-access.js';

/** Coordinators whose profile covers the municipality (all coordinators when none does). */
export async function areaCoordinators(tx: Tx | Db, municipalityCode: string): Promise<string[]> {
  const rows = await tx
    .select({ id: user.id, munis: personProfile.municipalities, home: user.municipalityCode })
    .from(user)
    .leftJoin(personProfile, eq(personProfile.userId, user.id))
    .where(and(sql`'coordinator' = any(string_to_array(${user.role}, ','))`, sql`coalesce(${user.banned}, false) = false`));
  const inArea = rows.filter((r) => (r.munis ?? (r.home ? [r.home] : [])).includes(municipalityCode)).map((r) => r.id);
  return inArea.length ? inArea : rows.map((r) => r.id);
}

async function loadBackup(tx: Tx | Db, caseId: string, backupId: string) {
  const [b] = await tx.select().from(caseBackup).where(and(eq(caseBackup.id, backupId), eq(caseBackup.caseId, caseId)));
  if (!b) throw notFound('後方支援');
  return b;
}

const viewOf = async (db: Db, caseId: string, backupId: string) => {
  const b = ((await backupsOf(db, [caseId])).get(caseId) ?? []).find((x) => x.id === backupId);
  if (!b) throw notFound('後方支援');
  return { ...b, caseId };
};

export async function requestBackup(opts: { db: Db; actor: Actor; caseId: string; coordinatorId?: string | null; note: string }) {
  const { actor } = opts;
  const id = await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    if (row.status !== 'assigned' || !row.assignedConsultantId) throw conflict('後方支援は担当が決まった紹介依頼にだけ依頼できます。');
    if (row.assignedConsultantId !== actor.userId && !canManageCase(actor, row)) throw forbidden('後方支援を依頼できるのは、担当の相談支援専門員・登録した人・コーディネーターです。');
    if (opts.coordinatorId) {
      const [c] = await tx.select({ role: user.role }).from(user).where(eq(user.id, opts.coordinatorId));
      if (!c || !parseRoles(c.role).includes('coordinator'))
        throw new AppError('VALIDATION_FAILED', 'コーディネーターを選んでください。', { fields: [{ field: 'coordinatorId', label: 'コーディネーター', message: 'コーディネーター: コーディネーターではありません' }] });
    }
    const [live] = await tx.select({ id: caseBackup.id }).from(caseBackup).where(and(eq(caseBackup.caseId, row.id), inArray(caseBackup.status, ['requested', 'accepted'])));
    if (live) throw conflict('この紹介依頼にはすでに後方支援の依頼（または後方支援）があります。');
    const id = newId();
    await tx.insert(caseBackup).values({ id, caseId: row.id, consultantId: row.assignedConsultantId, coordinatorId: opts.coordinatorId ?? null, status: 'requested', requestedBy: actor.userId, note: opts.note });
    await writeAudit(tx, actor.audit, { action: 'case_backup.request', entityType: 'case_backup', entityId: id, details: { caseId: row.id, coordinatorId: opts.coordinatorId ?? null } });
    const to = opts.coordinatorId ? [opts.coordinatorId] : await areaCoordinators(tx, row.municipalityCode);
    await notifyReferral({ tx, userIds: to.filter((x) => x !== actor.userId), kind: 'referral.backup_requested', title: '後方支援の依頼があります', link: caseLink(row.id), email: true });
    return id;
  });
  return viewOf(opts.db, opts.caseId, id);
}

export async function respondBackup(opts: { db: Db; actor: Actor; caseId: string; backupId: string; accept: boolean; note: string }) {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const b = await loadBackup(tx, opts.caseId, opts.backupId);
    if (!hasRole(actor, 'coordinator')) throw forbidden('後方支援に応答できるのはコーディネーターです。');
    if (b.coordinatorId && b.coordinatorId !== actor.userId) throw forbidden('この後方支援の依頼は別のコーディネーター宛てです。');
    if (b.consultantId === actor.userId) throw conflict('自分が担当するケースの後方支援は引き受けられません。');
    if (!opts.accept && !b.coordinatorId) throw conflict('地域のコーディネーター全員への依頼は辞退できません（他のコーディネーターが引き受けられます）。');
    const [u] = await tx
      .update(caseBackup)
      .set({ status: opts.accept ? 'accepted' : 'declined', coordinatorId: b.coordinatorId ?? actor.userId, respondedAt: new Date(), note: opts.note ? `${b.note}\n${opts.note}`.trim() : b.note })
      .where(and(eq(caseBackup.id, b.id), eq(caseBackup.status, 'requested'), or(isNull(caseBackup.coordinatorId), eq(caseBackup.coordinatorId, actor.userId))))
      .returning({ id: caseBackup.id });
    if (!u) throw conflict('この後方支援の依頼には、すでに応答があります。');
    // Accepting the backup is when the coordinator joins the client's team (docs/referrals.md §7).
    const row = await loadCase(tx, b.caseId);
    let teamMemberId: string | null = null;
    if (opts.accept) {
      const [consultant] = await tx.select({ id: user.id, name: user.name }).from(user).where(eq(user.id, b.consultantId));
      teamMemberId = await addBackupCoordinatorToClient(tx, {
        row,
        backupId: b.id,
        coordinator: { userId: actor.userId },
        consultant: { userId: b.consultantId, name: consultant?.name ?? '' },
        audit: actor.audit,
      });
    }
    await writeAudit(tx, actor.audit, {
      action: opts.accept ? 'case_backup.accept' : 'case_backup.decline',
      entityType: 'case_backup',
      entityId: b.id,
      clientId: row.clientId,
      details: { caseId: b.caseId, ...(opts.accept ? { clientTeamMemberId: teamMemberId } : {}) },
    });
    await notifyReferral({ tx, userIds: [b.consultantId], kind: opts.accept ? 'referral.backup_accepted' : 'referral.backup_declined', title: opts.accept ? `${actor.name} さんが後方支援を引き受けました` : `${actor.name} さんは後方支援を引き受けられませんでした`, link: caseLink(b.caseId), email: true });
  });
  return viewOf(opts.db, opts.caseId, opts.backupId);
}

export async function endBackup(opts: { db: Db; actor: Actor; caseId: string; backupId: string; note: string }) {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const b = await loadBackup(tx, opts.caseId, opts.backupId);
    const row = await loadCase(tx, opts.caseId);
    if (![b.consultantId, b.coordinatorId].includes(actor.userId) && !canManageCase(actor, row)) throw forbidden();
    const [u] = await tx
      .update(caseBackup)
      .set({ status: 'ended', endedAt: new Date(), note: opts.note ? `${b.note}\n${opts.note}`.trim() : b.note })
      .where(and(eq(caseBackup.id, b.id), inArray(caseBackup.status, ['requested', 'accepted'])))
      .returning({ id: caseBackup.id, memberId: caseBackup.clientTeamMemberId });
    if (!u) throw conflict('この後方支援はすでに終了しています。');
    const left = await removeBackupCoordinatorFromClient(tx, { clientId: row.clientId, backupId: b.id, memberId: u.memberId, audit: actor.audit, reason: 'backup_ended' });
    await writeAudit(tx, actor.audit, { action: 'case_backup.end', entityType: 'case_backup', entityId: b.id, clientId: row.clientId, details: { caseId: b.caseId, leftClientTeam: left } });
  });
  return viewOf(opts.db, opts.caseId, opts.backupId);
}

/**
 * Backup relationships of the actor: requests addressed to them (or open to their area, for a
 * coordinator) and relationships they are part of.
 */
export async function listMyBackups(opts: { db: Db; actor: Actor }) {
  const { actor } = opts;
  const [profile] = await opts.db.select({ munis: personProfile.municipalities }).from(personProfile).where(eq(personProfile.userId, actor.userId));
  const area = profile?.munis ?? (actor.municipalityCode ? [actor.municipalityCode] : []);
  const rows = await opts.db
    .select({ b: caseBackup, municipalityCode: referralCase.municipalityCode })
    .from(caseBackup)
    .innerJoin(referralCase, eq(referralCase.id, caseBackup.caseId))
    .where(
      or(
        eq(caseBackup.consultantId, actor.userId),
        eq(caseBackup.coordinatorId, actor.userId),
        hasRole(actor, 'coordinator') && area.length
          ? and(isNull(caseBackup.coordinatorId), eq(caseBackup.status, 'requested'), inArray(referralCase.municipalityCode, area))
          : undefined,
      ),
    )
    .orderBy(desc(caseBackup.requestedAt));
  const all = await backupsOf(opts.db, [...new Set(rows.map((r) => r.b.caseId))]);
  const ids = new Set(rows.map((r) => r.b.id));
  return { items: [...all.entries()].flatMap(([caseId, list]) => list.filter((b) => ids.has(b.id)).map((b) => ({ ...b, caseId }))) };
}
