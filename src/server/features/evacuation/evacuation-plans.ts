// The plan per client: read (or a template from the record), save a new version, approve,
// and the version history. Every change is a row in evacuation_plan_version; the plan row
// holds the current version and the precomputed runtime the city's simulation reads.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { EvacuationPlanBodySchema, type ApproveEvacuationPlanSchema, type SaveEvacuationPlanSchema } from '../../../shared/contracts/evacuation.js';
import { addMonths } from '../../../shared/calendar-date.js';
import { computeRuntime } from '../../../shared/domain/power-runtime.js';
import { formatDateJa, tokyoDate } from '../../../shared/dates.js';
import type { Db, Tx } from '../../db/client.js';
import { client, evacuationPlan, evacuationPlanVersion } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertVersion } from '../clients/client-access.js';
import { readSections } from '../clients/records.js';
import { teamAudience } from '../clients/team.js';
import { notifyUsers, queueEmail } from '../notifications/notify.js';
import { checklistOf, derivedColumns, planOut, templateFrom } from './plan-view.js';
import { withEvacuationAccess, type EvacuationActor } from './with-evacuation-access.js';

type Opts = { db: Db; actor: EvacuationActor; clientId: string };

export const planLink = (clientId: string) => `/clients/${clientId}/evacuation-plan`;

async function currentRow(tx: Tx, clientId: string) {
  const [row] = await tx.select().from(evacuationPlan).where(eq(evacuationPlan.clientId, clientId));
  return row ?? null;
}

/** The plan, or (status none, version 0) a template from the client's record to start from. */
export async function getEvacuationPlan(o: Opts) {
  return withEvacuationAccess({ ...o, need: 'read', action: 'evacuation_plan.read' }, async (tx, access) => {
    const row = await currentRow(tx, o.clientId);
    if (row) return planOut(o.clientId, row, EvacuationPlanBodySchema.parse(row.body), access);
    // Only the team drafts; the city sees "none" without a template (it cannot read the record).
    const body = access.team ? templateFrom(await readSections(tx, o.clientId)) : EvacuationPlanBodySchema.parse({});
    return planOut(o.clientId, null, body, access);
  });
}

/**
 * Saves the plan as a new version (the version sent must be the one read: 409 otherwise; 0
 * creates it). Saving an approved plan makes it a draft again: approval is of a version.
 */
export async function saveEvacuationPlan(o: Opts & { input: z.infer<typeof SaveEvacuationPlanSchema> }) {
  const { version, changeNote, ...rest } = o.input;
  const body = EvacuationPlanBodySchema.parse(rest);
  return withEvacuationAccess({ ...o, need: 'edit', action: 'evacuation_plan.save', details: { fromVersion: version } }, async (tx, access) => {
    const [c] = await tx.select({ municipalityCode: client.municipalityCode, name: client.name, nameKana: client.nameKana }).from(client).where(eq(client.id, o.clientId));
    if (!c) throw notFound('利用者');
    const derived = derivedColumns(body, c);
    const now = new Date();
    const existing = await currentRow(tx, o.clientId);
    let row: typeof evacuationPlan.$inferSelect | undefined;
    if (!existing) {
      if (version !== 0) throw new AppError('CONFLICT', '個別避難計画はまだ作成されていません（新規作成は version 0 で送ってください）。');
      [row] = await tx
        .insert(evacuationPlan)
        .values({ id: newId(), clientId: o.clientId, municipalityCode: c.municipalityCode, status: 'draft', version: 1, body, ...derived, updatedByUserId: o.actor.userId, updatedByName: o.actor.name })
        .returning();
    } else {
      [row] = await tx
        .update(evacuationPlan)
        .set({ municipalityCode: c.municipalityCode, status: 'draft', version: sql`${evacuationPlan.version} + 1`, body, ...derived, updatedAt: now, updatedByUserId: o.actor.userId, updatedByName: o.actor.name })
        .where(and(eq(evacuationPlan.id, existing.id), eq(evacuationPlan.version, version)))
        .returning();
      if (!row) assertVersion(existing.version, version, '個別避難計画');
    }
    await tx.insert(evacuationPlanVersion).values({ id: newId(), planId: row!.id, clientId: o.clientId, version: row!.version, event: 'save', status: 'draft', body, runtimeHours: derived.runtimeHours, byUserId: o.actor.userId, byName: o.actor.name, at: now, note: changeNote });
    return planOut(o.clientId, row!, body, access);
  });
}

