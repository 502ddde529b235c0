// Registrations: members in one click, people outside the network through the public link,
// staff-added walk-ins; waiting list, cancellation, check-in, groups and counts.
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  PARTICIPANT_ROLE_LABELS,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  type PublicRegisterSchema,
  type PutGroupsSchema,
  type StaffAddRegistrationSchema,
  type UpdateRegistrationSchema,
} from '../../../shared/contracts/events.js';
import { TOKATSU_MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import { formatDateTimeJa } from '../../../shared/dates.js';
import { escapeLike } from '../../../shared/text/normalize.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { event, eventGroup, eventRegistration, municipality, office, officeMembership, user } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hashToken, randomToken } from '../../lib/tokens.js';
import { notifyUsers, queueEmail } from '../notifications/notify.js';
import { assignGroups, placeRegistration, promotionsFor, waitlistPositions } from './capacity.js';
import { acceptingRegistrations, getEventRow } from './events.js';

type EventRow = typeof event.$inferSelect;
type RegistrationRow = typeof eventRegistration.$inferSelect;

/** Duplicate detection key: the same address typed in full-width or upper case is the same person. */
export const normalizeEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();

// Readable at the door and easy to type if a QR code cannot be scanned (no 0/O, 1/I).
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newCheckInCode = () => Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

function roleFromActor(actor: Actor): ParticipantRole {
  if (actor.roles.includes('coordinator')) return 'coordinator';
  if (actor.roles.includes('consultant')) return 'consultant';
  if (actor.roles.includes('official')) return 'official';
  if (actor.roles.includes('provider_staff')) return 'welfare_staff';
  return 'other';
}

async function seatedCount(tx: DbOrTx, eventId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'registered'), eq(eventRegistration.isStaff, false)));
  return r?.n ?? 0;
}

async function waitlistPosition(tx: DbOrTx, eventId: string, registrationId: string): Promise<number | null> {
  const rows = await tx
    .select({ id: eventRegistration.id, createdAt: eventRegistration.createdAt })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'waitlisted')));
  return waitlistPositions(rows).get(registrationId) ?? null;
}

async function assertNotDuplicate(tx: DbOrTx, eventId: string, emailNormalized: string, userId?: string | null) {
  const [dup] = await tx
    .select({ id: eventRegistration.id })
    .from(eventRegistration)
    .where(
      and(
        eq(eventRegistration.eventId, eventId),
        sql`${eventRegistration.status} <> 'cancelled'`,
        userId ? sql`(${eventRegistration.emailNormalized} = ${emailNormalized} or ${eventRegistration.userId} = ${userId})` : eq(eventRegistration.emailNormalized, emailNormalized),
      ),
    )
    .limit(1);
  if (dup)
    throw new AppError('CONFLICT', 'このメールアドレスではすでに申し込まれています。', {
      fields: [{ field: 'email', label: 'メールアドレス', message: 'メールアドレス: この行事にはすでに申し込まれています' }],
    });
}

export function describeEvent(e: EventRow): string {
  const when = `${formatDateTimeJa(e.startsAt)}〜`;
  const where = e.venue ?? (e.onlineUrl ? 'オンライン' : '');
  return `${e.title}\n日時: ${when}\n${where ? `会場: ${where}\n` : ''}`;
}

/**
 * No name or other personal data in e-mail (docs/network.md): a public form's name is text a
 * stranger typed, and repeating it would let anyone send our e-mail with their words in it.
 */
function confirmationText(e: EventRow, reg: { status: string; checkInCode: string }, extra: string[] = []): string {
  const head =
    reg.status === 'registered'
      ? `以下の行事へのお申し込みを受け付けました。`
      : `定員に達しているため、キャンセル待ちとして受け付けました。参加できるようになりましたら、改めてお知らせします。`;
  const online = reg.status === 'registered' && e.onlineUrl ? `オンライン参加 URL: ${e.onlineUrl}\n` : '';
  return [head, '', describeEvent(e) + online, `受付コード: ${reg.checkInCode}（当日、受付でお見せください）`, ...extra, '', '— つなぐ（医療的ケア児者 地域支援ネットワーク）'].join('\n');
}

