// Ask a coordinator: threads, answers, resolution, and the knowledge base of resolved general
// questions (searched like the directory: normalised text + pg_trgm, see listConsultations).
import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateConsultationSchema } from '../../../shared/contracts/consultations.js';
import { findCareItem } from '../../../shared/domain/care-items.js';
import { lifeStageLabel, type LifeStage } from '../../../shared/domain/life-stage.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import { escapeLike, normalizeForSearch } from '../../../shared/text/normalize.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { consultation, consultationAnswer, user } from '../../db/schema/index.js';
import { hasRole, type Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';
import { linkTextWithGlossary } from '../glossary/glossary.js';
import { notifyUsers } from '../notifications/notify.js';
import { canPostInThread, canResolveConsultation, canSeeAsker, consultationVisibleWhere, isOnCaseTeam } from './consultations-access.js';

type Row = typeof consultation.$inferSelect;

const tagsOf = (r: Pick<Row, 'careItems' | 'lifeStages' | 'serviceTypes'>) => ({
  careItems: r.careItems.map((code) => ({ code, label: findCareItem(code)?.label ?? code })),
  lifeStages: r.lifeStages.map((code) => ({ code, label: lifeStageLabel(code as LifeStage) ?? code })),
  serviceTypes: r.serviceTypes.map((code) => ({ code, label: findServiceType(code)?.label ?? code })),
});

function searchTextOf(r: Pick<Row, 'title' | 'body' | 'careItems' | 'lifeStages' | 'serviceTypes'>, answers: string[]) {
  const t = tagsOf(r);
  return normalizeForSearch([r.title, r.body, ...answers, ...t.careItems.map((x) => x.label), ...t.lifeStages.map((x) => x.label), ...t.serviceTypes.map((x) => x.label)].join(' ')).slice(0, 50_000);
}

async function refreshSearchText(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(consultation).where(eq(consultation.id, id));
  const answers = await tx.select({ body: consultationAnswer.body }).from(consultationAnswer).where(eq(consultationAnswer.consultationId, id));
  await tx.update(consultation).set({ searchText: searchTextOf(row!, answers.map((a) => a.body)), updatedAt: new Date() }).where(eq(consultation.id, id));
}

function summary(actor: Actor, r: Row & { askerName: string; answerCount: number }) {
  return {
    id: r.id,
    title: r.title,
    excerpt: r.body.length > 120 ? `${r.body.slice(0, 120)}…` : r.body,
    isCaseLinked: Boolean(r.caseRef),
    asker: canSeeAsker(actor, r) ? { id: r.askerId, name: r.askerName } : { id: null, name: '匿名の相談員' },
    municipalityCode: r.municipalityCode,
    ...tagsOf(r),
    status: r.status,
    answerCount: r.answerCount,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}

const listColumns = {
  c: consultation,
  askerName: user.name,
  answerCount: sql<number>`(select count(*)::int from ${consultationAnswer} a where a.consultation_id = ${consultation.id})`,
};

/**
 * Lists what the actor may see. `knowledgeBase` = resolved general questions only.
 * Search: every word of `q` (normalised like the stored `search_text`) must occur; LIKE on
 * `search_text` uses the pg_trgm GIN index for words of 3+ characters. 1–2 character words
 * (医療, 胃瘻) produce no trigram, so PostgreSQL filters without the index — acceptable for a
 * regional knowledge base of hundreds to a few thousand threads; DESIGN.md's bigram index is the
 * next step if it grows.
 */
export async function listConsultations(opts: {
  db: Db;
  actor: Actor;
  knowledgeBase?: boolean;
  status?: Row['status'];
  mine?: boolean;
  careItem?: string;
  lifeStage?: string;
  serviceType?: string;
  municipality?: string;
  q?: string;
  limit: number;
  cursor?: string;
}) {
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  const words = (opts.q ?? '').split(/[\s\u3000]+/).map(normalizeForSearch).filter(Boolean).slice(0, 10);
  const where = and(
    consultationVisibleWhere(opts.actor),
    opts.knowledgeBase ? and(eq(consultation.status, 'resolved'), sql`${consultation.caseRef} is null`) : undefined,
    opts.status ? eq(consultation.status, opts.status) : undefined,
    opts.mine ? eq(consultation.askerId, opts.actor.userId) : undefined,
    opts.careItem ? sql`${opts.careItem} = any(${consultation.careItems})` : undefined,
    opts.lifeStage ? sql`${opts.lifeStage} = any(${consultation.lifeStages})` : undefined,
    opts.serviceType ? sql`${opts.serviceType} = any(${consultation.serviceTypes})` : undefined,
    opts.municipality ? eq(consultation.municipalityCode, opts.municipality) : undefined,
    ...words.map((w) => sql`${consultation.searchText} like ${`%${escapeLike(w)}%`}`),
  );
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(consultation).where(where);
  const rows = await opts.db
    .select(listColumns)
    .from(consultation)
    .innerJoin(user, eq(user.id, consultation.askerId))
    .where(after ? and(where, sql`(${consultation.createdAt}, ${consultation.id}) < (${after[0]}::timestamptz, ${after[1]})`) : where)
    .orderBy(desc(consultation.createdAt), desc(consultation.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.c.createdAt.toISOString(), r.c.id]);
  return { items: page.items.map((r) => summary(opts.actor, { ...r.c, askerName: r.askerName, answerCount: r.answerCount })), total, nextCursor: page.nextCursor };
}

async function loadVisible(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ c: consultation, askerName: user.name })
    .from(consultation)
    .innerJoin(user, eq(user.id, consultation.askerId))
    .where(and(eq(consultation.id, id), consultationVisibleWhere(actor)));
  // Not visible = not found: a non-member of the case learns nothing, not even that it exists.
  if (!row) throw notFound('相談');
  return row;
}

