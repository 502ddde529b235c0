// Results (charts per question), comparison of two events, CSV export, indicator trends.
import { randomBytes } from 'node:crypto';
import { toCsv } from '../../lib/csv.js';
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../../shared/contracts/events.js';
import type { CreateIndicatorSchema, TrackQuestionSchema, UpdateIndicatorSchema } from '../../../shared/contracts/surveys.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { event, eventRegistration, indicator, survey, surveyAnswer, surveyInvitation, surveyQuestion, surveyResponse } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { aggregateSurvey, filterResponses, indicatorPoint, mapOptionsByLabel, MIN_FILTERED_GROUP, type AggResponse } from './aggregate.js';
import { getSurveyRow, questionsOf } from './surveys.js';

type SurveyRow = typeof survey.$inferSelect;

async function loadResponses(db: DbOrTx, surveyIds: string[]) {
  if (surveyIds.length === 0) return new Map<string, (AggResponse & { id: string; surveyId: string; submittedOn: string; submittedAt: Date | null; respondentEmail: string | null })[]>();
  const responses = await db.select().from(surveyResponse).where(inArray(surveyResponse.surveyId, surveyIds)).orderBy(asc(surveyResponse.id));
  const answers = responses.length
    ? await db.select().from(surveyAnswer).where(inArray(surveyAnswer.responseId, responses.map((r) => r.id)))
    : [];
  const byResponse = new Map<string, Map<string, { choices: number[] | null; numberValue: number | null; textValue: string | null }>>();
  for (const a of answers) {
    const m = byResponse.get(a.responseId) ?? new Map();
    m.set(a.questionId, { choices: a.choices, numberValue: a.numberValue, textValue: a.textValue });
    byResponse.set(a.responseId, m);
  }
  const out = new Map<string, (AggResponse & { id: string; surveyId: string; submittedOn: string; submittedAt: Date | null; respondentEmail: string | null })[]>();
  for (const r of responses) {
    out.set(r.surveyId, [
      ...(out.get(r.surveyId) ?? []),
      {
        id: r.id,
        surveyId: r.surveyId,
        submittedOn: r.submittedOn,
        submittedAt: r.submittedAt,
        respondentEmail: r.respondentEmail,
        respondentName: r.respondentName,
        municipalityName: r.municipalityName,
        respondentRole: r.respondentRole,
        answers: byResponse.get(r.id) ?? new Map(),
      },
    ]);
  }
  return out;
}

/** Denominator of the response rate: invitations sent, else the event's participants (audience, not staff). */
async function invitedCount(db: DbOrTx, s: SurveyRow): Promise<number> {
  const [sent] = await db
    .select({ n: count() })
    .from(surveyInvitation)
    .where(and(eq(surveyInvitation.surveyId, s.id), sql`(${surveyInvitation.registrationId} is not null or ${surveyInvitation.userId} is null)`));
  if ((sent?.n ?? 0) > 0) return sent!.n;
  if (!s.eventId) return 0;
  const [checked] = await db
    .select({ n: count() })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, s.eventId), eq(eventRegistration.status, 'registered'), eq(eventRegistration.isStaff, false), isNotNull(eventRegistration.checkedInAt)));
  if ((checked?.n ?? 0) > 0) return checked!.n;
  const [reg] = await db
    .select({ n: count() })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, s.eventId), eq(eventRegistration.status, 'registered'), eq(eventRegistration.isStaff, false)));
  return reg?.n ?? 0;
}

export async function surveyResults(opts: { db: DbOrTx; actor: Actor; id: string; municipality?: string; role?: ParticipantRole; q?: string }) {
  const s = await getSurveyRow(opts.db, opts.id);
  const [questions, responses, invited, [ev]] = await Promise.all([
    questionsOf(opts.db, s.id),
    loadResponses(opts.db, [s.id]),
    invitedCount(opts.db, s),
    s.eventId ? opts.db.select({ title: event.title, startsAt: event.startsAt }).from(event).where(eq(event.id, s.eventId)) : Promise.resolve([]),
  ]);
  const all = responses.get(s.id) ?? [];
  const agg = aggregateSurvey({ questions, responses: all, isAnonymous: s.isAnonymous, filter: { municipality: opts.municipality, role: opts.role }, q: opts.q });
  await writeAudit(opts.db, opts.actor.audit, { action: 'survey.results_read', entityType: 'survey', entityId: s.id });
  return {
    surveyId: s.id,
    title: s.title,
    eventTitle: ev?.title ?? null,
    eventStartsAt: ev?.startsAt.toISOString() ?? null,
    isAnonymous: s.isAnonymous,
    responseCount: agg.responseCount,
    invitedCount: invited,
    responseRate: invited > 0 ? Math.round((all.length / invited) * 1000) / 1000 : null,
    suppressed: agg.suppressed,
    questions: agg.questions,
  };
}