interface NewRegistration {
  userId: string | null;
  source: RegistrationRow['source'];
  name: string;
  email: string;
  officeName: string;
  municipalityCode: string | null;
  municipalityName: string;
  participantRole: ParticipantRole;
  isStaff: boolean;
}

async function insertRegistration(tx: DbOrTx, e: EventRow, r: NewRegistration, cancelTokenHash: string | null = null) {
  const status = placeRegistration({ capacity: e.capacity, seatedCount: await seatedCount(tx, e.id), isStaff: r.isStaff });
  const id = newId();
  const checkInCode = newCheckInCode();
  await tx.insert(eventRegistration).values({ id, eventId: e.id, ...r, emailNormalized: normalizeEmail(r.email), status, checkInCode, cancelTokenHash });
  return { id, status, checkInCode, waitlistPosition: status === 'waitlisted' ? await waitlistPosition(tx, e.id, id) : null };
}

function assertAccepting(e: EventRow) {
  if (e.status === 'cancelled') throw new AppError('CONFLICT', 'この行事は中止になりました。');
  if (!acceptingRegistrations(e)) throw new AppError('CONFLICT', 'この行事の申込受付は終了しています。');
}

/** One click: everything is taken from the member's account and office. */
export async function registerMember(opts: { db: Db; actor: Actor; eventId: string; input: { participantRole?: ParticipantRole; officeName?: string } }) {
  return opts.db.transaction(async (tx) => {
    // The row lock serialises registrations for one event, so two people never get the last seat.
    const e = await getEventRow(tx, opts.eventId, true);
    assertAccepting(e);
    const [u] = await tx.select().from(user).where(eq(user.id, opts.actor.userId));
    if (!u) throw notFound('アカウント');
    await assertNotDuplicate(tx, e.id, normalizeEmail(u.email), u.id);
    const [firstOffice] = await tx
      .select({ name: office.name })
      .from(officeMembership)
      .innerJoin(office, eq(office.id, officeMembership.officeId))
      .where(eq(officeMembership.userId, u.id))
      .orderBy(asc(office.nameKana))
      .limit(1);
    const [city] = u.municipalityCode ? await tx.select({ name: municipality.name }).from(municipality).where(eq(municipality.code, u.municipalityCode)) : [];
    const reg = await insertRegistration(tx, e, {
      userId: u.id,
      source: 'member',
      name: u.name,
      email: u.email,
      officeName: opts.input.officeName ?? firstOffice?.name ?? '',
      municipalityCode: u.municipalityCode,
      municipalityName: city?.name ?? '',
      participantRole: opts.input.participantRole ?? roleFromActor(opts.actor),
      isStaff: false,
    });
    await queueEmail({ tx, to: u.email, subject: `【つなぐ】申込受付: ${e.title}`, text: confirmationText(e, reg) });
    await writeAudit(tx, opts.actor.audit, { action: 'event.register', entityType: 'event_registration', entityId: reg.id, details: { eventId: e.id, status: reg.status } });
    return reg;
  });
}

