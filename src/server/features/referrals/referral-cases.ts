// Intake: record a case, read it (full or consent-limited), list, edit, close. Every read of a
// case's details writes an access-log row; a candidate's first read marks their offer viewed.
import { and, asc, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateReferralCase, ReferralCaseListQuerySchema, UpdateReferralCaseSchema } from '../../../shared/contracts/referrals.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { caseBackup, municipality, office, referralCase, referralOffer, referralOfferEvent, referralServiceOffer, referralServiceOfferEvent, user } from '../../db/schema/index.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import { hasRole, type Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';
import { canManageCase, caseAccess } from './referrals-access.js';
import { caseLink, notifyReferral } from './referral-notify.js';
import { removeBackupCoordinatorFromClient } from './referral-handover.js';
import { officeStaff, withdrawLiveServiceOffers } from './referral-service-offers.js';
import { toCaseView, type CaseRow, type CaseView } from './referral-views.js';
import { OPEN_STATUSES, assertTransition } from './referral-state.js';

export async function loadCase(db: DbOrTx, id: string): Promise<CaseRow> {
  const [row] = await db.select().from(referralCase).where(eq(referralCase.id, id));
  if (!row) throw notFound('紹介依頼');
  return row;
}

/** Candidates an offer was actually sent to (drafts are invisible to their candidate). */
async function sentCandidates(db: DbOrTx, caseId: string) {
  return db
    .select({ id: referralOffer.id, candidateId: referralOffer.candidateId, status: referralOffer.status, respondBy: referralOffer.respondBy })
    .from(referralOffer)
    .where(and(eq(referralOffer.caseId, caseId), ne(referralOffer.status, 'draft')))
    .orderBy(desc(referralOffer.createdAt));
}

/** Throws 403 (logged) unless the actor may run this case's referral. */
export function requireCaseManager(actor: Actor, c: CaseRow) {
  if (!canManageCase(actor, c)) throw forbidden('この紹介依頼を操作できるのは、登録した人とコーディネーターです。');
}

async function assertMunicipality(db: DbOrTx, code: string | undefined) {
  if (!code) return;
  const [m] = await db.select({ code: municipality.code }).from(municipality).where(eq(municipality.code, code));
  if (!m)
    throw new AppError('VALIDATION_FAILED', '登録されていない市区町村です。', {
      fields: [{ field: 'municipalityCode', label: '市区町村コード', message: '市区町村コード: 登録されていない市区町村です' }],
    });
}

export async function backupsOf(db: DbOrTx, caseIds: string[]) {
  const map = new Map<string, NonNullable<CaseView['backups']>>();
  if (caseIds.length === 0) return map;
  const rows = await db
    .select({
      b: caseBackup,
      // Qualified by hand: drizzle drops table names in single-table selects.
      consultantName: sql<string>`(select u.name from "user" u where u.id = "case_backup"."consultant_id")`,
      coordinatorName: sql<string | null>`(select u.name from "user" u where u.id = "case_backup"."coordinator_id")`,
    })
    .from(caseBackup)
    .where(inArray(caseBackup.caseId, caseIds))
    .orderBy(asc(caseBackup.requestedAt));
  for (const r of rows)
    map.set(r.b.caseId, [
      ...(map.get(r.b.caseId) ?? []),
      {
        id: r.b.id,
        status: r.b.status,
        consultant: { id: r.b.consultantId, name: r.consultantName },
        coordinator: r.b.coordinatorId ? { id: r.b.coordinatorId, name: r.coordinatorName ?? '' } : null,
        requestedAt: r.b.requestedAt.toISOString(),
        respondedAt: r.b.respondedAt?.toISOString() ?? null,
        note: r.b.note,
      },
    ]);
  return map;
}

async function namesOf(db: DbOrTx, ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const map = new Map<string, string>();
  if (list.length) for (const u of await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, list))) map.set(u.id, u.name);
  return map;
}

