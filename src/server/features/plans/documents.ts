// アセスメント, 計画 (draft → agreed → superseded), 週間計画表, モニタリング報告書, 担当者会議.
// Every function runs inside withClientAccess (scope `plan`); writes need the consultant or
// coordinator team role and the version the user read (409 otherwise).
import { and, asc, desc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  PlanBodySchema,
  type AgreePlanSchema,
  type AssessmentInputSchema,
  type ConferenceInputSchema,
  type CreatePlanSchema,
  type MonitoringInputSchema,
  type UpdateAssessmentSchema,
  type UpdateConferenceSchema,
  type UpdateMonitoringSchema,
  type UpdatePlanSchema,
  type UpdateWeeklySchema,
} from '../../../shared/contracts/plans.js';
import { addMonths } from '../../../shared/calendar-date.js';
import { ageOn } from '../../../shared/domain/life-stage.js';
import { monitoringSchedule, type MonitoringPeriod } from '../../../shared/domain/monitoring.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db, Tx } from '../../db/client.js';
import { assessment, carePlan, caseConference, client, monitoringReport, office } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { MANAGING_TEAM_ROLES } from '../clients/clients-access.js';
import { assertVersion, withClientAccess, type AccessActor } from '../clients/client-access.js';
import { insertTimelineEvent } from '../clients/timeline.js';

type Opts = { db: Db; actor: AccessActor; clientId: string };
const W = MANAGING_TEAM_ROLES;
const iso = (d: Date) => d.toISOString();

/** Update by id + version in one statement (no lost update), or say why not. */
async function bumpVersion<T extends typeof assessment | typeof carePlan | typeof monitoringReport | typeof caseConference>(
  tx: Tx,
  table: T,
  clientId: string,
  id: string,
  version: number,
  set: Partial<T['$inferInsert']>,
  label: string,
) {
  const t = table as typeof assessment;
  const [row] = await tx
    .update(t)
    .set({ ...(set as object), version: sql`${t.version} + 1`, updatedAt: new Date() })
    .where(and(eq(t.id, id), eq(t.clientId, clientId), eq(t.version, version)))
    .returning({ id: t.id });
  if (row) return;
  const [cur] = await tx.select({ version: t.version }).from(t).where(and(eq(t.id, id), eq(t.clientId, clientId)));
  if (!cur) throw notFound(label);
  assertVersion(cur.version, version, label);
}

// ---- assessment -----------------------------------------------------------------------------

const assessmentOut = (r: typeof assessment.$inferSelect) => ({
  id: r.id,
  clientId: r.clientId,
  assessedOn: r.assessedOn,
  place: r.place,
  sections: r.sections,
  authorName: r.authorName,
  version: r.version,
  updatedAt: iso(r.updatedAt),
});

export async function listAssessments(o: Opts) {
  return withClientAccess({ ...o, scopes: ['plan'], action: 'assessment.list' }, async (tx) =>
    (await tx.select().from(assessment).where(eq(assessment.clientId, o.clientId)).orderBy(desc(assessment.assessedOn), desc(assessment.id))).map(assessmentOut),
  );
}

export async function getAssessment(o: Opts & { id: string }) {
  return withClientAccess({ ...o, scopes: ['plan'], action: 'assessment.read', entityType: 'assessment', entityId: o.id }, async (tx) => {
    const [r] = await tx.select().from(assessment).where(and(eq(assessment.id, o.id), eq(assessment.clientId, o.clientId)));
    if (!r) throw notFound('アセスメント');
    return assessmentOut(r);
  });
}

export async function createAssessment(o: Opts & { input: z.infer<typeof AssessmentInputSchema> }) {
  const id = newId();
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'assessment.create', entityType: 'assessment', entityId: id }, async (tx) => {
    await tx.insert(assessment).values({ id, clientId: o.clientId, ...o.input, authorUserId: o.actor.userId, authorName: o.actor.name });
  });
  return getAssessment({ ...o, id });
}

