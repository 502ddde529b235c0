// In-app notices and the e-mail outbox. Generic on purpose: events, consultations, and later
// referrals and client alerts all write here through features/notifications/notify.ts, in the
// caller's transaction, so a notice never exists for a change that rolled back.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
 * E-mail waiting to be sent (DESIGN.md: "without SMTP configured, messages go to an outbox
 * table visible to admins"). Admins read it at GET /api/admin/outbox. When SMTP is configured
 * the mailer (features/notifications/mailer.ts) claims due `queued` rows (`sending` with a
 * lease in `locked_until`), sends them and sets `sent`; a failure puts the row back to `queued`
 * with `next_attempt_at` pushed back (exponential backoff) until `attempts` reaches the limit
 * (`failed`). A row whose lease ran out (the process died mid-send) is claimed again.
 */
export const outboxEmail = pgTable(
  'outbox_email',
  {
    id: text('id').primaryKey(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('body_text').notNull(),
    status: text('status').$type<'queued' | 'sending' | 'sent' | 'failed'>().notNull().default('queued'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lockedUntil: ts('locked_until'),
    /** The last SMTP error (server reply, no message content). */
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_email_created_idx').on(t.createdAt, t.id),
    index('outbox_email_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('queued','sending')`),
  ],
);
