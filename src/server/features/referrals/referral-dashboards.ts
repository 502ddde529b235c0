// Dashboard data (issue #4 item 5): my inbound offers, open offers and unassigned cases of my
// area with their age, time-to-acceptance and decline reasons per month.
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import { DECLINE_REASON_LABELS, DECLINE_REASONS, type OfferStatus } from '../../../shared/contracts/referrals.js';
import { addMonths, daysBetween } from '../../../shared/calendar-date.js';
import { businessDaysBetween } from '../../../shared/business-days.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db } from '../../db/client.js';
import { office, personProfile, referralCase, referralOffer, referralServiceOffer, user } from '../../db/schema/index.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import { hasRole, type Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { forbidden } from '../../lib/errors.js';
import { toCaseView } from './referral-views.js';

export async function listInbox(opts: { db: Db; actor: Actor; status?: OfferStatus }) {
  const { actor } = opts;
  const rows = await opts.db
    .select({ o: referralOffer, c: referralCase, senderName: user.name })
    .from(referralOffer)
    .innerJoin(referralCase, eq(referralCase.id, referralOffer.caseId))
    .innerJoin(user, eq(user.id, referralOffer.senderId))
    .where(and(eq(referralOffer.candidateId, actor.userId), ne(referralOffer.status, 'draft'), opts.status ? eq(referralOffer.status, opts.status) : undefined))
    .orderBy(desc(referralOffer.sentAt), desc(referralOffer.id))
    .limit(200);
  if (rows.length)
    await writeAudit(opts.db, actor.audit, { action: 'referral_case.list', entityType: 'referral_case', details: { caseIds: rows.map((r) => r.c.id), inbox: true, identity: false } });
  return {
    items: rows.map((r) => ({
      offer: { id: r.o.id, status: r.o.status, sentAt: r.o.sentAt?.toISOString() ?? null, respondBy: r.o.respondBy, message: r.o.message, sender: { id: r.o.senderId, name: r.senderName } },
      // The inbox never carries identity; the assigned consultant opens the case for it.
      case: toCaseView(r.c, r.c.assignedConsultantId === actor.userId ? 'full' : 'limited', { myOffer: { id: r.o.id, status: r.o.status, respondBy: r.o.respondBy } }),
    })),
  };
}

/** The municipalities that make up "my area". */
async function areaOf(db: Db, actor: Actor, requested?: string): Promise<string[] | null> {
  if (hasRole(actor, 'admin')) return requested ? [requested] : null;
  if (hasRole(actor, 'coordinator')) {
    if (requested) return [requested];
    const [p] = await db.select({ m: personProfile.municipalities }).from(personProfile).where(eq(personProfile.userId, actor.userId));
    const area = p?.m.length ? p.m : actor.municipalityCode ? [actor.municipalityCode] : [];
    return area;
  }
  // Officials: their own city only.
  if (!actor.municipalityCode) return [];
  if (requested && requested !== actor.municipalityCode) throw forbidden('行政職員は自分の市区町村のみ閲覧できます。');
  return [actor.municipalityCode];
}

/**
 * What the area dashboard shows of an open offer of either kind (打診, 事業所への紹介): its case's
 * city and urgency, when it was sent, its age in calendar and business days, and whether the
 * answer is overdue.
 */
function openOfferView<S extends string, U extends string>(
  o: { id: string; caseId: string; status: S; sentAt: Date | null; createdAt: Date; respondBy: string | null },
  c: { municipalityCode: string; urgency: U },
  today: string,
) {
  const sentAt = o.sentAt ?? o.createdAt;
  const sent = tokyoDate(sentAt);
  return {
    offerId: o.id,
    caseId: o.caseId,
    status: o.status,
    municipalityCode: c.municipalityCode,
    urgency: c.urgency,
    sentAt: sentAt.toISOString(),
    ageDays: daysBetween(sent, today),
    ageBusinessDays: Math.max(0, businessDaysBetween(sent, today)),
    respondBy: o.respondBy,
    overdue: o.respondBy !== null && o.respondBy < today,
  };
}

