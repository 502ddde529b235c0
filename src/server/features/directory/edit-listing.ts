// Offices keep their own listing current (issue #3 §4). Every change is authorised per office
// (directory-access.ts), recorded in listing_change (the visible history) and in the access
// log, in the same transaction, and marks the listing as confirmed now (resets "stale").
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateServiceSchema,
  SetVacancySchema,
  UpdateOfficeProfileSchema,
  UpdateServiceSchema,
} from '../../../shared/contracts/directory.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import type { Db, Tx } from '../../db/client.js';
import { listingChange, municipality, office, organization, service, serviceCareCapability } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';
import { canEditListing, requireListingEditor } from './directory-access.js';
import { refreshListingSearch } from './listing-search.js';
import { capabilitiesOf, servicesOfOffice, toServiceView, type DirectorySettings } from './listing-view.js';

type Changes = Record<string, { from: unknown; to: unknown }>;
type EditActor = Pick<Actor, 'userId' | 'name' | 'roles' | 'officeIds' | 'audit'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function diff<T extends Record<string, unknown>>(before: T, input: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (!same(before[k], v)) changes[k] = { from: before[k] ?? null, to: v };
  }
  return changes;
}

async function recordChange(tx: Tx, actor: EditActor, e: { officeId: string; serviceId?: string | null; action: string; changes: Changes }) {
  await tx.insert(listingChange).values({
    officeId: e.officeId,
    serviceId: e.serviceId ?? null,
    actorUserId: actor.userId,
    actorName: actor.name,
    action: e.action,
    changes: e.changes,
  });
  await writeAudit(tx, actor.audit, {
    action: `directory.${e.action}`,
    entityType: e.serviceId ? 'service' : 'office',
    entityId: e.serviceId ?? e.officeId,
    details: { officeId: e.officeId, fields: Object.keys(e.changes) },
  });
}

export async function getOfficeListing(opts: { db: Db; id: string; actor: Pick<Actor, 'roles' | 'officeIds'>; settings: DirectorySettings }) {
  const [o] = await opts.db
    .select({
      o: office,
      municipalityName: municipality.name,
      prefectureName: municipality.prefectureName,
      organizationName: organization.name,
    })
    .from(office)
    .innerJoin(municipality, eq(municipality.code, office.municipalityCode))
    .leftJoin(organization, eq(organization.id, office.organizationId))
    .where(eq(office.id, opts.id));
  if (!o) throw notFound('事業所');
  const rows = await servicesOfOffice(opts.db, opts.id);
  const caps = await capabilitiesOf(opts.db, rows.map((s) => s.id));
  const now = Date.now();
  const services = rows.map((s) => toServiceView(s, caps.get(s.id) ?? [], opts.settings, now));
  return {
    id: o.o.id,
    name: o.o.name,
    nameKana: o.o.nameKana,
    sector: o.o.sector,
    municipalityCode: o.o.municipalityCode,
    municipalityName: o.municipalityName,
    prefectureName: o.prefectureName,
    address: o.o.address,
    postalCode: o.o.postalCode,
    lat: o.o.lat,
    lon: o.o.lon,
    phone: o.o.phone,
    fax: o.o.fax,
    url: o.o.url,
    email: o.o.email,
    description: o.o.description,
    wamOfficeNumber: o.o.wamOfficeNumber,
    organizationId: o.o.organizationId,
    organizationName: o.organizationName,
    services,
    staleServiceCount: services.filter((s) => s.stale).length,
    staleDays: opts.settings.staleDays,
    canEdit: canEditListing(opts.actor, o.o.id),
    updatedAt: o.o.updatedAt.toISOString(),
  };
}

