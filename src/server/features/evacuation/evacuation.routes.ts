// 個別避難計画 routes: the plan per client (draft, versions, approval, consents, exports,
// printout), the battery-runtime calculator, and the city's outage simulation and registers.
// Guard first, contract-validated input, one service call.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { RevokeConsentSchema } from '../../../shared/contracts/clients.js';
import {
  ApproveEvacuationPlanSchema,
  EvacuationConsentInputSchema,
  EvacuationConsentSchema,
  EvacuationPlanSchema,
  EvacuationPlanVersionDetailSchema,
  EvacuationPlanVersionSchema,
  PowerRuntimeRequestSchema,
  RecipientViewSchema,
  RegisterEntrySchema,
  RegisterQuerySchema,
  RegisterSummarySchema,
  RuntimeResultSchema,
  SaveEvacuationPlanSchema,
  SimulationQuerySchema,
  SimulationResultSchema,
} from '../../../shared/contracts/evacuation.js';
import { computeRuntime } from '../../../shared/domain/power-runtime.js';
import type { AppEnv, Deps } from '../../deps.js';
import { permit, requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema } from '../../lib/pagination.js';
import { sendFile } from '../../lib/send-file.js';
import { listEvacuationConsents, recordEvacuationConsent, revokeEvacuationConsent } from './evacuation-consents.js';
import { exportEvacuationPlanForRecipient, printEvacuationPlan } from './evacuation-exports.js';
import { approveEvacuationPlan, getEvacuationPlan, getEvacuationPlanVersion, listEvacuationPlanVersions, saveEvacuationPlan } from './evacuation-plans.js';
import { renderSimulation, simulationCsv } from './evacuation-print.js';
import { listEvacuationRegister } from './evacuation-registers.js';
import { simulateOutage } from './simulate-outage.js';

const C = z.object({ id: z.string().max(100) });
const tags = ['個別避難計画'];
const cityTags = ['個別避難計画（市区町村）'];
const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().meta({ format: 'binary' }) } } });
const ConsentQuery = z.object({ consentId: z.string().max(100).optional().meta({ title: '提供先の同意', description: '指定すると、その提供先に同意された項目だけを出力し、提供記録を残す' }) });
const base = '/clients/{id}/evacuation-plan';

