// Council analytics (issue #8): monthly snapshots of the dashboard's metrics and the council
// reports. Only aggregates are stored — counts per municipality and region-wide statistics,
// never a client id — exact, and suppressed per viewer when read (decision 013).
import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { AnalyticsSection, Figure, Report } from '../../../shared/contracts/analytics.js';
import { user } from './auth.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const analyticsSnapshot = pgTable('analytics_snapshot', {
  /** 'YYYY-MM': one snapshot per month; taking it again replaces it (idempotent). */
  month: text('month').primaryKey(),
  asOf: text('as_of').notNull(),
  takenAt: ts('taken_at').notNull().defaultNow(),
  rowCount: integer('row_count').notNull(),
});

export const analyticsSnapshotValue = pgTable(
  'analytics_snapshot_value',
  {
    month: text('month')
      .notNull()
      .references(() => analyticsSnapshot.month, { onDelete: 'cascade' }),
    /** 5-digit municipality code (additive metrics) or 'region' (東葛-wide statistics). */
    scope: text('scope').notNull(),
    metric: text('metric').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.scope, t.metric] }), index('analytics_snapshot_value_metric_idx').on(t.metric, t.scope, t.month)],
);

export const analyticsReport = pgTable(
  'analytics_report',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    area: text('area').notNull(),
    asOf: text('as_of').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    sections: text('sections').array().$type<AnalyticsSection[]>().notNull(),
    /** Area info, gaps summary and changes, as returned by the API (already suppressed for the council). */
    summary: jsonb('summary').$type<Pick<Report, 'area' | 'gaps' | 'changes'>>().notNull(),
    /** The figures as printed, suppressed for the council (never the creator's city detail). */
    figures: jsonb('figures').$type<Figure[]>().notNull(),
    /** Additive metric values of the area at report time, for "changes since the previous report". */
    metrics: jsonb('metrics').$type<Record<string, number>>().notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('analytics_report_area_idx').on(t.area, t.createdAt)],
);

/**
 * Directory supply per municipality × service type, maintained by triggers on `service`
 * (migration analytics_aggregates): the national dashboard reads these few thousand rows instead
 * of grouping 200,000 services. Counts every service regardless of created_at; views for a past
 * base date subtract the services created after it (decision 013, docs/analytics.md §Speed).
 */
export const analyticsSupplyTotal = pgTable(
  'analytics_supply_total',
  {
    municipalityCode: text('municipality_code').notNull(),
    serviceType: text('service_type').notNull(),
    services: integer('services').notNull(),
    capacity: bigint('capacity', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.serviceType] })],
);

/** Services able to handle each care item (yes / conditional) per municipality × type; triggers on service and service_care_capability. */
export const analyticsCareTotal = pgTable(
  'analytics_care_total',
  {
    municipalityCode: text('municipality_code').notNull(),
    serviceType: text('service_type').notNull(),
    careItem: text('care_item').notNull(),
    yes: integer('yes').notNull(),
    conditional: integer('conditional').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.serviceType, t.careItem] })],
);