export async function updateOfficeProfile(opts: { db: Db; actor: EditActor; officeId: string; input: z.infer<typeof UpdateOfficeProfileSchema>; settings: DirectorySettings }) {
  requireListingEditor(opts.actor, opts.officeId);
  await opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(office).where(eq(office.id, opts.officeId)).for('update');
    if (!before) throw notFound('事業所');
    const changes = diff(before as unknown as Record<string, unknown>, opts.input as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return;
    await tx.update(office).set({ ...opts.input, updatedAt: new Date() }).where(eq(office.id, opts.officeId));
    await tx.update(service).set({ listingConfirmedAt: new Date() }).where(eq(service.officeId, opts.officeId));
    await refreshListingSearch(tx, [opts.officeId]);
    await recordChange(tx, opts.actor, { officeId: opts.officeId, action: 'office.update', changes });
  });
  return getOfficeListing({ db: opts.db, id: opts.officeId, actor: opts.actor, settings: opts.settings });
}

type ServiceInput = z.infer<typeof UpdateServiceSchema>;

/** Columns of service set directly from the input (capabilities and vacancy handled apart). */
function serviceColumns(input: ServiceInput, before?: typeof service.$inferSelect) {
  const { capabilities: _c, vacancyCount: _v, vacancyNote: _n, hours, ...rest } = input;
  const cols: Partial<typeof service.$inferInsert> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (cols as Record<string, unknown>)[k] = v;
  if (hours) cols.hours = { weekday: null, saturday: null, sunday: null, holiday: null, ...before?.hours, ...hours };
  return cols;
}

function checkAges(ageMin: number | null | undefined, ageMax: number | null | undefined) {
  if (ageMin != null && ageMax != null && ageMin > ageMax)
    throw new AppError('VALIDATION_FAILED', '対象年齢の下限が上限を超えています。', {
      fields: [{ field: 'ageMin', label: '対象年齢（下限）', message: '対象年齢（下限）: 上限以下にしてください' }],
    });
}

async function applyCapabilities(tx: Tx, serviceId: string, input: ServiceInput['capabilities'], changes: Changes) {
  if (!input?.length) return;
  const existing = await tx.select().from(serviceCareCapability).where(eq(serviceCareCapability.serviceId, serviceId));
  const before = new Map(existing.map((c) => [c.careItem, c]));
  for (const c of input) {
    const prev = before.get(c.careItem);
    const prevVal = prev ? { level: prev.level, note: prev.note } : { level: 'unknown', note: null };
    const nextVal = { level: c.level, note: c.note ?? null };
    if (same(prevVal, nextVal)) continue;
    changes[`care.${c.careItem}`] = { from: prevVal, to: nextVal };
    if (c.level === 'unknown' && !c.note) {
      await tx.delete(serviceCareCapability).where(and(eq(serviceCareCapability.serviceId, serviceId), eq(serviceCareCapability.careItem, c.careItem)));
    } else {
      await tx
        .insert(serviceCareCapability)
        .values({ serviceId, careItem: c.careItem, level: c.level, note: c.note ?? null })
        .onConflictDoUpdate({ target: [serviceCareCapability.serviceId, serviceCareCapability.careItem], set: { level: c.level, note: c.note ?? null } });
    }
  }
}

function vacancyColumns(actor: EditActor, count: number | null, note: string | null | undefined) {
  return {
    vacancyCount: count,
    vacancyConfirmedAt: new Date(),
    vacancyConfirmedBy: actor.userId,
    vacancyConfirmedByName: actor.name,
    ...(note !== undefined ? { vacancyNote: note } : {}),
  };
}

async function lockService(tx: Tx, serviceId: string) {
  const [row] = await tx.select().from(service).where(eq(service.id, serviceId)).for('update');
  if (!row) throw notFound('サービス');
  return row;
}

/** The office a service belongs to, for the permission check before any write. */
export async function officeOfService(db: Db, serviceId: string): Promise<string> {
  const [row] = await db.select({ officeId: service.officeId }).from(service).where(eq(service.id, serviceId));
  if (!row) throw notFound('サービス');
  return row.officeId;
}