export async function createReferralCase(opts: { db: Db; actor: Actor; input: CreateReferralCase }) {
  const { actor, input } = opts;
  const id = await opts.db.transaction(async (tx) => {
    await assertMunicipality(tx, input.municipalityCode);
    const id = newId();
    await tx.insert(referralCase).values({
      id,
      createdBy: actor.userId,
      municipalityCode: input.municipalityCode,
      ageYears: input.ageYears,
      careItems: input.careItems,
      servicesWanted: input.servicesWanted,
      urgency: input.urgency,
      wishes: input.wishes,
      summary: input.summary,
      source: input.source,
      sourceNote: input.sourceNote,
      consentObtainedOn: input.consent.obtainedOn,
      consentMethod: input.consent.method,
      consentGivenBy: input.consent.givenBy,
      consentShareWith: [...new Set(input.consent.shareWith)],
      consentItems: [...new Set(input.consent.items)],
      consentNote: input.consent.note,
      consentRecordedBy: actor.userId,
      clientName: input.identity.name,
      clientNameKana: input.identity.nameKana,
      clientBirthDate: input.identity.birthDate,
      clientSex: input.identity.sex ?? null,
      clientAddress: input.identity.address ?? null,
      guardianName: input.identity.guardianName ?? null,
      guardianContact: input.identity.guardianContact ?? null,
    });
    await writeAudit(tx, actor.audit, {
      action: 'referral_case.create',
      entityType: 'referral_case',
      entityId: id,
      details: { municipalityCode: input.municipalityCode, urgency: input.urgency, source: input.source, consentItems: input.consent.items, consentShareWith: input.consent.shareWith },
    });
    return id;
  });
  return getReferralCase({ db: opts.db, actor, id, logView: false });
}

/**
 * The case as this actor may see it. Logs the view; a candidate's first view moves their
 * offer sent → viewed (recorded in its history).
 */
export async function getReferralCase(opts: { db: Db; actor: Actor; id: string; logView?: boolean; now?: Date }): Promise<CaseView> {
  const { actor } = opts;
  return opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.id);
    const offers = await sentCandidates(tx, row.id);
    const serviceOffers = await sentServiceOffers(tx, row.id);
    const access = caseAccess(actor, row, offers.map((o) => o.candidateId), serviceOffers.map((o) => o.officeId));
    if (!access) throw forbidden('この紹介依頼を閲覧する権限がありません。');
    // Provider staff: the requests sent to their offices; the first read moves each sent → viewed.
    const myServiceOffers = actor.roles.includes('provider_staff') ? serviceOffers.filter((o) => actor.officeIds.includes(o.officeId)) : [];
    for (const so of myServiceOffers.filter((o) => o.status === 'sent')) {
      const to = assertTransition('sent', 'view');
      const [u] = await tx
        .update(referralServiceOffer)
        .set({ status: to, viewedAt: opts.now ?? new Date() })
        .where(and(eq(referralServiceOffer.id, so.id), eq(referralServiceOffer.status, 'sent')))
        .returning({ id: referralServiceOffer.id });
      if (!u) continue;
      await tx.insert(referralServiceOfferEvent).values({ id: newId(), offerId: so.id, caseId: row.id, actorId: actor.userId, action: 'view', fromStatus: 'sent', toStatus: to, at: opts.now ?? new Date() });
      await writeAudit(tx, actor.audit, { action: 'referral_service_offer.view', entityType: 'referral_service_offer', entityId: so.id, details: { caseId: row.id, officeId: so.officeId } });
      so.status = to;
    }
    const myServiceOffersView = myServiceOffers.length
      ? { myServiceOffers: myServiceOffers.map((o) => ({ id: o.id, status: o.status, respondBy: o.respondBy, officeName: o.officeName, serviceType: o.serviceType, serviceTypeLabel: findServiceType(o.serviceType)?.label ?? o.serviceType })) }
      : {};
    const mine = offers.find((o) => o.candidateId === actor.userId) ?? null;
    let myOffer = mine ? { id: mine.id, status: mine.status, respondBy: mine.respondBy } : null;
    if (mine && mine.status === 'sent') {
      const to = assertTransition('sent', 'view');
      const [u] = await tx
        .update(referralOffer)
        .set({ status: to, viewedAt: opts.now ?? new Date() })
        .where(and(eq(referralOffer.id, mine.id), eq(referralOffer.status, 'sent')))
        .returning({ id: referralOffer.id });
      if (u) {
        await tx.insert(referralOfferEvent).values({ id: newId(), offerId: mine.id, caseId: row.id, actorId: actor.userId, action: 'view', fromStatus: 'sent', toStatus: to, at: opts.now ?? new Date() });
        await writeAudit(tx, actor.audit, { action: 'referral_offer.view', entityType: 'referral_offer', entityId: mine.id, details: { caseId: row.id } });
        myOffer = { ...myOffer!, status: to };
      }
    }
    if (opts.logView !== false)
      // Once the case has a record, a full read (identity) is a read of that client's data.
      await writeAudit(tx, actor.audit, { action: 'referral_case.view', entityType: 'referral_case', entityId: row.id, clientId: access === 'full' ? row.clientId : null, details: { view: access, identity: access === 'full' } });
    if (access === 'limited') return { ...toCaseView(row, 'limited', { myOffer: myOffer ?? undefined, now: opts.now }), ...myServiceOffersView };
    const names = await namesOf(tx, [row.createdBy, row.assignedConsultantId]);
    const backups = (await backupsOf(tx, [row.id])).get(row.id) ?? [];
    return {
      ...toCaseView(row, 'full', {
        now: opts.now,
        withIdentity: true,
        createdByName: names.get(row.createdBy),
        assignedName: row.assignedConsultantId ? names.get(row.assignedConsultantId) : null,
        backups,
        myOffer,
      }),
      ...myServiceOffersView,
    };
  });
}

