// Survey definitions: create, change, copy from a previous event, list, read.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CopySurveySchema, CreateSurveySchema, QuestionInputSchema, UpdateSurveySchema } from '../../../shared/contracts/surveys.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { event, eventRegistration, survey, surveyInvitation, surveyQuestion, surveyResponse } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';
import { can } from '../permissions.js';

type SurveyRow = typeof survey.$inferSelect;
type QuestionRow = typeof surveyQuestion.$inferSelect;

export const serializeQuestion = (q: QuestionRow) => ({
  id: q.id,
  position: q.position,
  type: q.type,
  text: q.text,
  required: q.required,
  options: q.options,
  minValue: q.minValue,
  maxValue: q.maxValue,
  indicatorId: q.indicatorId,
  indicatorOptionMap: q.indicatorOptionMap ?? null,
});

export async function getSurveyRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(survey).where(eq(survey.id, id));
  if (!row) throw notFound('アンケート');
  return row;
}

export async function questionsOf(db: DbOrTx, surveyId: string) {
  return db.select().from(surveyQuestion).where(eq(surveyQuestion.surveyId, surveyId)).orderBy(asc(surveyQuestion.position));
}

/** Open for answers: status open and before the deadline. */
export const isAnswerable = (s: Pick<SurveyRow, 'status' | 'closesAt'>, now = new Date()) => s.status === 'open' && (!s.closesAt || now < s.closesAt);

/**
 * May this member answer in the app? A stand-alone survey: any member. A survey attached to an
 * event: those registered for it (or holding an invitation).
 */
export async function canMemberAnswer(db: DbOrTx, actor: Actor, s: SurveyRow): Promise<boolean> {
  if (!can(actor, 'answer:surveys')) return false;
  if (!s.eventId) return true;
  const [reg] = await db
    .select({ id: eventRegistration.id })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, s.eventId), eq(eventRegistration.userId, actor.userId), eq(eventRegistration.status, 'registered')))
    .limit(1);
  if (reg) return true;
  const [inv] = await db.select({ id: surveyInvitation.id }).from(surveyInvitation).where(and(eq(surveyInvitation.surveyId, s.id), eq(surveyInvitation.userId, actor.userId))).limit(1);
  return Boolean(inv);
}

