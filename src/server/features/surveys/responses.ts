// Answering: invitations (single-use tokens), member answers in the app, public answers by link.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { PARTICIPANT_ROLE_LABELS, PARTICIPANT_ROLES } from '../../../shared/contracts/events.js';
import type { CreateInvitationsSchema, SubmitResponseSchema } from '../../../shared/contracts/surveys.js';
import { toTokyoIsoDate } from './dates.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { event, eventRegistration, municipality, survey, surveyAnswer, surveyInvitation, surveyResponse, user } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError, type FieldError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hashToken, randomToken } from '../../lib/tokens.js';
import { notifyUsers, queueEmail } from '../notifications/notify.js';
import { canMemberAnswer, getSurveyRow, isAnswerable, questionsOf, serializeQuestion } from './surveys.js';

type Submit = z.infer<typeof SubmitResponseSchema>;
type QuestionRow = Awaited<ReturnType<typeof questionsOf>>[number];
type SurveyRow = typeof survey.$inferSelect;

/** Checks answers against the questions; returns rows to store or throws naming each question. */
export function validateAnswers(questions: QuestionRow[], answers: Submit['answers']) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const errors: FieldError[] = [];
  const rows: { questionId: string; choices: number[] | null; numberValue: number | null; textValue: string | null }[] = [];
  const seen = new Set<string>();
  for (const a of answers) {
    const q = byId.get(a.questionId);
    const field = `answers.${a.questionId}`;
    if (!q) {
      errors.push({ field, message: 'このアンケートにない質問です' });
      continue;
    }
    if (seen.has(q.id)) {
      errors.push({ field, label: `質問${q.position}`, message: `質問${q.position}: 同じ質問に2回答えています` });
      continue;
    }
    seen.add(q.id);
    const label = `質問${q.position}`;
    if (q.type === 'single' || q.type === 'likert' || q.type === 'multiple') {
      const choices = [...new Set(a.choices ?? [])];
      if (choices.length === 0) continue;
      if (choices.some((c) => c < 0 || c >= q.options.length)) errors.push({ field, label, message: `${label}: 選択肢にない値です` });
      else if (q.type !== 'multiple' && choices.length > 1) errors.push({ field, label, message: `${label}: 1つだけ選んでください` });
      else rows.push({ questionId: q.id, choices: choices.sort((x, y) => x - y), numberValue: null, textValue: null });
    } else if (q.type === 'number') {
      if (a.number === undefined) continue;
      if ((q.minValue !== null && a.number < q.minValue) || (q.maxValue !== null && a.number > q.maxValue))
        errors.push({ field, label, message: `${label}: ${q.minValue ?? ''}〜${q.maxValue ?? ''} の範囲で入力してください` });
      else rows.push({ questionId: q.id, choices: null, numberValue: a.number, textValue: null });
    } else {
      // Stored exactly as typed (no trimming, no HTML processing); blank counts as no answer.
      if (a.text === undefined || a.text.trim() === '') continue;
      rows.push({ questionId: q.id, choices: null, numberValue: null, textValue: a.text });
    }
  }
  for (const q of questions) if (q.required && !rows.some((r) => r.questionId === q.id)) errors.push({ field: `answers.${q.id}`, label: `質問${q.position}`, message: `質問${q.position}: 回答してください（必須）` });
  if (errors.length) throw new AppError('VALIDATION_FAILED', `回答に誤りがあります（${errors.slice(0, 3).map((e) => e.label ?? e.field).join('、')}）。`, { fields: errors });
  return rows;
}

/** Midnight in Tokyo of the day: what anonymous surveys keep of a time. */
const dayOf = (d: Date) => new Date(`${toTokyoIsoDate(d)}T00:00:00+09:00`);

async function storeResponse(tx: DbOrTx, s: SurveyRow, rows: ReturnType<typeof validateAnswers>, who: { userId: string | null; name: string | null; email: string | null; municipalityName: string | null; role: string | null }) {
  const now = new Date();
  const id = newId();
  await tx.insert(surveyResponse).values({
    id,
    surveyId: s.id,
    // Anonymous: no user, name or e-mail, and the day only (see the anonymity model, schema/surveys.ts).
    userId: s.isAnonymous ? null : who.userId,
    respondentName: s.isAnonymous ? null : who.name,
    respondentEmail: s.isAnonymous ? null : who.email,
    municipalityName: who.municipalityName || null,
    respondentRole: who.role && (PARTICIPANT_ROLES as readonly string[]).includes(who.role) ? who.role : null,
    submittedOn: toTokyoIsoDate(now),
    submittedAt: s.isAnonymous ? null : now,
  });
  if (rows.length) await tx.insert(surveyAnswer).values(rows.map((r) => ({ responseId: id, ...r })));
  return { id, usedAt: s.isAnonymous ? dayOf(now) : now };
}