export async function getConsultation(opts: { db: Db; actor: Actor; id: string }) {
  const row = await loadVisible(opts.db, opts.actor, opts.id);
  const answers = await opts.db
    .select({ a: consultationAnswer, authorName: user.name })
    .from(consultationAnswer)
    .innerJoin(user, eq(user.id, consultationAnswer.authorId))
    .where(eq(consultationAnswer.consultationId, opts.id))
    .orderBy(asc(consultationAnswer.createdAt), asc(consultationAnswer.id));
  const [bodySegments, ...answerSegments] = await linkTextWithGlossary(opts.db, [row.c.body, ...answers.map((a) => a.a.body)]);
  if (row.c.caseRef)
    // A case-linked question is part of that client's record: reading it goes to the access log.
    await writeAudit(opts.db, opts.actor.audit, { action: 'consultation.read', entityType: 'consultation', entityId: row.c.id, clientId: row.c.caseRef });
  return {
    ...summary(opts.actor, { ...row.c, askerName: row.askerName, answerCount: answers.length }),
    body: row.c.body,
    bodySegments: bodySegments!,
    caseRef: row.c.caseRef,
    answers: answers.map((a, i) => ({ id: a.a.id, author: { id: a.a.authorId, name: a.authorName }, body: a.a.body, bodySegments: answerSegments[i]!, isAccepted: a.a.isAccepted, createdAt: a.a.createdAt.toISOString() })),
    canAnswer: canPostInThread(opts.actor, row.c),
    canResolve: canResolveConsultation(opts.actor, row.c),
  };
}

/** Coordinators of the area (same city); when the city has none, every coordinator. */
async function areaCoordinators(tx: DbOrTx, municipalityCode: string | null, exceptUserId: string) {
  const coordinators = await tx
    .select({ id: user.id, municipalityCode: user.municipalityCode })
    .from(user)
    .where(and(sql`'coordinator' = any(string_to_array(${user.role}, ','))`, sql`coalesce(${user.banned}, false) = false`, ne(user.id, exceptUserId)));
  const local = coordinators.filter((c) => municipalityCode && c.municipalityCode === municipalityCode);
  return (local.length ? local : coordinators).map((c) => c.id);
}

export async function createConsultation(opts: { db: Db; actor: Actor; input: z.infer<typeof CreateConsultationSchema> }) {
  const i = opts.input;
  const id = newId();
  // Linking a question to a client shows it to that client's team: only for someone on the
  // team (or a coordinator), so nobody can post into another team's view by guessing an id.
  if (i.caseRef && !hasRole(opts.actor, 'coordinator') && !(await isOnCaseTeam(opts.db, i.caseRef, opts.actor.userId)))
    throw new AppError('VALIDATION_FAILED', '関連する利用者が見つからないか、あなたがその利用者の支援チームにいません。', {
      fields: [{ field: 'caseRef', label: '関連する利用者（ケース）', message: '関連する利用者（ケース）: 支援チームに入っている利用者の番号を入力してください' }],
    });
  await opts.db.transaction(async (tx) => {
    const values = {
      id,
      askerId: opts.actor.userId,
      title: i.title,
      body: i.body,
      caseRef: i.caseRef ?? null,
      askerHidden: i.askerHidden ?? false,
      municipalityCode: i.municipalityCode ?? opts.actor.municipalityCode,
      careItems: i.careItems ?? [],
      lifeStages: i.lifeStages ?? [],
      serviceTypes: i.serviceTypes ?? [],
    };
    await tx.insert(consultation).values({ ...values, searchText: searchTextOf(values, []) });
    const coordinators = await areaCoordinators(tx, values.municipalityCode, opts.actor.userId);
    // The notice names no client: a case-linked question's title may, so it is withheld.
    await notifyUsers({ tx, userIds: coordinators, kind: 'consultation.new', title: values.caseRef ? '新しい相談（ケースに関する相談）' : `新しい相談: ${i.title}`, link: `/consultations/${id}` });
    await writeAudit(tx, opts.actor.audit, { action: 'consultation.create', entityType: 'consultation', entityId: id, clientId: values.caseRef, details: { caseLinked: Boolean(values.caseRef) } });
  });
  return getConsultation({ db: opts.db, actor: opts.actor, id });
}