async function serializeSurvey(db: DbOrTx, s: SurveyRow, actor: Actor) {
  const [questions, [ev], [responses], [invitations], [mine]] = await Promise.all([
    questionsOf(db, s.id),
    s.eventId ? db.select({ title: event.title, startsAt: event.startsAt }).from(event).where(eq(event.id, s.eventId)) : Promise.resolve([]),
    db.select({ n: count() }).from(surveyResponse).where(eq(surveyResponse.surveyId, s.id)),
    db.select({ n: count() }).from(surveyInvitation).where(and(eq(surveyInvitation.surveyId, s.id), sql`${surveyInvitation.email} is not null or ${surveyInvitation.registrationId} is not null or ${surveyInvitation.userId} is null`)),
    db.select({ usedAt: surveyInvitation.usedAt }).from(surveyInvitation).where(and(eq(surveyInvitation.surveyId, s.id), eq(surveyInvitation.userId, actor.userId))),
  ]);
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    eventId: s.eventId,
    eventTitle: ev?.title ?? null,
    eventStartsAt: ev?.startsAt.toISOString() ?? null,
    isAnonymous: s.isAnonymous,
    status: s.status,
    closesAt: s.closesAt?.toISOString() ?? null,
    autoDistribute: s.autoDistribute,
    autoDistributedAt: s.autoDistributedAt?.toISOString() ?? null,
    copiedFromId: s.copiedFromId,
    questions: questions.map(serializeQuestion),
    responseCount: responses?.n ?? 0,
    invitationCount: invitations?.n ?? 0,
    responded: Boolean(mine?.usedAt),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function getSurvey(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const s = await getSurveyRow(opts.db, opts.id);
  const manager = can(opts.actor, 'manage:surveys') || can(opts.actor, 'read:survey-results');
  if (!manager && (s.status === 'draft' || !(await canMemberAnswer(opts.db, opts.actor, s)))) throw notFound('アンケート');
  return serializeSurvey(opts.db, s, opts.actor);
}

export async function listSurveys(opts: { db: Db; actor: Actor; eventId?: string; status?: SurveyRow['status']; toAnswer?: boolean; limit: number; cursor?: string }) {
  const manager = can(opts.actor, 'manage:surveys') || can(opts.actor, 'read:survey-results');
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  // Members see open surveys they may answer: stand-alone, or of an event they attended.
  const memberScope = sql`(${survey.status} = 'open' and (${survey.eventId} is null or exists (select 1 from ${eventRegistration} r where r.event_id = ${survey.eventId} and r.user_id = ${opts.actor.userId} and r.status = 'registered') or exists (select 1 from ${surveyInvitation} i where i.survey_id = ${survey.id} and i.user_id = ${opts.actor.userId})))`;
  const notAnswered = sql`not exists (select 1 from ${surveyInvitation} i where i.survey_id = ${survey.id} and i.user_id = ${opts.actor.userId} and i.used_at is not null)`;
  const where = and(
    opts.eventId ? eq(survey.eventId, opts.eventId) : undefined,
    opts.status ? eq(survey.status, opts.status) : undefined,
    manager && !opts.toAnswer ? undefined : memberScope,
    opts.toAnswer ? notAnswered : undefined,
  );
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(survey).where(where);
  const rows = await opts.db
    .select()
    .from(survey)
    .where(after ? and(where, sql`(${survey.createdAt}, ${survey.id}) < (${after[0]}::timestamptz, ${after[1]})`) : where)
    .orderBy(desc(survey.createdAt), desc(survey.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.createdAt.toISOString(), r.id]);
  const items = [];
  for (const s of page.items) items.push(await serializeSurvey(opts.db, s, opts.actor));
  return { items, total, nextCursor: page.nextCursor };
}

async function assertEvent(tx: DbOrTx, eventId: string | null | undefined) {
  if (!eventId) return;
  const [e] = await tx.select({ id: event.id }).from(event).where(eq(event.id, eventId));
  if (!e) throw new AppError('VALIDATION_FAILED', '行事が見つかりません。', { fields: [{ field: 'eventId', label: '行事', message: '行事: 見つかりません' }] });
}

/**
 * Writes a survey's questions. `previous` (an edit of a draft): a question sent back with its
 * id keeps that id and, while its type and number of options are unchanged, its indicator
 * link — fixing a typo must not silently stop the region's indicator from counting it.
 */
async function insertQuestions(tx: DbOrTx, surveyId: string, questions: z.infer<typeof QuestionInputSchema>[] | QuestionRow[], previous: QuestionRow[] = []) {
  if (questions.length === 0) return;
  const before = new Map(previous.map((q) => [q.id, q]));
  const used = new Set<string>();
  const link = (q: (typeof questions)[number]) => {
    // A copy carries its source's links as they are.
    if ('surveyId' in q) return { id: newId(), indicatorId: q.indicatorId, indicatorOptionMap: q.indicatorOptionMap };
    const old = q.id && !used.has(q.id) ? before.get(q.id) : undefined;
    if (!old || old.type !== q.type || old.options.length !== (q.options ?? []).length) return { id: newId(), indicatorId: null, indicatorOptionMap: null };
    used.add(old.id);
    return { id: old.id, indicatorId: old.indicatorId, indicatorOptionMap: old.indicatorOptionMap };
  };
  await tx.insert(surveyQuestion).values(
    questions.map((q, i) => ({
      ...link(q),
      surveyId,
      position: i + 1,
      type: q.type,
      text: q.text,
      required: q.required ?? false,
      options: q.type === 'number' || q.type === 'text' ? [] : (q.options ?? []),
      minValue: q.minValue ?? null,
      maxValue: q.maxValue ?? null,
    })),
  );
}

export async function createSurvey(opts: { db: Db; actor: Actor; input: z.infer<typeof CreateSurveySchema> }) {
  const { input } = opts;
  const id = newId();
  await opts.db.transaction(async (tx) => {
    await assertEvent(tx, input.eventId);
    await tx.insert(survey).values({
      id,
      title: input.title,
      description: input.description ?? '',
      eventId: input.eventId ?? null,
      isAnonymous: input.isAnonymous ?? true,
      closesAt: input.closesAt ? new Date(input.closesAt) : null,
      // On by default for an event's survey: it goes to the attendees after the event.
      autoDistribute: Boolean(input.eventId) && (input.autoDistribute ?? true),
      createdBy: opts.actor.userId,
    });
    await insertQuestions(tx, id, input.questions);
    await writeAudit(tx, opts.actor.audit, { action: 'survey.create', entityType: 'survey', entityId: id, details: { title: input.title, questions: input.questions.length } });
  });
  return getSurvey({ db: opts.db, actor: opts.actor, id });
}

export async function updateSurvey(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof UpdateSurveySchema> }) {
  const { input } = opts;
  await opts.db.transaction(async (tx) => {
    const s = await getSurveyRow(tx, opts.id);
    await assertEvent(tx, input.eventId);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(surveyResponse).where(eq(surveyResponse.surveyId, s.id));
    if (n > 0 && (input.questions || (input.isAnonymous !== undefined && input.isAnonymous !== s.isAnonymous)))
      // Changing questions or the anonymity promise after people answered would misreport what they agreed to.
      throw new AppError('CONFLICT', '回答があるため、質問と無記名／記名の設定は変更できません。コピーして新しいアンケートを作ってください。');
    if (input.questions) {
      const previous = await questionsOf(tx, s.id);
      await tx.delete(surveyQuestion).where(eq(surveyQuestion.surveyId, s.id));
      await insertQuestions(tx, s.id, input.questions, previous);
    }
    const { questions: _q, ...fields } = input;
    await tx
      .update(survey)
      .set({ ...fields, closesAt: input.closesAt === undefined ? undefined : input.closesAt ? new Date(input.closesAt) : null, updatedAt: new Date() })
      .where(eq(survey.id, s.id));
    await writeAudit(tx, opts.actor.audit, { action: 'survey.update', entityType: 'survey', entityId: s.id, details: { fields: Object.keys(input) } });
  });
  return getSurvey({ db: opts.db, actor: opts.actor, id: opts.id });
}

