// Reminders before an event: every seated participant (status `registered`, staff included) of a
// scheduled event starting within EVENT_REMINDER_HOURS gets one in-app notice (members) and one
// e-mail (outbox; the mailer sends it). Scheduler on the pattern of the referral sweep and the
// evacuation tick (decision 008): an interval in every instance, a PostgreSQL advisory lock so
// one instance works at a time, and idempotent work — `event_registration.reminded_at` is set by
// a conditional update in the same transaction as the notice, so nobody is reminded twice.
// Waitlisted people are not reminded (they have no seat); a promotion sends its own e-mail.
// The same tick sends, after an event has ended, the surveys attached to it that are marked
// 終了後に自動で配布する (surveys/responses.ts `processSurveyAutoDistribution`, idempotent the same way).
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { event, eventRegistration } from '../../db/schema/index.js';
import type { Logger } from '../../lib/logger.js';
import { startPeriodic, withAdvisoryLock } from '../../lib/periodic.js';
import { notifyUsers, queueEmail } from '../notifications/notify.js';
import { processSurveyAutoDistribution } from '../surveys/responses.js';
import { describeEvent } from './registrations.js';

/** Distinct from the migration (742617000), access-log (…001), referral (…004) and evacuation (…007) locks. */
const EVENT_REMINDER_LOCK_KEY = 742617010;

/** Sends the due reminders (inside the caller's transaction); returns the registrations reminded. */
export async function processEventReminders(opts: { tx: DbOrTx; hours: number; now?: Date }): Promise<string[]> {
  if (opts.hours <= 0) return [];
  const now = opts.now ?? new Date();
  const horizon = new Date(now.getTime() + opts.hours * 3600_000);
  const due = await opts.tx
    .select({ reg: eventRegistration, ev: event })
    .from(eventRegistration)
    .innerJoin(event, eq(event.id, eventRegistration.eventId))
    .where(
      and(
        eq(eventRegistration.status, 'registered'),
        isNull(eventRegistration.remindedAt),
        eq(event.status, 'scheduled'),
        gt(event.startsAt, now),
        lte(event.startsAt, horizon),
      ),
    )
    .limit(500);
  const reminded: string[] = [];
  for (const { reg, ev } of due) {
    // Conditional: a second instance (or a second tick) that raced here finds it already set.
    const [won] = await opts.tx
      .update(eventRegistration)
      .set({ remindedAt: now })
      .where(and(eq(eventRegistration.id, reg.id), isNull(eventRegistration.remindedAt), eq(eventRegistration.status, 'registered')))
      .returning({ id: eventRegistration.id });
    if (!won) continue;
    if (reg.userId) await notifyUsers({ tx: opts.tx, userIds: [reg.userId], kind: 'event.reminder', title: `まもなく開催: ${ev.title}`, link: `/events/${ev.id}` });
    // Staff rows added by organisers may carry a placeholder address (…@invalid): no e-mail then.
    if (!reg.email.endsWith('@invalid')) {
      const online = ev.onlineUrl ? `オンライン参加 URL: ${ev.onlineUrl}\n` : '';
      await queueEmail({
        tx: opts.tx,
        to: reg.email,
        subject: `【つなぐ】まもなく開催: ${ev.title}`,
        text: ['お申し込みいただいた行事が近づきました。', '', describeEvent(ev) + online, `受付コード: ${reg.checkInCode}（当日、受付でお見せください）`, '', '参加できなくなった場合は、主催者へご連絡ください。', '', '— つなぐ（医療的ケア児者 地域支援ネットワーク）'].join('\n'),
      });
    }
    reminded.push(reg.id);
  }
  return reminded;
}

/** One sweep unless another instance holds the lock (returns false then). */
export async function eventReminderTickOnce(opts: { db: Db; hours: number; now?: Date }): Promise<string[] | false> {
  return withAdvisoryLock(opts.db, EVENT_REMINDER_LOCK_KEY, (tx) => processEventReminders({ tx, hours: opts.hours, now: opts.now }));
}

/** The scheduler's whole tick: reminders before events, then surveys due after them. */
export async function eventTickOnce(opts: { db: Db; hours: number; baseUrl: string; now?: Date }) {
  return withAdvisoryLock(opts.db, EVENT_REMINDER_LOCK_KEY, async (tx) => ({
    reminders: await processEventReminders({ tx, hours: opts.hours, now: opts.now }),
    surveys: await processSurveyAutoDistribution({ tx, baseUrl: opts.baseUrl, now: opts.now }),
  }));
}

/** EVENT_REMINDER_HOURS=0 turns reminders off only; EVENT_REMINDER_SWEEP_SECONDS=0 stops the whole tick. */
export function startEventReminderScheduler(opts: { db: Db; hours: number; seconds: number; baseUrl: string; logger: Logger }): () => void {
  return startPeriodic({
    name: 'event tick',
    seconds: opts.seconds,
    firstDelayMs: 10_000,
    logger: opts.logger,
    run: async () => {
      const r = await eventTickOnce({ db: opts.db, hours: opts.hours, baseUrl: opts.baseUrl });
      if (r && r.reminders.length) opts.logger.info({ reminders: r.reminders.length }, 'events: reminders queued');
      if (r && r.surveys.length) opts.logger.info({ surveys: r.surveys.map((x) => ({ id: x.surveyId, invited: x.created })) }, 'events: surveys sent after the event');
    },
  });
}
