// Offers (打診): create/send, accept (first one wins), decline, withdraw, complete, history.
// Every status change: assertTransition → conditional UPDATE (… where status = expected) →
// history row → access-log row → notices, all in one transaction.
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateOffersSchema, DeclineOfferSchema, DeclineReason, OfferStatus } from '../../../shared/contracts/referrals.js';
import { DECLINE_REASON_LABELS } from '../../../shared/contracts/referrals.js';
import { addBusinessDays } from '../../../shared/business-days.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { caseBackup, referralCase, referralOffer, referralOfferEvent, referralServiceOffer, referralServiceOfferEvent, user } from '../../db/schema/index.js';
import { hasRole, type Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { parseRoles } from '../auth/roles.js';
import { rankForCase } from './find-candidates.js';
import { openClientForAcceptedCase } from './referral-handover.js';
import type { ReferralConfig } from './referral-config.js';
import { caseLink, notifyReferral } from './referral-notify.js';
import { loadCase, requireCaseManager, withdrawLiveOffers } from './referral-cases.js';
import { assertTransition, type OfferAction } from './referral-state.js';
import { canManageCase } from './referrals-access.js';

type OfferRow = typeof referralOffer.$inferSelect;

async function loadOffer(tx: Tx | Db, caseId: string, offerId: string): Promise<OfferRow> {
  const [o] = await tx.select().from(referralOffer).where(and(eq(referralOffer.id, offerId), eq(referralOffer.caseId, caseId)));
  if (!o) throw notFound('打診');
  return o;
}

type OfferTables = { rows: typeof referralOffer; events: typeof referralOfferEvent } | { rows: typeof referralServiceOffer; events: typeof referralServiceOfferEvent };

/**
 * Applies one transition to an offer of either kind if it is still in its current status, and
 * records it in the kind's history; 409 (`conflictMessage`) when someone else changed it first.
 */
export async function applyOfferTransition(
  tx: Tx,
  tables: OfferTables,
  conflictMessage: string,
  o: { id: string; caseId: string; status: OfferStatus },
  action: OfferAction,
  actorId: string | null,
  set: Partial<typeof referralOffer.$inferInsert & typeof referralServiceOffer.$inferInsert>,
  note: string,
  now: Date,
): Promise<OfferStatus> {
  const to = assertTransition(o.status, action);
  // The two kinds' tables have the same id/status columns and identical event tables; drizzle's
  // builders cannot take a union of tables, so both are typed as the consultant-offer ones.
  const t = tables.rows as typeof referralOffer;
  const [u] = await tx
    .update(t)
    .set({ ...set, status: to })
    .where(and(eq(t.id, o.id), eq(t.status, o.status)))
    .returning({ id: t.id });
  if (!u) throw conflict(conflictMessage);
  await tx.insert(tables.events as typeof referralOfferEvent).values({ id: newId(), offerId: o.id, caseId: o.caseId, actorId, action, fromStatus: o.status, toStatus: to, note, at: now });
  return to;
}

/** Applies one transition if the offer is still in `from`; 409 when someone else changed it first. */
const applyTransition = (tx: Tx, o: OfferRow, action: OfferAction, actorId: string | null, set: Partial<typeof referralOffer.$inferInsert> = {}, note = '', now = new Date()) =>
  applyOfferTransition(tx, { rows: referralOffer, events: referralOfferEvent }, 'この打診は他の操作で更新されました。画面を更新してからやり直してください。', o, action, actorId, set, note, now);

export const respondByFor = (now: Date, config: ReferralConfig) => addBusinessDays(tokyoDate(now), config.replyBusinessDays);

export async function createOffers(opts: { db: Db; actor: Actor; caseId: string; input: z.infer<typeof CreateOffersSchema>; config: ReferralConfig; now?: Date }) {
  const { actor, input } = opts;
  const now = opts.now ?? new Date();
  const ids = await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    requireCaseManager(actor, row);
    if (row.status !== 'open') throw conflict('担当が決まった、または終了した紹介依頼には打診できません。');
    if (!row.consentShareWith.includes('consultant_candidates'))
      throw conflict('保護者の同意（候補者への情報共有）が記録されていないため、打診できません。同意を記録してから送信してください。');
    const ranking = await rankForCase(tx, row);
    const byId = new Map(ranking.candidates.map((c) => [c.userId, c]));
    const wanted = [...new Set(input.candidates.map((c) => c.userId))];
    const users = await tx.select({ id: user.id, role: user.role, banned: user.banned, name: user.name }).from(user).where(inArray(user.id, wanted));
    const live = await tx
      .select({ candidateId: referralOffer.candidateId })
      .from(referralOffer)
      .where(and(eq(referralOffer.caseId, row.id), inArray(referralOffer.status, ['draft', 'sent', 'viewed', 'accepted', 'completed'])));
    const liveSet = new Set(live.map((l) => l.candidateId));
    const created: string[] = [];
    for (const [i, cand] of input.candidates.entries()) {
      const u = users.find((x) => x.id === cand.userId);
      if (!u || u.banned || !parseRoles(u.role).includes('consultant'))
        throw new AppError('VALIDATION_FAILED', '候補者は有効な相談支援専門員のアカウントを選んでください。', {
          fields: [{ field: `candidates.${i}.userId`, label: '候補者', message: '候補者: 相談支援専門員ではありません' }],
        });
      if (liveSet.has(u.id)) throw conflict(`${u.name} さんにはすでにこの依頼を打診しています。`);
      liveSet.add(u.id);
      const ranked = byId.get(u.id);
      let backupId = cand.backupCoordinatorId ?? ranked?.backupCoordinator?.userId ?? null;
      if (cand.backupCoordinatorId) {
        const [b] = await tx.select({ role: user.role }).from(user).where(eq(user.id, cand.backupCoordinatorId));
        if (!b || !parseRoles(b.role).includes('coordinator'))
          throw new AppError('VALIDATION_FAILED', '後方支援にはコーディネーターを選んでください。', {
            fields: [{ field: `candidates.${i}.backupCoordinatorId`, label: '後方支援のコーディネーター', message: '後方支援のコーディネーター: コーディネーターではありません' }],
          });
      }
      if (backupId === u.id) backupId = null;
      const id = newId();
      await tx.insert(referralOffer).values({
        id,
        caseId: row.id,
        candidateId: u.id,
        senderId: actor.userId,
        backupCoordinatorId: backupId,
        status: 'draft',
        message: input.message,
        matchScore: ranked?.score ?? null,
        matchReasons: ranked?.reasons ?? [],
        createdAt: now,
      });
      await tx.insert(referralOfferEvent).values({ id: newId(), offerId: id, caseId: row.id, actorId: actor.userId, action: 'create', fromStatus: null, toStatus: 'draft', at: now });
      await writeAudit(tx, actor.audit, { action: 'referral_offer.create', entityType: 'referral_offer', entityId: id, details: { caseId: row.id, candidateId: u.id, score: ranked?.score ?? null } });
      if (input.send) await sendInTx(tx, actor, { ...(await loadOffer(tx, row.id, id)) }, opts.config, now);
      created.push(id);
    }
    return created;
  });
  return Promise.all(ids.map((id) => getOffer({ db: opts.db, actor, caseId: opts.caseId, offerId: id })));
}

