// People registry (issue #4): one profile per consultant / coordinator account. The caseload is
// deliberately not stored here: it is counted from the client records the person holds as
// consultant and the assigned referral cases (tsunagu_caseload(), migration 0013), so it can never
// drift from the actual assignments.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const personProfile = pgTable(
  'person_profile',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** QUALIFICATION_CODES (contracts/people.ts). */
    qualifications: text('qualifications').array().notNull().default(sql`'{}'::text[]`),
    /** Year the prefecture's 医療的ケア児等コーディネーター養成研修 was completed; null = not completed. */
    coordinatorTrainingYear: integer('coordinator_training_year'),
    acceptsMedicalCare: text('accepts_medical_care').$type<'yes' | 'with_backup' | 'no'>().notNull(),
    /** Care item codes the person has experience with (care-items.ts). */
    careItems: text('care_items').array().notNull().default(sql`'{}'::text[]`),
    maxCaseload: integer('max_caseload').notNull(),
    /** 5-digit municipality codes covered. */
    municipalities: text('municipalities').array().notNull().default(sql`'{}'::text[]`),
    /** DAY_CODES: mon..sun, holiday. */
    availableDays: text('available_days').array().notNull().default(sql`'{}'::text[]`),
    /** Optional and self-declared: families may ask for a female consultant (seed, グループD). */
    declaredGender: text('declared_gender').$type<'female' | 'male' | 'other'>(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    backupAvailable: boolean('backup_available').notNull().default(false),
    maxBackupCases: integer('max_backup_cases'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('person_profile_accepts_check', sql`${t.acceptsMedicalCare} in ('yes','with_backup','no')`),
    check('person_profile_gender_check', sql`${t.declaredGender} is null or ${t.declaredGender} in ('female','male','other')`),
    check('person_profile_max_caseload_check', sql`${t.maxCaseload} >= 0`),
    // Registry filters: "who covers 柏市", "who has ventilator experience".
    index('person_profile_municipalities_idx').using('gin', t.municipalities),
    index('person_profile_care_items_idx').using('gin', t.careItems),
  ],
);