/** Through the public link: abuse checks (rate limit, body size) happen at the route; here honeypot, duplicates, capacity. */
export async function registerPublic(opts: { db: Db; audit: AuditContext; publicToken: string; baseUrl: string; input: z.infer<typeof PublicRegisterSchema> }) {
  const { input } = opts;
  return opts.db.transaction(async (tx) => {
    const [found] = await tx.select().from(event).where(eq(event.publicToken, opts.publicToken)).for('update');
    if (!found || !found.publicRegistration) throw notFound('申込フォーム');
    const e = found;
    if (input.website) {
      // A bot filled the hidden field: answer like a success so it learns nothing, store nothing.
      await writeAudit(tx, opts.audit, { action: 'event.public_register', outcome: 'denied', entityType: 'event', entityId: e.id, details: { reason: 'honeypot' } });
      return { status: 'registered' as const, waitlistPosition: null, checkInCode: null, message: 'お申し込みを受け付けました。確認メールをお送りします。' };
    }
    assertAccepting(e);
    await assertNotDuplicate(tx, e.id, normalizeEmail(input.email));
    const known = TOKATSU_MUNICIPALITIES.find((m) => m.name === input.municipalityName.trim());
    const cancelToken = randomToken();
    const reg = await insertRegistration(
      tx,
      e,
      {
        userId: null,
        source: 'public',
        name: input.name,
        email: input.email,
        officeName: input.officeName,
        municipalityCode: input.municipalityCode ?? known?.code ?? null,
        municipalityName: input.municipalityName,
        participantRole: input.participantRole,
        isStaff: false,
      },
      hashToken(cancelToken),
    );
    await queueEmail({
      tx,
      to: input.email,
      subject: `【つなぐ】申込受付: ${e.title}`,
      text: confirmationText(e, reg, ['', `参加を取り消す場合: ${opts.baseUrl}/public/registrations/cancel?token=${cancelToken}`]),
    });
    await writeAudit(tx, opts.audit, { action: 'event.public_register', entityType: 'event_registration', entityId: reg.id, details: { eventId: e.id, status: reg.status } });
    return {
      status: reg.status,
      waitlistPosition: reg.waitlistPosition,
      checkInCode: reg.checkInCode,
      message:
        reg.status === 'registered'
          ? 'お申し込みを受け付けました。確認メールをお送りします。'
          : `定員に達しているため、キャンセル待ち（${reg.waitlistPosition}番目）として受け付けました。`,
    };
  });
}

/** Organisers add lecturers, facilitators and walk-ins (no capacity check for staff). */
export async function addRegistration(opts: { db: Db; actor: Actor; eventId: string; input: z.infer<typeof StaffAddRegistrationSchema> }) {
  const { input } = opts;
  const id = await opts.db.transaction(async (tx) => {
    const e = await getEventRow(tx, opts.eventId, true);
    let email = input.email ?? '';
    if (input.userId) {
      const [u] = await tx.select().from(user).where(eq(user.id, input.userId));
      if (!u) throw new AppError('VALIDATION_FAILED', 'アカウントが見つかりません。', { fields: [{ field: 'userId', label: 'アカウント', message: 'アカウント: 見つかりません' }] });
      email = u.email;
    }
    // Without an e-mail (a lecturer from outside), a unique placeholder keeps duplicate detection meaningful.
    if (!email) email = `no-email+${newId()}@invalid`;
    await assertNotDuplicate(tx, e.id, normalizeEmail(email), input.userId);
    const known = TOKATSU_MUNICIPALITIES.find((m) => m.name === (input.municipalityName ?? '').trim());
    const reg = await insertRegistration(tx, e, {
      userId: input.userId ?? null,
      source: 'staff',
      name: input.name,
      email,
      officeName: input.officeName ?? '',
      municipalityCode: input.municipalityCode ?? known?.code ?? null,
      municipalityName: input.municipalityName ?? '',
      participantRole: input.participantRole,
      isStaff: input.isStaff ?? false,
    });
    await writeAudit(tx, opts.actor.audit, { action: 'event.registration_add', entityType: 'event_registration', entityId: reg.id, details: { eventId: e.id, isStaff: input.isStaff ?? false } });
    return reg.id;
  });
  return getRegistration({ db: opts.db, eventId: opts.eventId, id });
}

/** Moves people up from the waiting list while seats are free; tells each of them. */
export async function promoteFromWaitlist(opts: { tx: DbOrTx; eventId: string; baseUrl: string }) {
  const e = await getEventRow(opts.tx, opts.eventId, true);
  const waitlist = await opts.tx
    .select()
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, e.id), eq(eventRegistration.status, 'waitlisted')));
  const promoted = promotionsFor({ capacity: e.capacity, seatedCount: await seatedCount(opts.tx, e.id), waitlist });
  for (const r of promoted) {
    await opts.tx.update(eventRegistration).set({ status: 'registered', updatedAt: new Date() }).where(eq(eventRegistration.id, r.id));
    if (r.userId) await notifyUsers({ tx: opts.tx, userIds: [r.userId], kind: 'event.waitlist_promoted', title: `参加が確定しました: ${e.title}`, body: 'キャンセル待ちから参加確定になりました。', link: `/events/${e.id}` });
    if (!r.email.endsWith('@invalid'))
      await queueEmail({ tx: opts.tx, to: r.email, subject: `【つなぐ】参加確定: ${e.title}`, text: confirmationText(e, { status: 'registered', checkInCode: r.checkInCode }, ['', 'キャンセル待ちから参加確定になりました。']) });
  }
  return promoted.length;
}