export async function updateAssessment(o: Opts & { id: string; input: z.infer<typeof UpdateAssessmentSchema> }) {
  const { version, ...fields } = o.input;
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'assessment.update', entityType: 'assessment', entityId: o.id }, (tx) =>
    bumpVersion(tx, assessment, o.clientId, o.id, version, fields, 'アセスメント'),
  );
  return getAssessment(o);
}

// ---- plan -----------------------------------------------------------------------------------

type PlanRow = typeof carePlan.$inferSelect;

export function planScheduleOf(p: Pick<PlanRow, 'startDate' | 'monitoringPeriodMonths' | 'isNewPlan' | 'reviewDate'>, doneMonths: string[]) {
  const until = p.reviewDate ?? addMonths(p.startDate, 12);
  return monitoringSchedule({ startDate: p.startDate, periodMonths: p.monitoringPeriodMonths as MonitoringPeriod, isNewPlan: p.isNewPlan, until }).map((d) => ({
    ...d,
    done: doneMonths.includes(d.month),
  }));
}

async function planOut(tx: Tx, r: PlanRow) {
  const reports = await tx.select({ on: monitoringReport.conductedOn }).from(monitoringReport).where(eq(monitoringReport.planId, r.id));
  return {
    id: r.id,
    clientId: r.clientId,
    kind: r.kind,
    kindLabel: PLAN_KIND_LABELS[r.kind],
    status: r.status,
    statusLabel: PLAN_STATUS_LABELS[r.status],
    revision: r.revision,
    createdOn: r.createdOn,
    startDate: r.startDate,
    reviewDate: r.reviewDate,
    monitoringPeriodMonths: r.monitoringPeriodMonths,
    isNewPlan: r.isNewPlan,
    header: r.header,
    wishes: r.wishes,
    policy: r.policy,
    longTermGoal: r.longTermGoal,
    shortTermGoal: r.shortTermGoal,
    needs: r.needs,
    weekly: r.weekly,
    agreedOn: r.agreedOn,
    agreedBy: r.agreedBy,
    supersededAt: r.supersededAt ? iso(r.supersededAt) : null,
    version: r.version,
    authorName: r.authorName,
    updatedAt: iso(r.updatedAt),
    monitoringSchedule: planScheduleOf(r, reports.map((x) => x.on.slice(0, 7))),
  };
}
export type PlanOut = Awaited<ReturnType<typeof planOut>>;

export async function listPlans(o: Opts) {
  return withClientAccess({ ...o, scopes: ['plan'], action: 'plan.list' }, async (tx) =>
    (await tx.select().from(carePlan).where(eq(carePlan.clientId, o.clientId)).orderBy(desc(carePlan.revision))).map((r) => ({
      id: r.id,
      revision: r.revision,
      kind: r.kind,
      status: r.status,
      createdOn: r.createdOn,
      startDate: r.startDate,
      agreedOn: r.agreedOn,
      version: r.version,
      updatedAt: iso(r.updatedAt),
    })),
  );
}

/** Reads a plan inside an open access transaction; `current` = the agreed one (else the latest draft). */
export async function readPlan(tx: Tx, clientId: string, id: string | 'current') {
  const [r] =
    id === 'current'
      ? await tx
          .select()
          .from(carePlan)
          .where(and(eq(carePlan.clientId, clientId), ne(carePlan.status, 'superseded')))
          .orderBy(sql`case when ${carePlan.status} = 'agreed' then 0 else 1 end`, desc(carePlan.revision))
          .limit(1)
      : await tx.select().from(carePlan).where(and(eq(carePlan.id, id), eq(carePlan.clientId, clientId)));
  if (!r) throw notFound('計画');
  return planOut(tx, r);
}

export async function getPlan(o: Opts & { id: string | 'current' }) {
  return withClientAccess({ ...o, scopes: ['plan'], action: 'plan.read', entityType: 'care_plan', entityId: o.id === 'current' ? undefined : o.id }, (tx) => readPlan(tx, o.clientId, o.id));
}

