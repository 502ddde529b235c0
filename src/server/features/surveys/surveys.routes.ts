// Thin routes for surveys, results, indicators.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CompareResultsSchema,
  CopySurveySchema,
  CreateIndicatorSchema,
  CreateInvitationsSchema,
  CreateSurveySchema,
  IndicatorSchema,
  InvitationsResultSchema,
  ResultsQuerySchema,
  SubmitResponseSchema,
  SurveyListQuerySchema,
  SurveyResultsSchema,
  SurveySchema,
  TrackQuestionSchema,
  TrendQuerySchema,
  TrendSchema,
  UpdateIndicatorSchema,
  UpdateSurveySchema,
} from '../../../shared/contracts/surveys.js';
import type { AppEnv, Deps } from '../../deps.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { contentDisposition } from '../events/materials.js';
import { createInvitations, submitMemberResponse } from './responses.js';
import { compareSurveys, createIndicator, deleteIndicator, exportResponsesCsv, indicatorTrend, listIndicators, surveyResults, trackQuestion, updateIndicator } from './results.js';
import { copySurvey, createSurvey, deleteSurvey, getSurvey, listSurveys, updateSurvey } from './surveys.js';

const tags = ['ネットワーク活動: アンケート'];
const itags = ['ネットワーク活動: 地域の指標'];
const Id = z.object({ id: z.string().max(100) });

const routes = {
  list: createRoute({ method: 'get', path: '/surveys', tags, summary: 'アンケートの一覧（主催者・行政は全件、会員は回答できるもの）', request: { query: PageQuerySchema.extend(SurveyListQuerySchema.shape) }, responses: { 200: jsonResponse(listOf(SurveySchema), '一覧（新しい順）'), ...standardErrors } }),
  create: createRoute({ method: 'post', path: '/surveys', tags, summary: 'アンケートの作成（質問の種類: 単一・複数選択、段階評価、数値、自由記述）', request: { body: jsonBody(CreateSurveySchema) }, responses: { 201: jsonResponse(SurveySchema, '作成したアンケート（下書き）'), ...standardErrors } }),
  get: createRoute({ method: 'get', path: '/surveys/{id}', tags, summary: 'アンケート（回答画面・編集画面）', request: { params: Id }, responses: { 200: jsonResponse(SurveySchema, 'アンケート'), ...standardErrors } }),
  update: createRoute({ method: 'patch', path: '/surveys/{id}', tags, summary: 'アンケートの更新（公開・締切を含む。回答後は質問を変更不可）', request: { params: Id, body: jsonBody(UpdateSurveySchema) }, responses: { 200: jsonResponse(SurveySchema, 'アンケート'), ...standardErrors } }),
  remove: createRoute({ method: 'delete', path: '/surveys/{id}', tags, summary: 'アンケートの削除（回答も削除）', request: { params: Id }, responses: { 204: { description: '削除しました' }, ...standardErrors } }),
  copy: createRoute({ method: 'post', path: '/surveys/{id}/copy', tags, summary: '前回のアンケートをコピー（別の行事用の下書き）', request: { params: Id, body: jsonBody(CopySurveySchema) }, responses: { 201: jsonResponse(SurveySchema, 'コピーしたアンケート'), ...standardErrors } }),
  invite: createRoute({ method: 'post', path: '/surveys/{id}/invitations', tags, summary: '配布（参加者へメール・お知らせ、または1回限りの配布用リンク）', request: { params: Id, body: jsonBody(CreateInvitationsSchema) }, responses: { 201: jsonResponse(InvitationsResultSchema, '配布結果（links はこの応答でのみ表示）'), ...standardErrors } }),
  respond: createRoute({ method: 'post', path: '/surveys/{id}/responses', tags, summary: '回答（会員。1人1回）', request: { params: Id, body: jsonBody(SubmitResponseSchema) }, responses: { 201: jsonResponse(z.object({ submitted: z.boolean() }), '回答しました'), ...standardErrors } }),
  results: createRoute({ method: 'get', path: '/surveys/{id}/results', tags, summary: '集計結果（回答率、質問ごとのグラフ用データ、自由記述の検索。市・職種で絞り込み）', request: { params: Id, query: ResultsQuerySchema }, responses: { 200: jsonResponse(SurveyResultsSchema, '集計'), ...standardErrors } }),
  compare: createRoute({ method: 'get', path: '/surveys/compare', tags, summary: '2つのアンケート（行事）の比較', request: { query: ResultsQuerySchema.omit({ q: true }).extend({ a: z.string().max(100).meta({ title: 'アンケート A' }), b: z.string().max(100).meta({ title: 'アンケート B' }) }) }, responses: { 200: jsonResponse(CompareResultsSchema, '比較'), ...standardErrors } }),
  csv: createRoute({ method: 'get', path: '/surveys/{id}/responses.csv', tags, summary: '回答の CSV（無記名のアンケートは氏名・時刻なし）', request: { params: Id }, responses: { 200: { description: 'CSV（UTF-8 BOM つき）', content: { 'text/csv': { schema: z.string() } } }, ...standardErrors } }),
  track: createRoute({ method: 'put', path: '/surveys/{id}/questions/{questionId}/indicator', tags: itags, summary: '質問を地域の指標として追跡する（選択肢の対応つき）', request: { params: Id.extend({ questionId: z.string().max(100) }), body: jsonBody(TrackQuestionSchema) }, responses: { 200: jsonResponse(z.object({ id: z.string(), indicatorId: z.string().nullable(), indicatorOptionMap: z.array(z.number().int().nullable()).nullable() }), '質問'), ...standardErrors } }),
  indicators: createRoute({ method: 'get', path: '/indicators', tags: itags, summary: '地域の指標の一覧（満足度・活用度・医ケアケースの受け入れ意向など）', responses: { 200: jsonResponse(listOf(IndicatorSchema), '一覧'), ...standardErrors } }),
  createIndicator: createRoute({ method: 'post', path: '/indicators', tags: itags, summary: '指標の作成', request: { body: jsonBody(CreateIndicatorSchema) }, responses: { 201: jsonResponse(IndicatorSchema, '指標'), ...standardErrors } }),
  updateIndicator: createRoute({ method: 'patch', path: '/indicators/{id}', tags: itags, summary: '指標の更新', request: { params: Id, body: jsonBody(UpdateIndicatorSchema) }, responses: { 200: jsonResponse(IndicatorSchema, '指標'), ...standardErrors } }),
  deleteIndicator: createRoute({ method: 'delete', path: '/indicators/{id}', tags: itags, summary: '指標の削除（対応づけた質問の追跡は外れる。アンケートと回答は残る）', request: { params: Id }, responses: { 204: { description: '削除しました' }, ...standardErrors } }),
  trend: createRoute({ method: 'get', path: '/indicators/{id}/trend', tags: itags, summary: '指標の推移（行事ごと。市・職種で絞り込み）', request: { params: Id, query: TrendQuerySchema }, responses: { 200: jsonResponse(TrendSchema, '推移'), ...standardErrors } }),
};