export async function createService(opts: { db: Db; actor: EditActor; officeId: string; input: z.infer<typeof CreateServiceSchema>; settings: DirectorySettings }) {
  requireListingEditor(opts.actor, opts.officeId);
  checkAges(opts.input.ageMin, opts.input.ageMax);
  const id = await opts.db.transaction(async (tx) => {
    const [o] = await tx.select({ id: office.id, municipalityCode: office.municipalityCode, sector: office.sector }).from(office).where(eq(office.id, opts.officeId));
    if (!o) throw notFound('事業所');
    const [dup] = await tx.select({ id: service.id }).from(service).where(and(eq(service.officeId, opts.officeId), eq(service.serviceType, opts.input.serviceType)));
    if (dup) throw new AppError('CONFLICT', `この事業所には「${findServiceType(opts.input.serviceType)?.label}」がすでに登録されています。`);
    const id = newId();
    const { serviceType, vacancyCount, vacancyNote } = opts.input;
    await tx.insert(service).values({
      id,
      officeId: opts.officeId,
      serviceType,
      ...serviceColumns(opts.input),
      ...(vacancyCount !== undefined ? vacancyColumns(opts.actor, vacancyCount, vacancyNote) : {}),
      municipalityCode: o.municipalityCode,
      sector: o.sector,
      source: 'manual',
    });
    const changes: Changes = { serviceType: { from: null, to: serviceType } };
    await applyCapabilities(tx, id, opts.input.capabilities, changes);
    await refreshListingSearch(tx, [opts.officeId]);
    await recordChange(tx, opts.actor, { officeId: opts.officeId, serviceId: id, action: 'service.create', changes });
    return id;
  });
  return getServiceView(opts.db, id, opts.settings);
}

export async function updateService(opts: { db: Db; actor: EditActor; serviceId: string; input: ServiceInput; settings: DirectorySettings }) {
  const officeId = await officeOfService(opts.db, opts.serviceId);
  requireListingEditor(opts.actor, officeId);
  await opts.db.transaction(async (tx) => {
    const before = await lockService(tx, opts.serviceId);
    const cols = serviceColumns(opts.input, before);
    checkAges(cols.ageMin !== undefined ? cols.ageMin : before.ageMin, cols.ageMax !== undefined ? cols.ageMax : before.ageMax);
    const changes = diff(before as unknown as Record<string, unknown>, cols as Record<string, unknown>);
    const { vacancyCount, vacancyNote } = opts.input;
    const vac = vacancyCount !== undefined ? vacancyColumns(opts.actor, vacancyCount, vacancyNote) : {};
    if (vacancyCount !== undefined) Object.assign(changes, diff({ vacancyCount: before.vacancyCount }, { vacancyCount }));
    if (vacancyNote !== undefined && !same(before.vacancyNote, vacancyNote)) changes.vacancyNote = { from: before.vacancyNote, to: vacancyNote };
    await applyCapabilities(tx, opts.serviceId, opts.input.capabilities, changes);
    const now = new Date();
    await tx
      .update(service)
      .set({ ...cols, ...vac, listingConfirmedAt: now, ...(Object.keys(changes).length ? { updatedAt: now } : {}) })
      .where(eq(service.id, opts.serviceId));
    await refreshListingSearch(tx, [officeId]);
    await recordChange(tx, opts.actor, { officeId, serviceId: opts.serviceId, action: Object.keys(changes).length ? 'service.update' : 'listing.confirm', changes });
  });
  return getServiceView(opts.db, opts.serviceId, opts.settings);
}

export async function deleteService(opts: { db: Db; actor: EditActor; serviceId: string }) {
  const officeId = await officeOfService(opts.db, opts.serviceId);
  requireListingEditor(opts.actor, officeId);
  await opts.db.transaction(async (tx) => {
    const before = await lockService(tx, opts.serviceId);
    await tx.delete(service).where(eq(service.id, opts.serviceId));
    await recordChange(tx, opts.actor, { officeId, serviceId: opts.serviceId, action: 'service.delete', changes: { serviceType: { from: before.serviceType, to: null } } });
  });
}

