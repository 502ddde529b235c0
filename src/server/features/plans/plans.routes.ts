// Care-management routes (アセスメント, 計画, 週間計画表, モニタリング, 担当者会議), the
// consultant's dashboard, and the printable / exportable outputs.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DashboardSchema } from '../../../shared/contracts/clients.js';
import {
  AgreePlanSchema,
  AssessmentInputSchema,
  AssessmentSchema,
  ConferenceInputSchema,
  ConferenceSchema,
  CreatePlanSchema,
  MonitoringInputSchema,
  MonitoringReportSchema,
  PlanSchema,
  PlanSummarySchema,
  UpdateAssessmentSchema,
  UpdateConferenceSchema,
  UpdateMonitoringSchema,
  UpdatePlanSchema,
  UpdateWeeklySchema,
} from '../../../shared/contracts/plans.js';
import type { AppEnv, Deps } from '../../deps.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { getDashboard } from './dashboard.js';
import {
  agreePlan,
  createAssessment,
  createConference,
  createMonitoring,
  createPlan,
  getAssessment,
  getConference,
  getMonitoring,
  getPlan,
  listAssessments,
  listConferences,
  listMonitoring,
  listPlans,
  updateAssessment,
  updateConference,
  updateMonitoring,
  updatePlan,
  updateWeekly,
} from './documents.js';
import { registerOutputRoutes } from './outputs.routes.js';

const C = z.object({ id: z.string().max(100) });
const CD = (name: string) => C.extend({ [name]: z.string().max(100) });
const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });
const tags = ['ケアマネジメント'];