/**
 * Cases the actor runs or carries: coordinators see all; others what they recorded or were
 * assigned. Identity is left out of lists (open the case to see it — that read is logged).
 */
export async function listReferralCases(opts: { db: Db; actor: Actor; query: z.infer<typeof ReferralCaseListQuerySchema>; limit: number; cursor?: string }) {
  const { actor, query } = opts;
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  const own = or(eq(referralCase.createdBy, actor.userId), eq(referralCase.assignedConsultantId, actor.userId));
  const where = and(
    hasRole(actor, 'coordinator') && query.mine !== 'true' ? undefined : own,
    query.status ? eq(referralCase.status, query.status) : undefined,
    query.municipality ? eq(referralCase.municipalityCode, query.municipality) : undefined,
  );
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(referralCase).where(where);
  const rows = await opts.db
    .select()
    .from(referralCase)
    .where(after ? and(where, sql`(${referralCase.createdAt}, ${referralCase.id}) < (${after[0]}::timestamptz, ${after[1]})`) : where)
    .orderBy(desc(referralCase.createdAt), desc(referralCase.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.createdAt.toISOString(), r.id]);
  const names = await namesOf(opts.db, page.items.flatMap((r) => [r.createdBy, r.assignedConsultantId]));
  const backups = await backupsOf(opts.db, page.items.map((r) => r.id));
  if (page.items.length)
    await writeAudit(opts.db, actor.audit, { action: 'referral_case.list', entityType: 'referral_case', details: { caseIds: page.items.map((r) => r.id), identity: false } });
  return {
    items: page.items.map((r) =>
      toCaseView(r, 'full', { createdByName: names.get(r.createdBy), assignedName: r.assignedConsultantId ? names.get(r.assignedConsultantId) : null, backups: backups.get(r.id) ?? [] }),
    ),
    total,
    nextCursor: page.nextCursor,
  };
}

export async function updateReferralCase(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof UpdateReferralCaseSchema> }) {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.id);
    requireCaseManager(actor, row);
    if (row.status === 'closed') throw conflict('終了した紹介依頼は編集できません。');
    await assertMunicipality(tx, input.municipalityCode);
    const set: Partial<typeof referralCase.$inferInsert> = { updatedAt: new Date() };
    if (input.municipalityCode !== undefined) set.municipalityCode = input.municipalityCode;
    if (input.ageYears !== undefined) set.ageYears = input.ageYears;
    if (input.careItems !== undefined) set.careItems = input.careItems;
    if (input.servicesWanted !== undefined) set.servicesWanted = input.servicesWanted;
    if (input.urgency !== undefined) set.urgency = input.urgency;
    if (input.wishes !== undefined) set.wishes = input.wishes;
    if (input.summary !== undefined) set.summary = input.summary;
    if (input.source !== undefined) set.source = input.source;
    if (input.sourceNote !== undefined) set.sourceNote = input.sourceNote;
    if (input.consent) {
      // A new consent record replaces the old one; the access log keeps the previous scope.
      Object.assign(set, {
        consentObtainedOn: input.consent.obtainedOn,
        consentMethod: input.consent.method,
        consentGivenBy: input.consent.givenBy,
        consentShareWith: [...new Set(input.consent.shareWith)],
        consentItems: [...new Set(input.consent.items)],
        consentNote: input.consent.note,
        consentRecordedBy: actor.userId,
      });
    }
    if (input.identity)
      Object.assign(set, {
        clientName: input.identity.name,
        clientNameKana: input.identity.nameKana,
        clientBirthDate: input.identity.birthDate,
        clientSex: input.identity.sex ?? null,
        clientAddress: input.identity.address ?? null,
        guardianName: input.identity.guardianName ?? null,
        guardianContact: input.identity.guardianContact ?? null,
      });
    await tx.update(referralCase).set(set).where(eq(referralCase.id, row.id));
    await writeAudit(tx, actor.audit, {
      action: 'referral_case.update',
      entityType: 'referral_case',
      entityId: row.id,
      details: {
        fields: Object.keys(input),
        ...(input.consent ? { consentBefore: { items: row.consentItems, shareWith: row.consentShareWith, obtainedOn: row.consentObtainedOn }, consentAfter: { items: input.consent.items, shareWith: input.consent.shareWith, obtainedOn: input.consent.obtainedOn } } : {}),
      },
    });
  });
  return getReferralCase({ db: opts.db, actor, id: opts.id, logView: false });
}

