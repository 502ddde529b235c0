// The directory's backbone: municipalities, organisations (法人) and offices (事業所).
// The directory feature (issue #3, schema/directory.ts) adds services to offices.
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const municipality = pgTable('municipality', {
  /** 5-digit 全国地方公共団体コード without check digit, e.g. 12207 (松戸市). */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameKana: text('name_kana').notNull(),
  prefectureCode: text('prefecture_code').notNull(),
  prefectureName: text('prefecture_name').notNull(),
  /** 障害保健福祉圏域 or another regional grouping used by the council. */
  region: text('region'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const organization = pgTable(
  'organization',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull(),
    /** 法人番号 (13 digits) when known. */
    corporateNumber: text('corporate_number'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('organization_name_kana_idx').on(t.nameKana), uniqueIndex('organization_corporate_number_uq').on(t.corporateNumber)],
);

export const office = pgTable(
  'office',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').references(() => organization.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull(),
    sector: text('sector').$type<'medical' | 'welfare' | 'administration' | 'education'>().notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipality.code),
    /** Street address after the municipality (WAM 事業所住所（番地以降）). */
    address: text('address'),
    postalCode: text('postal_code'),
    /** WGS84; from WAM 事業所緯度/経度 or entered by hand. Null = not on the map. */
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    phone: text('phone'),
    fax: text('fax'),
    url: text('url'),
    email: text('email'),
    /** WAM NET 事業所番号 (10 digits). One office, several services: the import keys on (this, type). */
    wamOfficeNumber: text('wam_office_number'),
    description: text('description'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('office_municipality_idx').on(t.municipalityCode),
    index('office_name_kana_idx').on(t.nameKana),
    index('office_organization_idx').on(t.organizationId),
    uniqueIndex('office_wam_number_uq').on(t.wamOfficeNumber),
    check('office_sector_check', sql`${t.sector} in ('medical','welfare','administration','education')`),
  ],
);

export const officeMembership = pgTable(
  'office_membership',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    officeId: text('office_id')
      .notNull()
      .references(() => office.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.officeId] }), index('office_membership_office_idx').on(t.officeId)],
);