/** Runs `fn` as system work inside the open transaction, then returns it to the user's role. */
async function asSystem<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('tsunagu.system', 'on', true)`);
  try {
    return await fn();
  } finally {
    await tx.execute(sql`select set_config('tsunagu.system', 'off', true)`);
  }
}

/**
 * An official of the client's city approves the version they read. The plan must be complete
 * (checklist); the review falls due a year later. The team is told (in-app; the e-mail says
 * only that something changed).
 */
export async function approveEvacuationPlan(o: Opts & { input: z.infer<typeof ApproveEvacuationPlanSchema> }) {
  return withEvacuationAccess({ ...o, need: 'approve', action: 'evacuation_plan.approve', details: { version: o.input.version } }, async (tx, access) => {
    const existing = await currentRow(tx, o.clientId);
    if (!existing) throw notFound('個別避難計画');
    assertVersion(existing.version, o.input.version, '個別避難計画');
    if (existing.status === 'approved') throw new AppError('CONFLICT', 'この版はすでに承認されています。');
    const body = EvacuationPlanBodySchema.parse(existing.body);
    const missing = checklistOf(body).filter((c) => !c.ok);
    if (missing.length)
      throw new AppError('VALIDATION_FAILED', `承認に必要な項目が足りません（${missing.map((m) => m.message).join('、')}）。`, {
        fields: missing.map((m) => ({ field: m.field, message: m.message })),
      });
    const now = new Date();
    const today = tokyoDate(now);
    const reviewDueOn = addMonths(today, 12);
    const [row] = await tx
      .update(evacuationPlan)
      .set({ status: 'approved', version: sql`${evacuationPlan.version} + 1`, approvedVersion: sql`${evacuationPlan.version} + 1`, approvedAt: now, approvedByUserId: o.actor.userId, approvedByName: o.actor.name, reviewDueOn, reviewNotifiedFor: null, updatedAt: now })
      .where(and(eq(evacuationPlan.id, existing.id), eq(evacuationPlan.version, o.input.version)))
      .returning();
    if (!row) assertVersion(existing.version + 1, o.input.version, '個別避難計画');
    await tx.insert(evacuationPlanVersion).values({ id: newId(), planId: row!.id, clientId: o.clientId, version: row!.version, event: 'approve', status: 'approved', body, runtimeHours: row!.runtimeHours, byUserId: o.actor.userId, byName: o.actor.name, at: now, note: o.input.note });
    // The team list is not the city's to read: look it up as system work, for this notice only.
    const audience = await asSystem(tx, () => teamAudience(tx, o.clientId));
    const team = audience.filter((a) => a.scopes.includes('plan') && a.userId !== o.actor.userId);
    await notifyUsers({ tx, userIds: team.map((a) => a.userId), kind: 'evacuation.approved', title: `個別避難計画（第${row!.version}版）が承認されました（次の見直し ${formatDateJa(reviewDueOn)}）`, link: planLink(o.clientId) });
    for (const a of team)
      await queueEmail({ tx, to: a.email, subject: '【つなぐ】担当する利用者の個別避難計画が承認されました', text: `担当する利用者の個別避難計画が市により承認されました。\n内容はつなぐにログインして確認してください: ${planLink(o.clientId)}\n\n※このメールには個人情報を記載していません。` });
    return planOut(o.clientId, row!, body, access);
  });
}

export async function listEvacuationPlanVersions(o: Opts) {
  return withEvacuationAccess({ ...o, need: 'read', action: 'evacuation_plan.versions' }, async (tx) => {
    const rows = await tx
      .select({ version: evacuationPlanVersion.version, event: evacuationPlanVersion.event, status: evacuationPlanVersion.status, runtimeHours: evacuationPlanVersion.runtimeHours, byName: evacuationPlanVersion.byName, at: evacuationPlanVersion.at, note: evacuationPlanVersion.note })
      .from(evacuationPlanVersion)
      .where(eq(evacuationPlanVersion.clientId, o.clientId))
      .orderBy(desc(evacuationPlanVersion.version));
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  });
}

export async function getEvacuationPlanVersion(o: Opts & { version: number }) {
  return withEvacuationAccess({ ...o, need: 'read', action: 'evacuation_plan.version.read', details: { version: o.version } }, async (tx) => {
    const [r] = await tx.select().from(evacuationPlanVersion).where(and(eq(evacuationPlanVersion.clientId, o.clientId), eq(evacuationPlanVersion.version, o.version)));
    if (!r) throw notFound(`個別避難計画の第${o.version}版`);
    const body = EvacuationPlanBodySchema.parse(r.body);
    return { version: r.version, event: r.event, status: r.status, runtimeHours: r.runtimeHours, byName: r.byName, at: r.at.toISOString(), note: r.note, body, runtime: computeRuntime(body) };
  });
}