function assertOpen(s: SurveyRow) {
  if (!isAnswerable(s)) throw new AppError('GONE', 'このアンケートの回答受付は終了しています。');
}

export async function submitMemberResponse(opts: { db: Db; actor: Actor; surveyId: string; input: Submit }) {
  return opts.db.transaction(async (tx) => {
    const s = await getSurveyRow(tx, opts.surveyId);
    if (s.status === 'draft' || !(await canMemberAnswer(tx, opts.actor, s))) throw new AppError('NOT_FOUND', 'アンケートが見つかりません。');
    assertOpen(s);
    const rows = validateAnswers(await questionsOf(tx, s.id), opts.input.answers);
    // The member's invitation (made now if they had none) is the "already answered" marker; the
    // unique index on (survey, user) and the row lock stop a second answer even when racing.
    await tx
      .insert(surveyInvitation)
      .values({ id: newId(), surveyId: s.id, userId: opts.actor.userId, tokenHash: hashToken(randomToken()), expiresAt: s.closesAt ?? new Date(Date.now() + 365 * 86_400_000) })
      .onConflictDoNothing();
    const [inv] = await tx.select().from(surveyInvitation).where(and(eq(surveyInvitation.surveyId, s.id), eq(surveyInvitation.userId, opts.actor.userId))).for('update');
    if (!inv || inv.usedAt) throw new AppError('CONFLICT', 'このアンケートにはすでに回答しています。');
    const [u] = await tx.select({ name: user.name, email: user.email, city: municipality.name }).from(user).leftJoin(municipality, eq(municipality.code, user.municipalityCode)).where(eq(user.id, opts.actor.userId));
    const [reg] = s.eventId
      ? await tx.select().from(eventRegistration).where(and(eq(eventRegistration.eventId, s.eventId), eq(eventRegistration.userId, opts.actor.userId), eq(eventRegistration.status, 'registered')))
      : [];
    const role = reg?.participantRole ?? (opts.actor.roles.includes('coordinator') ? 'coordinator' : opts.actor.roles.includes('consultant') ? 'consultant' : opts.actor.roles.includes('official') ? 'official' : 'welfare_staff');
    const stored = await storeResponse(tx, s, rows, { userId: opts.actor.userId, name: u?.name ?? null, email: u?.email ?? null, municipalityName: reg?.municipalityName || u?.city || null, role });
    await tx.update(surveyInvitation).set({ usedAt: stored.usedAt }).where(eq(surveyInvitation.id, inv.id));
    // The log records that the member answered, never which response is theirs when anonymous.
    await writeAudit(tx, opts.actor.audit, { action: 'survey.respond', entityType: 'survey', entityId: s.id, details: s.isAnonymous ? {} : { responseId: stored.id } });
    return { submitted: true };
  });
}

async function findInvitation(tx: DbOrTx, token: string, lock: boolean) {
  const q = tx.select().from(surveyInvitation).where(eq(surveyInvitation.tokenHash, hashToken(token)));
  const [inv] = lock ? await q.for('update') : await q;
  if (!inv) throw new AppError('NOT_FOUND', 'このアンケートのリンクは無効です。');
  if (inv.usedAt) throw new AppError('GONE', 'このリンクではすでに回答済みです（1つのリンクで回答できるのは1回です）。');
  if (inv.expiresAt <= new Date()) throw new AppError('GONE', 'このリンクの有効期限が切れています。');
  return inv;
}