export function surveyRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const r = routes;

  app.openapi(r.list, async (c) => {
    const actor = requirePermission(c, 'read:events');
    const q = c.req.valid('query');
    return c.json(await listSurveys({ db, actor, ...q, toAnswer: q.toAnswer === 'true' }), 200);
  }, hookFor(r.list));
  app.openapi(r.create, async (c) => {
    const actor = requirePermission(c, 'manage:surveys');
    return c.json(await createSurvey({ db, actor, input: c.req.valid('json') }), 201);
  }, hookFor(r.create));
  // Registered before /surveys/{id} so "compare" is not taken for an id.
  app.openapi(r.compare, async (c) => {
    const actor = requirePermission(c, 'read:survey-results');
    return c.json(await compareSurveys({ db, actor, ...c.req.valid('query') }), 200);
  }, hookFor(r.compare));
  app.openapi(r.get, async (c) => {
    const actor = requirePermission(c, 'read:events');
    return c.json(await getSurvey({ db, actor, id: c.req.valid('param').id }), 200);
  }, hookFor(r.get));
  app.openapi(r.update, async (c) => {
    const actor = requirePermission(c, 'manage:surveys');
    return c.json(await updateSurvey({ db, actor, id: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(r.update));
  app.openapi(r.remove, async (c) => {
    const actor = requirePermission(c, 'manage:surveys');
    await deleteSurvey({ db, actor, id: c.req.valid('param').id });
    return c.body(null, 204);
  }, hookFor(r.remove));
  app.openapi(r.copy, async (c) => {
    const actor = requirePermission(c, 'manage:surveys');
    return c.json(await copySurvey({ db, actor, id: c.req.valid('param').id, input: c.req.valid('json') }), 201);
  }, hookFor(r.copy));
  app.openapi(r.invite, async (c) => {
    const actor = requirePermission(c, 'manage:surveys');
    return c.json(await createInvitations({ db, actor, surveyId: c.req.valid('param').id, baseUrl: deps.env.baseUrl, input: c.req.valid('json') }), 201);
  }, hookFor(r.invite));
  app.openapi(r.respond, async (c) => {
    const actor = requirePermission(c, 'answer:surveys');
    return c.json(await submitMemberResponse({ db, actor, surveyId: c.req.valid('param').id, input: c.req.valid('json') }), 201);
  }, hookFor(r.respond));
  app.openapi(r.results, async (c) => {
    const actor = requirePermission(c, 'read:survey-results');
    return c.json(await surveyResults({ db, actor, id: c.req.valid('param').id, ...c.req.valid('query') }), 200);
  }, hookFor(r.results));
  app.openapi(r.csv, async (c) => {
    const actor = requirePermission(c, 'manage:surveys');
    const { filename, body } = await exportResponsesCsv({ db, actor, id: c.req.valid('param').id });
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': contentDisposition(filename), 'cache-control': 'private, no-store' }) as never;
  }, hookFor(r.csv));

  app.openapi(r.track, async (c) => {
    const actor = requirePermission(c, 'manage:indicators');
    const p = c.req.valid('param');
    return c.json(await trackQuestion({ db, actor, surveyId: p.id, questionId: p.questionId, input: c.req.valid('json') }), 200);
  }, hookFor(r.track));
  app.openapi(r.indicators, async (c) => {
    requirePermission(c, 'read:indicators');
    return c.json(await listIndicators({ db }), 200);
  }, hookFor(r.indicators));
  app.openapi(r.createIndicator, async (c) => {
    const actor = requirePermission(c, 'manage:indicators');
    return c.json(await createIndicator({ db, actor, input: c.req.valid('json') }), 201);
  }, hookFor(r.createIndicator));
  app.openapi(r.updateIndicator, async (c) => {
    const actor = requirePermission(c, 'manage:indicators');
    return c.json(await updateIndicator({ db, actor, id: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(r.updateIndicator));
  app.openapi(r.deleteIndicator, async (c) => {
    const actor = requirePermission(c, 'manage:indicators');
    await deleteIndicator({ db, actor, id: c.req.valid('param').id });
    return c.body(null, 204);
  }, hookFor(r.deleteIndicator));
  app.openapi(r.trend, async (c) => {
    requirePermission(c, 'read:indicators');
    return c.json(await indicatorTrend({ db, id: c.req.valid('param').id, ...c.req.valid('query') }), 200);
  }, hookFor(r.trend));
  return app;
}
