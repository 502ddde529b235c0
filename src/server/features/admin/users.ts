// Account administration. Accounts are created here (and by the CLI), never by self sign-up.
// Writes go straight to better-auth's tables inside our transaction, so the account, its
// password and its access-log row commit together.
import { hash } from '@node-rs/argon2';
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../shared/contracts/auth.js';
import type { CreateUserSchema, UpdateUserSchema } from '../../../shared/contracts/users.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { account, municipality, office, officeMembership, session, twoFactor, user } from '../../db/schema/index.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { ReadingCursorSchema, decodeCursor, pageOf } from '../../lib/pagination.js';
import { revokeAllApiTokens } from '../auth/api-tokens.js';
import { checkPassword } from '../auth/password-policy.js';
import { formatRoles, parseRoles } from '../auth/roles.js';

export type AdminUser = Awaited<ReturnType<typeof getUser>>;

async function officesOf(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { id: string; name: string }[]>();
  const rows = await db
    .select({ userId: officeMembership.userId, id: office.id, name: office.name })
    .from(officeMembership)
    .innerJoin(office, eq(office.id, officeMembership.officeId))
    .where(inArray(officeMembership.userId, userIds))
    .orderBy(asc(office.nameKana));
  const map = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

function toAdminUser(u: typeof user.$inferSelect, offices: { id: string; name: string }[]) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    nameKana: u.nameKana,
    roles: parseRoles(u.role),
    municipalityCode: u.municipalityCode,
    offices,
    disabled: Boolean(u.banned),
    twoFactorEnabled: Boolean(u.twoFactorEnabled),
    isDemo: u.isDemo,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listUsers(opts: { db: Db; q?: string; role?: Role; disabled?: boolean; limit: number; cursor?: string }) {
  const after = decodeCursor(opts.cursor, ReadingCursorSchema);
  const term = opts.q?.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const where = and(
    term ? or(ilike(user.name, `%${term}%`), ilike(user.email, `%${term}%`), ilike(user.nameKana, `%${term}%`)) : undefined,
    opts.role ? sql`${opts.role} = any(string_to_array(${user.role}, ','))` : undefined,
    opts.disabled === undefined ? undefined : opts.disabled ? eq(user.banned, true) : sql`coalesce(${user.banned}, false) = false`,
  );
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(user).where(where);
  const sortKey = sql<string>`coalesce(${user.nameKana}, ${user.name})`;
  const rows = await opts.db
    .select({ u: user, sortKey })
    .from(user)
    .where(after ? and(where, sql`(${sortKey}, ${user.id}) > (${after[0]}, ${after[1]})`) : where)
    .orderBy(asc(sortKey), asc(user.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.sortKey, r.u.id]);
  const offices = await officesOf(opts.db, page.items.map((r) => r.u.id));
  return { items: page.items.map((r) => toAdminUser(r.u, offices.get(r.u.id) ?? [])), nextCursor: page.nextCursor, total };
}

export async function getUser(opts: { db: DbOrTx; id: string }) {
  const [u] = await opts.db.select().from(user).where(eq(user.id, opts.id));
  if (!u) throw notFound('アカウント');
  return toAdminUser(u, (await officesOf(opts.db, [u.id])).get(u.id) ?? []);
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(user).where(eq(user.email, email.trim().toLowerCase()));
  return u ?? null;
}

async function assertRefs(tx: DbOrTx, input: { municipalityCode?: string | null; officeIds?: string[] }) {
  if (input.municipalityCode) {
    const [m] = await tx.select({ c: municipality.code }).from(municipality).where(eq(municipality.code, input.municipalityCode));
    if (!m)
      throw new AppError('VALIDATION_FAILED', '登録されていない市区町村です。', {
        fields: [{ field: 'municipalityCode', label: '市区町村コード', message: '市区町村コード: 登録されていない市区町村です' }],
      });
  }
  const ids = [...new Set(input.officeIds ?? [])];
  if (ids.length) {
    const found = await tx.select({ id: office.id }).from(office).where(inArray(office.id, ids));
    if (found.length !== ids.length)
      throw new AppError('VALIDATION_FAILED', '存在しない事業所が含まれています。', {
        fields: [{ field: 'officeIds', label: '所属事業所', message: '所属事業所: 存在しない事業所が含まれています' }],
      });
  }
}

export async function createUser(opts: {
  db: Db;
  audit: AuditContext;
  input: z.infer<typeof CreateUserSchema>;
  isDemo?: boolean;
  /** Pre-enrolled TOTP for demo/test fixtures (encrypted secret as better-auth stores it). */
}) {
  const { input } = opts;
  const reason = checkPassword(input.password, { email: input.email, name: input.name });
  if (reason)
    throw new AppError('VALIDATION_FAILED', reason, { fields: [{ field: 'password', label: 'パスワード', message: reason }] });
  const passwordHash = await hash(input.password);
  const id = await opts.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email))
      throw new AppError('CONFLICT', 'このメールアドレスのアカウントはすでにあります。', {
        fields: [{ field: 'email', label: 'メールアドレス', message: 'メールアドレス: すでに登録されています' }],
      });
    await assertRefs(tx, input);
    const id = newId();
    const now = new Date();
    await tx.insert(user).values({
      id,
      email: input.email,
      name: input.name,
      nameKana: input.nameKana ?? null,
      emailVerified: true,
      role: formatRoles(input.roles),
      municipalityCode: input.municipalityCode ?? null,
      isDemo: opts.isDemo ?? false,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(account).values({ id: newId(), accountId: id, providerId: 'credential', userId: id, password: passwordHash, createdAt: now, updatedAt: now });
    const officeIds = [...new Set(input.officeIds ?? [])];
    if (officeIds.length) await tx.insert(officeMembership).values(officeIds.map((officeId) => ({ userId: id, officeId })));
    await writeAudit(tx, opts.audit, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      details: { email: input.email, roles: input.roles, officeIds, municipalityCode: input.municipalityCode ?? null },
    });
    return id;
  });
  return getUser({ db: opts.db, id });
}

