// The regional resource directory (issue #3): what each office runs (service = office × type),
// with capacity, vacancy and the medical care it can handle, plus the history of listing
// changes and the reports of WAM NET imports. Decision 006 explains the search columns.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { office } from './region.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const CAPABILITY_LEVELS = ['yes', 'conditional', 'no', 'unknown'] as const;
export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number];

/** Opening hours as published (WAM 利用可能な時間帯), free text such as "9:00～18:00". */
export interface ServiceHours {
  weekday: string | null;
  saturday: string | null;
  sunday: string | null;
  holiday: string | null;
}

export const service = pgTable(
  'service',
  {
    id: text('id').primaryKey(),
    officeId: text('office_id')
      .notNull()
      .references(() => office.id, { onDelete: 'cascade' }),
    /** Code from shared/domain/service-types.ts (WAM NN or a snake_case code). */
    serviceType: text('service_type').notNull(),
    /** Name under which this service is published, when it differs from the office's. */
    name: text('name'),
    capacity: integer('capacity'),
    vacancyCount: integer('vacancy_count'),
    vacancyConfirmedAt: ts('vacancy_confirmed_at'),
    vacancyConfirmedBy: text('vacancy_confirmed_by').references(() => user.id, { onDelete: 'set null' }),
    vacancyConfirmedByName: text('vacancy_confirmed_by_name'),
    vacancyNote: text('vacancy_note'),
    /** Ages served in years, inclusive; null = no bound. */
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    hours: jsonb('hours').$type<ServiceHours>().notNull().default({ weekday: null, saturday: null, sunday: null, holiday: null }),
    openSaturday: boolean('open_saturday').notNull().default(false),
    openSunday: boolean('open_sunday').notNull().default(false),
    openHoliday: boolean('open_holiday').notNull().default(false),
    closedDays: text('closed_days'),
    availabilityNote: text('availability_note'),
    /** Municipality codes the service reaches (訪問系: where staff travel). */
    areasServed: text('areas_served').array().notNull().default(sql`'{}'::text[]`),
    contactPhone: text('contact_phone'),
    note: text('note'),
    /** 'wam' when created by the WAM NET import, 'manual' otherwise. */
    source: text('source').$type<'wam' | 'manual'>().notNull().default('manual'),
    wamSyncedAt: ts('wam_synced_at'),
    /** Last time someone of the network changed or confirmed this listing (30 days → stale). */
    listingConfirmedAt: ts('listing_confirmed_at').notNull().defaultNow(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),

    // ── Search columns, maintained by features/directory/listing-search.ts ───────────────
    // Copied from the office so that every filter of GET /api/offices is answered from this
    // one table and its indexes (no join before filtering; decision 006).
    municipalityCode: text('municipality_code').notNull(),
    sector: text('sector').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /** Office kana reading, for the 50音 tie-break. */
    sortKana: text('sort_kana').notNull().default(''),
    /**
     * One GIN-indexed array of filter tags, so any combination of equality filters is one
     * index lookup: m:<municipality> s:<sector> t:<type> c:<care item handled> o:sat|sun|holiday
     * a:<age band> area:<municipality served>.
     */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Bit i set = CARE_ITEM_CODES[i] is yes or conditional (facet counts without unnest). */
    careMask: integer('care_mask').notNull().default(0),
    /** Normalised office name + kana + service name: relevance (name matches rank first). */
    searchName: text('search_name').notNull().default(''),
    /**
     * Normalised name, kana, address, type labels, organisation — newline-separated. Indexed
     * twice: trigrams (terms ≥3 characters) and jp_bigrams(search_text) (1–2 characters; an
     * expression index, so the large tsvector is not stored in the row).
     */
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    uniqueIndex('service_office_type_uq').on(t.officeId, t.serviceType),
    // fastupdate off: PGlite has no autovacuum to flush GIN pending lists, and a long pending
    // list turns every lookup into a linear scan of it.
    index('service_tags_gin').using('gin', t.tags).with({ fastupdate: 'off' }),
    index('service_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')).with({ fastupdate: 'off' }),
    index('service_search_bigrams').using('gin', sql`jp_bigrams(${t.searchText})`).with({ fastupdate: 'off' }),
    // Core GiST on a point expression: bounding-box search without cube/earthdistance.
    index('service_geo_gist').using('gist', sql`point(${t.lon}, ${t.lat})`),
    // Vacancy filter: only rows with a vacancy are indexed, ordered by confirmation time. The
    // open days are keys too: 「空きあり・土曜」 is then one index condition (checked in the index,
    // not on the heap row — half the rows a text + vacancy + open-day search reads; decision 006).
    index('service_vacancy_idx').on(t.vacancyConfirmedAt, t.openSaturday, t.openSunday, t.openHoliday).where(sql`${t.vacancyCount} > 0`),
    // Covering index for counting the unfiltered directory by index-only scan (browse all).
    index('service_facet_idx').on(t.municipalityCode, t.serviceType, t.careMask),
    // The directory's standing sample (1 service in 64, chosen by a hash of its id) with every
    // column a filter-only search tests or counts: a broad search is sized and its facets
    // counted from it by an index-only scan (search-directory.ts, SAMPLE_SHARE; decision 006).
    index('service_sample_idx')
      .on(t.id, t.municipalityCode, t.sector, t.serviceType, t.careMask, t.openSaturday, t.openSunday, t.openHoliday, t.ageMin, t.ageMax, t.vacancyCount, t.vacancyConfirmedAt)
      .where(sql`(hashtext(${t.id}) & 63) = 0`),
    index('service_updated_idx').on(t.updatedAt, t.id),
    index('service_kana_idx').on(t.sortKana, t.id),
    index('service_listing_confirmed_idx').on(t.listingConfirmedAt),
    // Analytics for a past base date: the services created after it (subtracted from the totals).
    index('service_created_idx').on(t.createdAt),
    check('service_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check('service_vacancy_check', sql`${t.vacancyCount} is null or ${t.vacancyCount} >= 0`),
    check('service_age_check', sql`${t.ageMin} is null or ${t.ageMax} is null or ${t.ageMin} <= ${t.ageMax}`),
  ],
);

/** Per care item: can this service handle it? Missing row = unknown. */
export const serviceCareCapability = pgTable(
  'service_care_capability',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    careItem: text('care_item').notNull(),
    level: text('level').$type<CapabilityLevel>().notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.careItem] }),
    check('service_care_capability_level_check', sql`${t.level} in ('yes','conditional','no','unknown')`),
  ],
);

/** Visible history of listing changes (who, when, what changed: field → [before, after]). */
export const listingChange = pgTable(
  'listing_change',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeId: text('office_id')
      .notNull()
      .references(() => office.id, { onDelete: 'cascade' }),
    serviceId: text('service_id'),
    at: ts('at').notNull().defaultNow(),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name'),
    /** service.create | service.update | service.delete | vacancy.confirm | wam.import */
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
  },
  (t) => [index('listing_change_office_idx').on(t.officeId, t.at), index('listing_change_service_idx').on(t.serviceId, t.at)],
);

/** One row per WAM NET import: the report shown to the admin and kept for later. */
export const wamImportRun = pgTable('wam_import_run', {
  id: text('id').primaryKey(),
  startedAt: ts('started_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
  actorLabel: text('actor_label'),
  files: jsonb('files').$type<string[]>().notNull().default([]),
  status: text('status').$type<'succeeded' | 'failed'>().notNull(),
  /** inserted / updated / unchanged / rejected / skipped counts, and the rejections. */
  report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
});
