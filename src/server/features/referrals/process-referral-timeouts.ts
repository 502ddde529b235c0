// Reminders, escalation and expiry of unanswered offers. Idempotent: each step is a conditional
// UPDATE (reminded_at is null / escalated_at is null / status still open), so running it twice,
// or on two servers at once, sends each notice once. `now` is a parameter for tests.
//
// Timeline of an offer sent on day S (business days, Japanese holidays and 12/29–1/3 off):
//   respond_by = S + reply            → after respond_by: reminder to the candidate
//   respond_by + escalateAfter        → after it: alert to the area's coordinators (and sender)
//   respond_by + expireAfter          → after it: the offer expires (sender and creator told)
// Service requests (事業所への紹介) follow the same timeline; the reminder goes to the office's
// provider_staff. Their ids are reported in the same three lists.
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { addBusinessDays } from '../../../shared/business-days.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { DbOrTx } from '../../db/client.js';
import { referralCase, referralOffer, referralOfferEvent, referralServiceOffer, referralServiceOfferEvent } from '../../db/schema/index.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import { areaCoordinators } from './referral-backups.js';
import type { ReferralConfig } from './referral-config.js';
import { caseLink, notifyReferral } from './referral-notify.js';
import { assertTransition } from './referral-state.js';
import { officeStaff } from './referral-service-offers.js';

const SYSTEM: AuditContext = { label: 'system:referral-timeouts' };

export interface TimeoutResult {
  reminded: string[];
  escalated: string[];
  expired: string[];
}

/** The three dates that matter for an offer answered by `respondBy`: acting happens on the day after each. */
export function timeoutSchedule(respondBy: string, config: ReferralConfig) {
  return {
    remindAfter: respondBy,
    escalateAfter: addBusinessDays(respondBy, config.escalateAfterBusinessDays),
    expireAfter: addBusinessDays(respondBy, config.expireAfterBusinessDays),
  };
}

export async function processReferralTimeouts(opts: { db: DbOrTx; now?: Date; config: ReferralConfig; onError?: (offerId: string, err: unknown) => void }): Promise<TimeoutResult> {
  const now = opts.now ?? new Date();
  const today = tokyoDate(now);
  const result: TimeoutResult = { reminded: [], escalated: [], expired: [] };
  const open = await opts.db
    .select({ o: referralOffer, municipalityCode: referralCase.municipalityCode, createdBy: referralCase.createdBy })
    .from(referralOffer)
    .innerJoin(referralCase, eq(referralCase.id, referralOffer.caseId))
    .where(and(inArray(referralOffer.status, ['sent', 'viewed']), lt(referralOffer.respondBy, today)));
  for (const { o, municipalityCode, createdBy } of open) {
    const respondBy = o.respondBy!;
    const { escalateAfter: escalateOn, expireAfter: expireOn } = timeoutSchedule(respondBy, opts.config);
    // One (sub)transaction per offer: a failure leaves the others done and is retried next tick.
    await opts.db.transaction(async (tx) => {
      if (today > expireOn) {
        const to = assertTransition(o.status, 'expire');
        const [u] = await tx
          .update(referralOffer)
          .set({ status: to, respondedAt: now })
          .where(and(eq(referralOffer.id, o.id), eq(referralOffer.status, o.status)))
          .returning({ id: referralOffer.id });
        if (!u) return;
        await tx.insert(referralOfferEvent).values({ id: newId(), offerId: o.id, caseId: o.caseId, actorId: null, action: 'expire', fromStatus: o.status, toStatus: to, note: `返答期限（${respondBy}）から ${opts.config.expireAfterBusinessDays} 営業日を過ぎたため期限切れ`, at: now });
        await writeAudit(tx, SYSTEM, { action: 'referral_offer.expire', entityType: 'referral_offer', entityId: o.id, details: { caseId: o.caseId, respondBy } });
        await notifyReferral({ tx, userIds: [o.senderId, createdBy, o.candidateId], kind: 'referral.expired', title: '返答がないまま打診が期限切れになりました', link: caseLink(o.caseId), email: true });
        result.expired.push(o.id);
        return;
      }
      if (!o.remindedAt) {
        const [u] = await tx.update(referralOffer).set({ remindedAt: now }).where(and(eq(referralOffer.id, o.id), isNull(referralOffer.remindedAt), inArray(referralOffer.status, ['sent', 'viewed']))).returning({ id: referralOffer.id });
        if (u) {
          await tx.insert(referralOfferEvent).values({ id: newId(), offerId: o.id, caseId: o.caseId, actorId: null, action: 'remind', fromStatus: o.status, toStatus: o.status, note: `返答期限 ${respondBy} を過ぎたため催促`, at: now });
          await writeAudit(tx, SYSTEM, { action: 'referral_offer.remind', entityType: 'referral_offer', entityId: o.id, details: { caseId: o.caseId, respondBy } });
          await notifyReferral({ tx, userIds: [o.candidateId], kind: 'referral.reminder', title: `紹介の打診への返答期限（${respondBy}）を過ぎています`, link: caseLink(o.caseId), email: true });
          result.reminded.push(o.id);
        }
      }
      if (today > escalateOn && !o.escalatedAt) {
        const [u] = await tx.update(referralOffer).set({ escalatedAt: now }).where(and(eq(referralOffer.id, o.id), isNull(referralOffer.escalatedAt), inArray(referralOffer.status, ['sent', 'viewed']))).returning({ id: referralOffer.id });
        if (u) {
          const coordinators = await areaCoordinators(tx, municipalityCode);
          await tx.insert(referralOfferEvent).values({ id: newId(), offerId: o.id, caseId: o.caseId, actorId: null, action: 'escalate', fromStatus: o.status, toStatus: o.status, note: `地域のコーディネーター ${coordinators.length} 人に通知`, at: now });
          await writeAudit(tx, SYSTEM, { action: 'referral_offer.escalate', entityType: 'referral_offer', entityId: o.id, details: { caseId: o.caseId, coordinators } });
          await notifyReferral({ tx, userIds: [...coordinators, o.senderId], kind: 'referral.escalated', title: `返答のない打診があります（返答期限 ${respondBy}）`, link: caseLink(o.caseId), email: true });
          result.escalated.push(o.id);
        }
      }
    }).catch((err: unknown) => {
      if (!opts.onError) throw err;
      opts.onError(o.id, err);
    });
  }
  await processServiceOfferTimeouts({ ...opts, now, today, result });
  return result;
}