/** Sets the vacancy count; confirms it (and the listing) as of now, by the actor. */
export async function setVacancy(opts: { db: Db; actor: EditActor; serviceId: string; input: z.infer<typeof SetVacancySchema>; settings: DirectorySettings }) {
  const officeId = await officeOfService(opts.db, opts.serviceId);
  requireListingEditor(opts.actor, officeId);
  await opts.db.transaction(async (tx) => {
    const before = await lockService(tx, opts.serviceId);
    const now = new Date();
    const changes = diff({ vacancyCount: before.vacancyCount, vacancyNote: before.vacancyNote }, { vacancyCount: opts.input.count, vacancyNote: opts.input.note });
    await tx
      .update(service)
      .set({ ...vacancyColumns(opts.actor, opts.input.count, opts.input.note), listingConfirmedAt: now, ...(Object.keys(changes).length ? { updatedAt: now } : {}) })
      .where(eq(service.id, opts.serviceId));
    await recordChange(tx, opts.actor, { officeId, serviceId: opts.serviceId, action: Object.keys(changes).length ? 'vacancy.update' : 'vacancy.confirm', changes });
  });
  return getServiceView(opts.db, opts.serviceId, opts.settings);
}

/** One click: "vacancy unchanged" — re-confirms the current count and the listing as of now. */
export async function confirmListing(opts: { db: Db; actor: EditActor; serviceId: string; settings: DirectorySettings }) {
  const officeId = await officeOfService(opts.db, opts.serviceId);
  requireListingEditor(opts.actor, officeId);
  await opts.db.transaction(async (tx) => {
    const before = await lockService(tx, opts.serviceId);
    const now = new Date();
    await tx
      .update(service)
      .set({
        listingConfirmedAt: now,
        ...(before.vacancyCount !== null ? { vacancyConfirmedAt: now, vacancyConfirmedBy: opts.actor.userId, vacancyConfirmedByName: opts.actor.name } : {}),
      })
      .where(eq(service.id, opts.serviceId));
    await recordChange(tx, opts.actor, { officeId, serviceId: opts.serviceId, action: 'vacancy.confirm', changes: {} });
  });
  return getServiceView(opts.db, opts.serviceId, opts.settings);
}

export async function getServiceView(db: Db, serviceId: string, settings: DirectorySettings) {
  const [row] = await db.select().from(service).where(eq(service.id, serviceId));
  if (!row) throw notFound('サービス');
  const caps = await capabilitiesOf(db, [serviceId]);
  return toServiceView(row, caps.get(serviceId) ?? [], settings);
}

export async function listListingChanges(opts: { db: Db; officeId: string; limit: number; cursor?: string }) {
  const [o] = await opts.db.select({ id: office.id }).from(office).where(eq(office.id, opts.officeId));
  if (!o) throw notFound('事業所');
  const after = decodeCursor(opts.cursor) as [number] | undefined;
  if (after && typeof after[0] !== 'number') throw new AppError('VALIDATION_FAILED', 'カーソルが正しくありません。');
  const rows = await opts.db
    .select()
    .from(listingChange)
    .where(and(eq(listingChange.officeId, opts.officeId), after ? lt(listingChange.id, after[0]) : undefined))
    .orderBy(desc(listingChange.id))
    .limit(opts.limit + 1);
  const [{ total } = { total: 0 }] = await opts.db
    .select({ total: sql<number>`count(*)::int` })
    .from(listingChange)
    .where(eq(listingChange.officeId, opts.officeId));
  const page = pageOf(rows, opts.limit, (r) => [r.id]);
  return {
    items: page.items.map((r) => ({ id: r.id, officeId: r.officeId, serviceId: r.serviceId, at: r.at.toISOString(), actorName: r.actorName, action: r.action, changes: r.changes })),
    total,
    nextCursor: page.nextCursor,
  };
}

/** The offices of a provider_staff member, with stale listings flagged. */
export async function getMyListings(opts: { db: Db; actor: Pick<Actor, 'roles' | 'officeIds'>; settings: DirectorySettings }) {
  if (opts.actor.officeIds.length === 0) return { offices: [], staleServiceCount: 0 };
  const ids = await opts.db.select({ id: office.id }).from(office).where(inArray(office.id, opts.actor.officeIds)).orderBy(asc(office.nameKana));
  const offices = [];
  for (const { id } of ids) offices.push(await getOfficeListing({ db: opts.db, id, actor: opts.actor, settings: opts.settings }));
  return { offices, staleServiceCount: offices.reduce((n, o) => n + o.staleServiceCount, 0) };
}
