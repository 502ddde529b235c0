// 医ケア「基本のキ」: plain-language explanations for consultants without medical training.
// Every edit keeps the previous version in glossary_term_revision.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const glossaryTerm = pgTable(
  'glossary_term',
  {
    id: text('id').primaryKey(),
    term: text('term').notNull().unique(),
    /** Hiragana reading, for 50音 order and search. */
    reading: text('reading').notNull(),
    /** Other surface forms found in text (小児慢性特定疾病 for 小慢, PEG for 胃瘻…). */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    category: text('category').notNull(),
    explanation: text('explanation').notNull(),
    relatedTerms: text('related_terms').array().notNull().default(sql`'{}'::text[]`),
    relatedServiceTypes: text('related_service_types').array().notNull().default(sql`'{}'::text[]`),
    relatedCareItems: text('related_care_items').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('glossary_term_reading_idx').on(t.reading), index('glossary_term_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`)],
);

export const glossaryTermRevision = pgTable(
  'glossary_term_revision',
  {
    id: text('id').primaryKey(),
    termId: text('term_id')
      .notNull()
      .references(() => glossaryTerm.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The term as it was after this version was saved. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    note: text('note').notNull().default(''),
    editedBy: text('edited_by').references(() => user.id, { onDelete: 'set null' }),
    editedAt: ts('edited_at').notNull().defaultNow(),
  },
  (t) => [index('glossary_term_revision_term_idx').on(t.termId, t.version)],
);
