// Service requests (事業所への紹介): a case sent to a service of the directory, answered by the
// office's provider_staff. Same lifecycle as an offer to a consultant — every status change goes
// through referral-state.ts's assertTransition and a conditional UPDATE — but accepting does not
// assign the case: per requested service type the first office to accept wins, and the other
// live requests of that type are withdrawn. Before and after accepting, the office sees only
// what the guardian's consent allows (`service_providers` in shareWith), never the identity:
// the family's contact is passed on by the consultant through the client record's team.
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateServiceOffersSchema, DeclineServiceOfferSchema, OfferStatus, ServiceDeclineReason } from '../../../shared/contracts/referrals.js';
import { SERVICE_DECLINE_REASON_LABELS } from '../../../shared/contracts/referrals.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { office, officeMembership, referralCase, referralServiceOffer, referralServiceOfferEvent, service, user } from '../../db/schema/index.js';
import { hasRole, type Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { pgCode } from '../../lib/db-errors.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { canonicalType, rankServicesForCase } from './find-candidates.js';
import type { ReferralConfig } from './referral-config.js';
import { loadCase, requireCaseManager } from './referral-cases.js';
import { caseLink, notifyReferral } from './referral-notify.js';
import { applyOfferTransition, offerLifecycleView, respondByFor, userRefs } from './referral-offers.js';
import { assertTransition, OPEN_STATUSES, type OfferAction } from './referral-state.js';
import { toCaseView } from './referral-views.js';
import { canManageCase } from './referrals-access.js';

type ServiceOfferRow = typeof referralServiceOffer.$inferSelect;

const typeLabel = (code: string) => findServiceType(code)?.label ?? code;

/** Whether the actor is provider staff of this office. */
export const isOfficeStaff = (actor: Actor, officeId: string) => hasRole(actor, 'provider_staff') && actor.officeIds.includes(officeId);

/** The office's active provider_staff accounts: who receive and answer its requests. */
export async function officeStaff(db: DbOrTx, officeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: user.id })
    .from(officeMembership)
    .innerJoin(user, eq(user.id, officeMembership.userId))
    .where(and(eq(officeMembership.officeId, officeId), sql`'provider_staff' = any(string_to_array(${user.role}, ','))`, sql`coalesce(${user.banned}, false) = false`));
  return rows.map((r) => r.id);
}

async function loadServiceOffer(db: DbOrTx, caseId: string, offerId: string): Promise<ServiceOfferRow> {
  const [o] = await db.select().from(referralServiceOffer).where(and(eq(referralServiceOffer.id, offerId), eq(referralServiceOffer.caseId, caseId)));
  if (!o) throw notFound('事業所への紹介');
  return o;
}

const applyTransition = (tx: Tx, o: ServiceOfferRow, action: OfferAction, actorId: string | null, set: Partial<typeof referralServiceOffer.$inferInsert> = {}, note = '', now = new Date()) =>
  applyOfferTransition(tx, { rows: referralServiceOffer, events: referralServiceOfferEvent }, 'この紹介は他の操作で更新されました。画面を更新してからやり直してください。', o, action, actorId, set, note, now);

function requireServiceConsent(row: { consentShareWith: string[] }) {
  if (!row.consentShareWith.includes('service_providers'))
    throw conflict('保護者の同意（事業所への情報共有）が記録されていないため、事業所に紹介できません。同意を記録してから送信してください。');
}

