import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateOfficeSchema, UpdateOfficeSchema } from '../../../shared/contracts/region.js';
type Sector = z.infer<typeof CreateOfficeSchema>['sector'];
import type { Db } from '../../db/client.js';
import { municipality, office, officeMembership, organization } from '../../db/schema/index.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { ReadingCursorSchema, decodeCursor, pageOf } from '../../lib/pagination.js';
import { containsFilter } from './search.js';
import { refreshListingSearch } from '../directory/listing-search.js';

const officeColumns = {
  id: office.id,
  name: office.name,
  nameKana: office.nameKana,
  sector: office.sector,
  municipalityCode: office.municipalityCode,
  municipalityName: municipality.name,
  organizationId: office.organizationId,
  organizationName: organization.name,
  memberCount: sql<number>`(select count(*)::int from ${officeMembership} where ${officeMembership.officeId} = ${office.id})`,
  updatedAt: office.updatedAt,
};

const serialize = <T extends { updatedAt: Date }>(r: T) => ({ ...r, updatedAt: r.updatedAt.toISOString() });

/** What network members see of an office in pickers (GET /api/region/offices): no admin fields. */
const optionColumns = {
  id: office.id,
  name: office.name,
  nameKana: office.nameKana,
  sector: office.sector,
  municipalityCode: office.municipalityCode,
  municipalityName: municipality.name,
  organizationName: organization.name,
};

type OfficeQuery = { db: Db; q?: string; municipality?: string; sector?: Sector; limit: number; cursor?: string };

/** The admin list (member counts, organisation ids, last change). */
export async function listOffices(opts: OfficeQuery) {
  const { after, total } = await officeFilter(opts);
  const rows = await opts.db
    .select(officeColumns)
    .from(office)
    .innerJoin(municipality, eq(municipality.code, office.municipalityCode))
    .leftJoin(organization, eq(organization.id, office.organizationId))
    .where(after)
    .orderBy(asc(office.nameKana), asc(office.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.nameKana, r.id]);
  return { items: page.items.map(serialize), nextCursor: page.nextCursor, total };
}

/** Offices by name for pickers, readable by every network member. */
export async function listOfficeOptions(opts: OfficeQuery) {
  const { after, total } = await officeFilter(opts);
  const rows = await opts.db
    .select(optionColumns)
    .from(office)
    .innerJoin(municipality, eq(municipality.code, office.municipalityCode))
    .leftJoin(organization, eq(organization.id, office.organizationId))
    .where(after)
    .orderBy(asc(office.nameKana), asc(office.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.nameKana, r.id]);
  return { items: page.items, nextCursor: page.nextCursor, total };
}

/** The search's condition, its total, and the condition for the page after the cursor (50音順). */
async function officeFilter(opts: OfficeQuery) {
  const cursor = decodeCursor(opts.cursor, ReadingCursorSchema);
  const where = and(
    containsFilter([office.name, office.nameKana], opts.q),
    opts.municipality ? eq(office.municipalityCode, opts.municipality) : undefined,
    opts.sector ? eq(office.sector, opts.sector) : undefined,
  );
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(office).where(where);
  return { where, total, after: cursor ? and(where, sql`(${office.nameKana}, ${office.id}) > (${cursor[0]}, ${cursor[1]})`) : where };
}

export async function getOffice(opts: { db: Db; id: string }) {
  const [row] = await opts.db
    .select(officeColumns)
    .from(office)
    .innerJoin(municipality, eq(municipality.code, office.municipalityCode))
    .leftJoin(organization, eq(organization.id, office.organizationId))
    .where(eq(office.id, opts.id));
  if (!row) throw notFound('事業所');
  return serialize(row);
}

async function assertReferences(db: Pick<Db, 'select'>, input: { municipalityCode?: string; organizationId?: string | null }) {
  if (input.municipalityCode) {
    const [m] = await db.select({ code: municipality.code }).from(municipality).where(eq(municipality.code, input.municipalityCode));
    if (!m)
      throw new AppError('VALIDATION_FAILED', '登録されていない市区町村です。', {
        fields: [{ field: 'municipalityCode', label: '市区町村コード', message: '市区町村コード: 登録されていない市区町村です' }],
      });
  }
  if (input.organizationId) {
    const [o] = await db.select({ id: organization.id }).from(organization).where(eq(organization.id, input.organizationId));
    if (!o)
      throw new AppError('VALIDATION_FAILED', '法人が見つかりません。', {
        fields: [{ field: 'organizationId', label: '法人', message: '法人: 見つかりません' }],
      });
  }
}

export async function createOffice(opts: { db: Db; audit: AuditContext; input: z.infer<typeof CreateOfficeSchema> }) {
  const id = await opts.db.transaction(async (tx) => {
    await assertReferences(tx, opts.input);
    const id = newId();
    await tx.insert(office).values({ id, ...opts.input, organizationId: opts.input.organizationId ?? null });
    await writeAudit(tx, opts.audit, { action: 'office.create', entityType: 'office', entityId: id, details: { name: opts.input.name } });
    return id;
  });
  return getOffice({ db: opts.db, id });
}

export async function updateOffice(opts: { db: Db; audit: AuditContext; id: string; input: z.infer<typeof UpdateOfficeSchema> }) {
  await opts.db.transaction(async (tx) => {
    await assertReferences(tx, opts.input);
    const [row] = await tx
      .update(office)
      .set({ ...opts.input, updatedAt: new Date() })
      .where(eq(office.id, opts.id))
      .returning({ id: office.id });
    if (!row) throw notFound('事業所');
    // Name, reading, municipality, sector and organisation feed the directory's search columns.
    await refreshListingSearch(tx, [opts.id]);
    await writeAudit(tx, opts.audit, { action: 'office.update', entityType: 'office', entityId: opts.id, details: { fields: Object.keys(opts.input) } });
  });
  return getOffice({ db: opts.db, id: opts.id });
}

export async function deleteOffice(opts: { db: Db; audit: AuditContext; id: string }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.delete(office).where(eq(office.id, opts.id)).returning();
    if (!row) throw notFound('事業所');
    await writeAudit(tx, opts.audit, { action: 'office.delete', entityType: 'office', entityId: row.id, details: { name: row.name } });
  });
}
