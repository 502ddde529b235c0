// Ask a coordinator: threads of questions and answers; resolved general questions form the
// knowledge base. `search_text` is normalizeForSearch(title + body + answers + tags), written in
// JS on every change, and searched with pg_trgm (see features/consultations/search).
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const consultation = pgTable(
  'consultation',
  {
    id: text('id').primaryKey(),
    askerId: text('asker_id')
      .notNull()
      .references(() => user.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /**
     * Seam for the client-record feature: the client (case) the question is about. No foreign
     * key yet because client records do not exist; a case-linked question is visible only to
     * the asker and coordinators until the case-team rule plugs into consultations-access.ts.
     */
    caseRef: text('case_ref'),
    /** Hide the asker's name from everyone but coordinators (the question is still theirs). */
    askerHidden: boolean('asker_hidden').notNull().default(false),
    municipalityCode: text('municipality_code'),
    careItems: text('care_items').array().notNull().default(sql`'{}'::text[]`),
    lifeStages: text('life_stages').array().notNull().default(sql`'{}'::text[]`),
    serviceTypes: text('service_types').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
    resolvedAt: ts('resolved_at'),
    searchText: text('search_text').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('consultation_created_idx').on(t.createdAt, t.id),
    index('consultation_asker_idx').on(t.askerId),
    index('consultation_case_idx').on(t.caseRef),
    index('consultation_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('consultation_status_check', sql`${t.status} in ('open','resolved')`),
  ],
);

export const consultationAnswer = pgTable(
  'consultation_answer',
  {
    id: text('id').primaryKey(),
    consultationId: text('consultation_id')
      .notNull()
      .references(() => consultation.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => user.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    isAccepted: boolean('is_accepted').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('consultation_answer_thread_idx').on(t.consultationId, t.createdAt)],
);
