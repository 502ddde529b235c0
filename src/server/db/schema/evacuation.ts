// Individual evacuation plans (個別避難計画) and the guardian's consents to give them to
// recipients (city, fire department, neighbourhood association, shelter…). Client data:
// row-level security as for the record (migration 0009_evacuation_rls.sql, decision 012) —
// the support team reads within consent; officials of the client's city read and approve
// only when the guardian consented to giving the plan to the city.
//
// The plan row carries the runtime precomputed from its devices and backups
// (shared/domain/power-runtime.ts) plus the few fields the city's lists need, so the outage
// simulation is one indexed query: municipality (or a lat/lon box) + runtime < outage,
// ordered by runtime. The body stays the source of truth; `assumptions_version` says which
// model assumptions produced the stored runtime (recomputed when they change).
import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { EvacuationPlanBody } from '../../../shared/contracts/evacuation.js';
import { user } from './auth.js';
import { client } from './clients.js';
import { municipality } from './region.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** What the city's lists show without opening the body (kept small: read for thousands of rows). */
export interface PlanListSummary {
  firstStop: string[];
  address: string;
  phone: string;
  supporters: { name: string; relation: string; phone: string; role: string }[];
  destination: { kind: string; name: string; transport: string[] };
  hasManualAlternative: boolean;
  peakWatts: number;
}

export const evacuationPlan = pgTable(
  'evacuation_plan',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    /** The client's 支給決定市区町村 when last saved: whose officials approve it. */
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipality.code),
    status: text('status').$type<'draft' | 'approved'>().notNull().default('draft'),
    /** Counter of changes (save and approval); every value has a row in evacuation_plan_version. */
    version: integer('version').notNull(),
    body: jsonb('body').$type<EvacuationPlanBody>().notNull(),
    /** Hours until the first essential device stops; null = no powered essential device. */
    runtimeHours: doublePrecision('runtime_hours'),
    assumptionsVersion: text('assumptions_version').notNull(),
    summary: jsonb('summary').$type<PlanListSummary>().notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    approvedVersion: integer('approved_version'),
    approvedAt: ts('approved_at'),
    approvedByUserId: text('approved_by_user_id').references(() => user.id, { onDelete: 'set null' }),
    approvedByName: text('approved_by_name'),
    /** Approval + 1 year (plans are reviewed at least yearly, DOMAIN.md §5). */
    reviewDueOn: day('review_due_on'),
    /** The review date the team was last reminded of: the reminder job's idempotency key. */
    reviewNotifiedFor: day('review_notified_for'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedByUserId: text('updated_by_user_id').references(() => user.id, { onDelete: 'set null' }),
    updatedByName: text('updated_by_name').notNull(),
  },
  (t) => [
    uniqueIndex('evacuation_plan_client_idx').on(t.clientId),
    // The simulation: by city, runtime below the outage, in the list's order (runtime, reading, id).
    index('evacuation_plan_municipality_runtime_idx').on(t.municipalityCode, t.runtimeHours, t.nameKana, t.clientId),
    // National / circle searches: runtime first, then the box on lat.
    index('evacuation_plan_runtime_idx').on(t.runtimeHours, t.nameKana, t.clientId),
    index('evacuation_plan_lat_lon_idx').on(t.lat, t.lon),
    // Reminder sweep: approved plans by review date.
    index('evacuation_plan_review_idx').on(t.reviewDueOn).where(sql`${t.status} = 'approved'`),
    check('evacuation_plan_status_check', sql`${t.status} in ('draft','approved')`),
  ],
);

/** Every version of every plan, append-only (the app role has no UPDATE/DELETE, migration 0009). */
export const evacuationPlanVersion = pgTable(
  'evacuation_plan_version',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => evacuationPlan.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    event: text('event').$type<'save' | 'approve'>().notNull(),
    status: text('status').$type<'draft' | 'approved'>().notNull(),
    body: jsonb('body').$type<EvacuationPlanBody>().notNull(),
    runtimeHours: doublePrecision('runtime_hours'),
    byUserId: text('by_user_id').references(() => user.id, { onDelete: 'set null' }),
    byName: text('by_name').notNull(),
    at: ts('at').notNull().defaultNow(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('evacuation_plan_version_idx').on(t.planId, t.version), index('evacuation_plan_version_client_idx').on(t.clientId), check('evacuation_plan_version_event_check', sql`${t.event} in ('save','approve')`)],
);

/**
 * The guardian's consent to give the plan to a recipient, with the items it covers. A consent
 * to kind 'city' for the client's municipality is what lets that city's officials see the
 * plan (named) in simulations and registers; without it the client is only counted.
 */
export const evacuationConsent = pgTable(
  'evacuation_consent',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => client.id, { onDelete: 'cascade' }),
    recipientKind: text('recipient_kind').notNull(),
    recipientName: text('recipient_name').notNull(),
    /** For kind 'city': the municipality consented to (the client's, when recorded). */
    recipientMunicipalityCode: text('recipient_municipality_code').references(() => municipality.code),
    items: text('items').array().notNull(),
    purpose: text('purpose').notNull().default(''),
    givenBy: text('given_by').notNull(),
    givenByRelation: text('given_by_relation').notNull(),
    consentedOn: day('consented_on').notNull(),
    method: text('method').notNull(),
    document: text('document').notNull().default(''),
    expiresOn: day('expires_on'),
    recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revokedBy: text('revoked_by').references(() => user.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    index('evacuation_consent_client_idx').on(t.clientId),
    // The city rule: active consents of kind 'city' by municipality.
    index('evacuation_consent_city_idx').on(t.recipientMunicipalityCode, t.clientId).where(sql`${t.recipientKind} = 'city' and ${t.revokedAt} is null`),
    check('evacuation_consent_city_check', sql`${t.recipientKind} <> 'city' or ${t.recipientMunicipalityCode} is not null`),
  ],
);
