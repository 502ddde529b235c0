import { asc, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateOrganizationSchema, UpdateOrganizationSchema } from '../../../shared/contracts/region.js';
import type { Db } from '../../db/client.js';
import { office, organization } from '../../db/schema/index.js';
import { refreshListingSearch } from '../directory/listing-search.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { ReadingCursorSchema, decodeCursor, pageOf } from '../../lib/pagination.js';
import { containsFilter } from './search.js';

export async function listOrganizations(opts: { db: Db; q?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(opts.cursor, ReadingCursorSchema);
  const where = sql`${containsFilter([organization.name, organization.nameKana], opts.q)}`;
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(organization).where(where);
  const rows = await opts.db
    .select({
      id: organization.id,
      name: organization.name,
      nameKana: organization.nameKana,
      corporateNumber: organization.corporateNumber,
      officeCount: sql<number>`(select count(*)::int from ${office} where ${office.organizationId} = ${organization.id})`,
    })
    .from(organization)
    .where(after ? sql`${where} and (${organization.nameKana}, ${organization.id}) > (${after[0]}, ${after[1]})` : where)
    .orderBy(asc(organization.nameKana), asc(organization.id))
    .limit(opts.limit + 1);
  return { ...pageOf(rows, opts.limit, (r) => [r.nameKana, r.id]), total };
}

export async function createOrganization(opts: { db: Db; audit: AuditContext; input: z.infer<typeof CreateOrganizationSchema> }) {
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organization)
      .values({ id: newId(), name: opts.input.name, nameKana: opts.input.nameKana, corporateNumber: opts.input.corporateNumber ?? null })
      .returning();
    await writeAudit(tx, opts.audit, { action: 'organization.create', entityType: 'organization', entityId: row!.id, details: { name: row!.name } });
    return { ...row!, officeCount: 0 };
  });
}

export async function updateOrganization(opts: { db: Db; audit: AuditContext; id: string; input: z.infer<typeof UpdateOrganizationSchema> }) {
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .update(organization)
      .set({ ...opts.input, updatedAt: new Date() })
      .where(eq(organization.id, opts.id))
      .returning();
    if (!row) throw notFound('法人');
    await writeAudit(tx, opts.audit, { action: 'organization.update', entityType: 'organization', entityId: row.id, details: { fields: Object.keys(opts.input) } });
    // The directory searches organisation names too: refresh its search columns.
    const officeIds = (await tx.select({ id: office.id }).from(office).where(eq(office.organizationId, row.id))).map((o) => o.id);
    for (let i = 0; i < officeIds.length; i += 500) await refreshListingSearch(tx, officeIds.slice(i, i + 500));
    const n = officeIds.length;
    return { ...row, officeCount: n };
  });
}

export async function deleteOrganization(opts: { db: Db; audit: AuditContext; id: string }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.delete(organization).where(eq(organization.id, opts.id)).returning();
    if (!row) throw notFound('法人');
    await writeAudit(tx, opts.audit, { action: 'organization.delete', entityType: 'organization', entityId: row.id, details: { name: row.name } });
  });
}