export async function createPlan(o: Opts & { input: z.infer<typeof CreatePlanSchema> }) {
  const id = newId();
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'plan.create', entityType: 'care_plan', entityId: id }, async (tx) => {
    const [c] = await tx.select({ birthDate: client.birthDate }).from(client).where(eq(client.id, o.clientId));
    const [{ rev } = { rev: 0 }] = await tx.select({ rev: max(carePlan.revision) }).from(carePlan).where(eq(carePlan.clientId, o.clientId));
    const { copyFromPlanId, ...given } = o.input;
    let base: Partial<z.infer<typeof PlanBodySchema>> = {};
    if (copyFromPlanId) {
      const [src] = await tx.select().from(carePlan).where(and(eq(carePlan.id, copyFromPlanId), eq(carePlan.clientId, o.clientId)));
      if (!src) throw new AppError('VALIDATION_FAILED', '元にする計画が見つかりません。', { fields: [{ field: 'copyFromPlanId', label: '元にする計画', message: '元にする計画: 見つかりません' }] });
      base = { kind: src.kind, header: src.header, wishes: src.wishes, policy: src.policy, longTermGoal: src.longTermGoal, shortTermGoal: src.shortTermGoal, needs: src.needs, weekly: src.weekly, monitoringPeriodMonths: src.monitoringPeriodMonths, isNewPlan: false };
    }
    const today = tokyoDate();
    const body = PlanBodySchema.parse({
      kind: c && ageOn(c.birthDate, today) < 18 ? 'child' : 'adult',
      createdOn: today,
      startDate: today,
      monitoringPeriodMonths: 3,
      isNewPlan: !rev,
      ...base,
      // A copy keeps the source's content unless the request gave a value (zod fills
      // defaults such as '' and [] for what was not sent, so those do not count as given).
      ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && !(copyFromPlanId && isEmptyValue(v)))),
    });
    await assertPlanOffices(tx, body);
    await tx.insert(carePlan).values({ id, clientId: o.clientId, revision: (rev ?? 0) + 1, status: 'draft', ...body, authorUserId: o.actor.userId, authorName: o.actor.name });
  });
  return getPlan({ ...o, id });
}

function isEmptyValue(v: unknown): boolean {
  if (v === '' || v === null || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as object).every(isEmptyValue);
  return false;
}

/**
 * Services and weekly entries link to the directory by office id: each id given must be an
 * office of the directory (else 400 naming the row), so a plan never points at nothing.
 */
async function assertPlanOffices(tx: Tx, body: { needs?: { services?: { officeId?: string | null }[] }[]; weekly?: { entries?: { officeId?: string | null }[] } }) {
  const refs: { field: string; label: string; id: string }[] = [];
  (body.needs ?? []).forEach((n, i) =>
    (n.services ?? []).forEach((s, j) => {
      if (s.officeId) refs.push({ field: `needs.${i}.services.${j}.officeId`, label: `課題 ${i + 1}：サービス${j + 1}：提供事業所`, id: s.officeId });
    }),
  );
  (body.weekly?.entries ?? []).forEach((e, i) => {
    if (e.officeId) refs.push({ field: `weekly.entries.${i}.officeId`, label: `週間計画${i + 1}：事業所`, id: e.officeId });
  });
  if (!refs.length) return;
  const found = new Set((await tx.select({ id: office.id }).from(office).where(inArray(office.id, [...new Set(refs.map((r) => r.id))]))).map((r) => r.id));
  const missing = refs.filter((r) => !found.has(r.id));
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', '事業所台帳にない事業所が指定されています。', {
      fields: missing.map((r) => ({ field: r.field, label: r.label, message: `${r.label}: 事業所台帳に見つかりません` })),
    });
}

async function assertDraft(tx: Tx, clientId: string, id: string) {
  const [p] = await tx.select({ status: carePlan.status }).from(carePlan).where(and(eq(carePlan.id, id), eq(carePlan.clientId, clientId)));
  if (!p) throw notFound('計画');
  if (p.status !== 'draft') throw new AppError('CONFLICT', '確定した計画は変更できません。変更するときは、この計画を元に新しい版（案）を作成してください。');
}