const routes = {
  runtime: createRoute({ method: 'post', path: '/evacuation/power-runtime', tags, summary: 'バッテリーで動く時間の計算（保存しない。計算の手順と改善の提案つき）', request: { body: jsonBody(PowerRuntimeRequestSchema) }, responses: { 200: jsonResponse(RuntimeResultSchema, '計算結果'), ...standardErrors } }),
  get: createRoute({ method: 'get', path: base, tags, summary: '個別避難計画（未作成なら記録から作った下書きのひな形、version 0）。バッテリー時間・承認に必要な項目つき', request: { params: C }, responses: { 200: jsonResponse(EvacuationPlanSchema, '計画'), ...standardErrors } }),
  save: createRoute({ method: 'put', path: base, tags, summary: '個別避難計画の保存（新しい版を作る。version は読んだ版、新規は 0。承認済みの計画を変えると「作成中」に戻る）', ...permit('update:evacuation-plan'), request: { params: C, body: jsonBody(SaveEvacuationPlanSchema) }, responses: { 200: jsonResponse(EvacuationPlanSchema, '保存した計画'), ...standardErrors } }),
  approve: createRoute({ method: 'post', path: `${base}/approve`, tags: cityTags, summary: '市区町村の担当職員による承認（確認した version。見直しは1年後）', ...permit('approve:evacuation-plan'), request: { params: C, body: jsonBody(ApproveEvacuationPlanSchema) }, responses: { 200: jsonResponse(EvacuationPlanSchema, '承認した計画'), ...standardErrors } }),
  versions: createRoute({ method: 'get', path: `${base}/versions`, tags, summary: '版の履歴（保存・承認ごと、新しい順）', request: { params: C }, responses: { 200: jsonResponse(items(EvacuationPlanVersionSchema), '履歴'), ...standardErrors } }),
  version: createRoute({ method: 'get', path: `${base}/versions/{version}`, tags, summary: '過去の版の内容', request: { params: C.extend({ version: z.coerce.number().int().min(1).meta({ title: '版' }) }) }, responses: { 200: jsonResponse(EvacuationPlanVersionDetailSchema, '版'), ...standardErrors } }),
  print: createRoute({ method: 'get', path: `${base}/print.pdf`, tags, summary: '個別避難計画の印刷（A4、1〜2枚、バッテリー表つき）。consentId を付けると提供先向け（同意した項目のみ、提供記録）', request: { params: C, query: ConsentQuery }, responses: { 200: binary('application/pdf', 'PDF'), ...standardErrors } }),
  consents: createRoute({ method: 'get', path: `${base}/consents`, tags, summary: '計画の提供先への同意（市・消防・自治会・避難先など、項目つき）', request: { params: C }, responses: { 200: jsonResponse(items(EvacuationConsentSchema), '同意'), ...standardErrors } }),
  addConsent: createRoute({ method: 'post', path: `${base}/consents`, tags, summary: '提供先への同意を記録（市への同意で、市の担当職員が計画を見て承認・シミュレーションできる）', ...permit('update:evacuation-plan'), request: { params: C, body: jsonBody(EvacuationConsentInputSchema) }, responses: { 201: jsonResponse(EvacuationConsentSchema, '記録した同意'), ...standardErrors } }),
  revokeConsent: createRoute({ method: 'post', path: `${base}/consents/{consentId}/revoke`, tags, summary: '提供先への同意の撤回（直ちに提供できなくなる）', ...permit('update:evacuation-plan'), request: { params: C.extend({ consentId: z.string().max(100) }), body: jsonBody(RevokeConsentSchema) }, responses: { 200: jsonResponse(EvacuationConsentSchema, '撤回した同意'), ...standardErrors } }),
  recipientView: createRoute({ method: 'get', path: `${base}/recipient-view`, tags, summary: '提供先に渡す内容（同意した項目のみ、JSON）。提供記録を残す', request: { params: C, query: z.object({ consentId: z.string().max(100).meta({ title: '提供先の同意' }) }) }, responses: { 200: jsonResponse(RecipientViewSchema, '提供先向けの計画'), ...standardErrors } }),
  simulation: createRoute({ method: 'get', path: '/evacuation/simulation', tags: cityTags, summary: '停電シミュレーション: 停電が続く間に必須の医療機器が止まる人（止まるのが早い順）、支援者・避難先・地図用 GeoJSON', ...permit('simulate:evacuation'), request: { query: SimulationQuerySchema }, responses: { 200: jsonResponse(SimulationResultSchema, '結果'), ...standardErrors } }),
  simulationCsv: createRoute({ method: 'get', path: '/evacuation/simulation.csv', tags: cityTags, summary: '停電シミュレーションの CSV（Excel 向け UTF-8 BOM つき。提供記録を残す）', ...permit('simulate:evacuation'), request: { query: SimulationQuerySchema }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...standardErrors } }),
  simulationPdf: createRoute({ method: 'get', path: '/evacuation/simulation.pdf', tags: cityTags, summary: '停電シミュレーションの印刷（A4 横、一覧と位置の概略図。提供記録を残す）', ...permit('simulate:evacuation'), request: { query: SimulationQuerySchema }, responses: { 200: binary('application/pdf', 'PDF'), ...standardErrors } }),
  registers: createRoute({
    method: 'get',
    path: '/evacuation/registers',
    tags: cityTags,
    summary: '避難行動要支援者（医療的ケア児者）の名簿: 計画の状態ごとの人数と作成率、市への提供に同意した人の一覧',
    ...permit('read:evacuation-register'),
    request: { query: PageQuerySchema.extend(RegisterQuerySchema.shape) },
    responses: { 200: jsonResponse(z.object({ asOf: z.string(), summary: RegisterSummarySchema, items: z.array(RegisterEntrySchema), total: z.number().int(), nextCursor: z.string().nullable() }), '名簿'), ...standardErrors },
  }),
};

/** Paths, for the outsider test. */
export const EVACUATION_CLIENT_PATHS = Object.values(routes)
  .map((r) => r.path)
  .filter((p) => p.startsWith('/clients/'));