export async function answerConsultation(opts: { db: Db; actor: Actor; id: string; body: string }) {
  await opts.db.transaction(async (tx) => {
    const row = await loadVisible(tx, opts.actor, opts.id);
    if (!canPostInThread(opts.actor, row.c)) throw forbidden('この相談に回答できるのはコーディネーターと相談者です。');
    await tx.insert(consultationAnswer).values({ id: newId(), consultationId: row.c.id, authorId: opts.actor.userId, body: opts.body });
    await refreshSearchText(tx, row.c.id);
    if (opts.actor.userId !== row.c.askerId) {
      await notifyUsers({ tx, userIds: [row.c.askerId], kind: 'consultation.answered', title: `相談に回答がありました: ${row.c.title}`, link: `/consultations/${row.c.id}` });
    } else {
      const answered = await tx.selectDistinct({ id: consultationAnswer.authorId }).from(consultationAnswer).where(and(eq(consultationAnswer.consultationId, row.c.id), ne(consultationAnswer.authorId, row.c.askerId)));
      const to = answered.length ? answered.map((a) => a.id) : await areaCoordinators(tx, row.c.municipalityCode, row.c.askerId);
      await notifyUsers({ tx, userIds: to, kind: 'consultation.follow_up', title: row.c.caseRef ? '相談に追記がありました' : `相談に追記がありました: ${row.c.title}`, link: `/consultations/${row.c.id}` });
    }
    await writeAudit(tx, opts.actor.audit, { action: 'consultation.answer', entityType: 'consultation', entityId: row.c.id, clientId: row.c.caseRef });
  });
  return getConsultation(opts);
}

export async function resolveConsultation(opts: { db: Db; actor: Actor; id: string; acceptedAnswerId?: string | null; reopen?: boolean }) {
  await opts.db.transaction(async (tx) => {
    const row = await loadVisible(tx, opts.actor, opts.id);
    if (!canResolveConsultation(opts.actor, row.c)) throw forbidden('解決済みにできるのはコーディネーターと相談者です。');
    if (opts.reopen) {
      await tx.update(consultation).set({ status: 'open', resolvedAt: null, updatedAt: new Date() }).where(eq(consultation.id, row.c.id));
      await tx.update(consultationAnswer).set({ isAccepted: false }).where(eq(consultationAnswer.consultationId, row.c.id));
    } else {
      if (opts.acceptedAnswerId) {
        const [a] = await tx.select({ id: consultationAnswer.id }).from(consultationAnswer).where(and(eq(consultationAnswer.id, opts.acceptedAnswerId), eq(consultationAnswer.consultationId, row.c.id)));
        if (!a) throw new AppError('VALIDATION_FAILED', 'この相談の回答ではありません。', { fields: [{ field: 'acceptedAnswerId', label: '解決につながった回答', message: '解決につながった回答: この相談の回答ではありません' }] });
        await tx.update(consultationAnswer).set({ isAccepted: sql`${consultationAnswer.id} = ${opts.acceptedAnswerId}` }).where(eq(consultationAnswer.consultationId, row.c.id));
      }
      await tx.update(consultation).set({ status: 'resolved', resolvedAt: new Date(), updatedAt: new Date() }).where(eq(consultation.id, row.c.id));
    }
    await writeAudit(tx, opts.actor.audit, { action: opts.reopen ? 'consultation.reopen' : 'consultation.resolve', entityType: 'consultation', entityId: row.c.id, clientId: row.c.caseRef });
  });
  return getConsultation(opts);
}

export async function consultationIdsOf(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select({ id: consultation.id }).from(consultation).where(inArray(consultation.id, ids)) : [];
}