async function sendInTx(tx: Tx, actor: Actor, o: OfferRow, config: ReferralConfig, now: Date) {
  const respondBy = respondByFor(now, config);
  await applyTransition(tx, o, 'send', actor.userId, { sentAt: now, respondBy }, '', now);
  await writeAudit(tx, actor.audit, { action: 'referral_offer.send', entityType: 'referral_offer', entityId: o.id, details: { caseId: o.caseId, candidateId: o.candidateId, respondBy } });
  await notifyReferral({
    tx,
    userIds: [o.candidateId],
    kind: 'referral.offer',
    title: '新しい紹介の打診が届きました',
    body: `${respondBy} までに受諾または辞退をお知らせください。`,
    link: caseLink(o.caseId),
    email: true,
  });
}

export async function sendOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; config: ReferralConfig; now?: Date }) {
  await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    requireCaseManager(opts.actor, row);
    if (row.status !== 'open') throw conflict('担当が決まった、または終了した紹介依頼には打診できません。');
    if (!row.consentShareWith.includes('consultant_candidates')) throw conflict('保護者の同意（候補者への情報共有）が記録されていないため、打診できません。');
    await sendInTx(tx, opts.actor, await loadOffer(tx, opts.caseId, opts.offerId), opts.config, opts.now ?? new Date());
  });
  return getOffer(opts);
}

/**
 * Accepts an offer. Exactly one acceptance per case wins, on PGlite and PostgreSQL alike: the
 * first statement is a conditional UPDATE of the case row (open and unassigned → assigned),
 * which takes the row lock; a concurrent acceptance waits on that lock, re-reads the row,
 * finds it assigned and gets 409. Nothing else is written before that UPDATE, so no lock is
 * held that the winner could need (no deadlock with the access-log chain lock).
 * The same transaction opens the client record (referral-handover.ts) and stores its id on the
 * case: if that fails (e.g. the intake lacks the birth date), nothing of the acceptance stays.
 */