export async function compareSurveys(opts: { db: Db; actor: Actor; a: string; b: string; municipality?: string; role?: ParticipantRole }) {
  const [a, b] = await Promise.all([surveyResults({ ...opts, id: opts.a }), surveyResults({ ...opts, id: opts.b })]);
  const [qa, qb] = await Promise.all([questionsOf(opts.db, opts.a), questionsOf(opts.db, opts.b)]);
  const pairs: { aQuestionId: string; bQuestionId: string; by: 'indicator' | 'text' }[] = [];
  const usedB = new Set<string>();
  for (const x of qa) {
    const y = (x.indicatorId && qb.find((q) => q.indicatorId === x.indicatorId && !usedB.has(q.id))) || qb.find((q) => q.text.trim() === x.text.trim() && q.type === x.type && !usedB.has(q.id));
    if (!y) continue;
    usedB.add(y.id);
    pairs.push({ aQuestionId: x.id, bQuestionId: y.id, by: x.indicatorId && x.indicatorId === y.indicatorId ? 'indicator' : 'text' });
  }
  return { a, b, pairs };
}

/**
 * Raw responses as CSV (UTF-8 with BOM, so Excel opens Japanese correctly). Anonymous surveys:
 * no name, e-mail or time — a sequence number and the day only, rows in random (id) order.
 */
export async function exportResponsesCsv(opts: { db: Db; actor: Actor; id: string }) {
  const s = await getSurveyRow(opts.db, opts.id);
  const questions = await questionsOf(opts.db, s.id);
  const responses = (await loadResponses(opts.db, [s.id])).get(s.id) ?? [];
  const header = [
    '番号',
    '回答日',
    ...(s.isAnonymous ? [] : ['回答日時', '氏名', 'メールアドレス']),
    '市区町村',
    '職種',
    ...questions.map((q) => `Q${q.position} ${q.text}`),
  ];
  const rows = responses.map((r, i) => [
    String(i + 1),
    r.submittedOn,
    ...(s.isAnonymous ? [] : [r.submittedAt?.toISOString() ?? '', r.respondentName ?? '', r.respondentEmail ?? '']),
    r.municipalityName ?? '',
    r.respondentRole ? (PARTICIPANT_ROLE_LABELS[r.respondentRole as ParticipantRole] ?? r.respondentRole) : '',
    ...questions.map((q) => {
      const a = r.answers.get(q.id);
      if (!a) return '';
      if (q.type === 'number') return a.numberValue === null || a.numberValue === undefined ? '' : String(a.numberValue);
      if (q.type === 'text') return a.textValue ?? '';
      return (a.choices ?? []).map((c) => q.options[c] ?? String(c)).join(' / ');
    }),
  ]);
  await writeAudit(opts.db, opts.actor.audit, { action: 'survey.export_csv', entityType: 'survey', entityId: s.id, details: { rows: rows.length } });
  return { filename: `${s.title}_回答.csv`, body: toCsv([header, ...rows]) };
}

// Indicators

async function serializeIndicators(db: DbOrTx, rows: (typeof indicator.$inferSelect)[]) {
  const counts = rows.length
    ? await db.select({ id: surveyQuestion.indicatorId, n: count() }).from(surveyQuestion).where(inArray(surveyQuestion.indicatorId, rows.map((r) => r.id))).groupBy(surveyQuestion.indicatorId)
    : [];
  return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, description: r.description, options: r.options, positiveOptions: r.positiveOptions, questionCount: counts.find((c) => c.id === r.id)?.n ?? 0 }));
}

