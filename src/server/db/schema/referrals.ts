// Intake and closed-loop referral (issue #4).
//
// referral_case is what intake needs and nothing more: accepting an offer opens the client
// record from it (docs/referrals.md §7, referrals/referral-handover.ts) and keeps the link in
// client_id. Identifying columns (name, kana, birth date, sex, address, guardian) sit apart
// from the pseudonymous ones; services decide per viewer which half is returned
// (referrals/referrals-access.ts).
import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { client, clientTeamMember } from './clients.js';
import { service } from './directory.js';
import { municipality, office } from './region.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface CaseCareItem {
  code: string;
  monitoring: string;
  note?: string;
}
export interface CaseServiceWanted {
  serviceType: string;
  note?: string;
}
export interface CaseWishes {
  weekendContact: boolean;
  consultantGender: 'female' | 'male' | null;
  preferredDays: string[];
  note: string;
}
export interface MatchReason {
  criterion: string;
  met: 'met' | 'partial' | 'not_met' | 'info';
  points: number;
  maxPoints: number;
  text: string;
}

export const referralCase = pgTable(
  'referral_case',
  {
    id: text('id').primaryKey(),
    status: text('status').$type<'open' | 'assigned' | 'closed'>().notNull().default('open'),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    // ── pseudonymous part: what candidates may see, as far as the consent allows ──
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipality.code),
    ageYears: integer('age_years').notNull(),
    careItems: jsonb('care_items').$type<CaseCareItem[]>().notNull().default(sql`'[]'::jsonb`),
    servicesWanted: jsonb('services_wanted').$type<CaseServiceWanted[]>().notNull().default(sql`'[]'::jsonb`),
    urgency: text('urgency').$type<'urgent' | 'soon' | 'normal'>().notNull(),
    wishes: jsonb('wishes').$type<CaseWishes>().notNull(),
    summary: text('summary').notNull().default(''),
    source: text('source').notNull(),
    sourceNote: text('source_note').notNull().default(''),
    // ── consent to share (APPI: 要配慮個人情報 needs prior consent; who may see what) ──
    consentObtainedOn: date('consent_obtained_on', { mode: 'string' }).notNull(),
    consentMethod: text('consent_method').$type<'written' | 'verbal' | 'electronic'>().notNull(),
    consentGivenBy: text('consent_given_by').notNull(),
    consentShareWith: text('consent_share_with').array().notNull().default(sql`'{}'::text[]`),
    consentItems: text('consent_items').array().notNull().default(sql`'{}'::text[]`),
    consentNote: text('consent_note').notNull().default(''),
    consentRecordedBy: text('consent_recorded_by').references(() => user.id, { onDelete: 'set null' }),
    // ── identifying part: creator, coordinators and the assigned consultant only ──
    clientName: text('client_name').notNull(),
    clientNameKana: text('client_name_kana'),
    clientBirthDate: date('client_birth_date', { mode: 'string' }),
    /** null = not recorded at intake; the record then starts with 'unknown'. */
    clientSex: text('client_sex').$type<'female' | 'male' | 'other' | 'unknown'>(),
    clientAddress: text('client_address'),
    guardianName: text('guardian_name'),
    guardianContact: text('guardian_contact'),
    // ── assignment: set once, by the accepting transaction (referrals/referral-offers.ts) ──
    assignedConsultantId: text('assigned_consultant_id').references(() => user.id, { onDelete: 'set null' }),
    assignedAt: ts('assigned_at'),
    /** The client record the acceptance opened (same transaction); null before acceptance. */
    clientId: text('client_id').references(() => client.id, { onDelete: 'set null' }),
    closedAt: ts('closed_at'),
    closeReason: text('close_reason'),
  },
  (t) => [
    check('referral_case_status_check', sql`${t.status} in ('open','assigned','closed')`),
    check('referral_case_urgency_check', sql`${t.urgency} in ('urgent','soon','normal')`),
    check('referral_case_assigned_check', sql`${t.status} <> 'assigned' or ${t.assignedConsultantId} is not null`),
    check('referral_case_client_sex_check', sql`${t.clientSex} is null or ${t.clientSex} in ('female','male','other','unknown')`),
    // One record per case (and client.case_intake_id: one case per record).
    uniqueIndex('referral_case_client_uq').on(t.clientId),
    index('referral_case_status_idx').on(t.status, t.municipalityCode, t.createdAt),
    // Caseload = count of assigned cases per consultant; this index answers it.
    index('referral_case_assigned_idx').on(t.assignedConsultantId, t.status),
    index('referral_case_created_by_idx').on(t.createdBy),
  ],
);

/** One candidate a case is put to (打診). Status changes only through referral-state.ts. */
export const referralOffer = pgTable(
  'referral_offer',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => referralCase.id, { onDelete: 'cascade' }),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => user.id),
    senderId: text('sender_id')
      .notNull()
      .references(() => user.id),
    /** For a with_backup candidate: the coordinator the matching proposed to back them. */
    backupCoordinatorId: text('backup_coordinator_id').references(() => user.id, { onDelete: 'set null' }),
    status: text('status').$type<'draft' | 'sent' | 'viewed' | 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'completed'>().notNull(),
    message: text('message').notNull().default(''),
    /** Snapshot of the ranking when the offer was made, so the reasons stay explainable later. */
    matchScore: real('match_score'),
    matchReasons: jsonb('match_reasons').$type<MatchReason[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    viewedAt: ts('viewed_at'),
    respondedAt: ts('responded_at'),
    /** Last business day to answer (Asia/Tokyo calendar date). */
    respondBy: date('respond_by', { mode: 'string' }),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
    declineReason: text('decline_reason'),
    declineNote: text('decline_note').notNull().default(''),
    completedAt: ts('completed_at'),
  },
  (t) => [
    check(
      'referral_offer_status_check',
      sql`${t.status} in ('draft','sent','viewed','accepted','declined','expired','withdrawn','completed')`,
    ),
    index('referral_offer_case_idx').on(t.caseId),
    index('referral_offer_candidate_idx').on(t.candidateId, t.status),
    // The timeout sweep scans only open offers.
    index('referral_offer_open_idx').on(t.status, t.respondBy),
    // At most one live offer per candidate and case (a declined one may be followed by a new one).
    uniqueIndex('referral_offer_live_uq')
      .on(t.caseId, t.candidateId)
      .where(sql`${t.status} in ('draft','sent','viewed','accepted','completed')`),
  ],
);