async function cancelRow(tx: DbOrTx, reg: RegistrationRow, baseUrl: string) {
  if (reg.status === 'cancelled') return;
  await tx.update(eventRegistration).set({ status: 'cancelled', cancelledAt: new Date(), updatedAt: new Date(), groupId: null }).where(eq(eventRegistration.id, reg.id));
  if (reg.status === 'registered' && !reg.isStaff) await promoteFromWaitlist({ tx, eventId: reg.eventId, baseUrl });
}

export async function cancelMyRegistration(opts: { db: Db; actor: Actor; eventId: string; baseUrl: string }) {
  await opts.db.transaction(async (tx) => {
    await getEventRow(tx, opts.eventId, true);
    const [reg] = await tx
      .select()
      .from(eventRegistration)
      .where(and(eq(eventRegistration.eventId, opts.eventId), eq(eventRegistration.userId, opts.actor.userId), sql`${eventRegistration.status} <> 'cancelled'`));
    if (!reg) throw notFound('申込');
    await cancelRow(tx, reg, opts.baseUrl);
    await writeAudit(tx, opts.actor.audit, { action: 'event.cancel_registration', entityType: 'event_registration', entityId: reg.id, details: { eventId: opts.eventId } });
  });
}

/** The e-mailed cancel link for public registrants: single purpose, works once. */
export async function cancelByToken(opts: { db: Db; audit: AuditContext; token: string; baseUrl: string }) {
  return opts.db.transaction(async (tx) => {
    const [reg] = await tx.select().from(eventRegistration).where(eq(eventRegistration.cancelTokenHash, hashToken(opts.token)));
    if (!reg || reg.status === 'cancelled') throw new AppError('NOT_FOUND', 'この取り消しリンクは無効か、すでに使われています。');
    await getEventRow(tx, reg.eventId, true);
    await cancelRow(tx, reg, opts.baseUrl);
    await tx.update(eventRegistration).set({ cancelTokenHash: null }).where(eq(eventRegistration.id, reg.id));
    await writeAudit(tx, opts.audit, { action: 'event.cancel_registration', entityType: 'event_registration', entityId: reg.id, details: { eventId: reg.eventId, via: 'public_link' } });
    return { cancelled: true };
  });
}