export async function getAreaDashboard(opts: { db: Db; actor: Actor; municipality?: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const today = tokyoDate(now);
  const area = await areaOf(opts.db, opts.actor, opts.municipality);
  const inArea = area === null ? undefined : area.length ? inArray(referralCase.municipalityCode, area) : sql`false`;
  const caseArea = { municipalityCode: referralCase.municipalityCode, urgency: referralCase.urgency };
  const offers = await opts.db
    .select({ o: referralOffer, c: caseArea, candidateName: user.name })
    .from(referralOffer)
    .innerJoin(referralCase, eq(referralCase.id, referralOffer.caseId))
    .innerJoin(user, eq(user.id, referralOffer.candidateId))
    .where(and(inArea, inArray(referralOffer.status, ['sent', 'viewed'])))
    .orderBy(asc(referralOffer.sentAt));
  const serviceRequests = await opts.db
    .select({ o: referralServiceOffer, c: caseArea, officeName: office.name })
    .from(referralServiceOffer)
    .innerJoin(referralCase, eq(referralCase.id, referralServiceOffer.caseId))
    .innerJoin(office, eq(office.id, referralServiceOffer.officeId))
    .where(and(inArea, inArray(referralServiceOffer.status, ['sent', 'viewed'])))
    .orderBy(asc(referralServiceOffer.sentAt));
  const cases = await opts.db
    .select({
      c: referralCase,
      // Written out qualified: drizzle drops table names in single-table selects, which would
      // bind "id" inside the subquery to referral_offer.id.
      openOffers: sql<number>`(select count(*)::int from referral_offer o where o.case_id = "referral_case"."id" and o.status in ('sent','viewed'))`,
      declinedOffers: sql<number>`(select count(*)::int from referral_offer o where o.case_id = "referral_case"."id" and o.status in ('declined','expired'))`,
    })
    .from(referralCase)
    .where(and(inArea, eq(referralCase.status, 'open')))
    .orderBy(asc(referralCase.createdAt));
  await writeAudit(opts.db, opts.actor.audit, { action: 'referral_dashboard.area', entityType: 'referral_case', details: { municipalities: area } });
  return {
    municipalities: area ?? [],
    openOffers: offers.map((r) => ({
      ...openOfferView(r.o, r.c, today),
      candidate: { id: r.o.candidateId, name: r.candidateName },
    })),
    openServiceRequests: serviceRequests.map((r) => ({
      ...openOfferView(r.o, r.c, today),
      office: { id: r.o.officeId, name: r.officeName },
      serviceTypeLabel: findServiceType(r.o.serviceType)?.label ?? r.o.serviceType,
    })),
    unassignedCases: cases.map((r) => ({
      caseId: r.c.id,
      municipalityCode: r.c.municipalityCode,
      urgency: r.c.urgency,
      createdAt: r.c.createdAt.toISOString(),
      waitingDays: daysBetween(tokyoDate(r.c.createdAt), today),
      openOffers: r.openOffers,
      declinedOffers: r.declinedOffers,
    })),
  };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 10) / 10;
};

/** Months (Asia/Tokyo) from `from` to `to`, responses bucketed by the month they were given. */
export async function getReferralStats(opts: { db: Db; actor: Actor; from?: string; to?: string; municipality?: string; now?: Date }) {
  const today = tokyoDate(opts.now ?? new Date());
  const to = opts.to ?? today;
  const from = opts.from ?? `${addMonths(to, -11).slice(0, 7)}-01`;
  const startInstant = new Date(`${from}T00:00:00+09:00`);
  const endInstant = new Date(new Date(`${to}T00:00:00+09:00`).getTime() + 86_400_000);
  const muni = opts.municipality ? eq(referralCase.municipalityCode, opts.municipality) : undefined;
  const responded = await opts.db
    .select({ status: referralOffer.status, sentAt: referralOffer.sentAt, respondedAt: referralOffer.respondedAt, reason: referralOffer.declineReason })
    .from(referralOffer)
    .innerJoin(referralCase, eq(referralCase.id, referralOffer.caseId))
    .where(and(muni, isNotNull(referralOffer.respondedAt), gte(referralOffer.respondedAt, startInstant), lte(referralOffer.respondedAt, endInstant)));
  const sentRows = await opts.db
    .select({ n: sql<number>`count(*)::int` })
    .from(referralOffer)
    .innerJoin(referralCase, eq(referralCase.id, referralOffer.caseId))
    .where(and(muni, isNotNull(referralOffer.sentAt), gte(referralOffer.sentAt, startInstant), lte(referralOffer.sentAt, endInstant)));
  const months: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m.slice(0, 7) <= to.slice(0, 7); m = addMonths(m, 1)) months.push(m.slice(0, 7));
  const acc = new Map<string, number[]>(months.map((m) => [m, []]));
  const dec = new Map<string, Record<string, number>>(months.map((m) => [m, Object.fromEntries(DECLINE_REASONS.map((r) => [r, 0]))]));
  const totals = { sent: sentRows[0]?.n ?? 0, accepted: 0, declined: 0, expired: 0, withdrawn: 0 };
  for (const r of responded) {
    const month = tokyoDate(r.respondedAt!).slice(0, 7);
    // accepted → completed still counts as an acceptance
    if ((r.status === 'accepted' || r.status === 'completed') && r.sentAt) {
      totals.accepted++;
      acc.get(month)?.push((r.respondedAt!.getTime() - r.sentAt.getTime()) / 86_400_000);
    } else if (r.status === 'declined') {
      totals.declined++;
      const d = dec.get(month);
      if (d && r.reason) d[r.reason] = (d[r.reason] ?? 0) + 1;
    } else if (r.status === 'expired') totals.expired++;
    else if (r.status === 'withdrawn') totals.withdrawn++;
  }
  await writeAudit(opts.db, opts.actor.audit, { action: 'referral_dashboard.stats', entityType: 'referral_case', details: { from, to, municipality: opts.municipality ?? null } });
  return {
    from,
    to,
    months,
    timeToAcceptance: months.map((m) => {
      const xs = acc.get(m) ?? [];
      return { month: m, accepted: xs.length, medianDays: median(xs), averageDays: xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null };
    }),
    declineReasons: months.map((m) => {
      const counts = dec.get(m)!;
      return { month: m, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
    }),
    declineReasonLabels: { ...DECLINE_REASON_LABELS },
    totals,
  };
}