export async function getPublicSurvey(opts: { db: Db; token: string }) {
  const inv = await findInvitation(opts.db, opts.token, false);
  const s = await getSurveyRow(opts.db, inv.surveyId);
  assertOpen(s);
  const [ev] = s.eventId ? await opts.db.select({ title: event.title }).from(event).where(eq(event.id, s.eventId)) : [];
  return {
    title: s.title,
    description: s.description,
    eventTitle: ev?.title ?? null,
    isAnonymous: s.isAnonymous,
    asksRespondent: !s.isAnonymous && !inv.registrationId && !inv.userId,
    questions: (await questionsOf(opts.db, s.id)).map((q) => {
      const { indicatorId: _i, indicatorOptionMap: _m, ...rest } = serializeQuestion(q);
      return rest;
    }),
    participantRoles: PARTICIPANT_ROLES.map((code) => ({ code, label: PARTICIPANT_ROLE_LABELS[code] })),
  };
}

export async function submitPublicResponse(opts: { db: Db; audit: AuditContext; token: string; input: Submit }) {
  return opts.db.transaction(async (tx) => {
    const inv = await findInvitation(tx, opts.token, true);
    const s = await getSurveyRow(tx, inv.surveyId);
    assertOpen(s);
    if (opts.input.website) {
      await writeAudit(tx, opts.audit, { action: 'survey.public_respond', outcome: 'denied', entityType: 'survey', entityId: s.id, details: { reason: 'honeypot' } });
      return { submitted: true };
    }
    const rows = validateAnswers(await questionsOf(tx, s.id), opts.input.answers);
    const [reg] = inv.registrationId ? await tx.select().from(eventRegistration).where(eq(eventRegistration.id, inv.registrationId)) : [];
    const stored = await storeResponse(tx, s, rows, {
      userId: reg?.userId ?? inv.userId ?? null,
      name: reg?.name ?? opts.input.respondentName ?? null,
      email: reg?.email ?? inv.email ?? null,
      municipalityName: reg?.municipalityName || opts.input.municipalityName || null,
      role: reg?.participantRole ?? opts.input.respondentRole ?? null,
    });
    // Single use: the row lock above and this update make a second submission see `used_at`.
    const [used] = await tx.update(surveyInvitation).set({ usedAt: stored.usedAt }).where(and(eq(surveyInvitation.id, inv.id), isNull(surveyInvitation.usedAt))).returning({ id: surveyInvitation.id });
    if (!used) throw new AppError('GONE', 'このリンクではすでに回答済みです。');
    await writeAudit(tx, opts.audit, { action: 'survey.public_respond', entityType: 'survey', entityId: s.id });
    return { submitted: true };
  });
}

/**
 * Sends the survey: to an event's registrants or checked-in participants (members get an in-app
 * notice, everyone an e-mail with a personal link), or makes N anonymous single-use links.
 */
export async function createInvitations(opts: { db: Db; actor: Actor; surveyId: string; baseUrl: string; input: z.infer<typeof CreateInvitationsSchema> }) {
  const { input } = opts;
  return opts.db.transaction(async (tx) => {
    const s = await getSurveyRow(tx, opts.surveyId);
    if (s.status !== 'open') throw new AppError('CONFLICT', '回答受付中（open）のアンケートだけ配布できます。');
    const expiresAt = invitationExpiry(s, new Date(), input.expiresInDays);
    const links: string[] = [];
    let created = 0;
    let skipped = 0;
    if (input.audience === 'links') {
      for (let i = 0; i < (input.count ?? 1); i++) {
        const token = randomToken();
        await tx.insert(surveyInvitation).values({ id: newId(), surveyId: s.id, tokenHash: hashToken(token), expiresAt });
        links.push(`${opts.baseUrl}/public/surveys/${token}`);
        created++;
      }
    } else {
      if (!s.eventId) throw new AppError('CONFLICT', '行事に紐づいていないアンケートは、配布用リンク（links）で配ってください。');
      ({ created, skipped } = await inviteAttendees(tx, { ...s, eventId: s.eventId }, input.audience, opts.baseUrl, expiresAt));
    }
    await writeAudit(tx, opts.actor.audit, { action: 'survey.invite', entityType: 'survey', entityId: s.id, details: { audience: input.audience, created, skipped } });
    return { created, skipped, expiresAt: expiresAt.toISOString(), links };
  });
}

type SurveyRowOf = Awaited<ReturnType<typeof getSurveyRow>>;

function invitationExpiry(s: SurveyRowOf, now: Date, days = 14) {
  return new Date(Math.min(now.getTime() + days * 86_400_000, s.closesAt?.getTime() ?? Infinity));
}

/**
 * Invites an event's participants (staff excluded), each once: someone who already has an
 * invitation to this survey — by registration or as the same member — is skipped.
 */
