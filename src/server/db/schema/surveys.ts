// Surveys (アンケート): a builder of ordered questions, invitations (one response per token),
// responses and answers, and the region's tracked indicators.
//
// Anonymity model (decision 007): for an anonymous survey the response row carries no user,
// no name and no invitation id, and both the response's and the invitation's times are kept
// to the day only, so the two cannot be joined back by time. City and role stay on the response
// (the indicator filter needs them); small groups are suppressed when results are filtered.
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { event, eventRegistration } from './events.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A measure followed across events, e.g. satisfaction or "would you accept a medical-care case?". */
export const indicator = pgTable('indicator', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Canonical options, best first; each tracked question maps its own options onto these. */
  options: jsonb('options').$type<string[]>().notNull(),
  /** Indexes of `options` counted as the positive share (e.g. "accept" and "accept with support"). */
  positiveOptions: jsonb('positive_options').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const survey = pgTable(
  'survey',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    eventId: text('event_id').references(() => event.id, { onDelete: 'set null' }),
    isAnonymous: boolean('is_anonymous').notNull().default(true),
    status: text('status').$type<'draft' | 'open' | 'closed'>().notNull().default('draft'),
    closesAt: ts('closes_at'),
    /** Sent automatically to the event's attendees once it has ended (event surveys only). */
    autoDistribute: boolean('auto_distribute').notNull().default(false),
    /** When the scheduler sent it (set once: the automatic distribution never repeats). */
    autoDistributedAt: ts('auto_distributed_at'),
    copiedFromId: text('copied_from_id'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('survey_event_idx').on(t.eventId),
    index('survey_created_idx').on(t.createdAt, t.id),
    check('survey_status_check', sql`${t.status} in ('draft','open','closed')`),
  ],
);

export const surveyQuestion = pgTable(
  'survey_question',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    type: text('type').$type<'single' | 'multiple' | 'likert' | 'number' | 'text'>().notNull(),
    text: text('text').notNull(),
    required: boolean('required').notNull().default(false),
    /** Choices (single/multiple) or scale labels, best/highest first (likert). */
    options: jsonb('options').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    minValue: doublePrecision('min_value'),
    maxValue: doublePrecision('max_value'),
    indicatorId: text('indicator_id').references(() => indicator.id, { onDelete: 'set null' }),
    /** For each option of this question, the index of the indicator's option (or null = not counted). */
    indicatorOptionMap: jsonb('indicator_option_map').$type<(number | null)[]>(),
  },
  (t) => [
    uniqueIndex('survey_question_position_uq').on(t.surveyId, t.position),
    index('survey_question_indicator_idx').on(t.indicatorId),
    check('survey_question_type_check', sql`${t.type} in ('single','multiple','likert','number','text')`),
  ],
);

/**
 * One per person asked. The token (hashed) is the public link; `used_at` makes it single-use.
 * Members answering in the app get one lazily, which also stops a second answer from them.
 */
export const surveyInvitation = pgTable(
  'survey_invitation',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    registrationId: text('registration_id').references(() => eventRegistration.id, { onDelete: 'set null' }),
    email: text('email'),
    expiresAt: ts('expires_at').notNull(),
    /** Day precision for anonymous surveys (see the anonymity model above). */
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('survey_invitation_survey_idx').on(t.surveyId),
    uniqueIndex('survey_invitation_user_uq').on(t.surveyId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('survey_invitation_registration_uq').on(t.surveyId, t.registrationId).where(sql`${t.registrationId} is not null`),
  ],
);

export const surveyResponse = pgTable(
  'survey_response',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    /** Named surveys only. */
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    respondentName: text('respondent_name'),
    respondentEmail: text('respondent_email'),
    municipalityName: text('municipality_name'),
    respondentRole: text('respondent_role'),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    /** Named surveys only (anonymous ones keep the day). */
    submittedAt: ts('submitted_at'),
  },
  (t) => [index('survey_response_survey_idx').on(t.surveyId)],
);

export const surveyAnswer = pgTable(
  'survey_answer',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => surveyResponse.id, { onDelete: 'cascade' }),
    questionId: text('question_id')
      .notNull()
      .references(() => surveyQuestion.id, { onDelete: 'cascade' }),
    /** Option indexes (single/likert: one; multiple: any). */
    choices: jsonb('choices').$type<number[]>(),
    numberValue: doublePrecision('number_value'),
    /** Stored verbatim, returned as JSON text; never rendered as HTML by the server. */
    textValue: text('text_value'),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('survey_answer_question_idx').on(t.questionId)],
);
