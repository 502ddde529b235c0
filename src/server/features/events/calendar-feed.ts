// Personal iCalendar feeds. Calendar apps fetch a URL without cookies, so the URL carries a
// secret; only its hash is stored, and creating a new one revokes the old.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calendarFeedToken, event } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { hashToken, randomToken } from '../../lib/tokens.js';
import { buildCalendar, type IcsEvent } from './ics.js';
import { eventsOfUser } from './registrations.js';

export async function createCalendarFeed(opts: { db: Db; actor: Actor; baseUrl: string }) {
  const token = randomToken();
  await opts.db.transaction(async (tx) => {
    await tx.delete(calendarFeedToken).where(eq(calendarFeedToken.userId, opts.actor.userId));
    await tx.insert(calendarFeedToken).values({ userId: opts.actor.userId, tokenHash: hashToken(token) });
    await writeAudit(tx, opts.actor.audit, { action: 'calendar_feed.create', entityType: 'user', entityId: opts.actor.userId });
  });
  return { url: `${opts.baseUrl}/api/public/calendar/${token}.ics` };
}

export async function revokeCalendarFeed(opts: { db: Db; actor: Actor }) {
  await opts.db.delete(calendarFeedToken).where(eq(calendarFeedToken.userId, opts.actor.userId));
}

export const toIcsEvent = (e: typeof event.$inferSelect): IcsEvent => ({
  id: e.id,
  title: e.title,
  description: e.description,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  venue: e.venue,
  onlineUrl: e.onlineUrl,
  status: e.status,
  sequence: e.sequence,
  updatedAt: e.updatedAt,
  programme: e.programme,
});

export async function renderCalendarFeed(opts: { db: Db; token: string; baseUrl: string }) {
  const [row] = await opts.db.select().from(calendarFeedToken).where(eq(calendarFeedToken.tokenHash, hashToken(opts.token)));
  if (!row) throw new AppError('NOT_FOUND', 'このカレンダー URL は無効です。アカウント設定で作り直してください。');
  const rows = await eventsOfUser(opts.db, row.userId);
  return buildCalendar({ name: 'つなぐ 参加予定', events: rows.map((r) => toIcsEvent(r.e)), baseUrl: opts.baseUrl, host: new URL(opts.baseUrl).host });
}
