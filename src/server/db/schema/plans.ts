// Care-management documents of a client: アセスメント, 計画 (with needs and 週間計画表 as
// JSON documents), モニタリング報告書, 担当者会議. Scope `plan`; row-level security as for the
// client record (decision 010). `version` is the optimistic-concurrency counter.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AssessmentSectionsSchema, ConferenceInputSchema, MonitoringGoalSchema, PlanHeaderSchema, PlanNeedSchema, WeeklyScheduleSchema } from '../../../shared/contracts/plans.js';
import { user } from './auth.js';
import { client } from './clients.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const author = () => text('author_user_id').references(() => user.id, { onDelete: 'set null' });

export const assessment = pgTable(
  'assessment',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    assessedOn: day('assessed_on').notNull(),
    place: text('place').notNull().default(''),
    sections: jsonb('sections').$type<z.infer<typeof AssessmentSectionsSchema>>().notNull(),
    authorUserId: author(),
    authorName: text('author_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('assessment_client_idx').on(t.clientId, t.assessedOn)],
);

export const carePlan = pgTable(
  'care_plan',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    /** 第n版: 1, 2, 3… per client. */
    revision: integer('revision').notNull(),
    kind: text('kind').$type<'child' | 'adult'>().notNull(),
    status: text('status').$type<'draft' | 'agreed' | 'superseded'>().notNull().default('draft'),
    createdOn: day('created_on').notNull(),
    startDate: day('start_date').notNull(),
    reviewDate: day('review_date'),
    monitoringPeriodMonths: integer('monitoring_period_months').notNull(),
    isNewPlan: boolean('is_new_plan').notNull().default(false),
    header: jsonb('header').$type<z.infer<typeof PlanHeaderSchema>>().notNull(),
    wishes: text('wishes').notNull().default(''),
    policy: text('policy').notNull().default(''),
    longTermGoal: text('long_term_goal').notNull().default(''),
    shortTermGoal: text('short_term_goal').notNull().default(''),
    needs: jsonb('needs').$type<z.infer<typeof PlanNeedSchema>[]>().notNull(),
    weekly: jsonb('weekly').$type<z.infer<typeof WeeklyScheduleSchema>>().notNull(),
    agreedOn: day('agreed_on'),
    agreedBy: text('agreed_by'),
    supersededAt: ts('superseded_at'),
    authorUserId: author(),
    authorName: text('author_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('care_plan_client_revision_idx').on(t.clientId, t.revision),
    // At most one agreed (current) plan per client.
    uniqueIndex('care_plan_one_agreed_idx').on(t.clientId).where(sql`${t.status} = 'agreed'`),
    check('care_plan_status_check', sql`${t.status} in ('draft','agreed','superseded')`),
    check('care_plan_kind_check', sql`${t.kind} in ('child','adult')`),
    check('care_plan_period_check', sql`${t.monitoringPeriodMonths} in (1,3,6)`),
  ],
);

export const monitoringReport = pgTable(
  'monitoring_report',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    planId: text('plan_id')
      .notNull()
      .references(() => carePlan.id, { onDelete: 'restrict' }),
    conductedOn: day('conducted_on').notNull(),
    place: text('place').notNull().default(''),
    overall: text('overall').notNull().default(''),
    goals: jsonb('goals').$type<z.infer<typeof MonitoringGoalSchema>[]>().notNull(),
    planChangeNeeded: boolean('plan_change_needed').notNull().default(false),
    authorUserId: author(),
    authorName: text('author_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('monitoring_report_client_idx').on(t.clientId, t.conductedOn)],
);

type ConferenceInput = z.infer<typeof ConferenceInputSchema>;

export const caseConference = pgTable(
  'case_conference',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    planId: text('plan_id').references(() => carePlan.id, { onDelete: 'set null' }),
    heldAt: ts('held_at').notNull(),
    place: text('place').notNull().default(''),
    purpose: text('purpose').notNull().default(''),
    attendees: jsonb('attendees').$type<ConferenceInput['attendees']>().notNull(),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    decisions: jsonb('decisions').$type<string[]>().notNull(),
    tasks: jsonb('tasks').$type<ConferenceInput['tasks']>().notNull(),
    authorUserId: author(),
    authorName: text('author_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('case_conference_client_idx').on(t.clientId, t.heldAt)],
);