export async function listIndicators(opts: { db: Db }) {
  const rows = await opts.db.select().from(indicator).orderBy(asc(indicator.createdAt));
  const items = await serializeIndicators(opts.db, rows);
  return { items, total: items.length, nextCursor: null };
}

async function getIndicator(db: DbOrTx, id: string) {
  const [row] = await db.select().from(indicator).where(eq(indicator.id, id));
  if (!row) throw notFound('指標');
  return row;
}

const checkPositive = (options: string[], positive: number[] | undefined) => {
  if (positive?.some((i) => i >= options.length))
    throw new AppError('VALIDATION_FAILED', '肯定的な選択肢の番号が選択肢の数を超えています。', { fields: [{ field: 'positiveOptions', label: '肯定的な選択肢', message: '肯定的な選択肢: 範囲外の番号です' }] });
};

const checkDistinct = (options: string[]) => {
  if (new Set(options).size !== options.length)
    throw new AppError('VALIDATION_FAILED', '同じ選択肢が2回あります。', { fields: [{ field: 'options', label: '選択肢（良い順）', message: '選択肢（良い順）: 同じ選択肢が2回あります' }] });
};

export async function createIndicator(opts: { db: Db; actor: Actor; input: z.infer<typeof CreateIndicatorSchema> }) {
  checkPositive(opts.input.options, opts.input.positiveOptions);
  checkDistinct(opts.input.options);
  const id = newId();
  const key = opts.input.key ?? `indicator_${randomBytes(5).toString('hex')}`;
  await opts.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: indicator.id }).from(indicator).where(eq(indicator.key, key));
    if (dup) throw new AppError('VALIDATION_FAILED', `キー「${key}」はすでに使われています。`, { fields: [{ field: 'key', label: 'キー', message: `キー: 「${key}」はすでに使われています` }] });
    await tx.insert(indicator).values({ id, key, name: opts.input.name, description: opts.input.description ?? '', options: opts.input.options, positiveOptions: opts.input.positiveOptions ?? [] });
    await writeAudit(tx, opts.actor.audit, { action: 'indicator.create', entityType: 'indicator', entityId: id, details: { key } });
  });
  return (await serializeIndicators(opts.db, [await getIndicator(opts.db, id)]))[0]!;
}

export async function updateIndicator(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof UpdateIndicatorSchema> }) {
  await opts.db.transaction(async (tx) => {
    const cur = await getIndicator(tx, opts.id);
    checkPositive(opts.input.options ?? cur.options, opts.input.positiveOptions ?? cur.positiveOptions);
    if (opts.input.options) checkDistinct(opts.input.options);
    // Tracked questions map their options onto these by position: relabelling is fine, but
    // adding or removing an option would silently shift every mapping.
    if (opts.input.options && opts.input.options.length !== cur.options.length) {
      const [tracked] = await tx.select({ n: count() }).from(surveyQuestion).where(eq(surveyQuestion.indicatorId, cur.id));
      if ((tracked?.n ?? 0) > 0)
        throw new AppError('CONFLICT', `この指標には${tracked!.n}件の質問が対応づけられているため、選択肢の数は変えられません（名前の変更はできます）。追跡を外すか、新しい指標を作ってください。`);
    }
    await tx.update(indicator).set({ ...opts.input, updatedAt: new Date() }).where(eq(indicator.id, opts.id));
    await writeAudit(tx, opts.actor.audit, { action: 'indicator.update', entityType: 'indicator', entityId: opts.id, details: { fields: Object.keys(opts.input) } });
  });
  return (await serializeIndicators(opts.db, [await getIndicator(opts.db, opts.id)]))[0]!;
}

/**
 * Removes an indicator. Its questions stop tracking it (the foreign key sets them to null);
 * surveys and answers stay.
 */
export async function deleteIndicator(opts: { db: Db; actor: Actor; id: string }) {
  await opts.db.transaction(async (tx) => {
    const cur = await getIndicator(tx, opts.id);
    const untracked = await tx.update(surveyQuestion).set({ indicatorId: null, indicatorOptionMap: null }).where(eq(surveyQuestion.indicatorId, cur.id)).returning({ id: surveyQuestion.id });
    await tx.delete(indicator).where(eq(indicator.id, cur.id));
    await writeAudit(tx, opts.actor.audit, { action: 'indicator.delete', entityType: 'indicator', entityId: cur.id, details: { key: cur.key, name: cur.name, options: cur.options, positiveOptions: cur.positiveOptions, untrackedQuestions: untracked.map((q) => q.id) } });
  });
}

