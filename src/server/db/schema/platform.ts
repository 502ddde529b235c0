import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Personal API tokens: only a SHA-256 of the secret is stored; the secret is shown once. */
export const apiToken = pgTable(
  'api_token',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, shown in lists so a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_token_user_idx').on(t.userId)],
);

/**
 * Append-only access log (MHLW guideline 6.0: who viewed which client's record and when,
 * tamper-evident). Rows are hash-chained: hash = sha256(prev_hash + canonical row). A trigger
 * (migration 0001) rejects UPDATE, DELETE and TRUNCATE on every database role.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorUserId: text('actor_user_id'),
    actorLabel: text('actor_label'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    clientId: text('client_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_actor_idx').on(t.actorUserId, t.at),
    index('audit_event_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_event_client_idx').on(t.clientId, t.at),
    index('audit_event_action_idx').on(t.action, t.at),
  ],
);

/**
 * TOTP codes already accepted, so a code seen by someone else (shoulder-surfed, phished)
 * cannot open a second session within its 30-second window. better-auth has no such store.
 */
export const totpUsed = pgTable(
  'totp_used',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);
