// Printable (PDF), exportable (Excel, FHIR) and JSON summaries, generated from the record at
// request time. Each output needs the consent scopes of its content; one produced for a
// named recipient (`recipientOfficeId` or `recipientName`) also needs the guardian's consent
// for that recipient and is written as a provision record (APPI).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DOCUMENT_SCOPES, type ConsentScope } from '../../../shared/domain/consent-scopes.js';
import type { Tx } from '../../db/client.js';
import type { AppEnv, Deps } from '../../deps.js';
import { consent as consentTable } from '../../db/schema/index.js';
import { requirePermission } from '../../lib/guards.js';
import { sendFile } from '../../lib/send-file.js';
import { hookFor, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { withClientAccess } from '../clients/client-access.js';
import { buildFhirBundle } from '../clients/fhir.js';
import { readSections } from '../clients/records.js';
import { consentForRecipient, scopesOfMember, writeProvision } from '../clients/team.js';
import { clientTeamMember, office, user } from '../../db/schema/index.js';
import { TEAM_ROLE_LABELS, type TeamRole } from '../../../shared/contracts/clients.js';
import { readConference, readMonitoring, readPlan, type PlanOut } from './documents.js';
import { monitoringWorkbook, planWorkbook } from './excel.js';
import { renderConference, renderEmergencySummary, renderLifeSupportFile, renderMonitoring, renderPlan, renderWeekly, type ClientHead } from './print.js';

const RecipientQuery = z.object({
  recipientOfficeId: z.string().max(100).optional().meta({ title: '提供先の事業所', description: '指定すると、その提供先への同意を確認し、提供記録を残す' }),
  recipientName: z.string().max(200).optional().meta({ title: '提供先の名称（外部）', description: '同意に記録した外部の提供先の名称' }),
});
const PlanQuery = RecipientQuery.extend({ planId: z.string().max(100).optional().meta({ title: '計画', description: '省略時は現在の計画' }) });
const C = z.object({ id: z.string().max(100) });
/** `<document id>.pdf` / `.xlsx` as one path segment (Hono cannot put a literal after a parameter). */
const file = (ext: string, title: string) =>
  z
    .string()
    .max(120)
    .regex(new RegExp(`^[^/]+\\.${ext}$`), { error: `「<id>.${ext}」の形式で指定してください` })
    .transform((v) => v.slice(0, -(ext.length + 1)))
    .meta({ title, description: `<id>.${ext}` });
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().meta({ format: 'binary' }) } } });
const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['印刷・出力'];

const routes = {
  planPdf: createRoute({ method: 'get', path: '/clients/{id}/print/plan.pdf', tags, summary: '計画（A4 横、PDF）', request: { params: C, query: PlanQuery }, responses: { 200: binary(PDF, 'PDF'), ...standardErrors } }),
  weeklyPdf: createRoute({ method: 'get', path: '/clients/{id}/print/weekly.pdf', tags, summary: '週間計画表（A4 横、PDF）', request: { params: C, query: PlanQuery }, responses: { 200: binary(PDF, 'PDF'), ...standardErrors } }),
  monitoringPdf: createRoute({ method: 'get', path: '/clients/{id}/print/monitoring/{monitoringPdf}', tags, summary: 'モニタリング報告書（PDF）。パスは …/monitoring/<id>.pdf', request: { params: C.extend({ monitoringPdf: file('pdf', 'モニタリング報告書') }), query: RecipientQuery }, responses: { 200: binary(PDF, 'PDF'), ...standardErrors } }),
  conferencePdf: createRoute({ method: 'get', path: '/clients/{id}/print/conference/{conferencePdf}', tags, summary: '担当者会議の記録（PDF）。パスは …/conference/<id>.pdf', request: { params: C.extend({ conferencePdf: file('pdf', '担当者会議') }), query: RecipientQuery }, responses: { 200: binary(PDF, 'PDF'), ...standardErrors } }),
  lifeSupportPdf: createRoute({ method: 'get', path: '/clients/{id}/print/life-support-file.pdf', tags, summary: 'ライフサポートファイル（PDF）', request: { params: C, query: RecipientQuery }, responses: { 200: binary(PDF, 'PDF'), ...standardErrors } }),
  emergencyPdf: createRoute({ method: 'get', path: '/clients/{id}/print/emergency-summary.pdf', tags, summary: '救急サマリー（A4 2ページ、PDF）', request: { params: C, query: RecipientQuery }, responses: { 200: binary(PDF, 'PDF'), ...standardErrors } }),
  emergencyJson: createRoute({ method: 'get', path: '/clients/{id}/emergency-summary', tags, summary: '救急サマリー（JSON。画面の印刷用ビュー向け）', request: { params: C }, responses: { 200: jsonResponse(z.looseObject({}), '救急サマリーの内容'), ...standardErrors } }),
  planXlsx: createRoute({ method: 'get', path: '/clients/{id}/export/plan.xlsx', tags, summary: '計画の Excel（様式レイアウト）', request: { params: C, query: PlanQuery }, responses: { 200: binary(XLSX, 'Excel'), ...standardErrors } }),
  monitoringXlsx: createRoute({ method: 'get', path: '/clients/{id}/export/monitoring/{monitoringXlsx}', tags, summary: 'モニタリング報告書の Excel（様式レイアウト）。パスは …/monitoring/<id>.xlsx', request: { params: C.extend({ monitoringXlsx: file('xlsx', 'モニタリング報告書') }), query: RecipientQuery }, responses: { 200: binary(XLSX, 'Excel'), ...standardErrors } }),
  fhir: createRoute({ method: 'get', path: '/clients/{id}/fhir', tags, summary: 'FHIR R4 Bundle（Patient, RelatedPerson, Condition, CarePlan, CareTeam, Consent, Device）', request: { params: C, query: RecipientQuery }, responses: { 200: jsonResponse(z.looseObject({ resourceType: z.literal('Bundle') }), 'FHIR R4 Bundle (collection)'), ...standardErrors } }),
};