export async function createServiceOffers(opts: { db: Db; actor: Actor; caseId: string; input: z.infer<typeof CreateServiceOffersSchema>; config: ReferralConfig; now?: Date }) {
  const { actor, input } = opts;
  const now = opts.now ?? new Date();
  const ids = await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    requireCaseManager(actor, row);
    if (row.status === 'closed') throw conflict('終了した紹介依頼は事業所に紹介できません。');
    requireServiceConsent(row);
    const wanted = new Set(row.servicesWanted.map((s) => canonicalType(s.serviceType)));
    const ranking = await rankServicesForCase(tx, row, { includeIneligible: true });
    const ranked = new Map(ranking.flatMap((g) => g.services.map((s) => [s.serviceId, s] as const)));
    const requested = [...new Set(input.services.map((s) => s.serviceId))];
    const services = await tx
      .select({ id: service.id, officeId: service.officeId, serviceType: service.serviceType, officeName: office.name })
      .from(service)
      .innerJoin(office, eq(office.id, service.officeId))
      .where(inArray(service.id, requested));
    const live = await tx
      .select({ serviceId: referralServiceOffer.serviceId })
      .from(referralServiceOffer)
      .where(and(eq(referralServiceOffer.caseId, row.id), inArray(referralServiceOffer.status, ['draft', 'sent', 'viewed', 'accepted', 'completed'])));
    const liveSet = new Set(live.map((l) => l.serviceId));
    const created: string[] = [];
    for (const [i, wantedService] of input.services.entries()) {
      const field = `services.${i}.serviceId`;
      const s = services.find((x) => x.id === wantedService.serviceId);
      if (!s)
        throw new AppError('VALIDATION_FAILED', '地域資源に登録されているサービスを選んでください。', {
          fields: [{ field, label: '事業所', message: '事業所: 地域資源に登録されていないサービスです' }],
        });
      const type = canonicalType(s.serviceType);
      if (!wanted.has(type))
        throw new AppError('VALIDATION_FAILED', `${typeLabel(s.serviceType)}は、この依頼で家族が希望するサービスではありません。`, {
          fields: [{ field, label: '事業所', message: `事業所: ${typeLabel(s.serviceType)}は希望するサービスにありません` }],
        });
      if (liveSet.has(s.id)) throw conflict(`${s.officeName}（${typeLabel(s.serviceType)}）にはすでにこの依頼を紹介しています。`);
      liveSet.add(s.id);
      if ((await officeStaff(tx, s.officeId)).length === 0)
        throw conflict(`${s.officeName}には、つなぐで返答できる事業所職員のアカウントがありません。電話などで直接連絡してください。`);
      const r = ranked.get(s.id);
      const id = newId();
      await tx.insert(referralServiceOffer).values({
        id,
        caseId: row.id,
        serviceId: s.id,
        officeId: s.officeId,
        serviceType: type,
        senderId: actor.userId,
        status: 'draft',
        message: input.message,
        matchScore: r?.score ?? null,
        matchReasons: r?.reasons ?? [],
        createdAt: now,
      });
      await tx.insert(referralServiceOfferEvent).values({ id: newId(), offerId: id, caseId: row.id, actorId: actor.userId, action: 'create', fromStatus: null, toStatus: 'draft', at: now });
      await writeAudit(tx, actor.audit, { action: 'referral_service_offer.create', entityType: 'referral_service_offer', entityId: id, details: { caseId: row.id, serviceId: s.id, officeId: s.officeId, score: r?.score ?? null } });
      if (input.send) await sendInTx(tx, actor, await loadServiceOffer(tx, row.id, id), opts.config, now);
      created.push(id);
    }
    return created;
  });
  return Promise.all(ids.map((id) => getServiceOffer({ db: opts.db, actor, caseId: opts.caseId, offerId: id })));
}

async function sendInTx(tx: Tx, actor: Actor, o: ServiceOfferRow, config: ReferralConfig, now: Date) {
  const respondBy = respondByFor(now, config);
  await applyTransition(tx, o, 'send', actor.userId, { sentAt: now, respondBy }, '', now);
  await writeAudit(tx, actor.audit, { action: 'referral_service_offer.send', entityType: 'referral_service_offer', entityId: o.id, details: { caseId: o.caseId, officeId: o.officeId, respondBy } });
  await notifyReferral({
    tx,
    userIds: await officeStaff(tx, o.officeId),
    kind: 'referral.service_offer',
    title: `事業所への紹介が届きました（${typeLabel(o.serviceType)}）`,
    body: `${respondBy} までに受け入れの可否をお知らせください。`,
    link: caseLink(o.caseId),
    email: true,
  });
}

export async function sendServiceOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; config: ReferralConfig; now?: Date }) {
  await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    requireCaseManager(opts.actor, row);
    if (row.status === 'closed') throw conflict('終了した紹介依頼は事業所に紹介できません。');
    requireServiceConsent(row);
    await sendInTx(tx, opts.actor, await loadServiceOffer(tx, opts.caseId, opts.offerId), opts.config, opts.now ?? new Date());
  });
  return getServiceOffer(opts);
}

