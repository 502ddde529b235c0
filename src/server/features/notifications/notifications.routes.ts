import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { NotificationListQuerySchema, NotificationListSchema, OutboxEmailSchema } from '../../../shared/contracts/notifications.js';
import type { AppEnv, Deps } from '../../deps.js';
import { writeAudit } from '../../lib/audit.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { listMyNotifications, listOutbox, markAllNotificationsRead, markNotificationRead } from './notify.js';

const tags = ['お知らせ'];
const routes = {
  list: createRoute({ method: 'get', path: '/notifications', tags, summary: '自分へのお知らせ（新しい順、未読数つき）', request: { query: PageQuerySchema.extend(NotificationListQuerySchema.shape) }, responses: { 200: jsonResponse(NotificationListSchema, '一覧'), ...standardErrors } }),
  read: createRoute({ method: 'post', path: '/notifications/{id}/read', tags, summary: 'お知らせを既読にする', request: { params: z.object({ id: z.string().max(100) }) }, responses: { 204: { description: '既読にしました' }, ...standardErrors } }),
  readAll: createRoute({ method: 'post', path: '/notifications/read-all', tags, summary: 'すべて既読にする', responses: { 200: jsonResponse(z.object({ updated: z.number().int() }), '既読にした件数'), ...standardErrors } }),
  outbox: createRoute({ method: 'get', path: '/admin/outbox', tags: ['管理: メール'], summary: '送信待ちメール（SMTP 未設定時の送信箱）', request: { query: PageQuerySchema }, responses: { 200: jsonResponse(listOf(OutboxEmailSchema), '一覧'), ...standardErrors } }),
};

export function notificationRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(routes.list, async (c) => {
    const actor = requirePermission(c, 'read:notifications');
    const q = c.req.valid('query');
    return c.json(await listMyNotifications({ db, userId: actor.userId, unreadOnly: q.unreadOnly === 'true', limit: q.limit, cursor: q.cursor }), 200);
  }, hookFor(routes.list));
  app.openapi(routes.read, async (c) => {
    const actor = requirePermission(c, 'read:notifications');
    await markNotificationRead({ db, userId: actor.userId, id: c.req.valid('param').id });
    return c.body(null, 204);
  }, hookFor(routes.read));
  app.openapi(routes.readAll, async (c) => {
    const actor = requirePermission(c, 'read:notifications');
    return c.json({ updated: await markAllNotificationsRead({ db, userId: actor.userId }) }, 200);
  }, hookFor(routes.readAll));
  app.openapi(routes.outbox, async (c) => {
    const actor = requirePermission(c, 'read:outbox');
    const q = c.req.valid('query');
    // The outbox holds e-mail addresses of people outside the network: reading it is logged.
    await writeAudit(db, actor.audit, { action: 'outbox.read', entityType: 'outbox_email' });
    return c.json(await listOutbox({ db, limit: q.limit, cursor: q.cursor }), 200);
  }, hookFor(routes.outbox));
  return app;
}
