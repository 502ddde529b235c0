// People registry services. The caseload is counted from what the person actually holds (client
// records as the team's consultant, plus assigned referral cases without a record yet —
// tsunagu_caseload() in migration 0013), the backup load from accepted case_backup rows —
// neither can be typed in.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { PersonProfile, UpdatePersonProfile } from '../../../shared/contracts/people.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { auditEvent, municipality, office, officeMembership, personProfile, user } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';
import { parseRoles } from '../auth/roles.js';
import { can } from '../permissions.js';

// Correlated subqueries are written with explicit aliases: drizzle leaves column names
// unqualified in single-table selects, which would bind them to the inner table.
/**
 * The one definition of "current caseload": active client records held as the team's consultant
 * + assigned referral cases that have no record (SQL function, so RLS on the team table does not
 * make the number depend on the reader; see migration 0013_person_caseload).
 */
const caseload = sql<number>`tsunagu_caseload("user"."id")`;
const backupLoad = sql<number>`(select count(*)::int from case_backup cb where cb.coordinator_id = "user"."id" and cb.status = 'accepted')`;

const isPerson = sql`string_to_array(${user.role}, ',') && array['consultant','coordinator']::text[]`;
const active = sql`coalesce(${user.banned}, false) = false`;
const sortKey = sql<string>`coalesce(${user.nameKana}, ${user.name})`;

const columns = {
  u: { id: user.id, name: user.name, nameKana: user.nameKana, role: user.role, municipalityCode: user.municipalityCode },
  p: personProfile,
  caseload: caseload,
  backupLoad: backupLoad,
  sortKey,
};

type Row = {
  u: { id: string; name: string; nameKana: string | null; role: string | null; municipalityCode: string | null };
  p: typeof personProfile.$inferSelect | null;
  caseload: number;
  backupLoad: number;
};

async function officesOf(db: DbOrTx, userIds: string[]) {
  const map = new Map<string, { id: string; name: string; municipalityCode: string }[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .select({ userId: officeMembership.userId, id: office.id, name: office.name, municipalityCode: office.municipalityCode })
    .from(officeMembership)
    .innerJoin(office, eq(office.id, officeMembership.officeId))
    .where(inArray(officeMembership.userId, userIds))
    .orderBy(asc(office.nameKana));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), { id: r.id, name: r.name, municipalityCode: r.municipalityCode }]);
  return map;
}

function toProfile(r: Row, offices: { id: string; name: string; municipalityCode: string }[]): PersonProfile {
  const p = r.p;
  return {
    userId: r.u.id,
    name: r.u.name,
    nameKana: r.u.nameKana,
    roles: parseRoles(r.u.role),
    offices,
    hasProfile: Boolean(p),
    qualifications: (p?.qualifications ?? []) as PersonProfile['qualifications'],
    coordinatorTrainingYear: p?.coordinatorTrainingYear ?? null,
    acceptsMedicalCare: p?.acceptsMedicalCare ?? null,
    careItems: (p?.careItems ?? []) as PersonProfile['careItems'],
    maxCaseload: p?.maxCaseload ?? null,
    currentCaseload: r.caseload,
    freeCapacity: p ? p.maxCaseload - r.caseload : null,
    // Without a profile the account's own municipality is the best guess of the area.
    municipalities: p?.municipalities ?? (r.u.municipalityCode ? [r.u.municipalityCode] : []),
    availableDays: (p?.availableDays ?? []) as PersonProfile['availableDays'],
    declaredGender: p?.declaredGender ?? null,
    languages: p?.languages ?? [],
    note: p?.note ?? '',
    backupAvailable: p?.backupAvailable ?? false,
    maxBackupCases: p?.maxBackupCases ?? null,
    currentBackupCases: r.backupLoad,
    updatedAt: p ? p.updatedAt.toISOString() : null,
  };
}

export interface PeopleFilter {
  q?: string;
  role?: 'consultant' | 'coordinator';
  municipality?: string;
  accepts?: 'yes' | 'with_backup' | 'no';
  careItem?: string;
  hasCapacity?: boolean;
  trainingCompleted?: boolean;
}

function whereOf(f: PeopleFilter) {
  const term = f.q?.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return and(
    isPerson,
    active,
    term ? sql`(${user.name} ilike ${`%${term}%`} or ${user.nameKana} ilike ${`%${term}%`})` : undefined,
    f.role ? sql`${f.role} = any(string_to_array(${user.role}, ','))` : undefined,
    f.municipality
      ? sql`(${personProfile.municipalities} @> array[${f.municipality}]::text[] or (${personProfile.userId} is null and ${user.municipalityCode} = ${f.municipality}))`
      : undefined,
    f.accepts ? eq(personProfile.acceptsMedicalCare, f.accepts) : undefined,
    f.careItem ? sql`${personProfile.careItems} @> array[${f.careItem}]::text[]` : undefined,
    f.hasCapacity === undefined
      ? undefined
      : f.hasCapacity
        ? sql`${personProfile.maxCaseload} > ${caseload}`
        : sql`(${personProfile.userId} is null or ${personProfile.maxCaseload} <= ${caseload})`,
    f.trainingCompleted === undefined
      ? undefined
      : f.trainingCompleted
        ? sql`${personProfile.coordinatorTrainingYear} is not null`
        : sql`${personProfile.coordinatorTrainingYear} is null`,
  );
}