export async function updatePlan(o: Opts & { id: string; input: z.infer<typeof UpdatePlanSchema> }) {
  const { version, ...body } = o.input;
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'plan.update', entityType: 'care_plan', entityId: o.id }, async (tx) => {
    await assertDraft(tx, o.clientId, o.id);
    await assertPlanOffices(tx, body);
    await bumpVersion(tx, carePlan, o.clientId, o.id, version, body, '計画');
  });
  return getPlan(o);
}

export async function updateWeekly(o: Opts & { id: string; input: z.infer<typeof UpdateWeeklySchema> }) {
  const { version, ...weekly } = o.input;
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'plan.weekly.update', entityType: 'care_plan', entityId: o.id }, async (tx) => {
    await assertDraft(tx, o.clientId, o.id);
    await assertPlanOffices(tx, { weekly });
    await bumpVersion(tx, carePlan, o.clientId, o.id, version, { weekly }, '週間計画表');
  });
  return getPlan(o);
}

/** Draft → agreed; the previously agreed plan becomes superseded; the team hears of it. */
export async function agreePlan(o: Opts & { id: string; input: z.infer<typeof AgreePlanSchema> }) {
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'plan.agree', entityType: 'care_plan', entityId: o.id }, async (tx, access) => {
    await assertDraft(tx, o.clientId, o.id);
    await tx.update(carePlan).set({ status: 'superseded', supersededAt: new Date(), updatedAt: new Date() }).where(and(eq(carePlan.clientId, o.clientId), eq(carePlan.status, 'agreed')));
    await bumpVersion(tx, carePlan, o.clientId, o.id, o.input.version, { status: 'agreed', agreedOn: o.input.agreedOn, agreedBy: o.input.agreedBy }, '計画');
    const [p] = await tx.select({ revision: carePlan.revision }).from(carePlan).where(eq(carePlan.id, o.id));
    if (access.scopes.includes('timeline'))
      await insertTimelineEvent(tx, o.actor, o.clientId, {
        kind: 'plan_change',
        occurredAt: new Date().toISOString(),
        title: `計画 第${p?.revision ?? '?'}版を確定しました`,
        body: `${o.input.agreedOn} に ${o.input.agreedBy} さんの同意を得て確定。`,
        place: '',
      });
  });
  return getPlan(o);
}

// ---- monitoring -----------------------------------------------------------------------------

async function monitoringOut(tx: Tx, r: typeof monitoringReport.$inferSelect) {
  const [p] = await tx.select({ revision: carePlan.revision }).from(carePlan).where(eq(carePlan.id, r.planId));
  return {
    id: r.id,
    clientId: r.clientId,
    planId: r.planId,
    planRevision: p?.revision ?? 0,
    conductedOn: r.conductedOn,
    place: r.place,
    overall: r.overall,
    goals: r.goals,
    planChangeNeeded: r.planChangeNeeded,
    authorName: r.authorName,
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}
export type MonitoringOut = Awaited<ReturnType<typeof monitoringOut>>;

export async function listMonitoring(o: Opts) {
  return withClientAccess({ ...o, scopes: ['plan'], action: 'monitoring.list' }, async (tx) => {
    const rows = await tx.select().from(monitoringReport).where(eq(monitoringReport.clientId, o.clientId)).orderBy(desc(monitoringReport.conductedOn), desc(monitoringReport.id));
    return Promise.all(rows.map((r) => monitoringOut(tx, r)));
  });
}

export async function readMonitoring(tx: Tx, clientId: string, id: string) {
  const [r] = await tx.select().from(monitoringReport).where(and(eq(monitoringReport.id, id), eq(monitoringReport.clientId, clientId)));
  if (!r) throw notFound('モニタリング報告書');
  return monitoringOut(tx, r);
}

export async function getMonitoring(o: Opts & { id: string }) {
  return withClientAccess({ ...o, scopes: ['plan'], action: 'monitoring.read', entityType: 'monitoring_report', entityId: o.id }, (tx) => readMonitoring(tx, o.clientId, o.id));
}

export async function createMonitoring(o: Opts & { input: z.infer<typeof MonitoringInputSchema> }) {
  const id = newId();
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'monitoring.create', entityType: 'monitoring_report', entityId: id }, async (tx) => {
    const [p] = await tx.select({ id: carePlan.id }).from(carePlan).where(and(eq(carePlan.id, o.input.planId), eq(carePlan.clientId, o.clientId)));
    if (!p) throw new AppError('VALIDATION_FAILED', '対象の計画が見つかりません。', { fields: [{ field: 'planId', label: '対象の計画', message: '対象の計画: 見つかりません' }] });
    await tx.insert(monitoringReport).values({ id, clientId: o.clientId, ...o.input, authorUserId: o.actor.userId, authorName: o.actor.name });
  });
  return getMonitoring({ ...o, id });
}

