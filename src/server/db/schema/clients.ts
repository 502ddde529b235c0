// The client record (医療的ケア児者) and who may see it. Every table here carries a client id
// and is guarded by row-level security (migration 0006_client_rls.sql, decision 010): the app
// reads and writes them only inside `withClientAccess` (features/clients/client-access.ts),
// which switches to the `tsunagu_app` role and names the user, so a query that forgets its
// `where` still returns only the clients the user's team membership and consents allow.
//
// Sections are split by consent scope (profile / contact / medical) so the database can
// refuse a section the guardian did not consent to, not just the API.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Contact, Medical, Profile } from '../../../shared/contracts/clients.js';
import { user } from './auth.js';
import { municipality, office } from './region.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const client = pgTable(
  'client',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull(),
    birthDate: day('birth_date').notNull(),
    sex: text('sex').$type<'female' | 'male' | 'other' | 'unknown'>().notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipality.code),
    status: text('status').$type<'active' | 'closed'>().notNull().default('active'),
    /** The intake case this record was opened from (referral_case.id, referral feature), when any. */
    caseIntakeId: text('case_intake_id'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('client_name_kana_idx').on(t.nameKana),
    index('client_municipality_idx').on(t.municipalityCode),
    // An accepted referral opens exactly one record.
    uniqueIndex('client_case_intake_uq').on(t.caseIntakeId).where(sql`${t.caseIntakeId} is not null`),
    check('client_sex_check', sql`${t.sex} in ('female','male','other','unknown')`),
    check('client_status_check', sql`${t.status} in ('active','closed')`),
  ],
);

const sectionColumns = {
  clientId: text('client_id')
    .primaryKey()
    .references(() => client.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
};

/** Scope `profile`: address, school, siblings, certificates. */
export const clientProfile = pgTable('client_profile', { ...sectionColumns, data: jsonb('data').$type<Profile>().notNull() });
/** Scope `contact`: guardians and emergency contacts. */
export const clientContact = pgTable('client_contact', { ...sectionColumns, data: jsonb('data').$type<Contact>().notNull() });
/** Scope `medical` (row also readable with `emergency`): diagnoses, care items, devices, medications, allergies. */
export const clientMedical = pgTable('client_medical', { ...sectionColumns, data: jsonb('data').$type<Medical>().notNull() });

/**
 * The support team. A member is a person (user_id, acting for office_id) or a whole office
 * (user_id null: every member of the office). Membership alone shows nothing: what a member
 * sees comes from the consents recorded for its recipient (office or person).
 */
export const clientTeamMember = pgTable(
  'client_team_member',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    roleNote: text('role_note').notNull().default(''),
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    officeId: text('office_id').references(() => office.id, { onDelete: 'set null' }),
    since: ts('since').notNull().defaultNow(),
    removedAt: ts('removed_at'),
    addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('client_team_member_client_idx').on(t.clientId),
    index('client_team_member_user_idx').on(t.userId),
    index('client_team_member_office_idx').on(t.officeId),
    check('client_team_member_who_check', sql`${t.userId} is not null or ${t.officeId} is not null`),
  ],
);

/**
 * The guardian's consent to share (APPI art. 27: 要配慮個人情報 needs prior consent, no opt-out).
 * Revocation sets revoked_at; access computed from consents stops in the same transaction.
 */
export const consent = pgTable(
  'consent',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    recipientType: text('recipient_type').$type<'office' | 'user' | 'external'>().notNull(),
    recipientOfficeId: text('recipient_office_id').references(() => office.id, { onDelete: 'set null' }),
    recipientUserId: text('recipient_user_id').references(() => user.id, { onDelete: 'set null' }),
    recipientName: text('recipient_name').notNull().default(''),
    scopes: text('scopes').array().notNull(),
    purpose: text('purpose').notNull().default(''),
    givenBy: text('given_by').notNull(),
    givenByRelation: text('given_by_relation').notNull(),
    consentedOn: day('consented_on').notNull(),
    method: text('method').notNull(),
    document: text('document').notNull().default(''),
    expiresOn: day('expires_on'),
    recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revokedBy: text('revoked_by').references(() => user.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    index('consent_client_idx').on(t.clientId),
    index('consent_recipient_office_idx').on(t.recipientOfficeId),
    index('consent_recipient_user_idx').on(t.recipientUserId),
    check('consent_recipient_type_check', sql`${t.recipientType} in ('office','user','external')`),
  ],
);

/**
 * 提供記録 (APPI art. 29 / 30): every provision of a client's data to another organisation —
 * team access granted to an office or person of another organisation, and every export for a
 * named recipient. Kept at least 3 years (retain_until); a trigger (migration 0006) rejects
 * UPDATE and DELETE, and no code path removes rows.
 */
export const provisionRecord = pgTable(
  'provision_record',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<'team_access' | 'export'>().notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientOfficeId: text('recipient_office_id'),
    recipientUserId: text('recipient_user_id'),
    scopes: text('scopes').array().notNull(),
    /** What was provided, in words ("サービス等利用計画 第2版 PDF", "FHIR Bundle"). */
    items: text('items').array().notNull(),
    consentId: text('consent_id'),
    at: ts('at').notNull().defaultNow(),
    byUserId: text('by_user_id'),
    byName: text('by_name').notNull(),
    retainUntil: day('retain_until').notNull(),
  },
  (t) => [index('provision_record_client_idx').on(t.clientId, t.at)],
);

export const timelineEvent = pgTable(
  'timeline_event',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    place: text('place').notNull().default(''),
    authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    /** Who was told (in-app + email) when it was posted. */
    notifiedUserIds: text('notified_user_ids').array().notNull().default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('timeline_event_client_idx').on(t.clientId, t.occurredAt),
    check('timeline_event_kind_check', sql`${t.kind} in ('admission','discharge','condition_change','plan_change','note')`),
  ],
);