export async function listPeople(opts: { db: Db; filter: PeopleFilter; limit: number; cursor?: string }) {
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  const where = whereOf(opts.filter);
  const [{ total } = { total: 0 }] = await opts.db
    .select({ total: count() })
    .from(user)
    .leftJoin(personProfile, eq(personProfile.userId, user.id))
    .where(where);
  const rows = await opts.db
    .select(columns)
    .from(user)
    .leftJoin(personProfile, eq(personProfile.userId, user.id))
    .where(after ? and(where, sql`(${sortKey}, ${user.id}) > (${after[0]}, ${after[1]})`) : where)
    .orderBy(asc(sortKey), asc(user.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.sortKey, r.u.id]);
  const offices = await officesOf(opts.db, page.items.map((r) => r.u.id));
  return { items: page.items.map((r) => toProfile(r, offices.get(r.u.id) ?? [])), total, nextCursor: page.nextCursor };
}

export async function getPerson(opts: { db: DbOrTx; userId: string }): Promise<PersonProfile> {
  const [row] = await opts.db
    .select(columns)
    .from(user)
    .leftJoin(personProfile, eq(personProfile.userId, user.id))
    .where(and(eq(user.id, opts.userId), isPerson));
  if (!row) throw notFound('相談支援専門員・コーディネーター');
  return toProfile(row, (await officesOf(opts.db, [row.u.id])).get(row.u.id) ?? []);
}

/**
 * Every active consultant and coordinator with what matching needs, in one query (the region
 * is a few hundred people; a national deployment would filter by prefecture first).
 */
export async function listMatchingPool(opts: { db: DbOrTx }): Promise<PersonProfile[]> {
  const rows = await opts.db
    .select(columns)
    .from(user)
    .leftJoin(personProfile, eq(personProfile.userId, user.id))
    .where(and(isPerson, active))
    .orderBy(asc(sortKey), asc(user.id));
  const offices = await officesOf(opts.db, rows.map((r) => r.u.id));
  return rows.map((r) => toProfile(r, offices.get(r.u.id) ?? []));
}

/** Self, or a coordinator/admin; the change and its before/after values go to the access log. */
export async function updatePersonProfile(opts: { db: Db; actor: Actor; userId: string; input: UpdatePersonProfile }) {
  const { actor, input } = opts;
  if (actor.userId !== opts.userId && !can(actor, 'manage:people')) throw forbidden('他の人のプロフィールは編集できません。');
  if (actor.userId === opts.userId && !can(actor, 'update:own-profile') && !can(actor, 'manage:people')) throw forbidden();
  await opts.db.transaction(async (tx) => {
    const before = await getPerson({ db: tx, userId: opts.userId });
    if (input.municipalities.length) {
      const found = await tx.select({ code: municipality.code }).from(municipality).where(inArray(municipality.code, input.municipalities));
      if (found.length !== new Set(input.municipalities).size)
        throw new AppError('VALIDATION_FAILED', '登録されていない市区町村が含まれています。', {
          fields: [{ field: 'municipalities', label: '担当地域', message: '担当地域: 登録されていない市区町村が含まれています' }],
        });
    }
    const values = {
      qualifications: [...new Set(input.qualifications)],
      coordinatorTrainingYear: input.coordinatorTrainingYear,
      acceptsMedicalCare: input.acceptsMedicalCare,
      careItems: [...new Set(input.careItems)],
      maxCaseload: input.maxCaseload,
      municipalities: [...new Set(input.municipalities)],
      availableDays: [...new Set(input.availableDays)],
      declaredGender: input.declaredGender ?? null,
      languages: input.languages ?? [],
      note: input.note ?? '',
      backupAvailable: input.backupAvailable ?? false,
      maxBackupCases: input.maxBackupCases ?? null,
      updatedAt: new Date(),
      updatedBy: actor.userId,
    };
    await tx
      .insert(personProfile)
      .values({ userId: opts.userId, ...values })
      .onConflictDoUpdate({ target: personProfile.userId, set: values });
    const changed: Record<string, { before: unknown; after: unknown }> = {};
    for (const [k, v] of Object.entries(values)) {
      if (k === 'updatedAt' || k === 'updatedBy') continue;
      const b = (before as unknown as Record<string, unknown>)[k];
      if (JSON.stringify(b) !== JSON.stringify(v)) changed[k] = { before: b, after: v };
    }
    await writeAudit(tx, actor.audit, {
      action: 'person_profile.update',
      entityType: 'person_profile',
      entityId: opts.userId,
      details: { changed, self: actor.userId === opts.userId },
    });
  });
  return getPerson({ db: opts.db, userId: opts.userId });
}

/** The profile's change log, read back from the access log (who changed what, when). */
export async function listProfileHistory(opts: { db: Db; actor: Actor; userId: string }) {
  if (opts.actor.userId !== opts.userId && !can(opts.actor, 'manage:people')) throw forbidden('変更履歴は本人とコーディネーター・管理者のみ閲覧できます。');
  const rows = await opts.db
    .select({ at: auditEvent.at, actorLabel: auditEvent.actorLabel, actorUserId: auditEvent.actorUserId, details: auditEvent.details })
    .from(auditEvent)
    .where(and(eq(auditEvent.entityType, 'person_profile'), eq(auditEvent.entityId, opts.userId), eq(auditEvent.action, 'person_profile.update')))
    .orderBy(sql`${auditEvent.id} desc`)
    .limit(200);
  const names = new Map<string, string>();
  const ids = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => Boolean(x)))];
  if (ids.length) for (const u of await opts.db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids))) names.set(u.id, u.name);
  return {
    items: rows.map((r) => ({
      at: r.at.toISOString(),
      by: r.actorUserId ? { id: r.actorUserId, name: names.get(r.actorUserId) ?? r.actorLabel ?? '' } : null,
      changed: (r.details.changed ?? {}) as Record<string, { before: unknown; after: unknown }>,
    })),
  };
}