/**
 * Accepts for the office. Per case and service type exactly one office wins: the transaction
 * first locks the case row (SELECT … FOR UPDATE), so concurrent acceptances of the same case
 * run one after the other; the later one finds its request withdrawn (or another office
 * accepted) and gets 409. The unique index referral_service_offer_accepted_uq is the backstop.
 */
export async function acceptServiceOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; now?: Date }) {
  const { actor } = opts;
  const now = opts.now ?? new Date();
  const pre = await loadServiceOffer(opts.db, opts.caseId, opts.offerId);
  if (!isOfficeStaff(actor, pre.officeId)) throw forbidden('自分の所属する事業所への紹介だけを受け入れられます。');
  assertTransition(pre.status, 'accept');
  try {
    await opts.db.transaction(async (tx) => {
      const [row] = await tx.select().from(referralCase).where(eq(referralCase.id, opts.caseId)).for('update');
      if (!row) throw notFound('紹介依頼');
      if (row.status === 'closed') throw conflict('この紹介依頼は終了しています。');
      const o = await loadServiceOffer(tx, opts.caseId, opts.offerId);
      const [taken] = await tx
        .select({ id: referralServiceOffer.id })
        .from(referralServiceOffer)
        .where(and(eq(referralServiceOffer.caseId, o.caseId), eq(referralServiceOffer.serviceType, o.serviceType), inArray(referralServiceOffer.status, ['accepted', 'completed']), ne(referralServiceOffer.id, o.id)));
      if (taken) throw conflict(`この依頼の${typeLabel(o.serviceType)}は、すでに他の事業所が受け入れています。`);
      await applyTransition(tx, o, 'accept', actor.userId, { respondedAt: now, respondedBy: actor.userId }, '', now);
      const withdrawn = await withdrawLiveServiceOffers(tx, o.caseId, null, '同じサービスで他の事業所が受け入れたため自動で取り下げ', { serviceType: o.serviceType, exceptOfferId: o.id });
      await writeAudit(tx, actor.audit, {
        action: 'referral_service_offer.accept',
        entityType: 'referral_service_offer',
        entityId: o.id,
        details: { caseId: o.caseId, officeId: o.officeId, withdrawnOffers: withdrawn.map((w) => w.id) },
      });
      await notifyReferral({
        tx,
        userIds: [o.senderId, row.createdBy, row.assignedConsultantId ?? ''].filter((x) => x && x !== actor.userId),
        kind: 'referral.service_accepted',
        title: `${typeLabel(o.serviceType)}の事業所が紹介を受け入れました`,
        link: caseLink(o.caseId),
        email: true,
      });
      for (const w of withdrawn.filter((x) => x.status !== 'draft'))
        await notifyReferral({ tx, userIds: await officeStaff(tx, w.officeId), kind: 'referral.withdrawn', title: '他の事業所が受け入れたため、紹介は取り下げられました', link: caseLink(o.caseId) });
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw conflict('このサービスは、すでに他の事業所が受け入れています。');
    throw err;
  }
  return getServiceOffer(opts);
}

export async function declineServiceOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; input: z.infer<typeof DeclineServiceOfferSchema>; now?: Date }) {
  const { actor, input } = opts;
  const now = opts.now ?? new Date();
  await opts.db.transaction(async (tx) => {
    const o = await loadServiceOffer(tx, opts.caseId, opts.offerId);
    if (!isOfficeStaff(actor, o.officeId)) throw forbidden('自分の所属する事業所への紹介だけを辞退できます。');
    const label = SERVICE_DECLINE_REASON_LABELS[input.reason];
    await applyTransition(tx, o, 'decline', actor.userId, { respondedAt: now, respondedBy: actor.userId, declineReason: input.reason, declineNote: input.note }, `${label}${input.note ? `：${input.note}` : ''}`, now);
    await writeAudit(tx, actor.audit, { action: 'referral_service_offer.decline', entityType: 'referral_service_offer', entityId: o.id, details: { caseId: o.caseId, officeId: o.officeId, reason: input.reason } });
    const row = await loadCase(tx, o.caseId);
    await notifyReferral({ tx, userIds: [o.senderId, row.createdBy], kind: 'referral.service_declined', title: `${typeLabel(o.serviceType)}の事業所が紹介を辞退しました（${label}）`, link: caseLink(o.caseId), email: true });
  });
  return getServiceOffer(opts);
}