const routes = {
  dashboard: createRoute({ method: 'get', path: '/dashboard/care', tags, summary: '担当利用者のアラート（モニタリング期限・受給者証の期限・計画の見直し・ライフステージの節目）', request: { query: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().meta({ title: '基準日' }) }) }, responses: { 200: jsonResponse(DashboardSchema, 'アラート'), ...standardErrors } }),
  listAssessments: createRoute({ method: 'get', path: '/clients/{id}/assessments', tags, summary: 'アセスメントの一覧', request: { params: C }, responses: { 200: jsonResponse(items(AssessmentSchema), '一覧'), ...standardErrors } }),
  createAssessment: createRoute({ method: 'post', path: '/clients/{id}/assessments', tags, summary: 'アセスメントの作成', request: { params: C, body: jsonBody(AssessmentInputSchema) }, responses: { 201: jsonResponse(AssessmentSchema, '作成したアセスメント'), ...standardErrors } }),
  getAssessment: createRoute({ method: 'get', path: '/clients/{id}/assessments/{assessmentId}', tags, summary: 'アセスメント', request: { params: CD('assessmentId') }, responses: { 200: jsonResponse(AssessmentSchema, 'アセスメント'), ...standardErrors } }),
  updateAssessment: createRoute({ method: 'put', path: '/clients/{id}/assessments/{assessmentId}', tags, summary: 'アセスメントの更新（version 必須）', request: { params: CD('assessmentId'), body: jsonBody(UpdateAssessmentSchema) }, responses: { 200: jsonResponse(AssessmentSchema, '更新後'), ...standardErrors } }),
  listPlans: createRoute({ method: 'get', path: '/clients/{id}/plans', tags, summary: '計画の版の一覧（新しい版から）', request: { params: C }, responses: { 200: jsonResponse(items(PlanSummarySchema), '一覧'), ...standardErrors } }),
  createPlan: createRoute({ method: 'post', path: '/clients/{id}/plans', tags, summary: '計画（案）の作成。copyFromPlanId で前の版を元にできる', request: { params: C, body: jsonBody(CreatePlanSchema) }, responses: { 201: jsonResponse(PlanSchema, '作成した計画（案）'), ...standardErrors } }),
  getPlan: createRoute({ method: 'get', path: '/clients/{id}/plans/{planId}', tags, summary: '計画（planId に current で現在の計画）。モニタリング予定つき', request: { params: CD('planId') }, responses: { 200: jsonResponse(PlanSchema, '計画'), ...standardErrors } }),
  updatePlan: createRoute({ method: 'put', path: '/clients/{id}/plans/{planId}', tags, summary: '計画（案）の更新（version 必須、確定後は不可）', request: { params: CD('planId'), body: jsonBody(UpdatePlanSchema) }, responses: { 200: jsonResponse(PlanSchema, '更新後'), ...standardErrors } }),
  updateWeekly: createRoute({ method: 'put', path: '/clients/{id}/plans/{planId}/weekly', tags, summary: '週間計画表の更新（version 必須）', request: { params: CD('planId'), body: jsonBody(UpdateWeeklySchema) }, responses: { 200: jsonResponse(PlanSchema, '更新後'), ...standardErrors } }),
  agreePlan: createRoute({ method: 'post', path: '/clients/{id}/plans/{planId}/agree', tags, summary: '計画の確定（本人・保護者の同意）。前の版は「過去の版」になる', request: { params: CD('planId'), body: jsonBody(AgreePlanSchema) }, responses: { 200: jsonResponse(PlanSchema, '確定した計画'), ...standardErrors } }),
  listMonitoring: createRoute({ method: 'get', path: '/clients/{id}/monitoring', tags, summary: 'モニタリング報告書の一覧', request: { params: C }, responses: { 200: jsonResponse(items(MonitoringReportSchema), '一覧'), ...standardErrors } }),
  createMonitoring: createRoute({ method: 'post', path: '/clients/{id}/monitoring', tags, summary: 'モニタリング報告書の作成', request: { params: C, body: jsonBody(MonitoringInputSchema) }, responses: { 201: jsonResponse(MonitoringReportSchema, '作成した報告書'), ...standardErrors } }),
  getMonitoring: createRoute({ method: 'get', path: '/clients/{id}/monitoring/{monitoringId}', tags, summary: 'モニタリング報告書', request: { params: CD('monitoringId') }, responses: { 200: jsonResponse(MonitoringReportSchema, '報告書'), ...standardErrors } }),
  updateMonitoring: createRoute({ method: 'put', path: '/clients/{id}/monitoring/{monitoringId}', tags, summary: 'モニタリング報告書の更新（version 必須）', request: { params: CD('monitoringId'), body: jsonBody(UpdateMonitoringSchema) }, responses: { 200: jsonResponse(MonitoringReportSchema, '更新後'), ...standardErrors } }),
  listConferences: createRoute({ method: 'get', path: '/clients/{id}/conferences', tags, summary: '担当者会議の一覧', request: { params: C }, responses: { 200: jsonResponse(items(ConferenceSchema), '一覧'), ...standardErrors } }),
  createConference: createRoute({ method: 'post', path: '/clients/{id}/conferences', tags, summary: '担当者会議の記録を作成', request: { params: C, body: jsonBody(ConferenceInputSchema) }, responses: { 201: jsonResponse(ConferenceSchema, '作成した記録'), ...standardErrors } }),
  getConference: createRoute({ method: 'get', path: '/clients/{id}/conferences/{conferenceId}', tags, summary: '担当者会議の記録', request: { params: CD('conferenceId') }, responses: { 200: jsonResponse(ConferenceSchema, '記録'), ...standardErrors } }),
  updateConference: createRoute({ method: 'put', path: '/clients/{id}/conferences/{conferenceId}', tags, summary: '担当者会議の記録の更新（version 必須）', request: { params: CD('conferenceId'), body: jsonBody(UpdateConferenceSchema) }, responses: { 200: jsonResponse(ConferenceSchema, '更新後'), ...standardErrors } }),
};

/** Method and path of every route, for the outsider test (every client endpoint is tried). */
export const PLAN_ROUTES = Object.values(routes).map((r) => ({ method: r.method.toUpperCase(), path: `/api${r.path}` }));