async function inviteAttendees(tx: DbOrTx, s: SurveyRowOf & { eventId: string }, audience: 'registered' | 'checked_in', baseUrl: string, expiresAt: Date) {
  let created = 0;
  let skipped = 0;
  const regs = await tx
    .select()
    .from(eventRegistration)
    .where(
      and(
        eq(eventRegistration.eventId, s.eventId),
        eq(eventRegistration.status, 'registered'),
        eq(eventRegistration.isStaff, false),
        audience === 'checked_in' ? sql`${eventRegistration.checkedInAt} is not null` : undefined,
      ),
    );
  for (const r of regs) {
    const [existing] = await tx
      .select({ id: surveyInvitation.id })
      .from(surveyInvitation)
      .where(and(eq(surveyInvitation.surveyId, s.id), r.userId ? sql`(${surveyInvitation.registrationId} = ${r.id} or ${surveyInvitation.userId} = ${r.userId})` : eq(surveyInvitation.registrationId, r.id)));
    if (existing) {
      skipped++;
      continue;
    }
    const token = randomToken();
    await tx.insert(surveyInvitation).values({ id: newId(), surveyId: s.id, tokenHash: hashToken(token), registrationId: r.id, userId: r.userId, email: r.email.endsWith('@invalid') ? null : r.email, expiresAt });
    const url = `${baseUrl}/public/surveys/${token}`;
    if (r.userId) await notifyUsers({ tx, userIds: [r.userId], kind: 'survey.invited', title: `アンケートのお願い: ${s.title}`, link: `/surveys/${s.id}` });
    if (!r.email.endsWith('@invalid'))
      await queueEmail({
        tx,
        to: r.email,
        subject: `【つなぐ】アンケートのお願い: ${s.title}`,
        text: `ご参加ありがとうございました。以下のリンクからアンケートにご回答ください（回答は1回です。${s.isAnonymous ? '無記名で集計します。' : ''}）。\n\n${url}\n\n有効期限: ${toTokyoIsoDate(expiresAt)}\n\n— つなぐ`,
      });
    created++;
  }
  return { created, skipped };
}

/**
 * Automatic distribution after the event (scheduler, inside its transaction): every open survey
 * marked `auto_distribute` whose scheduled event has ended and that was not sent automatically yet
 * goes to the checked-in participants when check-in was used at that event, otherwise to everyone
 * registered. `auto_distributed_at` is set by a conditional update first, so a second tick or
 * instance does nothing; attendees the organiser already invited by hand are skipped. A survey
 * still in draft (or past its deadline) waits: it goes out on the first tick after it is opened.
 */
export async function processSurveyAutoDistribution(opts: { tx: DbOrTx; baseUrl: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const due = await opts.tx
    .select({ s: survey })
    .from(survey)
    .innerJoin(event, eq(event.id, survey.eventId))
    .where(
      and(
        eq(survey.autoDistribute, true),
        isNull(survey.autoDistributedAt),
        eq(survey.status, 'open'),
        sql`(${survey.closesAt} is null or ${survey.closesAt} > ${now.toISOString()}::timestamptz)`,
        eq(event.status, 'scheduled'),
        sql`${event.endsAt} <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .limit(100);
  const sent: { surveyId: string; audience: 'registered' | 'checked_in'; created: number; skipped: number }[] = [];
  for (const { s } of due) {
    const [won] = await opts.tx
      .update(survey)
      .set({ autoDistributedAt: now })
      .where(and(eq(survey.id, s.id), isNull(survey.autoDistributedAt)))
      .returning({ id: survey.id });
    if (!won) continue;
    const [checkedIn] = await opts.tx
      .select({ id: eventRegistration.id })
      .from(eventRegistration)
      .where(and(eq(eventRegistration.eventId, s.eventId!), sql`${eventRegistration.checkedInAt} is not null`))
      .limit(1);
    const audience = checkedIn ? 'checked_in' : 'registered';
    const result = await inviteAttendees(opts.tx, { ...s, eventId: s.eventId! }, audience, opts.baseUrl, invitationExpiry(s, now));
    await writeAudit(opts.tx, { label: 'system:survey-auto-distribute' }, { action: 'survey.invite', entityType: 'survey', entityId: s.id, details: { audience, automatic: true, ...result } });
    sent.push({ surveyId: s.id, audience, ...result });
  }
  return sent;
}
