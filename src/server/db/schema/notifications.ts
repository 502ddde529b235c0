// In-app notices and the e-mail outbox. Generic on purpose: events, consultations, and later
// referrals and client alerts all write here through features/notifications/notify.ts, in the
// caller's transaction, so a notice never exists for a change that rolled back.
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const notification = pgTable(
  'notification',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** Dotted kind, e.g. `consultation.new`, `event.waitlist_promoted`; the web picks an icon by it. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** In-app path to open (e.g. `/consultations/…`); never an external URL. */
    link: text('link'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [
    // "My notices, newest first" and the unread badge are the only queries.
    index('notification_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notification_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/**
 * E-mail waiting to be sent. SMTP is not wired yet (DESIGN.md: "without SMTP configured,
 * messages go to an outbox table visible to admins"), so every message stays `queued` and an
 * admin reads it at GET /api/admin/outbox. A future mailer job sends `queued` rows and sets
 * `sent_at`.
 */
export const outboxEmail = pgTable(
  'outbox_email',
  {
    id: text('id').primaryKey(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('body_text').notNull(),
    status: text('status').$type<'queued' | 'sent' | 'failed'>().notNull().default('queued'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outbox_email_created_idx').on(t.createdAt, t.id)],
);