export function evacuationRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const r = routes;
  const id = (c: { req: { valid(t: 'param'): { id: string } } }) => c.req.valid('param').id;

  app.openapi(r.runtime, async (c) => {
    requirePermission(c, 'use:power-runtime');
    return c.json(computeRuntime(c.req.valid('json')), 200);
  }, hookFor(r.runtime));

  app.openapi(r.get, async (c) => {
    const actor = requirePermission(c, 'read:evacuation-plan');
    return c.json(await getEvacuationPlan({ db, actor, clientId: id(c) }), 200);
  }, hookFor(r.get));
  app.openapi(r.save, async (c) => {
    const actor = requirePermission(c, 'update:evacuation-plan');
    return c.json(await saveEvacuationPlan({ db, actor, clientId: id(c), input: c.req.valid('json') }), 200);
  }, hookFor(r.save));
  app.openapi(r.approve, async (c) => {
    const actor = requirePermission(c, 'approve:evacuation-plan');
    return c.json(await approveEvacuationPlan({ db, actor, clientId: id(c), input: c.req.valid('json') }), 200);
  }, hookFor(r.approve));
  app.openapi(r.versions, async (c) => {
    const actor = requirePermission(c, 'read:evacuation-plan');
    return c.json({ items: await listEvacuationPlanVersions({ db, actor, clientId: id(c) }) }, 200);
  }, hookFor(r.versions));
  app.openapi(r.version, async (c) => {
    const actor = requirePermission(c, 'read:evacuation-plan');
    return c.json(await getEvacuationPlanVersion({ db, actor, clientId: id(c), version: c.req.valid('param').version }), 200);
  }, hookFor(r.version));
  app.openapi(r.print, async (c) => {
    const actor = requirePermission(c, 'read:evacuation-plan');
    const pdf = await printEvacuationPlan({ db, actor, clientId: id(c), consentId: c.req.valid('query').consentId });
    return sendFile(c, pdf, 'application/pdf', '個別避難計画.pdf') as never;
  }, hookFor(r.print));

  app.openapi(r.consents, async (c) => {
    const actor = requirePermission(c, 'read:evacuation-plan');
    return c.json({ items: await listEvacuationConsents({ db, actor, clientId: id(c) }) }, 200);
  }, hookFor(r.consents));
  app.openapi(r.addConsent, async (c) => {
    const actor = requirePermission(c, 'update:evacuation-plan');
    return c.json(await recordEvacuationConsent({ db, actor, clientId: id(c), input: c.req.valid('json') }), 201);
  }, hookFor(r.addConsent));
  app.openapi(r.revokeConsent, async (c) => {
    const actor = requirePermission(c, 'update:evacuation-plan');
    const p = c.req.valid('param');
    return c.json(await revokeEvacuationConsent({ db, actor, clientId: p.id, consentId: p.consentId, input: c.req.valid('json') }), 200);
  }, hookFor(r.revokeConsent));
  app.openapi(r.recipientView, async (c) => {
    const actor = requirePermission(c, 'read:evacuation-plan');
    return c.json(await exportEvacuationPlanForRecipient({ db, actor, clientId: id(c), consentId: c.req.valid('query').consentId }), 200);
  }, hookFor(r.recipientView));

  app.openapi(r.simulation, async (c) => {
    const actor = requirePermission(c, 'simulate:evacuation');
    return c.json((await simulateOutage({ db, actor, query: c.req.valid('query') })) as never, 200);
  }, hookFor(r.simulation));
  app.openapi(r.simulationCsv, async (c) => {
    const actor = requirePermission(c, 'simulate:evacuation');
    const q = c.req.valid('query');
    const result = await simulateOutage({ db, actor, query: q, exportAs: 'CSV' });
    return sendFile(c, simulationCsv(result), 'text/csv; charset=utf-8', `停電シミュレーション_${q.outageHours}時間.csv`, 'attachment') as never;
  }, hookFor(r.simulationCsv));
  app.openapi(r.simulationPdf, async (c) => {
    const actor = requirePermission(c, 'simulate:evacuation');
    const q = c.req.valid('query');
    const result = await simulateOutage({ db, actor, query: q, exportAs: 'PDF' });
    return sendFile(c, await renderSimulation(result), 'application/pdf', `停電シミュレーション_${q.outageHours}時間.pdf`) as never;
  }, hookFor(r.simulationPdf));
  app.openapi(r.registers, async (c) => {
    const actor = requirePermission(c, 'read:evacuation-register');
    return c.json(await listEvacuationRegister({ db, actor, ...c.req.valid('query') }), 200);
  }, hookFor(r.registers));

  return app;
}
