import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { AuditEventSchema, AuditQuerySchema } from '../../../shared/contracts/audit.js';
import type { AppEnv, Deps } from '../../deps.js';
import { writeAudit } from '../../lib/audit.js';
import { permit, requirePermission } from '../../lib/guards.js';
import { hookFor, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { searchAuditEvents, exportAuditEvents } from './search-audit-events.js';
import { verifyAuditChain } from '../../lib/audit.js';

const listRoute = createRoute({
  ...permit('read:audit'),
  method: 'get',
  path: '/audit',
  tags: ['管理: アクセスログ'],
  summary: 'アクセスログの検索（新しい順）',
  request: { query: PageQuerySchema.extend(AuditQuerySchema.shape) },
  responses: { 200: jsonResponse(listOf(AuditEventSchema), '一覧'), ...standardErrors },
});
const exportRoute = createRoute({
  ...permit('read:audit'),
  method: 'get',
  path: '/audit/export.csv',
  tags: ['管理: アクセスログ'],
  summary: 'アクセスログの CSV 出力（検索条件に一致するすべて、UTF-8 BOM 付き）',
  request: { query: AuditQuerySchema },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...standardErrors },
});
const verifyRoute = createRoute({
  ...permit('verify:audit'),
  method: 'post',
  path: '/audit/verify',
  tags: ['管理: アクセスログ'],
  summary: 'ハッシュチェーンの検証（改ざん・削除の検出）',
  responses: {
    200: jsonResponse(z.object({ ok: z.boolean(), checked: z.number(), firstBreak: z.object({ id: z.number(), reason: z.string() }).optional() }), '検証結果'),
    ...standardErrors,
  },
});

export function auditRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    requirePermission(c, 'read:audit');
    return c.json(await searchAuditEvents({ db: deps.db, ...c.req.valid('query') }), 200);
  }, hookFor(listRoute));

  app.openapi(exportRoute, async (c) => {
    const actor = requirePermission(c, 'read:audit');
    const filter = c.req.valid('query');
    const rows = await exportAuditEvents({ db: deps.db, ...filter });
    await writeAudit(deps.db, actor.audit, { action: 'audit.export', entityType: 'audit_event', details: { filter, rows: rows.length } });
    const csv = stringify(rows, {
      header: true,
      columns: [
        { key: 'id', header: 'ID' },
        { key: 'at', header: '日時' },
        { key: 'actorLabel', header: '操作者' },
        { key: 'actorUserId', header: '操作者ID' },
        { key: 'ip', header: 'IPアドレス' },
        { key: 'action', header: '操作' },
        { key: 'outcome', header: '結果' },
        { key: 'entityType', header: '対象の種類' },
        { key: 'entityId', header: '対象' },
        { key: 'clientId', header: '利用者ID' },
        { key: 'details', header: '詳細' },
      ],
      cast: { object: (v) => JSON.stringify(v) },
    });
    const name = `access-log-${new Date().toISOString().slice(0, 10)}.csv`;
    // BOM so that Excel opens UTF-8 Japanese correctly.
    return c.body('\uFEFF' + csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
  }, hookFor(exportRoute));

  app.openapi(verifyRoute, async (c) => {
    const actor = requirePermission(c, 'verify:audit');
    const result = await verifyAuditChain(deps.db);
    await writeAudit(deps.db, actor.audit, { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', entityType: 'audit_event', details: { checked: result.checked, firstBreak: result.firstBreak ?? null } });
    return c.json(result, 200);
  }, hookFor(verifyRoute));
  return app;
}