function serializeRegistration(r: RegistrationRow & { groupName: string | null }, positions: Map<string, number>) {
  return {
    id: r.id,
    eventId: r.eventId,
    userId: r.userId,
    source: r.source,
    name: r.name,
    email: r.email.endsWith('@invalid') ? '' : r.email,
    officeName: r.officeName,
    municipalityCode: r.municipalityCode,
    municipalityName: r.municipalityName,
    participantRole: (PARTICIPANT_ROLES as readonly string[]).includes(r.participantRole) ? (r.participantRole as ParticipantRole) : 'other',
    isStaff: r.isStaff,
    status: r.status,
    waitlistPosition: r.status === 'waitlisted' ? (positions.get(r.id) ?? null) : null,
    checkInCode: r.checkInCode,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    groupId: r.groupId,
    groupName: r.groupName,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listRegistrations(opts: { db: Db; eventId: string; status?: RegistrationRow['status']; q?: string }) {
  await getEventRow(opts.db, opts.eventId);
  const rows = await opts.db
    .select({ r: eventRegistration, groupName: eventGroup.name })
    .from(eventRegistration)
    .leftJoin(eventGroup, eq(eventGroup.id, eventRegistration.groupId))
    .where(
      and(
        eq(eventRegistration.eventId, opts.eventId),
        opts.status ? eq(eventRegistration.status, opts.status) : undefined,
        opts.q ? sql`(${eventRegistration.name} ilike ${`%${escapeLike(opts.q)}%`} or ${eventRegistration.officeName} ilike ${`%${escapeLike(opts.q)}%`} or ${eventRegistration.checkInCode} = ${opts.q.toUpperCase()})` : undefined,
      ),
    )
    .orderBy(asc(eventRegistration.createdAt), asc(eventRegistration.id));
  const positions = waitlistPositions(rows.filter((x) => x.r.status === 'waitlisted').map((x) => x.r));
  const items = rows.map((x) => serializeRegistration({ ...x.r, groupName: x.groupName }, positions));
  // One event's list is bounded by its capacity (hundreds at most), so it is returned whole.
  return { items, total: items.length, nextCursor: null };
}

export async function getRegistration(opts: { db: DbOrTx; eventId: string; id: string }) {
  const [row] = await opts.db
    .select({ r: eventRegistration, groupName: eventGroup.name })
    .from(eventRegistration)
    .leftJoin(eventGroup, eq(eventGroup.id, eventRegistration.groupId))
    .where(and(eq(eventRegistration.id, opts.id), eq(eventRegistration.eventId, opts.eventId)));
  if (!row) throw notFound('申込');
  const positions = new Map<string, number>();
  if (row.r.status === 'waitlisted') positions.set(row.r.id, (await waitlistPosition(opts.db, opts.eventId, row.r.id)) ?? 0);
  return serializeRegistration({ ...row.r, groupName: row.groupName }, positions);
}

export async function updateRegistration(opts: { db: Db; actor: Actor; eventId: string; id: string; baseUrl: string; input: z.infer<typeof UpdateRegistrationSchema> }) {
  const { input } = opts;
  await opts.db.transaction(async (tx) => {
    await getEventRow(tx, opts.eventId, true);
    const [reg] = await tx.select().from(eventRegistration).where(and(eq(eventRegistration.id, opts.id), eq(eventRegistration.eventId, opts.eventId)));
    if (!reg) throw notFound('申込');
    if (input.groupId) {
      const [g] = await tx.select({ id: eventGroup.id }).from(eventGroup).where(and(eq(eventGroup.id, input.groupId), eq(eventGroup.eventId, opts.eventId)));
      if (!g) throw new AppError('VALIDATION_FAILED', 'グループが見つかりません。', { fields: [{ field: 'groupId', label: 'グループ', message: 'グループ: この行事のグループではありません' }] });
    }
    await tx
      .update(eventRegistration)
      .set({
        ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
        ...(input.participantRole ? { participantRole: input.participantRole } : {}),
        ...(input.isStaff !== undefined ? { isStaff: input.isStaff } : {}),
        updatedAt: new Date(),
      })
      .where(eq(eventRegistration.id, reg.id));
    if (input.status === 'cancelled') await cancelRow(tx, reg, opts.baseUrl);
    else if (input.isStaff === true && reg.status === 'registered' && !reg.isStaff) await promoteFromWaitlist({ tx, eventId: opts.eventId, baseUrl: opts.baseUrl });
    await writeAudit(tx, opts.actor.audit, { action: 'event.registration_update', entityType: 'event_registration', entityId: reg.id, details: { fields: Object.keys(input) } });
  });
  return getRegistration({ db: opts.db, eventId: opts.eventId, id: opts.id });
}

/** Check-in at the door, by registration (list) or by the code in the QR. A waitlisted person who came is seated. */
export async function checkIn(opts: { db: Db; actor: Actor; eventId: string; registrationId?: string; code?: string; undo?: boolean }) {
  const id = await opts.db.transaction(async (tx) => {
    await getEventRow(tx, opts.eventId, true);
    const [reg] = await tx
      .select()
      .from(eventRegistration)
      .where(
        and(
          eq(eventRegistration.eventId, opts.eventId),
          opts.registrationId ? eq(eventRegistration.id, opts.registrationId) : eq(eventRegistration.checkInCode, (opts.code ?? '').trim().toUpperCase()),
        ),
      );
    if (!reg) throw new AppError('NOT_FOUND', 'この行事の申込が見つかりません（受付コードを確認してください）。');
    if (reg.status === 'cancelled') throw new AppError('CONFLICT', 'この申込は取り消されています。');
    await tx
      .update(eventRegistration)
      .set({ checkedInAt: opts.undo ? null : (reg.checkedInAt ?? new Date()), status: 'registered', updatedAt: new Date() })
      .where(eq(eventRegistration.id, reg.id));
    await writeAudit(tx, opts.actor.audit, { action: opts.undo ? 'event.check_in_undo' : 'event.check_in', entityType: 'event_registration', entityId: reg.id, details: { eventId: opts.eventId } });
    return reg.id;
  });
  return getRegistration({ db: opts.db, eventId: opts.eventId, id });
}

export async function eventStats(opts: { db: Db; eventId: string }) {
  await getEventRow(opts.db, opts.eventId);
  const rows = await opts.db
    .select({ status: eventRegistration.status, municipalityName: eventRegistration.municipalityName, role: eventRegistration.participantRole, isStaff: eventRegistration.isStaff, checkedIn: sql<boolean>`${eventRegistration.checkedInAt} is not null` })
    .from(eventRegistration)
    .where(eq(eventRegistration.eventId, opts.eventId));
  const live = rows.filter((r) => r.status === 'registered');
  const byCity = new Map<string, { registered: number; checkedIn: number }>();
  const byRole = new Map<string, { registered: number; checkedIn: number }>();
  for (const r of live) {
    const city = r.municipalityName || '（未記入）';
    const c = byCity.get(city) ?? { registered: 0, checkedIn: 0 };
    c.registered++;
    if (r.checkedIn) c.checkedIn++;
    byCity.set(city, c);
    const role = (PARTICIPANT_ROLES as readonly string[]).includes(r.role) ? r.role : 'other';
    const ro = byRole.get(role) ?? { registered: 0, checkedIn: 0 };
    ro.registered++;
    if (r.checkedIn) ro.checkedIn++;
    byRole.set(role, ro);
  }
  // Cities in the region's order first (code order of the six cities), then others by name.
  const order = (name: string) => {
    const i = TOKATSU_MUNICIPALITIES.findIndex((m) => m.name === name);
    return i === -1 ? 100 : i;
  };
  return {
    participants: live.length,
    registered: live.filter((r) => !r.isStaff).length,
    waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
    cancelled: rows.filter((r) => r.status === 'cancelled').length,
    checkedIn: live.filter((r) => r.checkedIn).length,
    staff: live.filter((r) => r.isStaff).length,
    byMunicipality: [...byCity.entries()]
      .sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0], 'ja'))
      .map(([municipalityName, v]) => ({ municipalityName, ...v })),
    byRole: PARTICIPANT_ROLES.filter((r) => byRole.has(r)).map((role) => ({ role, label: PARTICIPANT_ROLE_LABELS[role], ...byRole.get(role)! })),
  };
}