export async function withdrawServiceOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; note: string }) {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    const o = await loadServiceOffer(tx, opts.caseId, opts.offerId);
    if (!canManageCase(actor, row) && o.senderId !== actor.userId) throw forbidden('事業所への紹介を取り下げられるのは、送った人・登録した人・コーディネーターです。');
    await applyTransition(tx, o, 'withdraw', actor.userId, { respondedAt: new Date() }, opts.note);
    await writeAudit(tx, actor.audit, { action: 'referral_service_offer.withdraw', entityType: 'referral_service_offer', entityId: o.id, details: { caseId: o.caseId, officeId: o.officeId } });
    if (o.status !== 'draft') await notifyReferral({ tx, userIds: await officeStaff(tx, o.officeId), kind: 'referral.withdrawn', title: '事業所への紹介が取り下げられました', link: caseLink(o.caseId) });
  });
  return getServiceOffer(opts);
}

/** accepted → completed: the family started using the service (hand-over done). */
export async function completeServiceOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string; note: string }) {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.caseId);
    const o = await loadServiceOffer(tx, opts.caseId, opts.offerId);
    if (!isOfficeStaff(actor, o.officeId) && !canManageCase(actor, row) && row.assignedConsultantId !== actor.userId)
      throw forbidden('利用開始を記録できるのは、事業所の職員・担当の相談支援専門員・登録した人・コーディネーターです。');
    await applyTransition(tx, o, 'complete', actor.userId, { completedAt: new Date() }, opts.note);
    await writeAudit(tx, actor.audit, { action: 'referral_service_offer.complete', entityType: 'referral_service_offer', entityId: o.id, details: { caseId: o.caseId, officeId: o.officeId } });
    const staff = await officeStaff(tx, o.officeId);
    await notifyReferral({ tx, userIds: [o.senderId, row.createdBy, row.assignedConsultantId ?? '', ...staff].filter((x) => x && x !== actor.userId), kind: 'referral.service_completed', title: `${typeLabel(o.serviceType)}の利用開始が記録されました`, link: caseLink(o.caseId) });
  });
  return getServiceOffer(opts);
}

/** Withdraws the draft/sent/viewed service requests of a case (all on close; one type after an acceptance). */
export async function withdrawLiveServiceOffers(tx: Tx, caseId: string, actorId: string | null, note: string, only: { serviceType?: string; exceptOfferId?: string } = {}) {
  const live = await tx
    .select({ id: referralServiceOffer.id, status: referralServiceOffer.status, officeId: referralServiceOffer.officeId })
    .from(referralServiceOffer)
    .where(
      and(
        eq(referralServiceOffer.caseId, caseId),
        inArray(referralServiceOffer.status, ['draft', ...OPEN_STATUSES]),
        only.serviceType ? eq(referralServiceOffer.serviceType, only.serviceType) : undefined,
        only.exceptOfferId ? ne(referralServiceOffer.id, only.exceptOfferId) : undefined,
      ),
    );
  const done: typeof live = [];
  for (const o of live) {
    const to = assertTransition(o.status, 'withdraw');
    const [u] = await tx
      .update(referralServiceOffer)
      .set({ status: to, respondedAt: new Date() })
      .where(and(eq(referralServiceOffer.id, o.id), eq(referralServiceOffer.status, o.status)))
      .returning({ id: referralServiceOffer.id });
    if (!u) continue;
    await tx.insert(referralServiceOfferEvent).values({ id: newId(), offerId: o.id, caseId, actorId, action: 'withdraw', fromStatus: o.status, toStatus: to, note });
    done.push(o);
  }
  return done;
}