export async function updateMonitoring(o: Opts & { id: string; input: z.infer<typeof UpdateMonitoringSchema> }) {
  const { version, ...fields } = o.input;
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'monitoring.update', entityType: 'monitoring_report', entityId: o.id }, (tx) =>
    bumpVersion(tx, monitoringReport, o.clientId, o.id, version, fields, 'モニタリング報告書'),
  );
  return getMonitoring(o);
}

// ---- conferences ----------------------------------------------------------------------------

const conferenceOut = (r: typeof caseConference.$inferSelect) => ({
  id: r.id,
  clientId: r.clientId,
  planId: r.planId,
  heldAt: iso(r.heldAt),
  place: r.place,
  purpose: r.purpose,
  attendees: r.attendees,
  agenda: r.agenda,
  minutes: r.minutes,
  decisions: r.decisions,
  tasks: r.tasks,
  authorName: r.authorName,
  version: r.version,
  updatedAt: iso(r.updatedAt),
});
export type ConferenceOut = ReturnType<typeof conferenceOut>;

export async function listConferences(o: Opts) {
  return withClientAccess({ ...o, scopes: ['plan'], action: 'conference.list' }, async (tx) =>
    (await tx.select().from(caseConference).where(eq(caseConference.clientId, o.clientId)).orderBy(desc(caseConference.heldAt), asc(caseConference.id))).map(conferenceOut),
  );
}

export async function readConference(tx: Tx, clientId: string, id: string) {
  const [r] = await tx.select().from(caseConference).where(and(eq(caseConference.id, id), eq(caseConference.clientId, clientId)));
  if (!r) throw notFound('担当者会議の記録');
  return conferenceOut(r);
}

export async function getConference(o: Opts & { id: string }) {
  return withClientAccess({ ...o, scopes: ['plan'], action: 'conference.read', entityType: 'case_conference', entityId: o.id }, (tx) => readConference(tx, o.clientId, o.id));
}

const conferenceFields = (input: z.infer<typeof ConferenceInputSchema>) => ({ ...input, heldAt: new Date(input.heldAt) });

export async function createConference(o: Opts & { input: z.infer<typeof ConferenceInputSchema> }) {
  const id = newId();
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'conference.create', entityType: 'case_conference', entityId: id }, async (tx) => {
    await tx.insert(caseConference).values({ id, clientId: o.clientId, ...conferenceFields(o.input), authorUserId: o.actor.userId, authorName: o.actor.name });
  });
  return getConference({ ...o, id });
}

export async function updateConference(o: Opts & { id: string; input: z.infer<typeof UpdateConferenceSchema> }) {
  const { version, ...fields } = o.input;
  await withClientAccess({ ...o, scopes: ['plan'], teamRoles: W, action: 'conference.update', entityType: 'case_conference', entityId: o.id }, (tx) =>
    bumpVersion(tx, caseConference, o.clientId, o.id, version, conferenceFields(fields), '担当者会議の記録'),
  );
  return getConference(o);
}
