import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AnswerConsultationSchema,
  ConsultationListQuerySchema,
  ConsultationSchema,
  ConsultationSummarySchema,
  CreateConsultationSchema,
  ResolveConsultationSchema,
} from '../../../shared/contracts/consultations.js';
import type { AppEnv, Deps } from '../../deps.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { answerConsultation, createConsultation, getConsultation, listConsultations, resolveConsultation } from './consultations.js';

const tags = ['コーディネーターに相談'];
const Id = z.object({ id: z.string().max(100) });
const routes = {
  list: createRoute({ method: 'get', path: '/consultations', tags, summary: '相談の一覧（見られるものだけ。ケースに関する相談は相談者とコーディネーターのみ）', request: { query: PageQuerySchema.extend(ConsultationListQuerySchema.shape) }, responses: { 200: jsonResponse(listOf(ConsultationSummarySchema), '一覧（新しい順）'), ...standardErrors } }),
  create: createRoute({ method: 'post', path: '/consultations', tags, summary: '相談する（地域のコーディネーターに通知）', request: { body: jsonBody(CreateConsultationSchema) }, responses: { 201: jsonResponse(ConsultationSchema, '相談'), ...standardErrors } }),
  get: createRoute({ method: 'get', path: '/consultations/{id}', tags, summary: '相談のスレッド（本文・回答は用語集リンクつき）', request: { params: Id }, responses: { 200: jsonResponse(ConsultationSchema, '相談'), ...standardErrors } }),
  answer: createRoute({ method: 'post', path: '/consultations/{id}/answers', tags, summary: '回答する（コーディネーター）／追記する（相談者）', request: { params: Id, body: jsonBody(AnswerConsultationSchema) }, responses: { 201: jsonResponse(ConsultationSchema, '相談'), ...standardErrors } }),
  resolve: createRoute({ method: 'post', path: '/consultations/{id}/resolve', tags, summary: '解決済みにする（一般の相談はナレッジベースに載る）', request: { params: Id, body: jsonBody(ResolveConsultationSchema) }, responses: { 200: jsonResponse(ConsultationSchema, '相談'), ...standardErrors } }),
  reopen: createRoute({ method: 'post', path: '/consultations/{id}/reopen', tags, summary: '未解決に戻す', request: { params: Id }, responses: { 200: jsonResponse(ConsultationSchema, '相談'), ...standardErrors } }),
  kb: createRoute({ method: 'get', path: '/knowledge-base', tags, summary: 'ナレッジベース（解決済みの一般の相談の検索。ひらがな・カタカナ・全角半角を区別しない）', request: { query: PageQuerySchema.extend(ConsultationListQuerySchema.omit({ status: true, mine: true }).shape) }, responses: { 200: jsonResponse(listOf(ConsultationSummarySchema), '一覧'), ...standardErrors } }),
};

export function consultationRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(routes.list, async (c) => {
    const actor = requirePermission(c, 'read:consultations');
    const q = c.req.valid('query');
    return c.json(await listConsultations({ db, actor, ...q, mine: q.mine === 'true' }), 200);
  }, hookFor(routes.list));
  app.openapi(routes.create, async (c) => {
    const actor = requirePermission(c, 'ask:consultations');
    return c.json(await createConsultation({ db, actor, input: c.req.valid('json') }), 201);
  }, hookFor(routes.create));
  app.openapi(routes.get, async (c) => {
    const actor = requirePermission(c, 'read:consultations');
    return c.json(await getConsultation({ db, actor, id: c.req.valid('param').id }), 200);
  }, hookFor(routes.get));
  app.openapi(routes.answer, async (c) => {
    const actor = requirePermission(c, 'read:consultations');
    return c.json(await answerConsultation({ db, actor, id: c.req.valid('param').id, body: c.req.valid('json').body }), 201);
  }, hookFor(routes.answer));
  app.openapi(routes.resolve, async (c) => {
    const actor = requirePermission(c, 'read:consultations');
    return c.json(await resolveConsultation({ db, actor, id: c.req.valid('param').id, acceptedAnswerId: c.req.valid('json').acceptedAnswerId }), 200);
  }, hookFor(routes.resolve));
  app.openapi(routes.reopen, async (c) => {
    const actor = requirePermission(c, 'read:consultations');
    return c.json(await resolveConsultation({ db, actor, id: c.req.valid('param').id, reopen: true }), 200);
  }, hookFor(routes.reopen));
  app.openapi(routes.kb, async (c) => {
    const actor = requirePermission(c, 'read:consultations');
    return c.json(await listConsultations({ db, actor, knowledgeBase: true, ...c.req.valid('query') }), 200);
  }, hookFor(routes.kb));
  return app;
}