export async function listGroups(opts: { db: DbOrTx; eventId: string }) {
  await getEventRow(opts.db, opts.eventId);
  const groups = await opts.db.select().from(eventGroup).where(eq(eventGroup.eventId, opts.eventId)).orderBy(asc(eventGroup.sortOrder), asc(eventGroup.name));
  const members = groups.length
    ? await opts.db
        .select({ registrationId: eventRegistration.id, groupId: eventRegistration.groupId, name: eventRegistration.name, municipalityName: eventRegistration.municipalityName, participantRole: eventRegistration.participantRole })
        .from(eventRegistration)
        .where(and(inArray(eventRegistration.groupId, groups.map((g) => g.id)), eq(eventRegistration.status, 'registered')))
        .orderBy(asc(eventRegistration.createdAt))
    : [];
  return {
    items: groups.map((g) => ({
      id: g.id,
      name: g.name,
      facilitatorName: g.facilitatorName,
      facilitatorUserId: g.facilitatorUserId,
      summary: g.summary,
      sortOrder: g.sortOrder,
      members: members
        .filter((m) => m.groupId === g.id)
        .map((m) => ({ registrationId: m.registrationId, name: m.name, municipalityName: m.municipalityName, participantRole: ((PARTICIPANT_ROLES as readonly string[]).includes(m.participantRole) ? m.participantRole : 'other') as ParticipantRole })),
    })),
  };
}