export async function acceptOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; now?: Date }) {
  const { actor } = opts;
  const now = opts.now ?? new Date();
  const pre = await loadOffer(opts.db, opts.caseId, opts.offerId);
  if (pre.candidateId !== actor.userId) throw forbidden('自分宛ての打診だけを受諾できます。');
  assertTransition(pre.status, 'accept');
  await opts.db.transaction(async (tx) => {
    const [won] = await tx
      .update(referralCase)
      .set({ status: 'assigned', assignedConsultantId: actor.userId, assignedAt: now, updatedAt: now })
      .where(and(eq(referralCase.id, opts.caseId), eq(referralCase.status, 'open')))
      .returning();
    if (!won) throw conflict('この紹介依頼は、すでに他の相談支援専門員が受諾したか、終了しています。');
    const o = await loadOffer(tx, opts.caseId, opts.offerId);
    await applyTransition(tx, o, 'accept', actor.userId, { respondedAt: now }, '', now);
    const withdrawn = await withdrawLiveOffers(tx, opts.caseId, null, '他の候補者が受諾したため自動で取り下げ', o.id);
    let backupId: string | null = null;
    if (o.backupCoordinatorId) {
      backupId = newId();
      await tx.insert(caseBackup).values({
        id: backupId,
        caseId: o.caseId,
        consultantId: actor.userId,
        coordinatorId: o.backupCoordinatorId,
        status: 'requested',
        requestedBy: actor.userId,
        requestedAt: now,
        note: '打診の受諾時に後方支援を依頼（マッチングで提案されたコーディネーター）',
      });
    }
    // The hand-over: the client's record opens now, in this transaction (docs/referrals.md §7).
    // The proposed backup coordinator joins its team when they accept the backup request.
    const clientId = await openClientForAcceptedCase(tx, won, actor);
    await writeAudit(tx, actor.audit, {
      action: 'referral_offer.accept',
      entityType: 'referral_offer',
      entityId: o.id,
      clientId,
      details: { caseId: o.caseId, clientId, withdrawnOffers: withdrawn.map((w) => w.id), backupRequestId: backupId },
    });
    await notifyReferral({ tx, userIds: [o.senderId, won.createdBy].filter((x) => x !== actor.userId), kind: 'referral.accepted', title: `${actor.name} さんが紹介を受諾しました`, link: caseLink(o.caseId), email: true });
    await notifyReferral({ tx, userIds: withdrawn.filter((w) => w.status !== 'draft').map((w) => w.candidateId), kind: 'referral.withdrawn', title: '他の候補者が受諾したため、打診は取り下げられました', link: caseLink(o.caseId) });
    if (o.backupCoordinatorId)
      await notifyReferral({ tx, userIds: [o.backupCoordinatorId], kind: 'referral.backup_requested', title: `${actor.name} さんから後方支援の依頼があります`, link: caseLink(o.caseId), email: true });
  });
  return getOffer(opts);
}

export async function declineOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; input: z.infer<typeof DeclineOfferSchema>; now?: Date }) {
  const { actor, input } = opts;
  const now = opts.now ?? new Date();
  await opts.db.transaction(async (tx) => {
    const o = await loadOffer(tx, opts.caseId, opts.offerId);
    if (o.candidateId !== actor.userId) throw forbidden('自分宛ての打診だけを辞退できます。');
    await applyTransition(tx, o, 'decline', actor.userId, { respondedAt: now, declineReason: input.reason, declineNote: input.note }, `${DECLINE_REASON_LABELS[input.reason]}${input.note ? `：${input.note}` : ''}`, now);
    await writeAudit(tx, actor.audit, { action: 'referral_offer.decline', entityType: 'referral_offer', entityId: o.id, details: { caseId: o.caseId, reason: input.reason } });
    const row = await loadCase(tx, o.caseId);
    await notifyReferral({ tx, userIds: [o.senderId, row.createdBy], kind: 'referral.declined', title: `${actor.name} さんが打診を辞退しました（${DECLINE_REASON_LABELS[input.reason]}）`, link: caseLink(o.caseId), email: true });
  });
  return getOffer(opts);
}

export async function withdrawOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; note: string }) {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    const o = await loadOffer(tx, opts.caseId, opts.offerId);
    if (!canManageCase(actor, row) && o.senderId !== actor.userId) throw forbidden('打診を取り下げられるのは、送った人・登録した人・コーディネーターです。');
    await applyTransition(tx, o, 'withdraw', actor.userId, { respondedAt: new Date() }, opts.note);
    await writeAudit(tx, actor.audit, { action: 'referral_offer.withdraw', entityType: 'referral_offer', entityId: o.id, details: { caseId: o.caseId } });
    if (o.status !== 'draft') await notifyReferral({ tx, userIds: [o.candidateId], kind: 'referral.withdrawn', title: '紹介の打診が取り下げられました', link: caseLink(o.caseId) });
  });
  return getOffer(opts);
}