/** Ends the referral: live offers are withdrawn, a live backup ends. */
export async function closeReferralCase(opts: { db: Db; actor: Actor; id: string; reason: string }) {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const row = await loadCase(tx, opts.id);
    requireCaseManager(actor, row);
    const [u] = await tx
      .update(referralCase)
      .set({ status: 'closed', closedAt: new Date(), closeReason: opts.reason, updatedAt: new Date() })
      .where(and(eq(referralCase.id, row.id), ne(referralCase.status, 'closed')))
      .returning({ id: referralCase.id });
    if (!u) throw conflict('この紹介依頼はすでに終了しています。');
    const withdrawn = await withdrawLiveOffers(tx, row.id, actor.userId, '紹介依頼の終了により取り下げ');
    const withdrawnServices = await withdrawLiveServiceOffers(tx, row.id, actor.userId, '紹介依頼の終了により取り下げ');
    const ended = await tx
      .update(caseBackup)
      .set({ status: 'ended', endedAt: new Date() })
      .where(and(eq(caseBackup.caseId, row.id), inArray(caseBackup.status, ['requested', 'accepted'])))
      .returning({ id: caseBackup.id, memberId: caseBackup.clientTeamMemberId });
    // The record itself stays (clients are closed in the record, never here); backups leave its team.
    for (const b of ended) await removeBackupCoordinatorFromClient(tx, { clientId: row.clientId, backupId: b.id, memberId: b.memberId, audit: actor.audit, reason: 'referral_closed' });
    await writeAudit(tx, actor.audit, { action: 'referral_case.close', entityType: 'referral_case', entityId: row.id, clientId: row.clientId, details: { reason: opts.reason, withdrawnOffers: withdrawn.map((w) => w.id), withdrawnServiceOffers: withdrawnServices.map((w) => w.id) } });
    for (const w of withdrawnServices.filter((x) => x.status !== 'draft'))
      await notifyReferral({ tx, userIds: await officeStaff(tx, w.officeId), kind: 'referral.withdrawn', title: '事業所への紹介が取り下げられました', link: caseLink(row.id) });
    await notifyReferral({ tx, userIds: withdrawn.filter((w) => w.status !== 'draft').map((w) => w.candidateId), kind: 'referral.withdrawn', title: '紹介の打診が取り下げられました', link: caseLink(row.id) });
  });
  return getReferralCase({ db: opts.db, actor, id: opts.id, logView: false });
}

/** Withdraws every draft/sent/viewed offer of a case (after an acceptance or on close). */
export async function withdrawLiveOffers(tx: Tx, caseId: string, actorId: string | null, note: string, exceptOfferId?: string) {
  const live = await tx
    .select({ id: referralOffer.id, status: referralOffer.status, candidateId: referralOffer.candidateId })
    .from(referralOffer)
    .where(and(eq(referralOffer.caseId, caseId), inArray(referralOffer.status, ['draft', ...OPEN_STATUSES]), exceptOfferId ? ne(referralOffer.id, exceptOfferId) : undefined));
  const done: typeof live = [];
  for (const o of live) {
    const to = assertTransition(o.status, 'withdraw');
    const [u] = await tx
      .update(referralOffer)
      .set({ status: to, respondedAt: new Date() })
      .where(and(eq(referralOffer.id, o.id), eq(referralOffer.status, o.status)))
      .returning({ id: referralOffer.id });
    if (!u) continue;
    await tx.insert(referralOfferEvent).values({ id: newId(), offerId: o.id, caseId, actorId, action: 'withdraw', fromStatus: o.status, toStatus: to, note });
    done.push(o);
  }
  return done;
}

/** Service requests actually sent (drafts are invisible to the office), with the office's name. */
async function sentServiceOffers(db: DbOrTx, caseId: string) {
  return db
    .select({ id: referralServiceOffer.id, officeId: referralServiceOffer.officeId, officeName: office.name, serviceType: referralServiceOffer.serviceType, status: referralServiceOffer.status, respondBy: referralServiceOffer.respondBy })
    .from(referralServiceOffer)
    .innerJoin(office, eq(office.id, referralServiceOffer.officeId))
    .where(and(eq(referralServiceOffer.caseId, caseId), ne(referralServiceOffer.status, 'draft')))
    .orderBy(desc(referralServiceOffer.createdAt));
}

export { sentCandidates };