export async function deleteSurvey(opts: { db: Db; actor: Actor; id: string }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.delete(survey).where(eq(survey.id, opts.id)).returning({ id: survey.id, title: survey.title });
    if (!row) throw notFound('アンケート');
    await writeAudit(tx, opts.actor.audit, { action: 'survey.delete', entityType: 'survey', entityId: row.id, details: { title: row.title } });
  });
}

/** "Copy from a previous event": a new draft with the same questions (and indicator links). */
export async function copySurvey(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof CopySurveySchema> }) {
  const id = newId();
  await opts.db.transaction(async (tx) => {
    const src = await getSurveyRow(tx, opts.id);
    await assertEvent(tx, opts.input.eventId);
    await tx.insert(survey).values({
      id,
      title: opts.input.title ?? src.title,
      description: src.description,
      eventId: opts.input.eventId ?? null,
      isAnonymous: src.isAnonymous,
      autoDistribute: Boolean(opts.input.eventId),
      copiedFromId: src.id,
      createdBy: opts.actor.userId,
    });
    await insertQuestions(tx, id, await questionsOf(tx, src.id));
    await writeAudit(tx, opts.actor.audit, { action: 'survey.copy', entityType: 'survey', entityId: id, details: { from: src.id } });
  });
  return getSurvey({ db: opts.db, actor: opts.actor, id });
}

export async function surveysByIds(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(survey).where(inArray(survey.id, ids)) : [];
}