/** accepted → completed: the hand-over happened (first contact with the family made). */
export async function completeOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; note: string }) {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    const o = await loadOffer(tx, opts.caseId, opts.offerId);
    if (o.candidateId !== actor.userId && !canManageCase(actor, row)) throw forbidden('引き継ぎ完了を記録できるのは、担当者・登録した人・コーディネーターです。');
    await applyTransition(tx, o, 'complete', actor.userId, { completedAt: new Date() }, opts.note);
    await writeAudit(tx, actor.audit, { action: 'referral_offer.complete', entityType: 'referral_offer', entityId: o.id, clientId: row.clientId, details: { caseId: o.caseId } });
    await notifyReferral({ tx, userIds: [o.senderId, row.createdBy, o.candidateId].filter((x) => x !== actor.userId), kind: 'referral.completed', title: '引き継ぎが完了しました', link: caseLink(o.caseId) });
  });
  return getOffer(opts);
}

type UserRef = (id: string | null) => { id: string; name: string } | null;

/** Looks up the names of the given users once; the returned function makes `{ id, name }` of an id (null stays null). */
export async function userRefs(db: DbOrTx, ids: string[]): Promise<UserRef> {
  const names = new Map((ids.length ? await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids)) : []).map((u) => [u.id, u.name]));
  return (id) => (id ? { id, name: names.get(id) ?? '' } : null);
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * The part of an offer's view both kinds share (consultant offers and service requests, whose
 * rows and event rows have the same columns): message, score, the answer's timestamps and
 * reason, and the history from `events` (all events of the listed offers, in order).
 */
export function offerLifecycleView<R extends string>(
  r: Pick<OfferRow, 'id' | 'message' | 'matchScore' | 'matchReasons' | 'sentAt' | 'viewedAt' | 'respondedAt' | 'respondBy' | 'remindedAt' | 'escalatedAt' | 'declineReason' | 'declineNote' | 'completedAt' | 'createdAt'>,
  events: Pick<typeof referralOfferEvent.$inferSelect, 'offerId' | 'at' | 'actorId' | 'action' | 'fromStatus' | 'toStatus' | 'note'>[],
  ref: UserRef,
) {
  return {
    message: r.message,
    matchScore: r.matchScore,
    matchReasons: r.matchReasons,
    sentAt: iso(r.sentAt),
    viewedAt: iso(r.viewedAt),
    respondedAt: iso(r.respondedAt),
    respondBy: r.respondBy,
    remindedAt: iso(r.remindedAt),
    escalatedAt: iso(r.escalatedAt),
    declineReason: (r.declineReason ?? null) as R | null,
    declineNote: r.declineNote,
    completedAt: iso(r.completedAt),
    createdAt: r.createdAt.toISOString(),
    history: events
      .filter((e) => e.offerId === r.id)
      .map((e) => ({ at: e.at.toISOString(), actor: ref(e.actorId), action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note })),
  };
}

async function toOfferViews(db: Db | Tx, rows: OfferRow[]) {
  if (rows.length === 0) return [];
  const events = await db.select().from(referralOfferEvent).where(inArray(referralOfferEvent.offerId, rows.map((r) => r.id))).orderBy(asc(referralOfferEvent.seq));
  const ids = [...new Set([...rows.flatMap((r) => [r.candidateId, r.senderId, r.backupCoordinatorId]), ...events.map((e) => e.actorId)].filter((x): x is string => Boolean(x)))];
  const ref = await userRefs(db, ids);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    status: r.status,
    candidate: ref(r.candidateId)!,
    sender: ref(r.senderId)!,
    backupCoordinator: ref(r.backupCoordinatorId),
    ...offerLifecycleView<DeclineReason>(r, events, ref),
  }));
}

/** Case managers see every offer; a candidate sees only their own (not drafts). */
export async function listOffers(opts: { db: Db; actor: Actor; caseId: string }) {
  const row = await loadCase(opts.db, opts.caseId);
  const manager = canManageCase(opts.actor, row);
  const rows = await opts.db
    .select()
    .from(referralOffer)
    .where(and(eq(referralOffer.caseId, row.id), manager ? undefined : and(eq(referralOffer.candidateId, opts.actor.userId), ne(referralOffer.status, 'draft'))))
    .orderBy(desc(referralOffer.createdAt), desc(referralOffer.id));
  if (!manager && rows.length === 0) throw forbidden('この紹介依頼の打診を閲覧する権限がありません。');
  return { items: await toOfferViews(opts.db, rows) };
}

export async function getOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string }) {
  const o = await loadOffer(opts.db, opts.caseId, opts.offerId);
  const row = await loadCase(opts.db, opts.caseId);
  const mine = o.candidateId === opts.actor.userId && o.status !== 'draft';
  if (!mine && !canManageCase(opts.actor, row) && !hasRole(opts.actor, 'coordinator')) throw forbidden('この打診を閲覧する権限がありません。');
  return (await toOfferViews(opts.db, [o]))[0]!;
}
