// Council analytics routes (issue #8): the regional dashboard by section, one figure as CSV, a
// drill-down limited to clients the viewer may already open, monthly snapshots with trends and
// a comparison of two months, and the council report (A4 Japanese PDF).
// Guard first, contract-validated input, one service call.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AnalyticsQuerySchema,
  AnalyticsSectionSchema,
  CompareQuerySchema,
  CompareResponseSchema,
  CreateReportSchema,
  DashboardResponseSchema,
  DrillDownQuerySchema,
  DrillDownResponseSchema,
  FigureIdSchema,
  MetricCatalogueSchema,
  ReportListItemSchema,
  ReportSchema,
  SectionResponseSchema,
  SnapshotSchema,
  TakeSnapshotSchema,
  TrendsQuerySchema,
  TrendsResponseSchema,
} from '../../../shared/contracts/analytics.js';
import type { AppEnv, Deps } from '../../deps.js';
import { permit, requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { sendFile } from '../../lib/send-file.js';
import { drillDownAnalytics } from './drill-down.js';
import { exportFigureCsv, getAnalyticsDashboard, getAnalyticsSection, metricCatalogue } from './analytics-views.js';
import { createCouncilReport, getCouncilReport, listCouncilReports, renderCouncilReportPdf } from './council-report.js';
import { compareSnapshots, getTrends, listSnapshots, snapshotAnalytics } from './snapshots.js';

const tags = ['地域分析（連携推進会議）'];
const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().meta({ format: 'binary' }) } } });
const R = z.object({ id: z.string().max(100) });
const read = permit('read:analytics');

const routes = {
  catalogue: createRoute({ method: 'get', path: '/analytics/metrics', tags, summary: '図表と推移の指標の一覧（名前・セクション）', ...read, responses: { 200: jsonResponse(MetricCatalogueSchema, '一覧'), ...standardErrors } }),
  dashboard: createRoute({ method: 'get', path: '/analytics/dashboard', tags, summary: '地域ダッシュボード（全セクション）。自市以外・地域全体の5人未満は「<5」', ...read, request: { query: AnalyticsQuerySchema }, responses: { 200: jsonResponse(DashboardResponseSchema, 'ダッシュボード'), ...standardErrors } }),
  section: createRoute({ method: 'get', path: '/analytics/sections/{section}', tags, summary: '1つのセクションの図表（定義つき）', ...read, request: { params: z.object({ section: AnalyticsSectionSchema }), query: AnalyticsQuerySchema }, responses: { 200: jsonResponse(SectionResponseSchema, 'セクション'), ...standardErrors } }),
  csv: createRoute({ method: 'get', path: '/analytics/figures/{figure}/csv', tags, summary: '1つの図表の CSV（画面と同じ秘匿、定義を先頭に記載。Excel 向け UTF-8 BOM つき）', ...read, request: { params: z.object({ figure: FigureIdSchema }), query: AnalyticsQuerySchema }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...standardErrors } }),
  drillDown: createRoute({ method: 'get', path: '/analytics/drill-down', tags, summary: '集計のセルから個人へ（自分がもともと見られる利用者だけ。自市以外は不可）', ...read, request: { query: DrillDownQuerySchema }, responses: { 200: jsonResponse(DrillDownResponseSchema, '利用者'), ...standardErrors } }),
  snapshots: createRoute({ method: 'get', path: '/analytics/snapshots', tags, summary: '月次スナップショットの一覧（新しい順）', ...read, responses: { 200: jsonResponse(items(SnapshotSchema), '一覧'), ...standardErrors } }),
  takeSnapshot: createRoute({ method: 'post', path: '/analytics/snapshots', tags, summary: '月次スナップショットを取る（同じ月はやり直しても1つ。冪等）', ...permit('take:analytics-snapshot'), request: { body: jsonBody(TakeSnapshotSchema) }, responses: { 200: jsonResponse(SnapshotSchema, 'スナップショット'), ...standardErrors } }),
  trends: createRoute({ method: 'get', path: '/analytics/trends', tags, summary: '指標の推移（月次スナップショットから。5人未満は「<5」）', ...read, request: { query: TrendsQuerySchema }, responses: { 200: jsonResponse(TrendsResponseSchema, '推移'), ...standardErrors } }),
  compare: createRoute({ method: 'get', path: '/analytics/compare', tags, summary: '2つの月の比較（スナップショット）', ...read, request: { query: CompareQuerySchema }, responses: { 200: jsonResponse(CompareResponseSchema, '比較'), ...standardErrors } }),
  reports: createRoute({ method: 'get', path: '/analytics/reports', tags, summary: '連携推進会議の報告書の一覧（新しい順）', ...read, responses: { 200: jsonResponse(items(ReportListItemSchema), '一覧'), ...standardErrors } }),
  createReport: createRoute({ method: 'post', path: '/analytics/reports', tags, summary: '報告書を作る（地域・期間・セクションを選ぶ。大きなギャップの要約と前回からの変化つき）', ...permit('create:analytics-report'), request: { body: jsonBody(CreateReportSchema) }, responses: { 201: jsonResponse(ReportSchema, '報告書'), ...standardErrors } }),
  report: createRoute({ method: 'get', path: '/analytics/reports/{id}', tags, summary: '報告書（要約・変化）', ...read, request: { params: R }, responses: { 200: jsonResponse(ReportSchema, '報告書'), ...standardErrors } }),
  reportPdf: createRoute({ method: 'get', path: '/analytics/reports/{id}/pdf', tags, summary: '報告書の PDF（A4、日本語、図表つき）', ...read, request: { params: R }, responses: { 200: binary('application/pdf', 'PDF'), ...standardErrors } }),
};

