// The reusable notification API. Callers pass their open transaction, so a notice or an e-mail
// exists only if the change it announces commits.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { notification, outboxEmail } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';

export interface NotifyInput {
  tx: DbOrTx;
  userIds: string[];
  /** Dotted kind, `<feature>.<what>`: `consultation.new`, `event.waitlist_promoted`. */
  kind: string;
  title: string;
  body?: string;
  /** In-app path, e.g. `/consultations/<id>`. */
  link?: string | null;
}

/**
 * Posts one in-app notice to each user (duplicates removed).
 * @example await notifyUsers({ tx, userIds: [askerId], kind: 'consultation.answered', title: '回答がありました', link: `/consultations/${id}` })
 */
export async function notifyUsers(input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.userIds)].filter(Boolean);
  if (ids.length === 0) return 0;
  await input.tx.insert(notification).values(
    ids.map((userId) => ({
      id: newId(),
      userId,
      kind: input.kind,
      title: input.title.slice(0, 200),
      body: (input.body ?? '').slice(0, 2000),
      link: input.link ?? null,
    })),
  );
  return ids.length;
}

/**
 * Queues an e-mail in the outbox (visible to admins at GET /api/admin/outbox). When SMTP is
 * configured the mailer (mailer.ts) sends it after the transaction commits; otherwise it stays
 * `queued`. Compose without personal data: no client names or case details, no names typed
 * into public forms — say that something happened and link to the app.
 */
export async function queueEmail(input: { tx: DbOrTx; to: string; subject: string; text: string }): Promise<string> {
  const id = newId();
  await input.tx.insert(outboxEmail).values({ id, to: input.to, subject: input.subject.slice(0, 300), text: input.text });
  return id;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listMyNotifications(opts: { db: Db; userId: string; unreadOnly?: boolean; limit: number; cursor?: string }) {
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  const where = and(eq(notification.userId, opts.userId), opts.unreadOnly ? isNull(notification.readAt) : undefined);
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(notification).where(where);
  const [{ unread } = { unread: 0 }] = await opts.db
    .select({ unread: count() })
    .from(notification)
    .where(and(eq(notification.userId, opts.userId), isNull(notification.readAt)));
  const rows = await opts.db
    .select()
    .from(notification)
    .where(after ? and(where, sql`(${notification.createdAt}, ${notification.id}) < (${after[0]}::timestamptz, ${after[1]})`) : where)
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: page.items.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt.toISOString(), readAt: iso(r.readAt) })),
    total,
    nextCursor: page.nextCursor,
    unreadCount: unread,
  };
}

export async function markNotificationRead(opts: { db: Db; userId: string; id: string }) {
  const [row] = await opts.db
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, now())` })
    .where(and(eq(notification.id, opts.id), eq(notification.userId, opts.userId)))
    .returning({ id: notification.id });
  if (!row) throw notFound('お知らせ');
}

export async function markAllNotificationsRead(opts: { db: Db; userId: string }) {
  const rows = await opts.db
    .update(notification)
    .set({ readAt: new Date() })
    .where(and(eq(notification.userId, opts.userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return rows.length;
}

export async function listOutbox(opts: { db: Db; limit: number; cursor?: string }) {
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(outboxEmail);
  const rows = await opts.db
    .select()
    .from(outboxEmail)
    .where(after ? sql`(${outboxEmail.createdAt}, ${outboxEmail.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined)
    .orderBy(desc(outboxEmail.createdAt), desc(outboxEmail.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: page.items.map((r) => ({ id: r.id, to: r.to, subject: r.subject, text: r.text, status: r.status, createdAt: r.createdAt.toISOString(), sentAt: iso(r.sentAt), attempts: r.attempts, nextAttemptAt: r.status === 'queued' ? iso(r.nextAttemptAt) : null, lastError: r.lastError })),
    total,
    nextCursor: page.nextCursor,
  };
}