/** Marks a question as measuring an indicator, mapping its options onto the indicator's. */
export async function trackQuestion(opts: { db: Db; actor: Actor; surveyId: string; questionId: string; input: z.infer<typeof TrackQuestionSchema> }) {
  await opts.db.transaction(async (tx) => {
    const [q] = await tx.select().from(surveyQuestion).where(and(eq(surveyQuestion.id, opts.questionId), eq(surveyQuestion.surveyId, opts.surveyId)));
    if (!q) throw notFound('質問');
    if (opts.input.indicatorId === null) {
      await tx.update(surveyQuestion).set({ indicatorId: null, indicatorOptionMap: null }).where(eq(surveyQuestion.id, q.id));
    } else {
      if (q.type !== 'single' && q.type !== 'likert') throw new AppError('CONFLICT', '指標にできるのは単一選択と段階評価の質問です。');
      const ind = await getIndicator(tx, opts.input.indicatorId);
      const map = opts.input.optionMap ?? mapOptionsByLabel(q.options, ind.options);
      if (map.length !== q.options.length || map.some((m) => m !== null && m >= ind.options.length))
        throw new AppError('VALIDATION_FAILED', '選択肢の対応が質問の選択肢と合いません。', { fields: [{ field: 'optionMap', label: '選択肢の対応', message: '選択肢の対応: 質問の選択肢ごとに、指標の選択肢の番号（または null）を指定してください' }] });
      await tx.update(surveyQuestion).set({ indicatorId: ind.id, indicatorOptionMap: map }).where(eq(surveyQuestion.id, q.id));
    }
    await writeAudit(tx, opts.actor.audit, { action: 'survey.track_question', entityType: 'survey_question', entityId: q.id, details: { indicatorId: opts.input.indicatorId } });
  });
  const [q] = await opts.db.select().from(surveyQuestion).where(eq(surveyQuestion.id, opts.questionId));
  return { id: q!.id, indicatorId: q!.indicatorId, indicatorOptionMap: q!.indicatorOptionMap ?? null };
}

/** The indicator across events, oldest first, optionally for one city and/or role. */
export async function indicatorTrend(opts: { db: Db; id: string; municipality?: string; role?: ParticipantRole }) {
  const ind = await getIndicator(opts.db, opts.id);
  const qs = await opts.db
    .select({ q: surveyQuestion, s: survey, eventTitle: event.title, eventStartsAt: event.startsAt })
    .from(surveyQuestion)
    .innerJoin(survey, eq(survey.id, surveyQuestion.surveyId))
    .leftJoin(event, eq(event.id, survey.eventId))
    .where(eq(surveyQuestion.indicatorId, ind.id));
  const responses = await loadResponses(opts.db, [...new Set(qs.map((x) => x.s.id))]);
  const filtered = Boolean(opts.municipality || opts.role);
  const points = qs.map((x) => {
    const rs = filterResponses(responses.get(x.s.id) ?? [], { municipality: opts.municipality, role: opts.role });
    const suppressed = x.s.isAnonymous && filtered && rs.length > 0 && rs.length < MIN_FILTERED_GROUP;
    const optionMap = x.q.indicatorOptionMap ?? mapOptionsByLabel(x.q.options, ind.options);
    const p = indicatorPoint({ indicatorOptions: ind.options, positiveOptions: ind.positiveOptions, question: x.q, optionMap, responses: suppressed ? [] : rs });
    return {
      surveyId: x.s.id,
      surveyTitle: x.s.title,
      eventId: x.s.eventId,
      eventTitle: x.eventTitle,
      questionId: x.q.id,
      questionText: x.q.text,
      questionOptions: x.q.options,
      optionMap,
      date: (x.eventStartsAt ?? x.s.createdAt).toISOString(),
      ...p,
      suppressed,
    };
  });
  points.sort((a, b) => a.date.localeCompare(b.date));
  return { indicator: (await serializeIndicators(opts.db, [ind]))[0]!, points };
}