export function planRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const r = routes;
  const p = (c: { req: { valid(t: 'param'): Record<string, string> } }) => c.req.valid('param');

  app.openapi(r.dashboard, async (c) => {
    const actor = requirePermission(c, 'read:client');
    return c.json(await getDashboard({ db, actor, asOf: c.req.valid('query').asOf }), 200);
  }, hookFor(r.dashboard));

  app.openapi(r.listAssessments, async (c) => c.json({ items: await listAssessments({ db, actor: requirePermission(c, 'read:plan'), clientId: p(c).id! }) }, 200), hookFor(r.listAssessments));
  app.openapi(r.createAssessment, async (c) => c.json(await createAssessment({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, input: c.req.valid('json') }), 201), hookFor(r.createAssessment));
  app.openapi(r.getAssessment, async (c) => c.json(await getAssessment({ db, actor: requirePermission(c, 'read:plan'), clientId: p(c).id!, id: p(c).assessmentId! }), 200), hookFor(r.getAssessment));
  app.openapi(r.updateAssessment, async (c) => c.json(await updateAssessment({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, id: p(c).assessmentId!, input: c.req.valid('json') }), 200), hookFor(r.updateAssessment));

  app.openapi(r.listPlans, async (c) => c.json({ items: await listPlans({ db, actor: requirePermission(c, 'read:plan'), clientId: p(c).id! }) }, 200), hookFor(r.listPlans));
  app.openapi(r.createPlan, async (c) => c.json((await createPlan({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, input: c.req.valid('json') })) as never, 201), hookFor(r.createPlan));
  app.openapi(r.getPlan, async (c) => c.json((await getPlan({ db, actor: requirePermission(c, 'read:plan'), clientId: p(c).id!, id: p(c).planId! })) as never, 200), hookFor(r.getPlan));
  app.openapi(r.updatePlan, async (c) => c.json((await updatePlan({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, id: p(c).planId!, input: c.req.valid('json') })) as never, 200), hookFor(r.updatePlan));
  app.openapi(r.updateWeekly, async (c) => c.json((await updateWeekly({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, id: p(c).planId!, input: c.req.valid('json') })) as never, 200), hookFor(r.updateWeekly));
  app.openapi(r.agreePlan, async (c) => c.json((await agreePlan({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, id: p(c).planId!, input: c.req.valid('json') })) as never, 200), hookFor(r.agreePlan));

  app.openapi(r.listMonitoring, async (c) => c.json({ items: await listMonitoring({ db, actor: requirePermission(c, 'read:plan'), clientId: p(c).id! }) }, 200), hookFor(r.listMonitoring));
  app.openapi(r.createMonitoring, async (c) => c.json(await createMonitoring({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, input: c.req.valid('json') }), 201), hookFor(r.createMonitoring));
  app.openapi(r.getMonitoring, async (c) => c.json(await getMonitoring({ db, actor: requirePermission(c, 'read:plan'), clientId: p(c).id!, id: p(c).monitoringId! }), 200), hookFor(r.getMonitoring));
  app.openapi(r.updateMonitoring, async (c) => c.json(await updateMonitoring({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, id: p(c).monitoringId!, input: c.req.valid('json') }), 200), hookFor(r.updateMonitoring));

  app.openapi(r.listConferences, async (c) => c.json({ items: await listConferences({ db, actor: requirePermission(c, 'read:plan'), clientId: p(c).id! }) }, 200), hookFor(r.listConferences));
  app.openapi(r.createConference, async (c) => c.json(await createConference({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, input: c.req.valid('json') }), 201), hookFor(r.createConference));
  app.openapi(r.getConference, async (c) => c.json(await getConference({ db, actor: requirePermission(c, 'read:plan'), clientId: p(c).id!, id: p(c).conferenceId! }), 200), hookFor(r.getConference));
  app.openapi(r.updateConference, async (c) => c.json(await updateConference({ db, actor: requirePermission(c, 'update:plan'), clientId: p(c).id!, id: p(c).conferenceId!, input: c.req.valid('json') }), 200), hookFor(r.updateConference));

  registerOutputRoutes(app, deps);
  return app;
}