async function toServiceOfferViews(db: DbOrTx, rows: ServiceOfferRow[]) {
  if (rows.length === 0) return [];
  const events = await db.select().from(referralServiceOfferEvent).where(inArray(referralServiceOfferEvent.offerId, rows.map((r) => r.id))).orderBy(asc(referralServiceOfferEvent.seq));
  const ids = [...new Set([...rows.flatMap((r) => [r.senderId, r.respondedBy]), ...events.map((e) => e.actorId)].filter((x): x is string => Boolean(x)))];
  const offices = new Map((await db.select({ id: office.id, name: office.name }).from(office).where(inArray(office.id, [...new Set(rows.map((r) => r.officeId))]))).map((o) => [o.id, o.name]));
  const ref = await userRefs(db, ids);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    status: r.status,
    serviceId: r.serviceId,
    serviceType: r.serviceType,
    serviceTypeLabel: typeLabel(r.serviceType),
    office: { id: r.officeId, name: offices.get(r.officeId) ?? '' },
    sender: ref(r.senderId)!,
    respondedBy: ref(r.respondedBy),
    ...offerLifecycleView<ServiceDeclineReason>(r, events, ref),
  }));
}

/** Full viewers of the case (managers, the assigned consultant) see every request; office staff their offices' sent ones. */
export async function listServiceOffers(opts: { db: Db; actor: Actor; caseId: string }) {
  const row = await loadCase(opts.db, opts.caseId);
  const full = canManageCase(opts.actor, row) || row.assignedConsultantId === opts.actor.userId;
  const mine = opts.actor.officeIds.length && hasRole(opts.actor, 'provider_staff') ? opts.actor.officeIds : [];
  if (!full && mine.length === 0) throw forbidden('この紹介依頼の事業所への紹介を閲覧する権限がありません。');
  const rows = await opts.db
    .select()
    .from(referralServiceOffer)
    .where(and(eq(referralServiceOffer.caseId, row.id), full ? undefined : and(inArray(referralServiceOffer.officeId, mine), ne(referralServiceOffer.status, 'draft'))))
    .orderBy(desc(referralServiceOffer.createdAt), desc(referralServiceOffer.id));
  if (!full && rows.length === 0) throw forbidden('この紹介依頼の事業所への紹介を閲覧する権限がありません。');
  return { items: await toServiceOfferViews(opts.db, rows) };
}

export async function getServiceOffer(opts: { db: Db; actor: Actor; caseId: string; offerId: string }) {
  const o = await loadServiceOffer(opts.db, opts.caseId, opts.offerId);
  const row = await loadCase(opts.db, opts.caseId);
  const mine = isOfficeStaff(opts.actor, o.officeId) && o.status !== 'draft';
  if (!mine && !canManageCase(opts.actor, row) && row.assignedConsultantId !== opts.actor.userId) throw forbidden('この事業所への紹介を閲覧する権限がありません。');
  return (await toServiceOfferViews(opts.db, [o]))[0]!;
}

/** The requests sent to the actor's offices, each with the consent-limited case (no identity). */
export async function listServiceInbox(opts: { db: Db; actor: Actor; status?: OfferStatus }) {
  const { actor } = opts;
  if (actor.officeIds.length === 0) return { items: [] };
  const rows = await opts.db
    .select({ o: referralServiceOffer, c: referralCase, officeName: office.name, senderName: user.name })
    .from(referralServiceOffer)
    .innerJoin(referralCase, eq(referralCase.id, referralServiceOffer.caseId))
    .innerJoin(office, eq(office.id, referralServiceOffer.officeId))
    .innerJoin(user, eq(user.id, referralServiceOffer.senderId))
    .where(and(inArray(referralServiceOffer.officeId, actor.officeIds), ne(referralServiceOffer.status, 'draft'), opts.status ? eq(referralServiceOffer.status, opts.status) : undefined))
    .orderBy(desc(referralServiceOffer.sentAt), desc(referralServiceOffer.id))
    .limit(200);
  if (rows.length)
    await writeAudit(opts.db, actor.audit, { action: 'referral_case.list', entityType: 'referral_case', details: { caseIds: [...new Set(rows.map((r) => r.c.id))], identity: false, via: 'service_inbox' } });
  return {
    items: rows.map(({ o, c, officeName, senderName }) => ({
      offer: {
        id: o.id,
        status: o.status,
        sentAt: o.sentAt?.toISOString() ?? null,
        respondBy: o.respondBy,
        message: o.message,
        office: { id: o.officeId, name: officeName },
        serviceType: o.serviceType,
        serviceTypeLabel: typeLabel(o.serviceType),
        sender: { id: o.senderId, name: senderName },
      },
      case: toCaseView(c, 'limited'),
    })),
  };
}
