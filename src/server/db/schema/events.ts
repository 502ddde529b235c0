// Network activities: coordinators' meetings, training sessions, case studies, councils;
// registrations (members and, through a public link, people outside the network), groups for
// group work, and materials stored in the database.
import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** bytea ↔ Buffer (both node-postgres and PGlite hand back a Uint8Array/Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

export interface EventStaffEntry {
  role: 'organiser' | 'lecturer' | 'facilitator';
  name: string;
  affiliation?: string;
}
export interface EventProgrammeItem {
  kind: 'lecture' | 'group_work' | 'other';
  title: string;
  description?: string;
  presenter?: string;
  /** 'HH:MM' local (Asia/Tokyo) start, optional. */
  startTime?: string;
  durationMinutes?: number;
}

export const event = pgTable(
  'event',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<'coordinator_meeting' | 'training' | 'case_study' | 'council'>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    venue: text('venue'),
    onlineUrl: text('online_url'),
    targetAudience: text('target_audience').notNull().default(''),
    // Staff and programme are edited and shown with the event and never queried alone, so
    // they live in validated jsonb (contracts/events.ts) rather than in two more tables.
    staff: jsonb('staff').$type<EventStaffEntry[]>().notNull().default(sql`'[]'::jsonb`),
    programme: jsonb('programme').$type<EventProgrammeItem[]>().notNull().default(sql`'[]'::jsonb`),
    /** Seats for participants; null = unlimited. Staff registrations do not take a seat. */
    capacity: integer('capacity'),
    registrationOpen: boolean('registration_open').notNull().default(true),
    registrationClosesAt: ts('registration_closes_at'),
    /** When true, `public_token` opens the public registration form for people outside the network. */
    publicRegistration: boolean('public_registration').notNull().default(false),
    /** Random, unguessable: knowing one event's link never lists another event. */
    publicToken: text('public_token').notNull().unique(),
    minutes: text('minutes'),
    hostMunicipalityCode: text('host_municipality_code'),
    status: text('status').$type<'scheduled' | 'cancelled'>().notNull().default('scheduled'),
    /** iCalendar SEQUENCE: bumped on every change so calendar apps update their copy. */
    sequence: integer('sequence').notNull().default(0),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('event_starts_idx').on(t.startsAt, t.id),
    check('event_kind_check', sql`${t.kind} in ('coordinator_meeting','training','case_study','council')`),
    check('event_status_check', sql`${t.status} in ('scheduled','cancelled')`),
    check('event_time_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('event_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 0`),
  ],
);

export const eventGroup = pgTable(
  'event_group',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    facilitatorName: text('facilitator_name'),
    facilitatorUserId: text('facilitator_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** What the group reported back (グループワーク発表). */
    summary: text('summary').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('event_group_event_idx').on(t.eventId, t.sortOrder)],
);

export const eventRegistration = pgTable(
  'event_registration',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    /** Set for network members; null for people who registered through the public link. */
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    source: text('source').$type<'member' | 'public' | 'staff'>().notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** NFKC + lower-case + trim: duplicate detection per event. */
    emailNormalized: text('email_normalized').notNull(),
    officeName: text('office_name').notNull().default(''),
    /** 5-digit code when the city is known (also outside 東葛, e.g. 12100 千葉市); no FK on purpose. */
    municipalityCode: text('municipality_code'),
    municipalityName: text('municipality_name').notNull().default(''),
    participantRole: text('participant_role').notNull(),
    /** Lecturers and facilitators: counted as participants (the seed's 23名 includes them) but take no seat. */
    isStaff: boolean('is_staff').notNull().default(false),
    status: text('status').$type<'registered' | 'waitlisted' | 'cancelled'>().notNull(),
    /** Shown as a QR code; scanned at the door to check in. Random, unique. */
    checkInCode: text('check_in_code').notNull().unique(),
    /** SHA-256 of the cancel link secret given to public registrants (shown once, by e-mail). */
    cancelTokenHash: text('cancel_token_hash'),
    checkedInAt: ts('checked_in_at'),
    groupId: text('group_id').references(() => eventGroup.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    cancelledAt: ts('cancelled_at'),
    /** Set when the reminder before the event was queued (features/events/event-reminders.ts); never sent twice. */
    remindedAt: ts('reminded_at'),
  },
  (t) => [
    index('event_registration_event_idx').on(t.eventId, t.status, t.createdAt),
    index('event_registration_user_idx').on(t.userId),
    // One live registration per e-mail and per member per event; a cancelled one may register again.
    uniqueIndex('event_registration_email_uq').on(t.eventId, t.emailNormalized).where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex('event_registration_user_uq').on(t.eventId, t.userId).where(sql`${t.status} <> 'cancelled' and ${t.userId} is not null`),
    check('event_registration_status_check', sql`${t.status} in ('registered','waitlisted','cancelled')`),
    check('event_registration_source_check', sql`${t.source} in ('member','public','staff')`),
  ],
);

/**
 * Materials live in the database by default (decision 007): backups and restores carry them.
 * With MATERIAL_STORAGE=directory the bytes go to a file under MATERIAL_DIR named by `storage_key`
 * and `content` is null; `sha256` is checked on every download.
 */
export const eventMaterial = pgTable(
  'event_material',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content'),
    storage: text('storage').$type<'database' | 'directory'>().notNull().default('database'),
    storageKey: text('storage_key'),
    uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('event_material_event_idx').on(t.eventId, t.createdAt),
    check('event_material_storage_check', sql`(${t.storage} = 'database' and ${t.content} is not null) or (${t.storage} = 'directory' and ${t.storageKey} is not null)`),
  ],
);

/** Personal iCalendar feed secret (calendar apps cannot send cookies); only the hash is stored. */
export const calendarFeedToken = pgTable('calendar_feed_token', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
