// Events: create, change, list (calendar and list views), read one.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { EVENT_KIND_LABELS, type CreateEventSchema, type UpdateEventSchema } from '../../../shared/contracts/events.js';
import { escapeLike, normalizeForSearch } from '../../../shared/text/normalize.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { event, eventMaterial, eventRegistration } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';
import { randomToken } from '../../lib/tokens.js';
import { seatsLeft, waitlistPositions } from './capacity.js';
import { removeMaterialFiles, type MaterialStorageConfig } from './material-storage.js';
import { promoteFromWaitlist } from './registrations.js';

type EventRow = typeof event.$inferSelect;

/** The API date range is in calendar days of Asia/Tokyo (UTC+9, no DST). */
const tokyoDayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+09:00`);

export function acceptingRegistrations(e: Pick<EventRow, 'status' | 'registrationOpen' | 'registrationClosesAt' | 'startsAt'>, now = new Date()): boolean {
  if (e.status !== 'scheduled' || !e.registrationOpen) return false;
  return now < (e.registrationClosesAt ?? e.startsAt);
}

// The outer row, written out: in a single-table select drizzle renders ${event.id} as a bare
// "id", which inside these subqueries would mean the registration's own id (counts of 0).
const outerEventId = sql.raw('"event"."id"');
const countsSql = {
  registered: sql<number>`(select count(*)::int from ${eventRegistration} r where r.event_id = ${outerEventId} and r.status = 'registered')`,
  seated: sql<number>`(select count(*)::int from ${eventRegistration} r where r.event_id = ${outerEventId} and r.status = 'registered' and not r.is_staff)`,
  waitlisted: sql<number>`(select count(*)::int from ${eventRegistration} r where r.event_id = ${outerEventId} and r.status = 'waitlisted')`,
  checkedIn: sql<number>`(select count(*)::int from ${eventRegistration} r where r.event_id = ${outerEventId} and r.status = 'registered' and r.checked_in_at is not null)`,
  staff: sql<number>`(select count(*)::int from ${eventRegistration} r where r.event_id = ${outerEventId} and r.status = 'registered' and r.is_staff)`,
  materials: sql<number>`(select count(*)::int from ${eventMaterial} m where m.event_id = ${outerEventId})`,
};

type Counted = { e: EventRow; registered: number; seated: number; waitlisted: number; checkedIn: number; staff: number; materials: number };

async function myRegistrations(db: DbOrTx, userId: string, eventIds: string[]) {
  if (eventIds.length === 0) return new Map<string, { id: string; status: 'registered' | 'waitlisted'; checkInCode: string; waitlistPosition: number | null }>();
  const mine = await db
    .select()
    .from(eventRegistration)
    .where(and(eq(eventRegistration.userId, userId), inArray(eventRegistration.eventId, eventIds), sql`${eventRegistration.status} <> 'cancelled'`));
  const waitEvents = mine.filter((r) => r.status === 'waitlisted').map((r) => r.eventId);
  const waitlists = waitEvents.length
    ? await db
        .select({ id: eventRegistration.id, eventId: eventRegistration.eventId, createdAt: eventRegistration.createdAt })
        .from(eventRegistration)
        .where(and(inArray(eventRegistration.eventId, waitEvents), eq(eventRegistration.status, 'waitlisted')))
    : [];
  const positions = waitlistPositions(waitlists);
  return new Map(
    mine.map((r) => [
      r.eventId,
      { id: r.id, status: r.status as 'registered' | 'waitlisted', checkInCode: r.checkInCode, waitlistPosition: r.status === 'waitlisted' ? (positions.get(r.id) ?? null) : null },
    ]),
  );
}

function serialize(row: Counted, baseUrl: string, mine: Awaited<ReturnType<typeof myRegistrations>>) {
  const e = row.e;
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: EVENT_KIND_LABELS[e.kind],
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    venue: e.venue,
    onlineUrl: e.onlineUrl,
    targetAudience: e.targetAudience,
    staff: e.staff,
    programme: e.programme,
    capacity: e.capacity,
    registrationOpen: e.registrationOpen,
    registrationClosesAt: e.registrationClosesAt?.toISOString() ?? null,
    acceptingRegistrations: acceptingRegistrations(e),
    publicRegistration: e.publicRegistration,
    publicUrl: e.publicRegistration ? `${baseUrl}/public/events/${e.publicToken}` : null,
    minutes: e.minutes,
    hostMunicipalityCode: e.hostMunicipalityCode,
    status: e.status,
    counts: { registered: row.registered, waitlisted: row.waitlisted, checkedIn: row.checkedIn, staff: row.staff, seatsLeft: seatsLeft(e.capacity, row.seated) },
    myRegistration: mine.get(e.id) ?? null,
    materialCount: row.materials,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export async function listEvents(opts: {
  db: Db;
  actor: Actor;
  baseUrl: string;
  from?: string;
  to?: string;
  kind?: EventRow['kind'];
  q?: string;
  mine?: boolean;
  limit: number;
  cursor?: string;
}) {
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  const q = opts.q ? normalizeForSearch(opts.q) : '';
  const where = and(
    opts.from ? gte(event.startsAt, tokyoDayStart(opts.from)) : undefined,
    // `to` is inclusive: events starting before the next day's midnight in Tokyo.
    opts.to ? lt(event.startsAt, new Date(tokyoDayStart(opts.to).getTime() + 86_400_000)) : undefined,
    opts.kind ? eq(event.kind, opts.kind) : undefined,
    // Event titles are few; a normalised contains-match is enough (no index needed).
    q ? sql`translate(lower(normalize(${event.title} || ' ' || ${event.targetAudience} || ' ' || coalesce(${event.venue}, ''), NFKC)), ${KATA}, ${HIRA}) like ${`%${escapeLike(q)}%`}` : undefined,
    opts.mine
      ? sql`exists (select 1 from ${eventRegistration} r where r.event_id = ${event.id} and r.user_id = ${opts.actor.userId} and r.status <> 'cancelled')`
      : undefined,
  );
  const [{ total } = { total: 0 }] = await opts.db.select({ total: sql<number>`count(*)::int` }).from(event).where(where);
  const rows = await opts.db
    .select({ e: event, ...countsSql })
    .from(event)
    .where(after ? and(where, sql`(${event.startsAt}, ${event.id}) > (${after[0]}::timestamptz, ${after[1]})`) : where)
    .orderBy(asc(event.startsAt), asc(event.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.e.startsAt.toISOString(), r.e.id]);
  const mine = await myRegistrations(opts.db, opts.actor.userId, page.items.map((r) => r.e.id));
  return { items: page.items.map((r) => serialize(r, opts.baseUrl, mine)), total, nextCursor: page.nextCursor };
}

// Katakana → hiragana in SQL, the same folding as normalizeForSearch (ァ..ヶ → ぁ..ゖ).
export const KATA = 'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ';
export const HIRA = 'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔかけ';

export async function getEvent(opts: { db: DbOrTx; actor: Actor; baseUrl: string; id: string }) {
  const [row] = await opts.db.select({ e: event, ...countsSql }).from(event).where(eq(event.id, opts.id));
  if (!row) throw notFound('行事');
  return serialize(row, opts.baseUrl, await myRegistrations(opts.db, opts.actor.userId, [opts.id]));
}

export async function getEventRow(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(event).where(eq(event.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('行事');
  return row;
}

export async function createEvent(opts: { db: Db; actor: Actor; baseUrl: string; input: z.infer<typeof CreateEventSchema> }) {
  const { input } = opts;
  const id = newId();
  await opts.db.transaction(async (tx) => {
    await tx.insert(event).values({
      id,
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      venue: input.venue ?? null,
      onlineUrl: input.onlineUrl ?? null,
      targetAudience: input.targetAudience ?? '',
      staff: input.staff ?? [],
      programme: input.programme ?? [],
      capacity: input.capacity ?? null,
      registrationOpen: input.registrationOpen ?? true,
      registrationClosesAt: input.registrationClosesAt ? new Date(input.registrationClosesAt) : null,
      publicRegistration: input.publicRegistration ?? false,
      publicToken: randomToken(18),
      hostMunicipalityCode: input.hostMunicipalityCode ?? null,
      minutes: input.minutes ?? null,
      createdBy: opts.actor.userId,
    });
    await writeAudit(tx, opts.actor.audit, { action: 'event.create', entityType: 'event', entityId: id, details: { kind: input.kind, title: input.title } });
  });
  return getEvent({ db: opts.db, actor: opts.actor, baseUrl: opts.baseUrl, id });
}

export async function updateEvent(opts: { db: Db; actor: Actor; baseUrl: string; id: string; input: z.infer<typeof UpdateEventSchema> }) {
  const { input } = opts;
  await opts.db.transaction(async (tx) => {
    const existing = await getEventRow(tx, opts.id, true);
    const startsAt = input.startsAt ? new Date(input.startsAt) : existing.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : existing.endsAt;
    if (endsAt < startsAt) {
      throw new AppError('VALIDATION_FAILED', '終了日時は開始日時より後にしてください。', { fields: [{ field: 'endsAt', label: '終了日時', message: '終了日時: 開始日時より後にしてください' }] });
    }
    const { regeneratePublicLink, ...fields } = input;
    await tx
      .update(event)
      .set({
        ...fields,
        startsAt,
        endsAt,
        registrationClosesAt: input.registrationClosesAt === undefined ? undefined : input.registrationClosesAt ? new Date(input.registrationClosesAt) : null,
        ...(regeneratePublicLink ? { publicToken: randomToken(18) } : {}),
        sequence: existing.sequence + 1,
        updatedAt: new Date(),
      })
      .where(eq(event.id, opts.id));
    // A larger capacity frees seats: move people up from the waiting list at once.
    if (input.capacity !== undefined) await promoteFromWaitlist({ tx, eventId: opts.id, baseUrl: opts.baseUrl });
    await writeAudit(tx, opts.actor.audit, { action: 'event.update', entityType: 'event', entityId: opts.id, details: { fields: Object.keys(input) } });
  });
  return getEvent({ db: opts.db, actor: opts.actor, baseUrl: opts.baseUrl, id: opts.id });
}

export async function deleteEvent(opts: { db: Db; audit: AuditContext; id: string; storage: MaterialStorageConfig }) {
  const keys = await opts.db.transaction(async (tx) => {
    // Materials go with the event (cascade); files kept in a directory are removed after the commit.
    const files = await tx.select({ key: eventMaterial.storageKey }).from(eventMaterial).where(eq(eventMaterial.eventId, opts.id));
    const [row] = await tx.delete(event).where(eq(event.id, opts.id)).returning({ id: event.id, title: event.title });
    if (!row) throw notFound('行事');
    await writeAudit(tx, opts.audit, { action: 'event.delete', entityType: 'event', entityId: row.id, details: { title: row.title } });
    return files.map((f) => f.key);
  });
  await removeMaterialFiles(opts.storage, keys);
}
