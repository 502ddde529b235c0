// Giving the plan to a consented recipient: a filtered view holding only the items the
// guardian consented to for that recipient (a neighbourhood association gets no medical
// detail by default), and a provision record (APPI) per export.
import { eq } from 'drizzle-orm';
import { EvacuationPlanBodySchema, PLAN_STATUS_LABELS, type EvacuationPlanBody } from '../../../shared/contracts/evacuation.js';
import { EVACUATION_ITEMS, evacuationItemLabel, type EvacuationItem, type EvacuationRecipientKind } from '../../../shared/domain/evacuation-recipients.js';
import { computeRuntime, type RuntimeResult } from '../../../shared/domain/power-runtime.js';
import type { Db, Tx } from '../../db/client.js';
import { evacuationPlan } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { writeProvision } from '../clients/team.js';
import { activeConsentFor, scopesOfItems } from './evacuation-consents.js';
import { renderEvacuationPlan, type PrintablePlan } from './evacuation-print.js';
import { statusOf } from './plan-view.js';
import { withEvacuationAccess, type EvacuationActor } from './with-evacuation-access.js';

/** The plan reduced to the consented items; keys are the item codes (docs/evacuation.md). */
export function filterPlanForRecipient(body: EvacuationPlanBody, runtime: RuntimeResult, items: readonly EvacuationItem[]) {
  const has = (i: EvacuationItem) => items.includes(i);
  const r = body.register;
  const out: Record<string, unknown> = {};
  if (has('identity')) out.identity = { name: r.name, nameKana: r.nameKana, birthDate: r.birthDate, sex: r.sex };
  if (has('address')) out.address = { postalCode: r.postalCode, address: r.address, location: body.location };
  if (has('phone')) out.phone = { phone: r.phone };
  if (has('reason')) out.reason = { supportReason: body.supportReason, household: r.household };
  // The supporters item covers their names, relation, numbers and roles (they agreed to be named).
  if (has('supporters')) out.supporters = body.supporters.map((s) => ({ name: s.name, relation: s.relation, role: s.role, livesNearby: s.livesNearby, phone: s.phone }));
  if (has('destination')) out.destination = body.destination;
  if (has('medical_contacts')) out.medical_contacts = body.medicalContacts;
  if (has('devices'))
    out.devices = {
      devices: body.devices,
      backups: body.backups,
      runtimeHours: runtime.runtimeHours,
      firstStop: runtime.firstStop.map((f) => f.label),
      batteryTable: runtime.devices.map((d) => ({ label: d.label, essential: d.essential, watts: d.watts, ownHours: d.ownHours, stopsAtHours: d.stopsAtHours })),
      manualAlternatives: runtime.manualAlternatives.map((m) => m.text),
      explanation: runtime.explanation,
    };
  if (has('medications')) out.medications = { medications: body.medications, consumables: body.consumables };
  if (has('power_registration')) out.power_registration = body.powerRegistration;
  if (has('notes')) out.notes = { notes: body.notes };
  return out;
}

export interface RecipientExport {
  consentId: string;
  recipientKind: EvacuationRecipientKind;
  recipientName: string;
  items: EvacuationItem[];
  itemLabels: string[];
  version: number;
  status: ReturnType<typeof statusOf>;
  generatedAt: string;
  provisionId: string;
  plan: Record<string, unknown>;
  /** For the printout: the whole body and runtime, to be rendered through `items` only. */
  body: EvacuationPlanBody;
  runtime: RuntimeResult;
}

/** Reads the plan and writes the provision record for one recipient, inside an access transaction. */
export async function provideToRecipient(tx: Tx, actor: EvacuationActor, clientId: string, consentId: string, format: string): Promise<RecipientExport> {
  const consent = await activeConsentFor(tx, clientId, consentId);
  const [row] = await tx.select().from(evacuationPlan).where(eq(evacuationPlan.clientId, clientId));
  if (!row) throw notFound('個別避難計画');
  const items = EVACUATION_ITEMS.filter((i) => consent.items.includes(i));
  const body = EvacuationPlanBodySchema.parse(row.body);
  const runtime = computeRuntime(body);
  const provisionId = await writeProvision(tx, {
    clientId,
    kind: 'export',
    recipientName: consent.recipientName,
    scopes: scopesOfItems(items),
    items: [`個別避難計画 第${row.version}版（${PLAN_STATUS_LABELS[statusOf(row)]}、${format}）: ${items.map(evacuationItemLabel).join('、')}`],
    consentId: consent.id,
    actor,
  });
  return {
    consentId: consent.id,
    recipientKind: consent.recipientKind as EvacuationRecipientKind,
    recipientName: consent.recipientName,
    items,
    itemLabels: items.map(evacuationItemLabel),
    version: row.version,
    status: statusOf(row),
    generatedAt: new Date().toISOString(),
    provisionId,
    plan: filterPlanForRecipient(body, runtime, items),
    body,
    runtime,
  };
}

/** The plan for one consented recipient (JSON), recorded as a provision. */
export async function exportEvacuationPlanForRecipient(o: { db: Db; actor: EvacuationActor; clientId: string; consentId: string }) {
  const out = await withEvacuationAccess({ ...o, need: 'provide', action: 'evacuation_plan.provide', details: { consentId: o.consentId, format: 'json' } }, (tx) => provideToRecipient(tx, o.actor, o.clientId, o.consentId, 'JSON'));
  const { body: _body, runtime: _runtime, ...view } = out;
  return view;
}

/** The printable plan; with a consent id, only that recipient's items, recorded as a provision. */
export async function printEvacuationPlan(o: { db: Db; actor: EvacuationActor; clientId: string; consentId?: string }) {
  if (o.consentId) {
    const consentId = o.consentId;
    return withEvacuationAccess({ ...o, need: 'provide', action: 'evacuation_plan.provide', details: { consentId, format: 'pdf' } }, async (tx) => {
      const x = await provideToRecipient(tx, o.actor, o.clientId, consentId, 'PDF');
      const [row] = await tx.select().from(evacuationPlan).where(eq(evacuationPlan.clientId, o.clientId));
      return renderEvacuationPlan(printable(row!, x), { items: x.items, recipientName: x.recipientName });
    });
  }
  return withEvacuationAccess({ ...o, need: 'read', action: 'evacuation_plan.print' }, async (tx) => {
    const [row] = await tx.select().from(evacuationPlan).where(eq(evacuationPlan.clientId, o.clientId));
    if (!row) throw notFound('個別避難計画');
    return renderEvacuationPlan(printable(row));
  });
}

/** The printable plan from its row (body and runtime reused when already computed). */
function printable(row: typeof evacuationPlan.$inferSelect, computed?: Pick<PrintablePlan, 'body' | 'runtime'>): PrintablePlan {
  const body = computed?.body ?? EvacuationPlanBodySchema.parse(row.body);
  return { version: row.version, status: statusOf(row), body, runtime: computed?.runtime ?? computeRuntime(body), approvedAt: row.approvedAt?.toISOString() ?? null, approvedByName: row.approvedByName, reviewDueOn: row.reviewDueOn };
}