/** Full history of every offer: who did what, when. Never updated. */
export const referralOfferEvent = pgTable(
  'referral_offer_event',
  {
    id: text('id').primaryKey(),
    /** Insertion order: several events can share a timestamp (create + send in one transaction). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    offerId: text('offer_id')
      .notNull()
      .references(() => referralOffer.id, { onDelete: 'cascade' }),
    caseId: text('case_id').notNull(),
    at: ts('at').notNull().defaultNow(),
    /** Null for the system (timeout sweep). */
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('referral_offer_event_offer_idx').on(t.offerId, t.at), index('referral_offer_event_case_idx').on(t.caseId, t.at)],
);

/** Who backs whom on which case: the seed's "only with coordinator support", made a record. */
export const caseBackup = pgTable(
  'case_backup',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => referralCase.id, { onDelete: 'cascade' }),
    consultantId: text('consultant_id')
      .notNull()
      .references(() => user.id),
    /** Null while an open request waits for any coordinator of the area. */
    coordinatorId: text('coordinator_id').references(() => user.id),
    status: text('status').$type<'requested' | 'accepted' | 'declined' | 'ended'>().notNull(),
    requestedBy: text('requested_by').references(() => user.id, { onDelete: 'set null' }),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    respondedAt: ts('responded_at'),
    endedAt: ts('ended_at'),
    note: text('note').notNull().default(''),
    /**
     * The team membership that accepting this backup added to the case's client record; ending
     * the backup removes exactly that one (null: none added, e.g. already on the team).
     */
    clientTeamMemberId: text('client_team_member_id').references(() => clientTeamMember.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('case_backup_status_check', sql`${t.status} in ('requested','accepted','declined','ended')`),
    check('case_backup_coordinator_check', sql`${t.status} in ('requested','declined') or ${t.coordinatorId} is not null`),
    index('case_backup_case_idx').on(t.caseId),
    index('case_backup_coordinator_idx').on(t.coordinatorId, t.status),
    // One live backup relationship per case.
    uniqueIndex('case_backup_live_uq').on(t.caseId).where(sql`${t.status} in ('requested','accepted')`),
  ],
);

/**
 * A case sent to a service of the directory (事業所への紹介): the office's provider_staff answer
 * it. Same lifecycle as an offer to a consultant (referral-state.ts); accepting does not assign
 * the case's consultant — per requested service type, the first office to accept wins.
 */
export const referralServiceOffer = pgTable(
  'referral_service_offer',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => referralCase.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    /** The office whose provider_staff receive and answer it (copied from the service). */
    officeId: text('office_id')
      .notNull()
      .references(() => office.id, { onDelete: 'cascade' }),
    serviceType: text('service_type').notNull(),
    senderId: text('sender_id')
      .notNull()
      .references(() => user.id),
    status: text('status').$type<'draft' | 'sent' | 'viewed' | 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'completed'>().notNull(),
    message: text('message').notNull().default(''),
    matchScore: real('match_score'),
    matchReasons: jsonb('match_reasons').$type<MatchReason[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    viewedAt: ts('viewed_at'),
    respondedAt: ts('responded_at'),
    /** The office member who accepted or declined. */
    respondedBy: text('responded_by').references(() => user.id, { onDelete: 'set null' }),
    respondBy: date('respond_by', { mode: 'string' }),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
    declineReason: text('decline_reason'),
    declineNote: text('decline_note').notNull().default(''),
    completedAt: ts('completed_at'),
  },
  (t) => [
    check(
      'referral_service_offer_status_check',
      sql`${t.status} in ('draft','sent','viewed','accepted','declined','expired','withdrawn','completed')`,
    ),
    index('referral_service_offer_case_idx').on(t.caseId),
    index('referral_service_offer_office_idx').on(t.officeId, t.status),
    index('referral_service_offer_open_idx').on(t.status, t.respondBy),
    // At most one live request per case and service.
    uniqueIndex('referral_service_offer_live_uq')
      .on(t.caseId, t.serviceId)
      .where(sql`${t.status} in ('draft','sent','viewed','accepted','completed')`),
    // First to accept wins: one accepted provider per case and service type (a concurrent second
    // acceptance fails on this index → 409).
    uniqueIndex('referral_service_offer_accepted_uq')
      .on(t.caseId, t.serviceType)
      .where(sql`${t.status} in ('accepted','completed')`),
  ],
);

/** Full history of every service request. Never updated. */
export const referralServiceOfferEvent = pgTable(
  'referral_service_offer_event',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    offerId: text('offer_id')
      .notNull()
      .references(() => referralServiceOffer.id, { onDelete: 'cascade' }),
    caseId: text('case_id').notNull(),
    at: ts('at').notNull().defaultNow(),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('referral_service_offer_event_offer_idx').on(t.offerId, t.at)],
);