export async function updateUser(opts: { db: Db; audit: AuditContext; id: string; input: z.infer<typeof UpdateUserSchema>; actorUserId?: string }) {
  const { input } = opts;
  await opts.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(user).where(eq(user.id, opts.id));
    if (!existing) throw notFound('アカウント');
    if (input.roles && opts.actorUserId === opts.id && parseRoles(existing.role).includes('admin') && !input.roles.includes('admin'))
      throw new AppError('CONFLICT', '自分自身から管理者の役割を外すことはできません（管理者がいなくなるのを防ぐため）。');
    await assertRefs(tx, input);
    await tx
      .update(user)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameKana !== undefined ? { nameKana: input.nameKana } : {}),
        ...(input.roles ? { role: formatRoles(input.roles) } : {}),
        ...(input.municipalityCode !== undefined ? { municipalityCode: input.municipalityCode } : {}),
        updatedAt: new Date(),
      })
      .where(eq(user.id, opts.id));
    if (input.officeIds) {
      await tx.delete(officeMembership).where(eq(officeMembership.userId, opts.id));
      const ids = [...new Set(input.officeIds)];
      if (ids.length) await tx.insert(officeMembership).values(ids.map((officeId) => ({ userId: opts.id, officeId })));
    }
    await writeAudit(tx, opts.audit, {
      action: 'user.update',
      entityType: 'user',
      entityId: opts.id,
      details: {
        fields: Object.keys(input),
        ...(input.roles ? { rolesBefore: parseRoles(existing.role), rolesAfter: input.roles } : {}),
      },
    });
  });
  return getUser({ db: opts.db, id: opts.id });
}

/** Disabling ends every session and revokes every API token at once. */
export async function disableUser(opts: { db: Db; audit: AuditContext; id: string; reason?: string; actorUserId?: string }) {
  if (opts.actorUserId === opts.id) throw new AppError('CONFLICT', '自分自身のアカウントは無効化できません。');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.update(user).set({ banned: true, banReason: opts.reason ?? null, updatedAt: new Date() }).where(eq(user.id, opts.id)).returning({ id: user.id });
    if (!row) throw notFound('アカウント');
    const ended = await tx.delete(session).where(eq(session.userId, opts.id)).returning({ id: session.id });
    await revokeAllApiTokens(tx, opts.id);
    await writeAudit(tx, opts.audit, { action: 'user.disable', entityType: 'user', entityId: opts.id, details: { reason: opts.reason ?? null, sessionsEnded: ended.length } });
  });
  return getUser({ db: opts.db, id: opts.id });
}

export async function enableUser(opts: { db: Db; audit: AuditContext; id: string }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.update(user).set({ banned: false, banReason: null, updatedAt: new Date() }).where(eq(user.id, opts.id)).returning({ id: user.id });
    if (!row) throw notFound('アカウント');
    await writeAudit(tx, opts.audit, { action: 'user.enable', entityType: 'user', entityId: opts.id });
  });
  return getUser({ db: opts.db, id: opts.id });
}

/** For a user who lost their authenticator: removes TOTP and recovery codes; they enrol again. */
export async function resetTwoFactor(opts: { db: Db; audit: AuditContext; id: string }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.update(user).set({ twoFactorEnabled: false, updatedAt: new Date() }).where(eq(user.id, opts.id)).returning({ id: user.id });
    if (!row) throw notFound('アカウント');
    await tx.delete(twoFactor).where(eq(twoFactor.userId, opts.id));
    await tx.delete(session).where(eq(session.userId, opts.id));
    await writeAudit(tx, opts.audit, { action: 'user.reset_two_factor', entityType: 'user', entityId: opts.id });
  });
  return getUser({ db: opts.db, id: opts.id });
}