export function analyticsRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const config = deps.env.analytics;
  const r = routes;

  app.openapi(r.catalogue, async (c) => {
    requirePermission(c, 'read:analytics');
    return c.json(metricCatalogue(), 200);
  }, hookFor(r.catalogue));
  app.openapi(r.dashboard, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    return c.json(await getAnalyticsDashboard({ db, actor, config, query: c.req.valid('query') }), 200);
  }, hookFor(r.dashboard));
  app.openapi(r.section, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    return c.json(await getAnalyticsSection({ db, actor, config, section: c.req.valid('param').section, query: c.req.valid('query') }), 200);
  }, hookFor(r.section));
  app.openapi(r.csv, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    const f = await exportFigureCsv({ db, actor, config, figure: c.req.valid('param').figure, query: c.req.valid('query') });
    return sendFile(c, f.body, 'text/csv; charset=utf-8', f.filename, 'attachment') as never;
  }, hookFor(r.csv));
  app.openapi(r.drillDown, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    return c.json(await drillDownAnalytics({ db, actor, config, query: c.req.valid('query') }), 200);
  }, hookFor(r.drillDown));

  app.openapi(r.snapshots, async (c) => {
    requirePermission(c, 'read:analytics');
    return c.json({ items: await listSnapshots({ db }) }, 200);
  }, hookFor(r.snapshots));
  app.openapi(r.takeSnapshot, async (c) => {
    const actor = requirePermission(c, 'take:analytics-snapshot');
    return c.json(await snapshotAnalytics({ db, config, month: c.req.valid('json').month, actor }), 200);
  }, hookFor(r.takeSnapshot));
  app.openapi(r.trends, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    return c.json(await getTrends({ db, actor, config, query: c.req.valid('query') }), 200);
  }, hookFor(r.trends));
  app.openapi(r.compare, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    return c.json(await compareSnapshots({ db, actor, config, query: c.req.valid('query') }), 200);
  }, hookFor(r.compare));

  app.openapi(r.reports, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    return c.json({ items: await listCouncilReports({ db, actor }) }, 200);
  }, hookFor(r.reports));
  app.openapi(r.createReport, async (c) => {
    const actor = requirePermission(c, 'create:analytics-report');
    return c.json(await createCouncilReport({ db, actor, config, input: c.req.valid('json') }), 201);
  }, hookFor(r.createReport));
  app.openapi(r.report, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    return c.json(await getCouncilReport({ db, actor, id: c.req.valid('param').id }), 200);
  }, hookFor(r.report));
  app.openapi(r.reportPdf, async (c) => {
    const actor = requirePermission(c, 'read:analytics');
    const f = await renderCouncilReportPdf({ db, actor, config, id: c.req.valid('param').id });
    return sendFile(c, f.body, 'application/pdf', f.filename) as never;
  }, hookFor(r.reportPdf));

  return app;
}