/** Replaces the event's groups: listed ids are updated, new ones created, missing ones deleted (members unassigned). */
export async function putGroups(opts: { db: Db; actor: Actor; eventId: string; input: z.infer<typeof PutGroupsSchema> }) {
  await opts.db.transaction(async (tx) => {
    await getEventRow(tx, opts.eventId, true);
    const existing = await tx.select({ id: eventGroup.id }).from(eventGroup).where(eq(eventGroup.eventId, opts.eventId));
    const keep = new Set(opts.input.groups.map((g) => g.id).filter(Boolean) as string[]);
    for (const id of keep) if (!existing.some((e) => e.id === id)) throw new AppError('VALIDATION_FAILED', 'この行事のグループではない ID が含まれています。', { fields: [{ field: 'groups', label: 'グループ', message: 'グループ: 不明な ID です' }] });
    const remove = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
    if (remove.length) await tx.delete(eventGroup).where(inArray(eventGroup.id, remove));
    for (const [i, g] of opts.input.groups.entries()) {
      const values = { name: g.name, facilitatorName: g.facilitatorName ?? null, facilitatorUserId: g.facilitatorUserId ?? null, summary: g.summary ?? '', sortOrder: i };
      if (g.id) await tx.update(eventGroup).set(values).where(eq(eventGroup.id, g.id));
      else await tx.insert(eventGroup).values({ id: newId(), eventId: opts.eventId, ...values });
    }
    await writeAudit(tx, opts.actor.audit, { action: 'event.groups_update', entityType: 'event', entityId: opts.eventId, details: { groups: opts.input.groups.length } });
  });
  return listGroups({ db: opts.db, eventId: opts.eventId });
}

export async function autoAssignGroups(opts: { db: Db; actor: Actor; eventId: string; mode: 'balanced' | 'clear'; onlyCheckedIn?: boolean }) {
  await opts.db.transaction(async (tx) => {
    await getEventRow(tx, opts.eventId, true);
    await tx.update(eventRegistration).set({ groupId: null }).where(and(eq(eventRegistration.eventId, opts.eventId), eq(eventRegistration.isStaff, false)));
    if (opts.mode === 'balanced') {
      const groups = await tx.select({ id: eventGroup.id }).from(eventGroup).where(eq(eventGroup.eventId, opts.eventId)).orderBy(asc(eventGroup.sortOrder));
      if (groups.length === 0) throw new AppError('CONFLICT', '先にグループを作成してください。');
      const people = await tx
        .select({ id: eventRegistration.id, municipalityName: eventRegistration.municipalityName })
        .from(eventRegistration)
        .where(
          and(
            eq(eventRegistration.eventId, opts.eventId),
            eq(eventRegistration.status, 'registered'),
            eq(eventRegistration.isStaff, false),
            opts.onlyCheckedIn ? sql`${eventRegistration.checkedInAt} is not null` : undefined,
          ),
        )
        .orderBy(asc(eventRegistration.createdAt), asc(eventRegistration.id));
      const map = assignGroups(people, groups.map((g) => g.id));
      for (const [regId, groupId] of map) await tx.update(eventRegistration).set({ groupId }).where(eq(eventRegistration.id, regId));
    }
    await writeAudit(tx, opts.actor.audit, { action: 'event.groups_assign', entityType: 'event', entityId: opts.eventId, details: { mode: opts.mode } });
  });
  return listGroups({ db: opts.db, eventId: opts.eventId });
}

/** Events a person takes part in (feed): registered or waitlisted, or added as staff. */
export async function eventsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ e: event })
    .from(event)
    .where(sql`exists (select 1 from ${eventRegistration} r where r.event_id = ${event.id} and r.user_id = ${userId} and r.status <> 'cancelled')`)
    .orderBy(asc(event.startsAt));
}