/** Paths, for the outsider test. */
export const OUTPUT_ROUTE_PATHS = Object.values(routes).map((r) => `/api${r.path}`);

type Recipient = z.infer<typeof RecipientQuery>;

async function provide(tx: Tx, actor: AppEnv['Variables']['actor'], clientId: string, recipient: Recipient, scopes: readonly ConsentScope[], item: string) {
  if (!recipient.recipientOfficeId && !recipient.recipientName) return;
  const c = await consentForRecipient(tx, clientId, { officeId: recipient.recipientOfficeId, name: recipient.recipientName }, scopes);
  await writeProvision(tx, { clientId, kind: 'export', recipientName: c.recipientName || recipient.recipientName || '', recipientOfficeId: c.recipientOfficeId, recipientUserId: c.recipientUserId, scopes, items: [item], consentId: c.id, actor });
}

const head = (s: Awaited<ReturnType<typeof readSections>>): ClientHead => ({ name: s.client.name, nameKana: s.client.nameKana, birthDate: s.client.birthDate, sex: s.client.sex, municipalityName: s.client.municipalityName, municipalityCode: s.client.municipalityCode });

export function registerOutputRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const { db } = deps;
  const r = routes;

  const planDoc = (kind: 'planPdf' | 'weeklyPdf' | 'planXlsx') =>
    app.openapi(r[kind], async (c) => {
      const actor = requirePermission(c, 'read:plan');
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const scopes = DOCUMENT_SCOPES.plan;
      const label = kind === 'weeklyPdf' ? '週間計画表' : '計画';
      const out = await withClientAccess({ db, actor, clientId: id, scopes, action: `client.output.${kind}`, details: { planId: q.planId ?? 'current', recipient: q.recipientOfficeId ?? q.recipientName ?? null } }, async (tx) => {
        const s = await readSections(tx, id);
        const plan = await readPlan(tx, id, q.planId ?? 'current');
        await provide(tx, actor, id, q, scopes, `${label} 第${plan.revision}版（${kind.endsWith('Xlsx') ? 'Excel' : 'PDF'}）`);
        if (kind === 'planPdf') return renderPlan(head(s), plan);
        if (kind === 'weeklyPdf') return renderWeekly(head(s), plan);
        return planWorkbook(head(s), plan);
      });
      return sendFile(c, out, kind === 'planXlsx' ? XLSX : PDF, `${label}.${kind === 'planXlsx' ? 'xlsx' : 'pdf'}`) as never;
    }, hookFor(r[kind]));
  planDoc('planPdf');
  planDoc('weeklyPdf');
  planDoc('planXlsx');

  const monitoringDoc = (kind: 'monitoringPdf' | 'monitoringXlsx') =>
    app.openapi(r[kind], async (c) => {
      const actor = requirePermission(c, 'read:plan');
      const params = c.req.valid('param') as { id: string; monitoringPdf?: string; monitoringXlsx?: string };
      const id = params.id;
      const monitoringId = (params.monitoringPdf ?? params.monitoringXlsx)!;
      const q = c.req.valid('query');
      const out = await withClientAccess({ db, actor, clientId: id, scopes: DOCUMENT_SCOPES.monitoring, action: `client.output.${kind}`, entityType: 'monitoring_report', entityId: monitoringId }, async (tx) => {
        const s = await readSections(tx, id);
        const m = await readMonitoring(tx, id, monitoringId);
        const plan: PlanOut | null = await readPlan(tx, id, m.planId).catch(() => null);
        await provide(tx, actor, id, q, DOCUMENT_SCOPES.monitoring, `モニタリング報告書 ${m.conductedOn}（${kind === 'monitoringXlsx' ? 'Excel' : 'PDF'}）`);
        return kind === 'monitoringPdf' ? renderMonitoring(head(s), m, plan) : monitoringWorkbook(head(s), m, plan);
      });
      return sendFile(c, out, kind === 'monitoringXlsx' ? XLSX : PDF, `モニタリング報告書.${kind === 'monitoringXlsx' ? 'xlsx' : 'pdf'}`) as never;
    }, hookFor(r[kind]));
  monitoringDoc('monitoringPdf');
  monitoringDoc('monitoringXlsx');

  app.openapi(r.conferencePdf, async (c) => {
    const actor = requirePermission(c, 'read:plan');
    const { id, conferencePdf: conferenceId } = c.req.valid('param');
    const q = c.req.valid('query');
    const out = await withClientAccess({ db, actor, clientId: id, scopes: DOCUMENT_SCOPES.conference, action: 'client.output.conferencePdf', entityType: 'case_conference', entityId: conferenceId }, async (tx) => {
      const s = await readSections(tx, id);
      const k = await readConference(tx, id, conferenceId);
      await provide(tx, actor, id, q, DOCUMENT_SCOPES.conference, `担当者会議の記録 ${k.heldAt.slice(0, 10)}（PDF）`);
      return renderConference(head(s), k);
    });
    return sendFile(c, out, PDF, '担当者会議.pdf') as never;
  }, hookFor(r.conferencePdf));

  app.openapi(r.lifeSupportPdf, async (c) => {
    const actor = requirePermission(c, 'read:client');
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const out = await withClientAccess({ db, actor, clientId: id, scopes: DOCUMENT_SCOPES.lifeSupportFile, action: 'client.output.lifeSupportFile' }, async (tx) => {
      const s = await readSections(tx, id);
      await provide(tx, actor, id, q, DOCUMENT_SCOPES.lifeSupportFile, 'ライフサポートファイル（PDF）');
      return renderLifeSupportFile(head(s), s.profile!, s.medical!, s.contact!);
    });
    return sendFile(c, out, PDF, 'ライフサポートファイル.pdf') as never;
  }, hookFor(r.lifeSupportPdf));

  app.openapi(r.emergencyPdf, async (c) => {
    const actor = requirePermission(c, 'read:client');
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const out = await withClientAccess({ db, actor, clientId: id, scopes: DOCUMENT_SCOPES.emergencySummary, action: 'client.output.emergencySummary' }, async (tx) => {
      const s = await readSections(tx, id);
      await provide(tx, actor, id, q, DOCUMENT_SCOPES.emergencySummary, '救急サマリー（PDF）');
      return renderEmergencySummary(head(s), s.medical!, s.contact!);
    });
    return sendFile(c, out, PDF, '救急サマリー.pdf') as never;
  }, hookFor(r.emergencyPdf));

  app.openapi(r.emergencyJson, async (c) => {
    const actor = requirePermission(c, 'read:client');
    const { id } = c.req.valid('param');
    const out = await withClientAccess({ db, actor, clientId: id, scopes: DOCUMENT_SCOPES.emergencySummary, action: 'client.emergency_summary.read' }, async (tx) => {
      const s = await readSections(tx, id);
      const m = s.medical!;
      return {
        client: head(s),
        diagnoses: m.diagnoses,
        careItems: m.careItems,
        devices: m.devices,
        medications: m.medications,
        allergies: m.allergies,
        emergencyNotes: m.emergencyNotes,
        bloodType: m.bloodType,
        weightKg: m.weightKg,
        contacts: [...(s.contact?.guardians ?? []).map((g) => ({ name: g.name, relation: g.relation, phone: g.phone })), ...(s.contact?.emergencyContacts ?? [])],
        hospitals: m.hospitals,
      };
    });
    return c.json(out, 200);
  }, hookFor(r.emergencyJson));

  app.openapi(r.fhir, async (c) => {
    const actor = requirePermission(c, 'read:client');
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const bundle = await withClientAccess({ db, actor, clientId: id, scopes: DOCUMENT_SCOPES.fhir, action: 'client.output.fhir' }, async (tx) => {
      const s = await readSections(tx, id);
      const plan = await readPlan(tx, id, 'current').catch(() => null);
      const consents = await tx.select().from(consentTable).where(eq(consentTable.clientId, id));
      const team = await tx
        .select({ m: clientTeamMember, userName: user.name, officeName: office.name })
        .from(clientTeamMember)
        .leftJoin(user, eq(user.id, clientTeamMember.userId))
        .leftJoin(office, eq(office.id, clientTeamMember.officeId))
        .where(and(eq(clientTeamMember.clientId, id)));
      await provide(tx, actor, id, q, DOCUMENT_SCOPES.fhir, 'FHIR R4 Bundle');
      return buildFhirBundle({
        client: { ...s.client },
        profile: s.profile,
        contact: s.contact,
        medical: s.medical,
        plan,
        team: team.map((t) => ({ id: t.m.id, roleLabel: TEAM_ROLE_LABELS[t.m.role as TeamRole] ?? t.m.role, userName: t.userName, officeName: t.officeName, since: t.m.since.toISOString(), removedAt: t.m.removedAt?.toISOString() ?? null, scopes: scopesOfMember(t.m, consents) })),
        consents: consents.map((k) => ({ id: k.id, active: !k.revokedAt, scopes: k.scopes, recipientName: k.recipientName, consentedOn: k.consentedOn, givenBy: k.givenBy, givenByRelation: k.givenByRelation, method: k.method, document: k.document })),
        generatedAt: new Date(),
      });
    });
    return c.json(bundle as never, 200, { 'content-type': 'application/fhir+json; charset=utf-8', 'cache-control': 'no-store' });
  }, hookFor(r.fhir));
}