async function processServiceOfferTimeouts(opts: { db: DbOrTx; now: Date; today: string; config: ReferralConfig; result: TimeoutResult; onError?: (offerId: string, err: unknown) => void }) {
  const { now, today, result } = opts;
  const live = ['sent', 'viewed'] as const;
  const open = await opts.db
    .select({ o: referralServiceOffer, municipalityCode: referralCase.municipalityCode, createdBy: referralCase.createdBy })
    .from(referralServiceOffer)
    .innerJoin(referralCase, eq(referralCase.id, referralServiceOffer.caseId))
    .where(and(inArray(referralServiceOffer.status, [...live]), lt(referralServiceOffer.respondBy, today)));
  for (const { o, municipalityCode, createdBy } of open) {
    const respondBy = o.respondBy!;
    const { escalateAfter, expireAfter } = timeoutSchedule(respondBy, opts.config);
    const event = (tx: DbOrTx, action: string, toStatus: string, note: string) =>
      tx.insert(referralServiceOfferEvent).values({ id: newId(), offerId: o.id, caseId: o.caseId, actorId: null, action, fromStatus: o.status, toStatus, note, at: now });
    await opts.db.transaction(async (tx) => {
      const staff = await officeStaff(tx, o.officeId);
      if (today > expireAfter) {
        const to = assertTransition(o.status, 'expire');
        const [u] = await tx.update(referralServiceOffer).set({ status: to, respondedAt: now }).where(and(eq(referralServiceOffer.id, o.id), eq(referralServiceOffer.status, o.status))).returning({ id: referralServiceOffer.id });
        if (!u) return;
        await event(tx, 'expire', to, `返答期限（${respondBy}）から ${opts.config.expireAfterBusinessDays} 営業日を過ぎたため期限切れ`);
        await writeAudit(tx, SYSTEM, { action: 'referral_service_offer.expire', entityType: 'referral_service_offer', entityId: o.id, details: { caseId: o.caseId, respondBy } });
        await notifyReferral({ tx, userIds: [o.senderId, createdBy, ...staff], kind: 'referral.expired', title: '返答がないまま事業所への紹介が期限切れになりました', link: caseLink(o.caseId), email: true });
        result.expired.push(o.id);
        return;
      }
      if (!o.remindedAt) {
        const [u] = await tx.update(referralServiceOffer).set({ remindedAt: now }).where(and(eq(referralServiceOffer.id, o.id), isNull(referralServiceOffer.remindedAt), inArray(referralServiceOffer.status, [...live]))).returning({ id: referralServiceOffer.id });
        if (u) {
          await event(tx, 'remind', o.status, `返答期限 ${respondBy} を過ぎたため催促`);
          await writeAudit(tx, SYSTEM, { action: 'referral_service_offer.remind', entityType: 'referral_service_offer', entityId: o.id, details: { caseId: o.caseId, respondBy } });
          await notifyReferral({ tx, userIds: staff, kind: 'referral.reminder', title: `事業所への紹介の返答期限（${respondBy}）を過ぎています`, link: caseLink(o.caseId), email: true });
          result.reminded.push(o.id);
        }
      }
      if (today > escalateAfter && !o.escalatedAt) {
        const [u] = await tx.update(referralServiceOffer).set({ escalatedAt: now }).where(and(eq(referralServiceOffer.id, o.id), isNull(referralServiceOffer.escalatedAt), inArray(referralServiceOffer.status, [...live]))).returning({ id: referralServiceOffer.id });
        if (u) {
          const coordinators = await areaCoordinators(tx, municipalityCode);
          await event(tx, 'escalate', o.status, `地域のコーディネーター ${coordinators.length} 人に通知`);
          await writeAudit(tx, SYSTEM, { action: 'referral_service_offer.escalate', entityType: 'referral_service_offer', entityId: o.id, details: { caseId: o.caseId, coordinators } });
          await notifyReferral({ tx, userIds: [...coordinators, o.senderId], kind: 'referral.escalated', title: `返答のない事業所への紹介があります（返答期限 ${respondBy}）`, link: caseLink(o.caseId), email: true });
          result.escalated.push(o.id);
        }
      }
    }).catch((err: unknown) => {
      if (!opts.onError) throw err;
      opts.onError(o.id, err);
    });
  }
}
